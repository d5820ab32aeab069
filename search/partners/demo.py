"""Demo contact requests in several statuses, from the demo portraits' board
candidates (``manage.py partners_demo``; ``load_demo_content`` runs it)."""

from django.utils import timezone

from search.partners.board import board_pairs
from search.partners.models import ContactRequest
from tenants.context import in_public
from tenants.models import Region

DEMO_DOMAIN = "demo.example.org"
STATUSES = ["new", "forwarded", "in_contact", "agreed", "declined"]


def partners_demo_load(*, region: Region) -> list[tuple[str, bool]]:
    """Up to five requests between the region's best board pairs, one per
    status; idempotent (requests of the demo domain are made once)."""
    with in_public():
        if ContactRequest.objects.filter(
            target_region=region, requester_email__endswith=f"@{DEMO_DOMAIN}"
        ).exists():
            return [("demo contact requests present", False)]
        regions = Region.objects.in_bulk()
    pairs = board_pairs(region=region, limit=len(STATUSES) + 3)
    made = 0
    for pair, status in zip(pairs[3:] or pairs, STATUSES, strict=False):
        # the first pairs stay on the board as candidates
        contact = ContactRequest(
            target_region=regions[pair.a.region_id],
            target_page_id=pair.a.page_id,
            target_title=pair.a.title,
            requester_region=regions[pair.b.region_id],
            requester_page_id=pair.b.page_id,
            requester_name="Demo Person",
            requester_club=pair.b.title,
            requester_email=f"anfrage{made + 1}@{DEMO_DOMAIN}",
            message="Wir würden gern gemeinsam ein Stadtteilfest organisieren.",
            consent=True,
            status=status,
            confirmed_at=timezone.now(),
        )
        contact.full_clean()
        with in_public():
            contact.save()
        made += 1
    return [(f"{made} demo contact requests", bool(made))]
