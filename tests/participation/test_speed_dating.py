"""The speed dating of a club fair in the admin: the plan, its recomputation
keeping held rounds, CSV, print view, schedules by mail, the demo."""

import csv
import io

import pytest
from django.test import override_settings
from django_tenants.utils import schema_context

from cms.pages.models import EventPage
from cms.participation.models import SpeedDating, SpeedDatingClub
from cms.participation.planning import BYE
from cms.participation.services import speed_dating_plan_update
from cms.taxonomy.models import MigrationReference
from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    club_directory,
    region_sections,
)

pytestmark = pytest.mark.django_db


def _speed_dating(clubs=6, names=None):
    sections = region_sections()
    fair = EventPageFactory(
        parent=sections["events"], kind=EventPage.Kind.FAIR, fair_speed_dating=True
    )
    speed_dating = SpeedDating.objects.create(event=fair, rounds=4)
    with_ref = MigrationReference.objects.get(slug="with")
    without = MigrationReference.objects.get(slug="without")
    for number in range(clubs):
        portrait = ClubPortraitPageFactory(
            parent=sections["clubs"],
            title=(names or {}).get(number, f"Verein {number}"),
            migration_reference=with_ref if number % 2 else without,
            contact_email=f"verein{number}@example.org",
            contact_consent=True,
            published=True,
        )
        SpeedDatingClub.objects.create(speed_dating=speed_dating, portrait=portrait)
    return speed_dating_plan_update(speed_dating=speed_dating)


def _pairs(plan):
    return [frozenset(t) for r in plan for t in r if t[1] is not BYE]


def test_plan_pairs_with_and_without_migration_reference_and_repeats_no_pair(
    regions,
):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=6)
        assert len(speed_dating.plan) == 4
        pairs = _pairs(speed_dating.plan)
        assert len(pairs) == len(set(pairs)) == 12
        refs = {
            c.pk: c.portrait.migration_reference.slug
            for c in speed_dating.clubs.select_related("portrait__migration_reference")
        }
        assert all(refs[a] != refs[b] for a, b in speed_dating.plan[0])


def test_changing_participants_recomputes_but_keeps_held_rounds(regions):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=7)
        held = speed_dating.plan[:2]
        speed_dating.rounds_held = 2
        speed_dating.save()
        leaving = speed_dating.clubs.first()
        leaving_name = leaving.display_name
        leaving.delete()
        newcomer = ClubPortraitPageFactory(parent=club_directory(), published=True)
        SpeedDatingClub.objects.create(speed_dating=speed_dating, portrait=newcomer)
        speed_dating = speed_dating_plan_update(speed_dating=speed_dating)
        assert speed_dating.plan[:2] == held
        assert leaving_name in speed_dating.names.values()  # held rounds keep it
        pairs = _pairs(speed_dating.plan)
        assert len(pairs) == len(set(pairs))
        later = {k for r in speed_dating.plan[2:] for t in r for k in t if k}
        keys = set(speed_dating.clubs.values_list("pk", flat=True))
        assert later == keys


@override_settings(INSIST_PARTNER_SCORE="tests.participation.test_speed_dating.zero")
def test_partner_score_hook_is_read_from_the_setting(regions):
    called.clear()
    with schema_context("dortmund"):
        _speed_dating(clubs=4)
    assert called


called = []


def zero(a, b):
    called.append((a.key, b.key))
    return 0.0


def test_plan_csv_has_every_table_and_neutralises_formulas(
    regions, region_client, make_user
):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=5, names={0: '=HYPERLINK("http://x")'})
    admin = make_user("dortmund", "sd-admin", superuser=True)
    client = region_client("dortmund")
    client.force_login(admin)
    response = client.get(
        f"/admin/participation_speed_dating/{speed_dating.pk}/plan/csv/"
    )
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    body = rows[1:]
    assert len(body) == sum(len(r) for r in speed_dating.plan)
    cells = [cell for row in body for cell in row]
    assert '\'=HYPERLINK("http://x")' in cells
    assert not any(cell.startswith("=") for cell in cells)


def test_print_view_has_one_page_per_round_and_a_static_print_stylesheet(
    regions, region_client, make_user
):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=6, names={1: "<b>Fett</b>"})
    admin = make_user("dortmund", "sd-printer", superuser=True)
    client = region_client("dortmund")
    client.force_login(admin)
    base = f"/admin/participation_speed_dating/{speed_dating.pk}/plan/"
    body = client.get(base + "print/").content.decode()
    assert body.count('<section class="round">') == len(speed_dating.plan)
    assert "participation/plan-print.css" in body
    assert "<style" not in body and "<script" not in body
    assert "&lt;b&gt;Fett&lt;/b&gt;" in body
    assert client.get(base).status_code == 200


