"""Every host serves its own site; an unknown host or path gets a 404, never a 500."""

import pytest

from tests.conftest import REGION_SLUGS


@pytest.mark.django_db
@pytest.mark.parametrize("slug", REGION_SLUGS)
def test_each_region_serves_its_own_home_page_by_host(slug, regions, region_client):
    response = region_client(slug).get("/")

    assert response.status_code == 200
    assert f"<h1>{regions[slug].name}</h1>" in response.content.decode()
    other_names = [r.name for s, r in regions.items() if s != slug]
    assert not any(name in response.content.decode() for name in other_names)


@pytest.mark.django_db
def test_portal_lists_the_three_regions_with_links(portal_client, regions):
    response = portal_client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    for slug, region in regions.items():
        assert region.name in html
        assert f'href="http://{slug}.localhost/"' in html


@pytest.mark.django_db
def test_unknown_host_gets_a_404_page(client):
    response = client.get("/", HTTP_HOST="nowhere.localhost")

    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in response.content.decode()


@pytest.mark.django_db
def test_portal_unknown_path_is_a_404_not_a_500(portal_client):
    response = portal_client.get("/no-such-page/")

    assert response.status_code == 404
    assert "<h1>Seite nicht gefunden</h1>" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("slug", REGION_SLUGS)
def test_region_unknown_path_is_a_404(slug, region_client):
    assert region_client(slug).get("/no-such-page/").status_code == 404


@pytest.mark.django_db
def test_portal_has_no_wagtail_admin(portal_client):
    # The portal's /admin/ is Django's admin for platform operators, not Wagtail.
    response = portal_client.get("/admin/login/")

    assert response.status_code == 200
    assert "wagtail" not in response.content.decode().lower()
