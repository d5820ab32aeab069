"""The invalidation matrix: each kind of change x each page that shows it, and
another region's cached pages untouched (shared changes reach every region).

Each case caches the page in both regions (a second request is a hit), makes
one change in Dortmund (or in the shared tables), and asks again: the pages that
show the change are rendered anew, the others still come from the cache.
"""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from cms.materials.models import Material
from cms.pages.cache import HIT_HEADER
from cms.pages.models import ClubPortraitPage
from cms.pages.translations import page_translation_publish
from cms.taxonomy.models import FieldOfActivity
from cms.taxonomy.signals import terms_changed_send
from tenants.context import in_public, in_region
from tests.cms.factories import (
    ClubIndexPageFactory,
    ClubPortraitPageFactory,
    region_sections,
)
from tests.conftest import region_of, shared_by_module

pytestmark = pytest.mark.django_db

# The pages of a region that show one of its portraits.
SHOWING = {
    "home": lambda c: "/",
    "directory": lambda c: "/vereine/",
    "portrait": lambda c: c["portrait_url"],
    "portrait-en": lambda c: "/en" + c["portrait_url"],
    "sitemap": lambda c: "/sitemap.xml",
    "search": lambda c: "/suche/?q=Verein",
}


def _content(region):
    with in_region(region):
        sections = region_sections()
        portrait = ClubPortraitPageFactory(
            parent=sections["clubs"], title="Chor Harmonie Verein", published=True
        )
        # Every page has an alias in each language (docs/languages.md).
        portrait.copy_for_translation(
            Locale.objects.get(language_code="en"), copy_parents=True, alias=True
        )
        return {
            "region": region,
            "sections": sections,
            "portrait": portrait,
            "portrait_url": portrait.get_url(),
        }


def _publish(c):
    page = c["portrait"]
    page.title = "Chor Harmonie Verein neu"
    page.save_revision().publish()


def _unpublish(c):
    c["portrait"].unpublish()


def _move(c):
    target = ClubIndexPageFactory(
        parent=c["sections"]["home"], title="Archiv", slug="archiv"
    )
    c["portrait"].move(target, pos="last-child")


def _delete(c):
    c["portrait"].delete()


def _translate(c):
    page_translation_publish(
        page=c["portrait"], language="en", fields={"title": "Harmony Choir Club"}
    )


