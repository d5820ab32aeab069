"""Facet parameters: slugs in URLs and the API, ids in the index."""

from search.documents import FACET_VOCABULARIES
from tenants.context import in_public

# GET parameter of /suche/ and /api/search -> facet
PARAMS = {
    "region": "region",
    "activity": "activity",
    "target_group": "target_group",
    "language": "language",
    "district": "district",
    "organisation_type": "organisation_type",
    "migration": "migration",
}
# the regional club directory's GET keys -> facet
DIRECTORY_KEYS = {
    "feld": "activity",
    "zielgruppe": "target_group",
    "sprache": "language",
    "form": "organisation_type",
    "migration": "migration",
    "stadtteil": "district",
}
MAX_VALUES = 20


def term_ids_from_slugs(
    slugs: dict[str, list[str]],
) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    """``({facet: ids}, {facet: unknown slugs})``; regions by their slug."""
    from tenants.selectors import region_list

    ids: dict[str, list[int]] = {}
    unknown: dict[str, list[str]] = {}
    with in_public():
        for facet, values in slugs.items():
            values = [v for v in dict.fromkeys(values) if v][:MAX_VALUES]
            if not values:
                continue
            if facet == "region":
                found = dict(region_list(slugs=values).values_list("schema_name", "pk"))
            else:
                found = dict(
                    FACET_VOCABULARIES[facet]
                    .objects.filter(slug__in=values)
                    .values_list("slug", "pk")
                )
            ids[facet] = [found[v] for v in values if v in found]
            missing = [v for v in values if v not in found]
            if missing:
                unknown[facet] = missing
    return ids, unknown
