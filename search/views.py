"""``/suche/``: the cross-region search page, on every region and the portal."""

from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from search.facets import PARAMS
from search.params import params_read
from search.presenters import result_present
from search.selectors import search
from tenants.context import is_public

FACET_LABELS = {
    "region": lambda: _("Region"),
    "activity": lambda: _("Field of activity"),
    "target_group": lambda: _("Target group"),
    "language": lambda: _("Club language"),
    "district": lambda: _("District"),
    "organisation_type": lambda: _("Kind of organisation"),
    "migration": lambda: _("Migration reference"),
}


def _link(base: dict[str, list[str]], q: str, **change) -> str:
    """``?q=...&activity=...``: the current search with one facet changed."""
    pairs = [("q", q)] if q else []
    slugs = {**base, **change}
    for facet, values in slugs.items():
        if facet == "region" and not values:
            pairs.append(("region", ""))  # all regions, not the host's default
        pairs.extend((facet, v) for v in values)
    return "?" + urlencode(pairs)


def search_page(request):
    """Query box, results of every region ranked together, facets, pages."""
    language = translation.get_language() or "de"
    region = None if is_public(getattr(request, "tenant", None)) else request.tenant
    read = params_read(
        request.GET,
        language=language,
        default_region=region.slug if region else None,
    )
    query = read.query
    result = search(query)
    shown = result_present(
        result=result, request=request, language=language, slugs=read.slugs
    )
    base = {facet: values for facet, values in read.slugs.items() if values}
    if "region" not in base:
        base["region"] = []
    facets = []
    for facet, values in shown["facets"].items():
        for value in values:
            chosen = base.get(facet, [])
            toggled = (
                [v for v in chosen if v != value["slug"]]
                if value["selected"]
                else [*chosen, value["slug"]]
            )
            value["link"] = _link(base, query.text, **{facet: toggled})
        facets.append({"key": facet, "label": FACET_LABELS[facet](), "values": values})
    pages = {}
    if query.page > 1:
        pages["previous"] = _link(base, query.text) + f"&page={query.page - 1}"
    if query.page < result.num_pages:
        pages["next"] = _link(base, query.text) + f"&page={query.page + 1}"
    context = {
        "q": query.text,
        "result": result,
        "hits": shown["hits"],
        "facets": facets,
        "problems": read.problems,
        "pages": pages,
        "past_end": query.page > result.num_pages,
        "first_page": _link(base, query.text),
        "hidden": [(f, v) for f, values in base.items() for v in values]
        + ([("region", "")] if region is not None and not base["region"] else []),
        "all_regions": region is not None and bool(base.get("region")),
        "facet_params": list(PARAMS),
    }
    return render(request, "search/search.html", context)