def _restrict(c):
    PageViewRestriction.objects.create(
        page=c["portrait"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="geheim",
    )


REGION_CHANGES = {
    "publish": _publish,
    "view-restriction": _restrict,
    "unpublish": _unpublish,
    "move": _move,
    "delete": _delete,
    "translation": _translate,
}


def _term_save(c):
    with in_public():
        term = FieldOfActivity.objects.first()
        term.name_de = (term.name_de or "") + " (neu)"
        term.save()


def _terms_merged(c):
    with in_public():
        term = FieldOfActivity.objects.first()
    terms_changed_send(vocabulary=FieldOfActivity, term_ids=[term.pk])


def _material_save(c):
    with in_public():
        material = Material.objects.first()
        if material is not None:
            material.save()
            return
    # No material in the test database: a new topic of the library's own
    # vocabulary is a materials change too.
    from cms.materials.models import Topic

    with in_public():
        Topic.objects.create(slug="cache-topic", name="Thema")


SHARED_CHANGES = {
    "term-saved": _term_save,
    "terms-merged": _terms_merged,
    "material": _material_save,
}


def _get(client, url):
    response = client.get(url)
    return response.status_code, response.get(HIT_HEADER)


def _cache(clients, content, pages=SHOWING):
    """Cache ``pages`` of both regions: a second request is a hit."""
    for slug, client in clients.items():
        for page in pages:
            url = SHOWING[page](content[slug])
            client.get(url)
            assert _get(client, url) == (200, "hit"), (slug, url)


@pytest.fixture(scope="module")
def made(django_db_blocker):
    """The pages of both regions, made once for the module (each test's changes
    are rolled back with its transaction)."""
    with shared_by_module(django_db_blocker):
        content = {slug: _content(region_of(slug)) for slug in ("dortmund", "halle")}
        yield {
            slug: {
                "region": c["region"],
                "pks": {name: page.pk for name, page in c["sections"].items()},
                "portrait": c["portrait"].pk,
                "portrait_url": c["portrait_url"],
            }
            for slug, c in content.items()
        }


@pytest.fixture
def two_regions(made, db, region_client):
    """Clients of both regions and fresh copies of their pages."""
    content = {}
    for slug, c in made.items():
        with in_region(c["region"]):
            content[slug] = {
                "region": c["region"],
                "sections": {
                    name: Page.objects.get(pk=pk).specific
                    for name, pk in c["pks"].items()
                },
                "portrait": ClubPortraitPage.objects.get(pk=c["portrait"]),
                "portrait_url": c["portrait_url"],
            }
    clients = {slug: region_client(slug) for slug in content}
    return clients, content


@pytest.mark.parametrize("shown", SHOWING)
@pytest.mark.parametrize("change", REGION_CHANGES)
def test_region_change_renders_what_shows_it_anew_and_leaves_other_region_cached(
    two_regions, change, shown
):
    clients, content = two_regions
    _cache(clients, content, [shown])
    dortmund = content["dortmund"]
    with in_region(dortmund["region"]):
        REGION_CHANGES[change](dortmund)

    _status, hit = _get(clients["dortmund"], SHOWING[shown](dortmund))
    assert hit != "hit"
    # Halle's pages, search aside (it ranks every region's clubs), stay cached.
    status, hit = _get(clients["halle"], SHOWING[shown](content["halle"]))
    assert status == 200
    assert hit == ("miss" if shown == "search" else "hit")


@pytest.mark.parametrize("shown", SHOWING)
@pytest.mark.parametrize("change", SHARED_CHANGES)
def test_shared_change_renders_every_region_anew(two_regions, change, shown):
    clients, content = two_regions
    _cache(clients, content, [shown])
    SHARED_CHANGES[change](content["dortmund"])

    for slug, client in clients.items():
        status, hit = _get(client, SHOWING[shown](content[slug]))
        assert (status, hit) == (200, "miss"), slug


def test_published_change_shows_on_the_next_request(two_regions):
    clients, content = two_regions
    _cache(clients, content)
    dortmund = content["dortmund"]
    with in_region(dortmund["region"]):
        _publish(dortmund)
    # (The home page lists featured stories and coming events, not portraits.)
    for url in ("/vereine/", dortmund["portrait_url"], "/suche/?q=Verein"):
        response = clients["dortmund"].get(url)
        assert "Chor Harmonie Verein neu" in response.content.decode(), url


def test_english_translation_shows_on_the_next_request(two_regions):
    clients, content = two_regions
    _cache(clients, content, ["portrait-en"])
    dortmund = content["dortmund"]
    with in_region(dortmund["region"]):
        _translate(dortmund)
    response = clients["dortmund"].get("/en" + dortmund["portrait_url"])
    assert "Harmony Choir Club" in response.content.decode()


def test_unpublished_page_is_gone_on_the_next_request(two_regions):
    clients, content = two_regions
    _cache(clients, content, ["portrait", "directory"])
    dortmund = content["dortmund"]
    with in_region(dortmund["region"]):
        _unpublish(dortmund)
    assert clients["dortmund"].get(dortmund["portrait_url"]).status_code == 404
    directory = clients["dortmund"].get("/vereine/").content.decode()
    assert "Chor Harmonie Verein" not in directory


def test_renamed_menu_page_shows_in_every_pages_header_on_the_next_request(
    two_regions,
):
    clients, content = two_regions
    _cache(clients, content, ["home", "directory"])
    dortmund = content["dortmund"]
    with in_region(dortmund["region"]):
        events = dortmund["sections"]["events"]
        events.show_in_menus = True
        events.save_revision().publish()
    # The header fragment of the portrait is cached now, with the menu entry.
    clients["dortmund"].get(dortmund["portrait_url"])
    with in_region(dortmund["region"]):
        events.title = "Termine im Quartier"
        events.save_revision().publish()
    for url in ("/", "/vereine/", dortmund["portrait_url"]):
        page = clients["dortmund"].get(url).content.decode()
        assert "Termine im Quartier" in page, url
    halle = clients["halle"].get("/").content.decode()
    assert "Termine im Quartier" not in halle


def test_portal_search_follows_a_regions_publish(two_regions, portal_client):
    clients, content = two_regions
    portal_client.get("/suche/?q=Verein")
    assert _get(portal_client, "/suche/?q=Verein") == (200, "hit")
    dortmund = content["dortmund"]
    with in_region(dortmund["region"]):
        _publish(dortmund)
    response = portal_client.get("/suche/?q=Verein")
    assert response.get(HIT_HEADER) == "miss"
    assert "Chor Harmonie Verein neu" in response.content.decode()
