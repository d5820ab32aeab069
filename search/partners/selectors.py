"""Partner suggestions read from the cross-region index (public schema).

A bounded candidate set: a few small queries, each answered by a GIN index
with a LIMIT (same district and field; complementary migration reference and
field; the sought words in the candidates' text; any shared field or target
group), joined and ranked in Python by ``partner_score``. The work per request
is therefore bounded by ``CANDIDATES`` however many portraits there are.
"""

import re
from dataclasses import dataclass
from typing import NamedTuple

from cms.taxonomy.models import MigrationReference
from search.documents import CONFIGS, TermNames
from search.models import FACET_BASE, FACET_NAMES, SearchDocument, facet_key
from search.partners.scoring import Match, Profile, partner_match, reasons, stems
from tenants.context import in_public
from tenants.models import Region

# rows per candidate query; four queries at most
CANDIDATES = 100
INDEX_LANGUAGE = "de"  # every portrait has its German page: one row per club
INDEX_FIELDS = (
    "id",
    "region_id",
    "page_id",
    "slug",
    "title",
    "path",
    "facet_keys",
    "offers",
    "seeks",
)


class CandidateRow(NamedTuple):
    """The columns of an index row that matching reads (no model instance:
    hundreds per request)."""

    id: int
    region_id: int
    page_id: int
    slug: str
    title: str
    path: str
    facet_keys: list[int]
    offers: str
    seeks: str


_TSWORD = re.compile(r"[^\W\d_]{4,}")


@dataclass
class Suggestion:
    """One suggested partner: its index row, its profile and its match."""

    region_id: int
    page_id: int
    slug: str
    title: str
    path: str
    profile: Profile
    match: Match


def migration_slugs() -> dict[int, str]:
    with in_public():
        return dict(MigrationReference.objects.values_list("pk", "slug"))


def profile_from_row(
    row, *, region_slugs: dict[int, str], migrations: dict[int, str]
) -> Profile:
    """The profile of one index row (a ``SearchDocument`` or a ``CandidateRow``;
    facet keys split back into ids)."""
    facets: dict[str, list[int]] = {}
    for key in row.facet_keys:
        code, pk = divmod(key, FACET_BASE)
        facets.setdefault(FACET_NAMES.get(code, ""), []).append(pk)
    migration = next(
        (migrations[pk] for pk in facets.get("migration", []) if pk in migrations), ""
    )
    districts = facets.get("district", [])
    return Profile(
        region=region_slugs.get(row.region_id, ""),
        slug=row.slug,
        page_id=row.page_id,
        title=row.title,
        activities=frozenset(facets.get("activity", [])),
        target_groups=frozenset(facets.get("target_group", [])),
        languages=frozenset(facets.get("language", [])),
        district=districts[0] if districts else None,
        migration=migration,
        offers=row.offers,
        seeks=row.seeks,
    )


def profile_of_club(*, region: Region, slug: str) -> Profile | None:
    """The indexed profile of the portrait ``slug`` in ``region`` (German row,
    else any language), or None when the index has no such portrait."""
    with in_public():
        rows = SearchDocument.objects.filter(region=region, slug=slug)
        row = rows.filter(language=INDEX_LANGUAGE).first() or rows.first()
        if row is None:
            return None
        return profile_from_row(
            row, region_slugs={region.pk: region.slug}, migrations=migration_slugs()
        )


def _tsquery(text: str) -> str:
    """An OR query of the sought words (letters only: nothing else reaches SQL)."""
    words = sorted({w.lower() for w in stems(text).values() if _TSWORD.fullmatch(w)})
    return " | ".join(f"{w}:*" for w in words[:12])


