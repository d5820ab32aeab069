"""The partner finder page on region hosts and the portal, in two languages,
and the link to it from every portrait."""

import pytest
from django_tenants.utils import schema_context

pytestmark = pytest.mark.django_db


def test_portrait_links_to_the_partner_finder_for_itself(partner_clubs, region_client):
    page = partner_clubs["jugendtreff-nord"][1]
    with schema_context("dortmund"):
        url = page.url
    response = region_client("dortmund").get(url)
    assert response.status_code == 200
    assert 'href="/partner/?club=dortmund:jugendtreff-nord"' in response.text
    assert "Kooperationspartner finden" in response.text


def test_finder_from_a_portrait_lists_partners_with_german_reasons(
    partner_clubs, region_client
):
    response = region_client("halle").get("/partner/?club=dortmund:jugendtreff-nord")
    assert response.status_code == 200
    text = response.text
    assert text.index("Sportverein Nordstadt 1920") < text.index("Jugendsport Halle")
    assert "beide engagieren sich für Jugend in Innenstadt-Nord" in text


def test_finder_in_english_on_the_portal_for_a_described_club(
    partner_clubs, portal_client
):
    response = portal_client.get(
        "/en/partner/",
        {"activity": "youth", "migration": "with", "seeks": "Sporttrainer"},
    )
    assert response.status_code == 200
    assert "Find cooperation partners" in response.text
    assert "you look for Sporttrainer, they offer it" in response.text


def test_finder_without_a_question_shows_the_form_only(partner_clubs, portal_client):
    response = portal_client.get("/partner/")
    assert response.status_code == 200
    assert 'name="seeks"' in response.text
    assert "Vorgeschlagene Partner" not in response.text


def test_finder_refuses_bad_input_with_400_and_a_sentence(portal_client):
    response = portal_client.get("/partner/", {"activity": "x\x00y"})
    assert response.status_code == 400
    assert "NUL" in response.text
