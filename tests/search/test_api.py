"""GET /api/search: its answer's shape, and its place in the OpenAPI document."""

import pytest

pytestmark = pytest.mark.django_db


def test_api_answers_count_results_and_facets(search_clubs, region_client):
    response = region_client("potsdam").get(
        "/api/search", {"q": "Fußball", "activity": ["football", "sport"]}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert body["count_is_estimate"] is False
    first = body["results"][0]
    assert set(first) >= {"region", "slug", "title", "url", "snippet", "score"}
    assert first["url"].startswith("http://")
    assert {r["region"] for r in body["results"]} == {"dortmund", "halle"}
    assert set(body["facets"]) == {
        "region",
        "activity",
        "target_group",
        "language",
        "district",
        "organisation_type",
        "migration",
    }
    regions = {v["slug"]: v["count"] for v in body["facets"]["region"]}
    assert regions == {"dortmund": 2, "halle": 1}


def test_api_filters_by_region_and_repeated_facets(search_clubs, portal_client):
    body = portal_client.get(
        "/api/search", {"region": "halle", "language": ["ar", "ru"]}
    ).json()
    assert body["results"]
    assert {r["region"] for r in body["results"]} == {"halle"}


def test_api_answers_in_the_requested_language(search_clubs, portal_client):
    body = portal_client.get("/api/search", {"q": "homework", "lang": "en"}).json()
    assert [r["url"] for r in body["results"]] == [
        "http://dortmund.localhost/en/vereine-suche/eltern-nord/"
    ]
    fields = body["facets"]["activity"]
    assert "Education and homework help" in {f["name"] for f in fields} or fields


def test_search_is_in_the_openapi_document(portal_client):
    schema = portal_client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/search"]["get"]
    names = {p["name"] for p in operation["parameters"]}
    assert names >= {
        "q",
        "region",
        "activity",
        "target_group",
        "language",
        "district",
        "organisation_type",
        "migration",
        "lang",
        "page",
    }
    assert "400" in operation["responses"]
