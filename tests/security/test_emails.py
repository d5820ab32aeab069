"""Every email a region sends links to that region's own domain (trap 10)."""

import re

import pytest
from django.template import Context, Template
from django_tenants.utils import schema_context
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tenants.context import in_public, in_region
from tests.cms.factories import region_home

pytestmark = pytest.mark.django_db


def _links(body: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", body)


@pytest.mark.parametrize("slug", ["dortmund", "potsdam", "halle"])
def test_password_reset_links_to_the_region(slug, regions, make_user, region_client):
    from django.core import mail

    make_user(slug, "ada", groups=["Editors"])
    response = region_client(slug).post(
        "/admin/password_reset/", {"email": "ada@example.org"}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    links = _links(mail.outbox[0].body)
    assert links
    assert all(link.startswith(f"http://{slug}.localhost/admin/") for link in links)


def test_moderation_mails_link_to_the_region(regions, make_user, region_client):
    from django.core import mail

    make_user("halle", "mona", groups=["Moderators"])
    editor = make_user("halle", "eddi", groups=["Editors"])
    client = region_client("halle")
    with schema_context("halle"):
        client.force_login(editor)
        home_id = region_home().pk
    data = nested_form_data(
        {
            "title": "Neu",
            "slug": "neu",
            "kind": "other",
            "intro": "",
            "body": streamfield([]),
        }
    )
    data["action-submit"] = "action-submit"
    client.post(f"/admin/pages/add/pages/standardpage/{home_id}/", data)
    to_moderator = [m for m in mail.outbox if "mona@example.org" in m.to]
    assert to_moderator, [m.to for m in mail.outbox]
    bodies = " ".join(
        [m.body for m in to_moderator]
        + [alt[0] for m in to_moderator for alt in getattr(m, "alternatives", [])]
    )
    links = _links(bodies)
    assert links
    assert all(link.startswith("http://halle.localhost/") for link in links), links


def test_base_url_follows_the_region_outside_requests(regions, settings):
    settings.INSIST_URL_SCHEME = "https"
    settings.INSIST_URL_PORT = "443"
    template = Template(
        "{% load wagtailadmin_tags %}{% base_url_setting as b %}{{ b }}|"
        "{% build_absolute_url '/admin/x/' %}"
    )
    for slug in ("dortmund", "potsdam", "halle"):
        with in_region(regions[slug]):
            rendered = template.render(Context({}))
        assert rendered == f"https://{slug}.localhost|https://{slug}.localhost/admin/x/"
    with in_public():
        assert template.render(Context({})).startswith(settings.WAGTAILADMIN_BASE_URL)


def test_demo_port_is_kept_in_links(regions, settings):
    settings.INSIST_URL_PORT = "8000"
    template = Template("{% load wagtailadmin_tags %}{% base_url_setting %}")
    with in_region(regions["potsdam"]):
        assert template.render(Context({})) == "http://potsdam.localhost:8000"
