"""Demo content of taking part: the club fair's speed dating with a plan."""

from cms.participation.models import SpeedDating, SpeedDatingClub
from cms.participation.services import speed_dating_plan_update
from tenants.context import runs_in_region
from tenants.models import Region

DEMO_CLUBS = 12


@runs_in_region
def speed_dating_demo_load(*, region: Region) -> list[tuple[str, bool]]:
    """The speed dating of ``region``'s demo club fair: its first portraits take
    part, the plan is computed. Idempotent (an existing speed dating is kept)."""
    from cms.pages.models import ClubPortraitPage, EventPage

    fair = (
        EventPage.objects.filter(
            kind=EventPage.Kind.FAIR,
            fair_speed_dating=True,
            locale__language_code="de",
        )
        .order_by("start")
        .first()
    )
    if fair is None:
        return [("speed dating: no club fair with speed dating", False)]
    if SpeedDating.objects.filter(event=fair).exists():
        return [("speed dating already there", False)]
    speed_dating = SpeedDating(event=fair, rounds=5, minutes_per_round=8)
    speed_dating.full_clean()
    speed_dating.save()
    portraits = ClubPortraitPage.objects.live().filter(locale__language_code="de")
    for number, portrait in enumerate(portraits.order_by("pk")[:DEMO_CLUBS]):
        SpeedDatingClub.objects.create(
            speed_dating=speed_dating, portrait=portrait, sort_order=number
        )
    speed_dating_plan_update(speed_dating=speed_dating)
    return [
        (
            f"speed dating at {fair.title}: {speed_dating.clubs.count()} clubs, "
            f"{len(speed_dating.plan)} rounds",
            True,
        )
    ]
