"""Suggestions from the index and ``GET /api/partners``: ranking, reasons in the
visitor's language, filters, and clear 400s for bad input."""

import pytest

from search.partners.selectors import partner_suggestions, profile_of_club
from tests.conftest import region_of

pytestmark = pytest.mark.django_db


def _api(client, **params):
    return client.get("/api/partners", params)


def test_the_neighbour_offering_what_the_club_seeks_comes_first(partner_clubs):
    profile = profile_of_club(region=region_of("dortmund"), slug="jugendtreff-nord")
    assert profile.seeks == "Sporttrainer für Jugendliche."
    suggestions = partner_suggestions(profile=profile)
    keys = [s.slug for s in suggestions]
    assert keys[0] == "sportverein-nord"
    assert "jugendtreff-nord" not in keys
    # the youth club in Halle shares field, group and the offer, but is far away;
    # the choir shares no field or group and nothing it seeks: no candidate
    assert keys == ["sportverein-nord", "jugendsport-halle"]


def test_api_answers_suggestions_with_reasons_in_german(partner_clubs, portal_client):
    response = _api(portal_client, club="dortmund:jugendtreff-nord", lang="de")
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["region"] == "dortmund"
    assert first["slug"] == "sportverein-nord"
    assert first["url"].startswith("http://dortmund.localhost")
    assert first["url"].endswith("/sportverein-nord/")
    assert first["reasons"][0] == "beide engagieren sich für Jugend in Innenstadt-Nord"
    assert "ihr sucht Sporttrainer, sie bieten es an" in first["reasons"]
    assert "sie suchen Dolmetscher, ihr bietet es an" in first["reasons"]


def test_api_answers_reasons_in_english(partner_clubs, portal_client):
    response = _api(portal_client, club="dortmund:jugendtreff-nord", lang="en")
    reasons = response.json()["results"][0]["reasons"]
    assert reasons[0] == "both are active in Youth in Innenstadt-Nord"
    assert "one with and one without migration background" in reasons


def test_region_filter_leaves_only_that_regions_clubs(partner_clubs, portal_client):
    response = _api(
        portal_client, club="dortmund:jugendtreff-nord", only_region="halle"
    )
    assert [r["slug"] for r in response.json()["results"]] == ["jugendsport-halle"]


def test_migration_filter_leaves_only_clubs_without(partner_clubs, portal_client):
    response = _api(
        portal_client, club="dortmund:jugendtreff-nord", only_migration="without"
    )
    slugs = {r["slug"] for r in response.json()["results"]}
    assert slugs == {"sportverein-nord", "jugendsport-halle"}


def test_a_described_club_without_account_gets_suggestions(
    partner_clubs, portal_client
):
    response = _api(
        portal_client,
        activity="music",
        target_group="seniors",
        district="dortmund-innenstadt-west",
        migration="with",
        seeks="Konzerte",
        lang="en",
    )
    assert response.status_code == 200, response.json()
    first = response.json()["results"][0]
    assert first["slug"] == "seniorenchor-west"
    assert "you look for Konzerte, they offer it" in first["reasons"]


@pytest.mark.parametrize(
    "params, words",
    [
        ({"club": "dortmund"}, "<region>:<slug>"),
        ({"club": "atlantis:verein"}, "No region has the slug 'atlantis'"),
        ({"club": "dortmund:gibt-es-nicht"}, "No published club portrait"),
        ({"club": "dortmund:a\x00b"}, "NUL"),
        ({}, "Name a club"),
        ({"activity": "quidditch"}, "Unknown activity: quidditch"),
        ({"seeks": "x" * 1001}, "longer than 1000"),
        ({"activity": "youth", "migration": "sometimes"}, "Unknown migration"),
        ({"club": "dortmund:jugendtreff-nord", "only_region": "mars"}, "mars"),
        ({"club": "dortmund:jugendtreff-nord", "lang": "xx"}, ""),
    ],
)
def test_bad_input_answers_400_with_a_sentence(
    partner_clubs, portal_client, params, words
):
    response = _api(portal_client, **params)
    assert response.status_code == 400
    assert words in response.json()["detail"]
