"""Fragments and cards (``{% pagefragment %}``, ``{% cards %}``): a page whose
fragments are stored renders the same HTML with far fewer queries, a card shows
a publish on the next request, and the worker's memory in front of Redis is
bounded and expires.

The page cache is off here: every request renders the page.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.pages.cache import ProcessMemory, local_fragments
from cms.pages.routing import local_routes
from tenants.context import in_region
from tests.cms.factories import ClubPortraitPageFactory, region_sections

pytestmark = pytest.mark.django_db

# /vereine/ with its filter form, cards, header, footer, hreflang links,
# language switcher and route stored: the host lookup (remembered in production,
# not in the tests), the page, Wagtail's privacy check (3), the locale, the
# search index's five statements (the ranked portraits), the test's savepoint
# pair and the portraits' rows. tests/cms/test_pages_queries.py counts the same
# page with nothing stored (31).
DIRECTORY_QUERIES_STORED = 14


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.INSIST_PAGE_CACHE = False


@pytest.fixture
def directory(regions):
    with in_region(regions["dortmund"]):
        sections = region_sections()
        portraits = [
            ClubPortraitPageFactory(
                parent=sections["clubs"], title=f"Verein Nummer {i}", published=True
            )
            for i in range(5)
        ]
    return {"sections": sections, "portraits": portraits}


def _count(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    queries = [
        q["sql"]
        for q in captured.captured_queries
        if not q["sql"].startswith("SET search_path")
        and "django_content_type" not in q["sql"]
    ]
    return response.content, queries


def test_stored_fragments_give_the_same_page_with_fewer_queries(
    directory, region_client
):
    client = region_client("dortmund")
    first, first_queries = _count(client, "/vereine/")
    again, stored_queries = _count(client, "/vereine/")
    assert again == first
    assert len(stored_queries) == DIRECTORY_QUERIES_STORED
    assert len(stored_queries) < len(first_queries) - 10
    # Neither the vocabularies of the filter form nor the cards' terms and logos.
    assert not any("taxonomy_" in sql for sql in stored_queries)
    assert not any("wagtailimages_" in sql for sql in stored_queries)


def test_a_worker_finds_what_another_worker_stored(directory, region_client):
    client = region_client("dortmund")
    first, _ = _count(client, "/vereine/")
    local_fragments.clear()  # this process forgets; Redis (here: locmem) keeps
    local_routes.clear()
    again, queries = _count(client, "/vereine/")
    assert again == first
    assert not any("taxonomy_" in sql for sql in queries)


def test_a_card_shows_a_publish_on_the_next_request(directory, region_client, regions):
    client = region_client("dortmund")
    client.get("/vereine/")
    with in_region(regions["dortmund"]):
        portrait = directory["portraits"][0]
        portrait.summary = "Neu: Hausaufgabenhilfe am Donnerstag"
        portrait.save_revision().publish()
    html = client.get("/vereine/").content.decode()
    assert "Neu: Hausaufgabenhilfe am Donnerstag" in html


def test_each_language_has_its_own_cards(directory, region_client, regions):
    with in_region(regions["dortmund"]):
        english = Locale.objects.get(language_code="en")
        for portrait in directory["portraits"]:
            portrait.copy_for_translation(english, copy_parents=True, alias=True)
    client = region_client("dortmund")
    german = client.get("/vereine/").content.decode()
    response = client.get("/en/vereine/")
    assert response.status_code == 200
    english = response.content.decode()
    slug = directory["portraits"][0].slug
    assert f'href="/en/vereine/{slug}/"' in english
    assert f'href="/en/vereine/{slug}/"' not in german
    assert f'href="/vereine/{slug}/"' in german


def test_the_cache_down_still_renders_every_card(directory, region_client):
    from unittest import mock

    client = region_client("dortmund")
    expected, _ = _count(client, "/vereine/")
    local_fragments.clear()
    local_routes.clear()
    broken = mock.Mock(
        **{
            f"{name}.side_effect": ConnectionError("down")
            for name in ("get", "get_many", "set", "set_many", "add", "incr")
        }
    )
    with mock.patch("cms.pages.cache.cache", broken):
        html, _ = _count(client, "/vereine/")
    for portrait in directory["portraits"]:
        assert portrait.title in html.decode()
    assert html.count(b'class="card"') == expected.count(b'class="card"')


def test_process_memory_is_bounded_and_expires(settings, monkeypatch):
    settings.INSIST_TEST_MEMORY_ENTRIES = 3
    memory = ProcessMemory("INSIST_TEST_MEMORY_ENTRIES", 100)
    memory.set_many({f"k{i}": i for i in range(5)})
    assert memory.get_many([f"k{i}" for i in range(5)]) == {"k2": 2, "k3": 3, "k4": 4}
    memory.get_many(["k2"])  # used: k3 is now the oldest
    memory.set_many({"k5": 5})
    assert set(memory.get_many(["k2", "k3", "k4", "k5"])) == {"k2", "k4", "k5"}

    from cms.pages import cache as page_cache

    now = page_cache.time.monotonic()
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: now + 10_000)
    assert memory.get_many(["k2", "k4", "k5"]) == {}


def test_nothing_of_a_fragment_is_stored_when_the_fragment_cache_is_off(
    directory, region_client, settings
):
    settings.INSIST_FRAGMENT_CACHE = False
    settings.INSIST_ROUTE_CACHE = False
    region_client("dortmund").get("/vereine/")
    assert not local_fragments._entries
    assert not any(":pagecache:fragment:" in key for key in cache._cache)
