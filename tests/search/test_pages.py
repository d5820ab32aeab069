"""/suche/ on every region and the portal, in every language; links, facets,
escaping, the header link, the home page's search box and the directory."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from tests.cms.factories import region_home
from tests.search.conftest import INDEX_SLUG

pytestmark = pytest.mark.django_db

# Pinned: a change here is a change in how the search page reads the database.
# Includes SET LOCAL enable_seqscan on and back, and the savepoint pair the test's
# own transaction adds around the search (a real request has no savepoints).
SEARCH_PAGE_QUERIES = 18


def _links(html):
    return re.findall(r'<h3><a href="([^"]+)">', html)


def test_portal_search_ranks_clubs_of_every_region_with_their_hosts(
    search_clubs, portal_client
):
    response = portal_client.get("/suche/", {"q": "Fußball"})
    assert response.status_code == 200
    html = response.content.decode()
    links = _links(html)
    assert "http://dortmund.localhost/vereine-suche/jugendfussball-hoerde/" in links
    assert "http://halle.localhost/vereine-suche/maedchenfussball-halle/" in links
    assert "Halle (Saale)" in html or "Halle" in html


def test_links_keep_the_port_and_scheme_of_the_request(search_clubs, portal_client):
    response = portal_client.get(
        "/suche/", {"q": "Moschee"}, SERVER_PORT="8000", HTTP_HOST="localhost:8000"
    )
    assert _links(response.content.decode()) == [
        "http://potsdam.localhost:8000/vereine-suche/interreligioeser-dialog/"
    ]


def test_a_region_preselects_itself_as_a_removable_facet(search_clubs, region_client):
    client = region_client("halle")
    html = client.get("/suche/", {"q": "Fußball"}).content.decode()
    assert _links(html) == [
        "http://halle.localhost/vereine-suche/maedchenfussball-halle/"
    ]
    # the selected region links to the same search without it: all regions
    removal = re.search(r'<a href="([^"]+)" aria-current="true"', html).group(1)
    assert "region=&amp;" in removal or removal.endswith("region=")
    everywhere = client.get("/suche/", {"q": "Fußball", "region": ""})
    assert len(_links(everywhere.content.decode())) == 3


def test_every_language_prefix_serves_the_search(search_clubs, region_client):
    client = region_client("dortmund")
    for prefix in ("", "/en", "/tr", "/ar", "/ru", "/uk"):
        response = client.get(f"{prefix}/suche/", {"q": "Chor"})
        assert response.status_code == 200, prefix
    arabic = client.get("/ar/suche/").content.decode()
    assert 'dir="rtl"' in arabic


def test_english_visitors_are_linked_to_the_english_translation(
    search_clubs, portal_client
):
    html = portal_client.get("/en/suche/", {"q": "Hausaufgaben"}).content.decode()
    assert "http://dortmund.localhost/en/vereine-suche/eltern-nord/" in _links(html)


def test_results_show_region_district_activities_and_a_highlighted_snippet(
    search_clubs, portal_client
):
    html = portal_client.get("/suche/", {"q": "Kalligrafie"}).content.decode()
    assert "Syrischer Kulturverein Halle" in html
    assert '<span class="district">Neustadt</span>' in html
    assert "Kultur" in html and "Musik" in html
    assert "<mark>Kalligrafie</mark>" in html


def test_text_from_a_club_or_a_query_is_escaped(search_clubs, portal_client):
    index_html = portal_client.get(
        "/suche/", {"q": '<script>alert(1)</script> "><img src=x>'}
    ).content.decode()
    assert "<script>alert(1)" not in index_html
    assert "<img src=x>" not in index_html


def test_facets_show_counts_and_an_empty_query_lists_by_facets(
    search_clubs, portal_client
):
    html = portal_client.get("/suche/", {"activity": "football"}).content.decode()
    assert len(_links(html)) == 3
    assert "3 Vereine" in html
    for label in ("Region", "Tätigkeitsfeld", "Zielgruppe", "Stadtteil"):
        assert label in html


def test_pagination_links_the_next_page(search_clubs, portal_client, settings):
    settings.SEARCH_PAGE_SIZE = 5
    first = portal_client.get("/suche/").content.decode()
    assert 'rel="next"' in first and "page=2" in first
    second = portal_client.get("/suche/", {"page": "2"}).content.decode()
    assert len(_links(second)) == 5
    assert set(_links(first)).isdisjoint(_links(second))


def test_header_links_to_the_search_and_the_home_search_box_leads_there(
    search_clubs, region_client
):
    client = region_client("potsdam")
    home = client.get("/").content.decode()
    assert 'href="/suche/"' in home
    assert 'action="/suche/"' in home
    english_home = client.get("/en/")
    if english_home.status_code == 200:
        assert 'action="/en/suche/"' in english_home.content.decode()


def test_search_page_query_count_is_pinned(search_clubs, portal_client):
    portal_client.get("/suche/", {"q": "Verein", "activity": "culture"})
    with CaptureQueriesContext(connection) as queries:
        response = portal_client.get("/suche/", {"q": "Verein", "activity": "culture"})
    assert response.status_code == 200
    counted = [q for q in queries if not q["sql"].startswith("SET search_path")]
    assert len(counted) == SEARCH_PAGE_QUERIES, [q["sql"][:80] for q in counted]


def test_the_directory_filters_through_the_index(search_clubs, region_client):
    client = region_client("dortmund")
    html = client.get(f"/{INDEX_SLUG}/", {"q": "Fussball"}).content.decode()
    assert "Jugendfußball Hörde 09" in html
    assert "Straßenfußball für Toleranz" in html
    assert "Chor der Kulturen" not in html
    filtered = client.get(f"/{INDEX_SLUG}/", {"feld": "music"}).content.decode()
    assert "Chor der Kulturen Dortmund" in filtered
    assert "Jugendfußball Hörde 09" not in filtered


def test_home_page_exists_for_the_test_region():
    with schema_context("potsdam"):
        assert region_home().live


def test_results_without_a_word_say_which_word_was_left_out(
    search_clubs, portal_client, region_client
):
    html = portal_client.get("/suche/", {"q": "Kulturverein Ukraine Potsdam"})
    page = html.content.decode()
    assert "Ukrainischer Verein Potsdam" in page
    assert "Kein Verein passt zu allen Ihren Suchwörtern" in page
    assert "ohne „kulturverein“" in page.lower()
    english = portal_client.get("/en/suche/", {"q": "Kulturverein Ukraine Potsdam"})
    assert "No club matches all of your words" in english.content.decode()

    api = portal_client.get("/api/search", {"q": "Kulturverein Ukraine Potsdam"})
    assert [w.lower() for w in api.json()["dropped_words"]] == ["kulturverein"]
    full = portal_client.get("/api/search", {"q": "Ukraine Potsdam"}).json()
    assert full["dropped_words"] == []


def test_the_directorys_name_filter_leaves_no_word_out(search_clubs, regions):
    """A filter narrows: the directory never answers with clubs that miss one
    of the words (the search page does, and says so)."""
    from search.selectors import directory_search

    keys = directory_search(
        region=regions["potsdam"],
        language="de",
        filters={"q": "Kulturverein Ukraine Potsdam"},
    )
    assert keys == []
    assert directory_search(
        region=regions["potsdam"], language="de", filters={"q": "Ukraine"}
    )
