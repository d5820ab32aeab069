"""Suggestions as the page and the API show them."""

from django.utils import translation

from search.documents import TermNames
from search.partners.selectors import Suggestion, suggestion_reasons
from search.presenters import region_hosts
from tenants.context import in_public
from tenants.selectors import region_list


def suggestions_present(
    *, suggestions: list[Suggestion], request, language: str
) -> list[dict]:
    """Region, slug, title, absolute URL, score and reasons in ``language``."""
    with in_public():
        regions = list(region_list())
    hosts = region_hosts(request, regions)
    slugs = {r.pk: r.slug for r in regions}
    names = TermNames()
    out = []
    with translation.override(language):
        for s in suggestions:
            out.append(
                {
                    "region": slugs.get(s.region_id, ""),
                    "slug": s.slug,
                    "title": s.title,
                    "url": hosts.get(s.region_id, "") + s.path,
                    "score": s.match.score,
                    "reasons": suggestion_reasons(s, language=language, names=names),
                }
            )
    return out
