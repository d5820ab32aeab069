"""``GET /api/taxonomy`` and ``/api/openapi.json`` on every host."""

import pytest
from django.test import Client

from cms.taxonomy.models import FieldOfActivity, TargetGroup
from cms.taxonomy.services import term_create

pytestmark = pytest.mark.django_db

HOSTS = ["localhost", "dortmund.localhost", "potsdam.localhost", "halle.localhost"]


def _get(host: str, url: str):
    return Client(HTTP_HOST=host).get(url)


def test_the_same_taxonomy_on_the_portal_and_in_all_three_regions():
    bodies = [_get(host, "/api/taxonomy?lang=en").json() for host in HOSTS]
    assert all(body == bodies[0] for body in bodies)
    vocabularies = bodies[0]["vocabularies"]
    assert set(vocabularies) == {
        "fields_of_activity",
        "target_groups",
        "languages",
        "organisation_kinds",
        "migration_references",
        "districts",
    }
    fields = {t["slug"]: t for t in vocabularies["fields_of_activity"]}
    assert fields["youth"]["name"] == "Youth"
    assert fields["music"]["parent"] == "culture"
    assert {d["region"] for d in vocabularies["districts"]} == {
        "dortmund",
        "potsdam",
        "halle",
    }


def test_terms_come_in_their_order():
    body = _get("halle.localhost", "/api/taxonomy").json()
    for terms in body["vocabularies"].values():
        orders = [t["sort_order"] for t in terms]
        assert orders == sorted(orders)


def test_names_fall_back_to_german_where_a_translation_is_missing():
    term_create(vocabulary=TargetGroup, slug="grandparents", name="Großeltern")
    body = _get("dortmund.localhost", "/api/taxonomy?lang=ar").json()
    groups = {t["slug"]: t["name"] for t in body["vocabularies"]["target_groups"]}
    assert body["language"] == "ar"
    assert groups["grandparents"] == "Großeltern"
    assert groups["children"] == "الأطفال"


def test_each_language_gets_its_own_names():
    names = {
        lang: {
            t["slug"]: t["name"]
            for t in _get("localhost", f"/api/taxonomy?lang={lang}").json()[
                "vocabularies"
            ]["fields_of_activity"]
        }["sport"]
        for lang in ("de", "en", "tr", "ar", "ru", "uk")
    }
    assert names == {
        "de": "Sport",
        "en": "Sport",
        "tr": "Spor",
        "ar": "الرياضة",
        "ru": "Спорт",
        "uk": "Спорт",
    }


def test_descriptions_are_translated_too():
    body = _get("potsdam.localhost", "/api/taxonomy?lang=en").json()
    refs = {t["slug"]: t for t in body["vocabularies"]["migration_references"]}
    assert (
        refs["mixed"]["description"] == "Members with and without a migration history."
    )


def test_an_unknown_language_gets_a_clear_400():
    response = _get("halle.localhost", "/api/taxonomy?lang=xx")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Unknown language 'xx': use one of de, en, tr, ar, ru, uk."
    }


@pytest.mark.parametrize("host", HOSTS)
def test_every_host_serves_the_openapi_document(host):
    response = _get(host, "/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    operation = document["paths"]["/api/taxonomy"]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["lang"]
    assert set(operation["responses"]) == {"200", "400"}


# The domain lookup, then one query per vocabulary (6), and django-tenants'
# SET search_path once for each (the middleware's public lookup, the host's
# schema): TENANT_LIMIT_SET_CALLS, tests/tenants/test_search_path.py.
@pytest.mark.parametrize(
    ("host", "queries"), [("localhost", 9), ("dortmund.localhost", 9)]
)
def test_the_taxonomy_costs_the_same_queries_however_many_terms(
    host, queries, django_assert_num_queries
):
    with django_assert_num_queries(queries):
        assert _get(host, "/api/taxonomy").status_code == 200
    culture = FieldOfActivity.objects.get(slug="culture")
    for i in range(30):
        term_create(
            vocabulary=FieldOfActivity,
            slug=f"extra-{i}",
            name=f"Extra {i}",
            parent=culture,
        )
        term_create(vocabulary=TargetGroup, slug=f"group-{i}", name=f"Gruppe {i}")
    with django_assert_num_queries(queries):
        body = _get(host, "/api/taxonomy").json()
    assert len(body["vocabularies"]["target_groups"]) >= 30


def test_without_lang_the_browser_language_is_used():
    client = Client(HTTP_HOST="potsdam.localhost", HTTP_ACCEPT_LANGUAGE="tr")
    body = client.get("/api/taxonomy").json()
    groups = {t["slug"]: t["name"] for t in body["vocabularies"]["target_groups"]}
    assert body["language"] == "tr"
    assert groups["children"] == "Çocuklar"
