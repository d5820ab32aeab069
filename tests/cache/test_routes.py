"""Sites and routes remembered per process (cms/pages/routing.py): the second
request of a page skips Wagtail's walk down the tree, and every change that moves
a page's address takes effect on the next request.

The page cache is off here, so that every request is routed and rendered.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from cms.pages.routing import local_routes
from tenants.context import in_region
from tests.cms.factories import (
    ClubIndexPageFactory,
    ClubPortraitPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.INSIST_PAGE_CACHE = False


@pytest.fixture
def pages(regions):
    made = {}
    for slug in ("dortmund", "halle"):
        with in_region(regions[slug]):
            sections = region_sections()
            portrait = ClubPortraitPageFactory(
                parent=sections["clubs"],
                title=f"Chor Harmonie {slug}",
                slug="chor-harmonie",
                published=True,
            )
            portrait.copy_for_translation(
                Locale.objects.get(language_code="en"), copy_parents=True, alias=True
            )
            made[slug] = {"sections": sections, "portrait": portrait}
    return made


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    sqls = [q["sql"] for q in captured.captured_queries]
    return response, sqls


def test_the_second_request_skips_the_walk_down_the_tree(pages, region_client):
    client = region_client("dortmund")
    first, first_sql = _queries(client, "/vereine/chor-harmonie/")
    second, second_sql = _queries(client, "/vereine/chor-harmonie/")
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert any("wagtailcore_site" in sql for sql in first_sql)
    assert not any("wagtailcore_site" in sql for sql in second_sql)
    assert len(second_sql) <= len(first_sql) - 4
    assert len(local_routes.get_many(list(local_routes._entries))) == 1


def test_same_path_in_each_region_and_language_is_its_own_page(pages, region_client):
    for _round in range(2):
        for slug in ("dortmund", "halle"):
            client = region_client(slug)
            html = client.get("/vereine/chor-harmonie/").content.decode()
            assert f"Chor Harmonie {slug}" in html
            english = client.get("/en/vereine/chor-harmonie/")
            assert english.status_code == 200
            assert 'lang="en"' in english.content.decode()
            assert english.content != client.get("/vereine/chor-harmonie/").content


def test_a_new_slug_moves_the_page_at_once(pages, region_client, regions):
    client = region_client("dortmund")
    assert client.get("/vereine/chor-harmonie/").status_code == 200
    with in_region(regions["dortmund"]):
        portrait = pages["dortmund"]["portrait"]
        portrait.slug = "chor-harmonie-dortmund"
        portrait.save_revision().publish()
    assert client.get("/vereine/chor-harmonie/").status_code == 404
    assert client.get("/vereine/chor-harmonie-dortmund/").status_code == 200


def test_unpublished_and_moved_pages_leave_their_old_address(
    pages, region_client, regions
):
    client = region_client("dortmund")
    assert client.get("/vereine/chor-harmonie/").status_code == 200
    with in_region(regions["dortmund"]):
        portrait = pages["dortmund"]["portrait"]
        archive = ClubIndexPageFactory(
            parent=pages["dortmund"]["sections"]["home"], title="Archiv", slug="archiv"
        )
        portrait.move(archive, pos="last-child")
    old = client.get("/vereine/chor-harmonie/")  # Wagtail's automatic redirect
    assert (old.status_code, old["Location"]) == (301, "/archiv/chor-harmonie/")
    assert client.get("/archiv/chor-harmonie/").status_code == 200
    with in_region(regions["dortmund"]):
        portrait.refresh_from_db()
        portrait.unpublish()
    assert client.get("/archiv/chor-harmonie/").status_code == 404


def test_a_view_restriction_applies_on_a_remembered_route(
    pages, region_client, regions, settings
):
    settings.INSIST_PAGE_CACHE = True  # and the stored page is not served either
    client = region_client("dortmund")
    client.get("/vereine/chor-harmonie/")
    assert client.get("/vereine/chor-harmonie/").status_code == 200
    with in_region(regions["dortmund"]):
        PageViewRestriction.objects.create(
            page=pages["dortmund"]["portrait"],
            restriction_type=PageViewRestriction.PASSWORD,
            password="geheim",
        )
    response = client.get("/vereine/chor-harmonie/")
    assert "Chor Harmonie dortmund" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_routable_page_resolves_its_sub_page_on_a_remembered_route(
    pages, region_client
):
    client = region_client("dortmund")
    for _ in range(2):
        response = client.get("/veranstaltungen/ical/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/calendar")
        assert client.get("/veranstaltungen/").status_code == 200
    assert client.get("/veranstaltungen/no-such-route/").status_code == 404


def test_an_unknown_path_is_never_remembered(pages, region_client):
    client = region_client("dortmund")
    for _ in range(2):
        assert client.get("/vereine/gibt-es-nicht/").status_code == 404
    assert all("gibt-es-nicht" not in key for key in local_routes._entries)


def test_a_logged_in_editor_is_routed_as_usual(pages, region_client, make_user):
    client = region_client("dortmund")
    client.get("/vereine/chor-harmonie/")
    remembered = len(local_routes._entries)
    client.force_login(make_user("dortmund", "editor-routes", superuser=True))
    assert client.get("/vereine/chor-harmonie/").status_code == 200
    assert len(local_routes._entries) == remembered
