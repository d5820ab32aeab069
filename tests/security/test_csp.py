"""Content-Security-Policy: strict on public pages, workable in the admin."""

import re

import pytest
from django_tenants.utils import schema_context

from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    StoryPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db

PUBLIC_POLICY = (
    "default-src 'none'; base-uri 'self'; connect-src 'self'; font-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; img-src 'self' data:; "
    "manifest-src 'self'; object-src 'none'; script-src 'self'; style-src 'self'"
)


def _directives(header: str) -> dict[str, list[str]]:
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


@pytest.fixture
def public_urls(regions):
    with schema_context("dortmund"):
        sections = region_sections()
        urls = [sections[name].url for name in ("home", "clubs", "stories", "events")]
        urls.append(ClubPortraitPageFactory(parent=sections["clubs"]).url)
        urls.append(StoryPageFactory(parent=sections["stories"]).url)
        urls.append(
            EventPageFactory(
                parent=sections["events"], registration="form", capacity=5
            ).url
        )
    return urls


def test_public_pages_have_the_strict_policy(public_urls, region_client):
    client = region_client("dortmund")
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _directives(response["Content-Security-Policy"]) == _directives(
            PUBLIC_POLICY
        ), url
        directives = _directives(response["Content-Security-Policy"])
        for name in ("script-src", "style-src"):
            assert directives[name] == ["'self'"]


def test_public_pages_carry_no_inline_script_or_style(public_urls, region_client):
    client = region_client("dortmund")
    for url in public_urls:
        body = client.get(url).content.decode()
        assert " style=" not in body, url
        assert "<style" not in body, url
        # Data blocks (JSON-LD) are not executed, so CSP allows them inline.
        scripts = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", body)
        executable = [
            tag
            for tag in scripts
            if not re.search(r'type="application/(ld\+)?json"', tag)
        ]
        assert executable == [], url
        assert not re.search(r"\son[a-z]+=", body), url


def test_portal_and_404_have_the_strict_policy(regions, portal_client, region_client):
    strict = _directives(PUBLIC_POLICY)
    assert _directives(portal_client.get("/")["Content-Security-Policy"]) == strict
    missing = region_client("halle").get("/gibt-es-nicht/")
    assert missing.status_code == 404
    assert _directives(missing["Content-Security-Policy"]) == strict


def test_admin_has_a_policy_it_works_under(regions, region_client, make_user):
    user = make_user("halle", "ed", groups=["Editors"])
    client = region_client("halle")
    with schema_context("halle"):
        client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    directives = _directives(response["Content-Security-Policy"])
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert all(
        source.startswith("'") or source in ("data:", "blob:")
        for sources in directives.values()
        for source in sources
    ), "the admin policy allows no other host"
    login = region_client("halle").get("/admin/login/")
    assert "'unsafe-inline'" in login["Content-Security-Policy"]


def test_portal_admin_has_the_admin_policy(regions, portal_client):
    response = portal_client.get("/admin/login/")
    assert (
        "'unsafe-inline'"
        in _directives(response["Content-Security-Policy"])["style-src"]
    )
