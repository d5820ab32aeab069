"""German-aware search and filters in the library."""

import pytest
from django.test import Client
from django.utils import translation

from cms.materials.models import Material, Topic
from cms.materials.selectors import LibraryFilters, material_library
from tests.materials.conftest import make_material

pytestmark = pytest.mark.django_db

S = Material.Scope


@pytest.fixture
def library(regions):
    halle = regions["halle"]
    materials = {
        "konflikt": make_material(
            halle,
            title="Methodenkarte: Ein Konflikt im Vorstand",
            summary="Wie ein Vorstand Streit moderiert: ein aktueller Fall.",
        ),
        "uebung": make_material(
            halle,
            title="Übung zum Perspektivwechsel",
            summary="Vorurteile erkennen, gemeinsam mit Jugendlichen.",
            format=Material.Format.WORKSHEET,
        ),
        "foerderung": make_material(
            halle,
            title="Fördermittel beantragen",
            summary="Schritt für Schritt zum Förderantrag.",
            licence=Material.Licence.CC0,
        ),
    }
    materials["uebung"].topics.set(Topic.objects.filter(slug="anti-discrimination"))
    materials["uebung"].save()
    return halle, materials


def _found(region, **filters) -> list[int]:
    with translation.override("de"):
        return [
            m.pk
            for m in material_library(region=region, filters=LibraryFilters(**filters))
        ]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("Konflikte", "konflikt"),  # plural finds singular (german stemming)
        ("konflikts", "konflikt"),
        ("Übungen", "uebung"),  # umlaut, plural
        ("ubung", "uebung"),  # typed without the umlaut
        ("Uebung", "uebung"),  # umlaut written out, folded as the club search does
        ("aktueller", "konflikt"),  # "ue" that is no umlaut matches as written
        ("Förderanträge", "foerderung"),
        ("Vorurteil", "uebung"),
        ("Streit moderieren", "konflikt"),
    ],
)
def test_search_is_german_aware(library, query, key):
    region, materials = library
    found = _found(region, q=query)
    if key is None:
        assert found == []
    else:
        assert found[0] == materials[key].pk


def test_filters_narrow_by_topic_format_and_licence(library):
    region, materials = library
    assert _found(region, thema="anti-discrimination") == [materials["uebung"].pk]
    assert _found(region, format="worksheet") == [materials["uebung"].pk]
    assert _found(region, lizenz="cc0-1.0") == [materials["foerderung"].pk]
    assert _found(region, thema="anti-discrimination", format="handout") == []


def test_the_library_page_searches_and_ignores_nul_bytes(library, libraries):
    _region, materials = library
    client = Client(HTTP_HOST="halle.localhost")
    html = client.get("/materialien/", {"q": "Konflikte"}).content.decode()
    assert materials["konflikt"].title_de in html
    assert materials["foerderung"].title_de not in html
    # Refused before any query with a reason (platform/insist/middleware.py).
    response = client.get("/materialien/", {"q": "Konflikt\x00e", "thema": "\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_the_library_reads_german_on_a_german_page(library, libraries):
    html = Client(HTTP_HOST="halle.localhost").get("/materialien/").content.decode()
    assert "Materialien anzeigen" in html
    assert "Arbeitsblatt" in html  # the format of the "Übung" material
    assert "3 Materialien" in html


def test_library_and_api_queries_do_not_grow_with_the_materials(regions, libraries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(host, path):
        client = Client(HTTP_HOST=host)
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    paths = [
        ("halle.localhost", "/materialien/"),
        ("localhost", "/materialien/"),
        ("potsdam.localhost", "/api/materials"),
    ]
    counts = []
    for n in (1, 4):
        for i in range(n):
            material = make_material(
                regions["dortmund"], scope=S.PUBLIC, title=f"Material {n}-{i}"
            )
            material.topics.set(Topic.objects.all()[:2])
            material.save()
        counts.append([count(host, path) for host, path in paths])
    assert counts[0] == counts[1]


def test_search_in_another_language_reads_that_languages_texts(regions):
    material = make_material(
        regions["potsdam"],
        title="Leitfaden Kooperationsvereinbarung",
        translations={"en": {"title": "Guide to cooperation agreements"}},
    )
    with translation.override("en"):
        found = [
            m.pk
            for m in material_library(
                region=regions["potsdam"], filters=LibraryFilters(q="agreements")
            )
        ]
    assert found == [material.pk]
    # German visitors search the German text only.
    assert _found(regions["potsdam"], q="agreements") == []
