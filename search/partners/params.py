"""Reading a partner request (a club reference or a described profile, and the
filters), for the page and the API alike. Nothing wrong reaches a query."""

from dataclasses import dataclass, field

from cms.taxonomy.models import District
from search.facets import term_ids_from_slugs
from search.partners.scoring import Profile
from search.partners.selectors import (
    migration_slugs,
    partner_suggestions,
    profile_of_club,
)
from tenants.context import in_public
from tenants.models import Region
from tenants.selectors import region_get

MAX_TEXT = 1000
PROFILE_FACETS = ("activity", "target_group", "language", "district", "migration")
# filter parameter -> facet
FILTERS = {
    "only_region": "region",
    "only_district": "district",
    "only_activity": "activity",
    "only_migration": "migration",
}


@dataclass
class PartnerParams:
    profile: Profile | None = None
    filters: dict[str, list[int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def suggestions(self, **kwargs):
        """``partner_suggestions`` for this profile within these filters (the
        page and the API ask the same)."""
        return partner_suggestions(
            profile=self.profile,
            **{f"{facet}_ids": self.filters.get(facet) for facet in FILTERS.values()},
            **kwargs,
        )


def _values(params, key: str, problems: list[str]) -> list[str]:
    values = [v.strip()[:80] for v in params.getlist(key) if v.strip()]
    if any("\x00" in v for v in values):
        problems.append(f"'{key}' contains a NUL byte.")
        return []
    return values


def partner_params_read(params) -> PartnerParams:
    """A profile from ``club=<region>:<slug>`` or from the profile fields
    (activity, target_group, language, district, migration: taxonomy slugs;
    offers, seeks: text), plus the ``only_*`` filters; sentences for what was
    wrong."""
    problems: list[str] = []
    read = PartnerParams(problems=problems)
    filter_slugs = {
        facet: _values(params, key, problems) for key, facet in FILTERS.items()
    }
    ids, unknown = term_ids_from_slugs(filter_slugs)
    for facet, values in unknown.items():
        problems.append(
            f"Unknown {facet.replace('_', ' ')} filter: {', '.join(values)}."
        )
    read.filters = ids
    club = params.get("club", "").strip()
    if club:
        if "\x00" in club:
            problems.append("'club' contains a NUL byte.")
            return read
        region_slug, _sep, slug = club.partition(":")
        if not region_slug or not slug:
            problems.append(
                "'club' must be <region>:<slug>, e.g. dortmund:kulturverein."
            )
            return read
        try:
            with in_public():
                region = region_get(slug=region_slug[:63])
        except Region.DoesNotExist:
            problems.append(f"No region has the slug '{region_slug[:63]}'.")
            return read
        read.profile = profile_of_club(region=region, slug=slug[:255])
        if read.profile is None:
            problems.append(
                f"No published club portrait '{slug[:255]}' in {region_slug}."
            )
        return read
    slugs = {facet: _values(params, facet, problems) for facet in PROFILE_FACETS}
    texts = {}
    for key in ("offers", "seeks"):
        value = params.get(key, "")
        if "\x00" in value:
            problems.append(f"'{key}' contains a NUL byte.")
            value = ""
        if len(value) > MAX_TEXT:
            problems.append(f"'{key}' is longer than {MAX_TEXT} characters.")
        texts[key] = value[:MAX_TEXT]
    if not any(slugs.values()) and not any(texts.values()):
        problems.append(
            "Name a club (club=<region>:<slug>) or describe one: at least a field "
            "of activity, a target group or what it offers or looks for."
        )
        return read
    term_ids, unknown = term_ids_from_slugs(
        {k: v for k, v in slugs.items() if k != "migration"}
    )
    for facet, values in unknown.items():
        problems.append(
            f"Unknown {facet.replace('_', ' ')}: {', '.join(values)} "
            "(use the slugs of GET /api/taxonomy)."
        )
    migration = (slugs["migration"] or [""])[0]
    if migration and migration not in migration_slugs().values():
        problems.append(f"Unknown migration reference: {migration}.")
    districts = term_ids.get("district", [])
    region = ""
    if districts:
        with in_public():
            district = District.objects.select_related("region").get(pk=districts[0])
            region = district.region.slug
    read.profile = Profile(
        region=region,
        activities=frozenset(term_ids.get("activity", [])),
        target_groups=frozenset(term_ids.get("target_group", [])),
        languages=frozenset(term_ids.get("language", [])),
        district=districts[0] if districts else None,
        migration=migration,
        offers=texts["offers"],
        seeks=texts["seeks"],
    )
    return read
