"""What the shared page cache never stores nor serves: pages with a CSRF token,
responses that set a cookie, messages, logged-in visitors, previews, POSTs."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone

from cms.pages.cache import HIT_HEADER
from cms.pages.models import EventPage
from tenants.context import in_region
from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dortmund_pages(regions):
    with in_region(regions["dortmund"]):
        sections = region_sections()
        portrait = ClubPortraitPageFactory(
            parent=sections["clubs"], title="Sportverein Nord", published=True
        )
        form_event = EventPageFactory(
            parent=sections["events"],
            registration=EventPage.Registration.FORM,
            capacity=20,
            start=timezone.now() + datetime.timedelta(days=9),
        )
        return {
            "portrait": portrait,
            "form_event": form_event,
            "portrait_url": portrait.get_url(),
            "form_event_url": form_event.get_url(),
        }


def _page_entries() -> int:
    # The locmem cache's keys: the stored pages of every region.
    return sum(":pagecache:page:" in key for key in cache._cache)


def test_page_with_a_registration_form_is_neither_stored_nor_served(
    dortmund_pages, region_client
):
    client = region_client("dortmund")
    url = dortmund_pages["form_event_url"]
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert response.get(HIT_HEADER) is None
    assert _page_entries() == 0


def test_no_stored_page_carries_a_csrf_token_or_a_cookie(dortmund_pages, region_client):
    client = region_client("dortmund")
    urls = ["/", "/vereine/", "/veranstaltungen/", dortmund_pages["portrait_url"]]
    urls.append(dortmund_pages["form_event_url"])
    for url in urls:
        client.get(url)
    assert _page_entries() == len(urls) - 1
    for url in urls[:-1]:
        response = region_client("dortmund").get(url)
        assert response.get(HIT_HEADER) == "hit"
        assert "csrfmiddlewaretoken" not in response.content.decode()
        assert not response.cookies
        assert "Set-Cookie" not in response


def test_logged_in_editor_is_never_served_nor_stored(
    dortmund_pages, region_client, make_user
):
    url = dortmund_pages["portrait_url"]
    anonymous = region_client("dortmund")
    anonymous.get(url)
    assert anonymous.get(url).get(HIT_HEADER) == "hit"

    editor = region_client("dortmund")
    editor.force_login(make_user("dortmund", "erika", superuser=True))
    cache.clear()
    response = editor.get(url)
    assert response.status_code == 200
    assert response.get(HIT_HEADER) is None
    assert _page_entries() == 0


def test_editor_sees_the_draft_in_preview_and_visitors_the_published_page(
    dortmund_pages, regions, region_client, make_user
):
    portrait = dortmund_pages["portrait"]
    url = dortmund_pages["portrait_url"]
    anonymous = region_client("dortmund")
    anonymous.get(url)
    with in_region(regions["dortmund"]):
        portrait.title = "Sportverein Nord (Entwurf)"
        revision = portrait.save_revision()

    editor = region_client("dortmund")
    editor.force_login(make_user("dortmund", "erika", superuser=True))
    preview = editor.get(f"/admin/pages/{portrait.pk}/revisions/{revision.pk}/view/")
    assert "Sportverein Nord (Entwurf)" in preview.content.decode()
    live = editor.get(url)
    assert live.get(HIT_HEADER) is None

    response = anonymous.get(url)
    assert response.get(HIT_HEADER) == "hit"
    assert "Entwurf" not in response.content.decode()


def test_messages_cookie_bypasses_the_cache(dortmund_pages, region_client):
    client = region_client("dortmund")
    client.get("/vereine/")
    assert client.get("/vereine/").get(HIT_HEADER) == "hit"
    client.cookies["messages"] = "anything"
    assert client.get("/vereine/").get(HIT_HEADER) is None


def test_post_is_never_answered_from_the_cache(dortmund_pages, region_client):
    client = region_client("dortmund", enforce_csrf_checks=False)
    url = dortmund_pages["portrait_url"]
    client.get(url)
    response = client.post(url, {})
    assert response.get(HIT_HEADER) != "hit"


def test_query_order_does_not_split_the_cache(dortmund_pages, region_client):
    client = region_client("dortmund")
    client.get("/suche/?q=Verein&page=1")
    assert client.get("/suche/?page=1&q=Verein").get(HIT_HEADER) == "hit"


def test_each_language_has_its_own_entry(dortmund_pages, region_client):
    client = region_client("dortmund")
    german = client.get("/")
    english = client.get("/en/")
    assert english.get(HIT_HEADER) == "miss"
    assert german.content != english.content
    assert client.get("/en/").get(HIT_HEADER) == "hit"


def test_cached_page_gets_this_responses_security_headers(
    dortmund_pages, region_client
):
    client = region_client("dortmund")
    first = client.get("/vereine/")
    again = client.get("/vereine/")
    assert again.get(HIT_HEADER) == "hit"
    for header in ("Content-Security-Policy", "X-Frame-Options", "Content-Language"):
        assert again.get(header) == first.get(header), header
    assert "nonce-" not in again["Content-Security-Policy"]


_CALLS = ("get_many", "get", "set", "set_many", "incr", "add")


def test_pages_render_and_publishing_works_while_the_cache_is_down(
    dortmund_pages, regions, region_client
):
    from unittest import mock

    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    # Our cache calls fail (Wagtail's own site-root cache is left working: with
    # Redis truly down, Wagtail fails before any page is rendered).
    broken = mock.Mock(**{f"{name}.side_effect": down for name in _CALLS})
    client = region_client("dortmund")
    with (
        mock.patch("cms.pages.cache.cache", broken),
        override_settings(INSIST_FRAGMENT_CACHE=True),
    ):
        with in_region(regions["dortmund"]):
            portrait = dortmund_pages["portrait"]
            portrait.title = "Sportverein Nord und Süd"
            portrait.save_revision().publish()
        for url in ("/", "/vereine/", dortmund_pages["portrait_url"]):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get(HIT_HEADER) is None
        assert "Sportverein Nord und Süd" in client.get("/vereine/").content.decode()