def partner_suggestions(
    *,
    profile: Profile,
    region_ids: list[int] | None = None,
    district_ids: list[int] | None = None,
    activity_ids: list[int] | None = None,
    migration_ids: list[int] | None = None,
    limit: int = 20,
    exclude: set[tuple[int, int]] | None = None,
    migrations: dict[int, str] | None = None,
) -> list[Suggestion]:
    """Ranked partners for ``profile`` from every region, best first.

    Filters narrow the candidates (OR within one, AND across); ``exclude`` holds
    ``(region id, page id)`` pairs never to suggest (the club itself, pairs a
    team dismissed); ``migrations`` (id -> slug) saves reading the vocabulary.
    """
    with in_public():
        regions = dict(Region.objects.values_list("pk", "schema_name"))
        migrations = migrations or migration_slugs()
        slug_to_migration = {slug: pk for pk, slug in migrations.items()}
        base = SearchDocument.objects.filter(language=INDEX_LANGUAGE)
        for facet, ids in (
            ("region", region_ids),
            ("district", district_ids),
            ("activity", activity_ids),
            ("migration", migration_ids),
        ):
            if ids:
                base = base.filter(
                    facet_keys__overlap=[facet_key(facet, pk) for pk in ids]
                )
        if profile.page_id is not None:
            own = [pk for pk, slug in regions.items() if slug == profile.region]
            base = base.exclude(region_id__in=own, page_id=profile.page_id)
        shared = [facet_key("activity", pk) for pk in profile.activities] + [
            facet_key("target_group", pk) for pk in profile.target_groups
        ]
        queries = []
        if shared and profile.district is not None:
            queries.append(
                base.filter(facet_keys__overlap=shared).filter(
                    facet_keys__contains=[facet_key("district", profile.district)]
                )
            )
        other = {"with": "without", "without": "with"}.get(profile.migration)
        if shared and other in slug_to_migration:
            queries.append(
                base.filter(facet_keys__overlap=shared).filter(
                    facet_keys__contains=[
                        facet_key("migration", slug_to_migration[other])
                    ]
                )
            )
        sought = _tsquery(profile.seeks)
        if sought:
            queries.append(
                # a constant configuration (the German rows'): a per-row one
                # would keep the GIN index out of the plan
                base.extra(
                    where=[f"vector @@ to_tsquery('{CONFIGS[INDEX_LANGUAGE]}', %s)"],
                    params=[sought],
                )
            )
        if shared:
            queries.append(base.filter(facet_keys__overlap=shared))
        if not queries:
            queries.append(base.order_by("title_sort"))
        # one round trip: the bounded queries as one UNION ALL
        parts = [query.values_list(*INDEX_FIELDS)[:CANDIDATES] for query in queries]
        combined = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        rows: dict[int, CandidateRow] = {}
        for values in combined:
            rows.setdefault(values[0], CandidateRow(*values))
    exclude = exclude or set()
    suggestions = []
    for row in rows.values():
        if (row.region_id, row.page_id) in exclude:
            continue
        other_profile = profile_from_row(
            row, region_slugs=regions, migrations=migrations
        )
        match = partner_match(profile, other_profile)
        if match.score <= 0:
            continue
        suggestions.append(
            Suggestion(
                region_id=row.region_id,
                page_id=row.page_id,
                slug=row.slug,
                title=row.title,
                path=row.path,
                profile=other_profile,
                match=match,
            )
        )
    suggestions.sort(key=lambda s: (-s.match.score, s.title))
    return suggestions[:limit]


def suggestion_reasons(
    suggestion: Suggestion, *, language: str, names: TermNames | None = None
) -> list[str]:
    """The reasons of one suggestion in ``language`` (call it under
    ``translation.override(language)``)."""
    names = names or TermNames()
    with in_public():
        all_names = names.get(language)

    def by(facet: str) -> dict[int, str]:
        base = facet_key(facet, 0)
        return {
            key - base: name
            for key, name in all_names.items()
            if base <= key < base + FACET_BASE
        }

    district = suggestion.profile.district
    return reasons(
        suggestion.match,
        activity_names=by("activity"),
        group_names=by("target_group"),
        language_names=by("language"),
        district_name=by("district").get(district, "") if district else "",
    )