def test_plan_views_are_for_the_regions_staff_only(regions, region_client, make_user):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=2)
    client = region_client("dortmund")
    url = f"/admin/participation_speed_dating/{speed_dating.pk}/plan/csv/"
    assert client.get(url).status_code == 302  # to the login
    client.force_login(make_user("dortmund", "sd-nobody"))
    assert client.get(url).status_code in (302, 403)


def test_each_club_gets_its_own_schedule_on_the_editors_click(
    regions, region_client, make_user, mailoutbox
):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=3)
    admin = make_user("dortmund", "sd-sender", superuser=True)
    client = region_client("dortmund")
    client.force_login(admin)
    url = f"/admin/participation_speed_dating/{speed_dating.pk}/plan/send/"
    assert client.get(url).status_code == 405
    assert mailoutbox == []
    client.post(url)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "verein0@example.org",
        "verein1@example.org",
        "verein2@example.org",
    ]
    mail = next(m for m in mailoutbox if m.to == ["verein0@example.org"])
    assert "Verein 1" in mail.body and "Verein 2" in mail.body
    assert "Verein 0" in mail.body  # greeting


def test_saving_in_the_admin_recomputes_the_plan(regions, region_client, make_user):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=4)
        extra = ClubPortraitPageFactory(parent=club_directory(), published=True)
        clubs = list(speed_dating.clubs.all())
    admin = make_user("dortmund", "sd-editor", superuser=True)
    client = region_client("dortmund")
    client.force_login(admin)
    data = {
        "event": speed_dating.event_id,
        "rounds": 4,
        "minutes_per_round": 8,
        "rounds_held": 0,
        "clubs-TOTAL_FORMS": len(clubs) + 1,
        "clubs-INITIAL_FORMS": len(clubs),
        "clubs-MIN_NUM_FORMS": 0,
        "clubs-MAX_NUM_FORMS": 1000,
    }
    for i, club in enumerate([*clubs, None]):
        data.update(
            {
                f"clubs-{i}-id": club.pk if club else "",
                f"clubs-{i}-portrait": club.portrait_id if club else extra.pk,
                f"clubs-{i}-registration": "",
                f"clubs-{i}-name": "",
                f"clubs-{i}-email": "",
                f"clubs-{i}-ORDER": i,
                f"clubs-{i}-DELETE": "",
            }
        )
    response = client.post(
        f"/admin/participation_speed_dating/edit/{speed_dating.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context("dortmund"):
        speed_dating.refresh_from_db()
        assert len(speed_dating.plan) == 4
        assert sum(1 for t in speed_dating.plan[0] if t[1] is BYE) == 1


def test_demo_gives_the_club_fair_a_speed_dating_with_a_plan_once(regions):
    """load_demo_content calls this after the pages (the whole demo is tested
    in tests/cms/test_demo.py; loading it here again would cost a minute)."""
    from cms.participation.demo import speed_dating_demo_load

    with schema_context("halle"):
        sections = region_sections()
        fair = EventPageFactory(
            parent=sections["events"], kind=EventPage.Kind.FAIR, fair_speed_dating=True
        )
        for _number in range(5):
            ClubPortraitPageFactory(parent=sections["clubs"], published=True)
        first = speed_dating_demo_load(region=regions["halle"])
        again = speed_dating_demo_load(region=regions["halle"])
        speed_dating = SpeedDating.objects.get(event=fair)
        assert speed_dating.clubs.count() == 5
        assert len(speed_dating.plan) == 5
        assert first[0][1] is True and again[0][1] is False


def test_moderators_open_the_plan_and_editors_do_not(regions, region_client, make_user):
    with schema_context("dortmund"):
        speed_dating = _speed_dating(clubs=2)
    url = f"/admin/participation_speed_dating/{speed_dating.pk}/plan/"
    moderator = region_client("dortmund")
    moderator.force_login(make_user("dortmund", "sd-mod", groups=["Moderators"]))
    assert moderator.get(url).status_code == 200
    editor = region_client("dortmund")
    editor.force_login(make_user("dortmund", "sd-ed", groups=["Editors"]))
    assert editor.get(url).status_code in (302, 403)
