"""Users, sessions, caches and media of one region never reach another."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django_tenants.utils import schema_context
from wagtail.models import Site

from cms.pages.selectors import home_page
from tenants.context import in_region
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
    home, other, regions, make_user, region_client
):
    make_user(home, "ada", groups=["Regional admins"])
    client = region_client(other)

    response = _login(client, "ada")

    assert response.status_code == 200  # the form again, with an error
    assert "_auth_user_id" not in client.session
    with in_region(regions[other]):
        assert not get_user_model().objects.filter(username="ada").exists()
    assert _login(region_client(home), "ada").status_code == 302


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
def test_wagtail_site_root_paths_cache_is_per_region(regions):
    # Wagtail caches site root paths under one global key; without tenant keys a
    # Halle page's URL came back as a Dortmund URL (docs/traps.md, trap 2).
    urls = {}
    for slug in REGION_SLUGS:
        with in_region(regions[slug]):
            Site.get_site_root_paths()  # fills the cache in this region
            urls[slug] = home_page(region=regions[slug]).get_full_url()
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
