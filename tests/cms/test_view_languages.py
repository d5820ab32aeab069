"""Pages that are not Wagtail pages (search, partner finder, club forms, the
portal's library) switch language too: the same URL under each prefix, the
query kept; the INSIST logo leads to the start page in the visitor's language."""

import re

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en", "tr", "ar", "ru", "uk"]


def _switcher(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    links = re.findall(r'<a href="([^"]+)" lang="([a-z]+)"', nav.group(0))
    return {code: href.replace("&amp;", "&") for href, code in links}


@pytest.mark.parametrize("path", ["/suche/?q=Fu%C3%9Fball", "/partner/"])
def test_a_regions_views_offer_every_language_with_the_query_kept(path, region_client):
    client = region_client("dortmund")
    response = client.get("/ar" + path)
    assert response.status_code == 200
    links = _switcher(response.content.decode())
    assert list(links) == LANGUAGES
    assert links["de"] == path
    assert links["en"] == "/en" + path
    assert links["ar"] == "/ar" + path
    assert re.search(r'lang="ar"[^>]*aria-current="true"', response.content.decode())
    for code, href in links.items():
        assert client.get(href).status_code == 200, (code, href)


def test_the_logo_leads_to_the_start_page_in_the_visitors_language(region_client):
    client = region_client("halle")
    html = client.get("/tr/suche/").content.decode()
    assert '<p class="brand"><a href="/tr/">INSIST</a></p>' in html
    german = client.get("/suche/").content.decode()
    assert '<p class="brand"><a href="/">INSIST</a></p>' in german


def test_a_missing_page_offers_no_switcher(region_client):
    response = region_client("potsdam").get("/ar/gibt-es-nicht/")
    assert response.status_code == 404
    assert 'class="language-switcher"' not in response.content.decode()
