"""Reading a search request's parameters, for the page and the API alike."""

from dataclasses import dataclass, field

from django.conf import settings

from search.facets import PARAMS, term_ids_from_slugs
from search.selectors import SearchQuery

MAX_PAGE = 10_000


@dataclass
class ReadParams:
    query: SearchQuery
    slugs: dict[str, list[str]]
    problems: list[str] = field(default_factory=list)


def _has_nul(value: str) -> bool:
    return "\x00" in value


def params_read(params, *, language: str, default_region: str | None) -> ReadParams:
    """A ``SearchQuery`` from a QueryDict, and sentences for what was wrong.

    Nothing wrong reaches the database: a NUL byte, a page that is no whole
    number from 1, and slugs that name no term are reported, not queried.
    """
    problems: list[str] = []
    text = params.get("q", "")
    if _has_nul(text):
        problems.append("The query contains a NUL byte; remove it and search again.")
        text = ""
    slugs: dict[str, list[str]] = {}
    for param, facet in PARAMS.items():
        values = params.getlist(param)
        if any(_has_nul(v) for v in values):
            problems.append(f"'{param}' contains a NUL byte.")
            values = []
        slugs[facet] = [v.strip()[:80] for v in values if v.strip()]
    if "region" not in params and default_region:
        slugs["region"] = [default_region]
    ids, unknown = term_ids_from_slugs(slugs)
    for facet, values in unknown.items():
        problems.append(
            f"Unknown {facet.replace('_', ' ')}: {', '.join(values)} "
            "(use the slugs of GET /api/taxonomy)."
        )
    raw_page = params.get("page", "1") or "1"
    page = 1
    if _has_nul(raw_page) or not raw_page.strip().isdigit():
        problems.append("'page' must be a whole number from 1.")
    else:
        page = int(raw_page.strip()[:6])
        if not 1 <= page <= MAX_PAGE:
            problems.append(f"'page' must be a whole number from 1 to {MAX_PAGE}.")
            page = 1
    return ReadParams(
        query=SearchQuery(
            text=text,
            filters=ids,
            language=language,
            page=page,
            page_size=settings.SEARCH_PAGE_SIZE,
        ),
        slugs=slugs,
        problems=problems,
    )
