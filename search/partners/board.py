"""The matching board: ranked candidate pairs for one region's team.

Pairs have at least one club of the region, are not yet in contact (no
confirmed contact request between them) and were not decided on by this
region's team. Bounded work: the suggestions of ``BOARD_CLUBS`` clubs of the
region (those with or without migration reference first, the most recently
indexed first), pairs with and without migration reference favoured.
"""

from dataclasses import dataclass

from django.db.models import Q

from search.models import SearchDocument, facet_key
from search.partners.models import BoardDecision, ContactRequest
from search.partners.selectors import (
    INDEX_FIELDS,
    INDEX_LANGUAGE,
    Suggestion,
    migration_slugs,
    partner_suggestions,
    profile_from_row,
)
from tenants.context import in_public
from tenants.models import Region

BOARD_CLUBS = 12
PER_CLUB = 5
COMPLEMENT_FAVOUR = 3.0


@dataclass
class BoardPair:
    a: Suggestion  # the region's club (as a suggestion of itself: its row)
    b: Suggestion
    score: float


def _pair(x: tuple[int, int], y: tuple[int, int]) -> tuple:
    return (x, y) if x <= y else (y, x)


def board_pairs(
    *, region: Region, limit: int = 20, migrations: dict[int, str] | None = None
) -> list[BoardPair]:
    """The first ``limit`` candidate pairs for ``region``'s board, best first."""
    with in_public():
        migrations = migrations or migration_slugs()
        regions = dict(Region.objects.values_list("pk", "schema_name"))
        decided = {
            _pair((d.a_region_id, d.a_page_id), (d.b_region_id, d.b_page_id))
            for d in BoardDecision.objects.filter(region=region)
        }
        in_contact = {
            _pair(
                (c.target_region_id, c.target_page_id),
                (c.requester_region_id, c.requester_page_id),
            )
            for c in ContactRequest.objects.filter(
                Q(target_region=region) | Q(requester_region=region),
                requester_page_id__isnull=False,
            ).exclude(status=ContactRequest.Status.PENDING)
        }
        wanted = [
            facet_key("migration", pk)
            for pk, slug in migrations.items()
            if slug in ("with", "without")
        ]
        rows = list(
            SearchDocument.objects.filter(
                language=INDEX_LANGUAGE,
                facet_keys__contains=[facet_key("region", region.pk)],
                facet_keys__overlap=wanted,
            )
            .only(*INDEX_FIELDS)
            .order_by("-indexed_at", "-id")[:BOARD_CLUBS]
        )
    pairs: dict[tuple, BoardPair] = {}
    for row in rows:
        profile = profile_from_row(row, region_slugs=regions, migrations=migrations)
        me = (row.region_id, row.page_id)
        own = Suggestion(
            region_id=row.region_id,
            page_id=row.page_id,
            slug=row.slug,
            title=row.title,
            path=row.path,
            profile=profile,
            match=None,
        )
        for s in partner_suggestions(
            profile=profile, limit=PER_CLUB, migrations=migrations
        ):
            key = _pair(me, (s.region_id, s.page_id))
            if key in decided or key in in_contact or key in pairs:
                continue
            score = s.match.score + (COMPLEMENT_FAVOUR if s.match.complementary else 0)
            pairs[key] = BoardPair(a=own, b=s, score=round(score, 3))
    return sorted(pairs.values(), key=lambda p: (-p.score, p.a.title, p.b.title))[
        :limit
    ]
