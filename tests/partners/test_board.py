"""The matching board: candidate pairs with reasons, decisions remembered."""

import pytest
from django.contrib.auth.models import Group
from django_tenants.utils import schema_context

from search.partners.board import board_pairs
from search.partners.models import ContactRequest
from tests.conftest import region_of

pytestmark = pytest.mark.django_db


def _titles(pairs):
    return [(p.a.title, p.b.title) for p in pairs]


def test_board_ranks_the_with_without_neighbours_first(partner_clubs):
    pairs = board_pairs(region=region_of("dortmund"))
    assert {pairs[0].a.title, pairs[0].b.title} == {
        "Jugendtreff Nordstadt",
        "Sportverein Nordstadt 1920",
    }
    # every pair has a club of the region
    assert all(p.a.region_id == region_of("dortmund").pk for p in pairs)


def test_halle_board_holds_the_cross_region_pair(partner_clubs):
    pairs = board_pairs(region=region_of("halle"))
    assert ("Jugendsport Halle-Neustadt", "Jugendtreff Nordstadt") in _titles(pairs)


@pytest.fixture
def team(make_user, region_client):
    user = make_user("dortmund", "board-team")
    with schema_context("dortmund"):
        user.groups.add(Group.objects.get(name="Regional admins"))
    client = region_client("dortmund")
    client.force_login(user)
    return client


def _first_pair_keys(pairs):
    p = pairs[0]
    return f"{p.a.region_id}-{p.a.page_id}", f"{p.b.region_id}-{p.b.page_id}"


def test_a_pair_marked_not_a_fit_does_not_come_back(partner_clubs, team):
    response = team.get("/admin/partners/board/")
    assert response.status_code == 200
    assert "Sportverein Nordstadt 1920" in response.text
    before = board_pairs(region=region_of("dortmund"))
    a, b = _first_pair_keys(before)
    team.post(
        "/admin/partners/board/decide/", {"a": a, "b": b, "decision": "not_a_fit"}
    )
    after = board_pairs(region=region_of("dortmund"))
    assert _titles(before)[0] not in _titles(after)
    assert len(after) == len(before) - 1
    # the other region's board is its own
    assert board_pairs(region=region_of("halle"))


def test_opening_a_contact_request_from_the_board_removes_the_pair(partner_clubs, team):
    before = board_pairs(region=region_of("dortmund"))
    a, b = _first_pair_keys(before)
    team.post("/admin/partners/board/decide/", {"a": a, "b": b, "decision": "request"})
    contact = ContactRequest.objects.get()
    assert contact.status in ("new", "forwarded")
    assert _titles(before)[0] not in _titles(board_pairs(region=region_of("dortmund")))


def test_a_forged_decision_changes_nothing(partner_clubs, team):
    before = _titles(board_pairs(region=region_of("dortmund")))
    team.post(
        "/admin/partners/board/decide/", {"a": "x", "b": "1-2", "decision": "not_a_fit"}
    )
    a, b = _first_pair_keys(board_pairs(region=region_of("dortmund")))
    team.post("/admin/partners/board/decide/", {"a": a, "b": b, "decision": "maybe"})
    assert _titles(board_pairs(region=region_of("dortmund"))) == before


def test_demo_requests_come_in_several_statuses_and_once(partner_clubs):
    from search.partners.demo import partners_demo_load

    dortmund = region_of("dortmund")
    lines = partners_demo_load(region=dortmund)
    assert lines[0][1] is True
    statuses = set(ContactRequest.objects.values_list("status", flat=True))
    assert len(statuses) >= 2
    assert partners_demo_load(region=dortmund)[0][1] is False
