"""Users, sessions, caches and media of one region never reach another."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context
from wagtail.models import Page, Site

from tests.conftest import REGION_SLUGS

PASSWORD = "pw-Insist-2026"


def _login(client, username):
    return client.post(
        "/admin/login/", {"username": username, "password": PASSWORD}, follow=False
    )


@pytest.mark.django_db
@pytest.mark.parametrize("slug", REGION_SLUGS)
def test_regional_admin_logs_into_their_own_region(slug, make_user, region_client):
    make_user(slug, "ada", groups=["Regional admins"])
    client = region_client(slug)

    response = _login(client, "ada")

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("home", "other"),
    [(a, b) for a in REGION_SLUGS for b in REGION_SLUGS if a != b],
)
def test_account_of_one_region_cannot_log_into_another(
    home, other, make_user, region_client
):
    make_user(home, "ada", groups=["Regional admins"])
    client = region_client(other)

    response = _login(client, "ada")

    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("home", "other"),
    [(a, b) for a in REGION_SLUGS for b in REGION_SLUGS if a != b],
)
def test_session_cookie_of_one_region_is_refused_on_another(
    home, other, make_user, region_client
):
    # The same user id exists in both regions: a shared session table would log
    # the cookie's holder in as the other region's user (DESIGN.md, trap 5).
    make_user(home, "ada", groups=["Regional admins"])
    make_user(other, "bea", groups=["Regional admins"])
    own = region_client(home)
    assert _login(own, "ada").status_code == 302
    stolen = own.cookies["sessionid"].value

    foreign = region_client(other)
    foreign.cookies["sessionid"] = stolen
    response = foreign.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_session_cookie_is_host_only(make_user, region_client):
    make_user("dortmund", "ada", groups=["Regional admins"])
    client = region_client("dortmund")
    _login(client, "ada")

    assert client.cookies["sessionid"]["domain"] == ""


@pytest.mark.django_db
def test_cache_keys_differ_per_region():
    keys = set()
    for slug in ["public", *REGION_SLUGS]:
        with schema_context(slug):
            keys.add(cache.make_key("same-key"))
            cache.set("same-key", slug)
    assert len(keys) == 4
    for slug in REGION_SLUGS:
        with schema_context(slug):
            assert cache.get("same-key") == slug


@pytest.mark.django_db
def test_wagtail_site_root_paths_cache_is_per_region():
    # Wagtail caches site root paths under one global key; without tenant keys a
    # Halle page's URL came back as a Dortmund URL (DESIGN.md, trap 2).
    urls = {}
    for slug in REGION_SLUGS:
        with schema_context(slug):
            Site.get_site_root_paths()  # fills the cache in this region
            home = Page.objects.get(depth=2, locale__language_code="de").specific
            urls[slug] = home.get_full_url()
    for slug in REGION_SLUGS:
        assert urls[slug].startswith(f"http://{slug}.localhost"), urls


@pytest.mark.django_db
def test_media_paths_and_urls_differ_per_region(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    stored = {}
    for slug in REGION_SLUGS:
        with schema_context(slug):
            name = default_storage.save("logo.txt", ContentFile(slug.encode()))
            stored[slug] = (default_storage.path(name), default_storage.url(name))
    for slug, (path, url) in stored.items():
        assert path.startswith(str(tmp_path / slug) + "/")
        assert url.startswith(f"/media/{slug}/")
        with open(path) as handle:
            assert handle.read() == slug


@pytest.mark.django_db
def test_wagtail_background_work_runs_in_the_region_that_asked_for_it():
    # Wagtail 8 hands search indexing to django-tasks; a task that ran in the
    # public schema (or the last region used) would index into the wrong place.
    from wagtail.search.models import IndexEntry

    with schema_context("halle"):
        home = Page.objects.get(depth=2, locale__language_code="de").specific
        home.title = "Halle-Aufgabe"
        home.save_revision().publish()
        assert IndexEntry.objects.filter(title="Halle-Aufgabe").exists()
    for slug in ("dortmund", "potsdam"):
        with schema_context(slug):
            assert not IndexEntry.objects.filter(title="Halle-Aufgabe").exists()
