"""A visitor in Chromium: every page in every language, Arabic right to left,
German text marked as German, no accessibility violations, no other hosts."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

LANGUAGES = ["de", "en", "tr", "ar", "ru", "uk"]
# One page of each type (German paths; other languages add their prefix).
PAGE_TYPES = {
    "home": "/",
    "directory": "/vereine/",
    "portrait": None,  # the first portrait, found on the directory
    "stories": "/geschichten/",
    "story": "/geschichten/geschichte-1/",
    "events": "/veranstaltungen/",
    "event": "/veranstaltungen/termin-7/",
    "standard": "/mitmachen/",
}


def _prefixed(code: str, path: str) -> str:
    return path if code == "de" else f"/{code}{path}"


@pytest.fixture(scope="module")
def portrait_path(site):
    from django.test import Client

    html = Client(HTTP_HOST=f"sprachen.localhost:{site['port']}").get("/vereine/")
    return re.search(r'href="(/vereine/[^"]+/)"', html.content.decode()).group(1)


@pytest.mark.parametrize("kind", ["portrait", "event", "story"])
def test_switcher_keeps_the_page_in_every_language(visit, portrait_path, kind):
    path = portrait_path if kind == "portrait" else PAGE_TYPES[kind]
    page = visit(path)
    for code in LANGUAGES:
        page.locator(f'.language-switcher a[hreflang="{code}"]').click()
        page.wait_for_load_state()
        assert page.url.endswith(_prefixed(code, path)), (code, page.url)
        assert page.locator("html").get_attribute("lang") == code


def test_an_arabic_visitor_stays_in_arabic(visit, site):
    page = visit("/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator('.site-nav a[href="/ar/vereine/"]').click()
    assert page.url.endswith("/ar/vereine/")

    # Filter the directory: the form posts to the Arabic directory.
    page.locator("#f-q").fill("e.V.")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "/ar/vereine/?" in page.url
    assert page.locator("html").get_attribute("lang") == "ar"

    page.locator(".card-title a").first.click()
    page.wait_for_load_state()
    assert re.search(r"/ar/vereine/[^/]+/$", page.url)
    # An untranslated portrait: German text, marked as German, left to right.
    heading = page.locator("main h1")
    if page.locator(".untranslated-note").count():
        assert heading.get_attribute("lang") == "de"
        assert heading.get_attribute("dir") == "ltr"

    page.locator('.site-nav a[href="/ar/veranstaltungen/"]').click()
    page.wait_for_load_state()
    page.locator('a[href="/ar/veranstaltungen/termin-7/"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/ar/veranstaltungen/termin-7/")
    assert page.locator("main h1").get_attribute("lang") is None  # translated

    # A failed registration (nothing filled in) answers in Arabic, in /ar/.
    form = page.locator("section.registration form")
    assert form.get_attribute("action") == "/ar/veranstaltungen/termin-7/"
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/ar/veranstaltungen/termin-7/")
    assert page.locator("html").get_attribute("lang") == "ar"
    links = page.locator("main a[href^='/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert [link for link in links if not link.startswith("/ar/")] == []


def test_untranslated_content_is_marked_german(visit):
    page = visit("/ar/geschichten/")
    marked = page.locator('main [lang="de"][dir="ltr"]')
    assert marked.count() >= 1
    assert page.locator("main h1").get_attribute("lang") == "de"


@pytest.mark.parametrize("code", ["de", "ar"])
def test_every_page_type_has_no_axe_violations(visit, portrait_path, code):
    axe = Axe()
    found = {}
    for kind, path in PAGE_TYPES.items():
        page = visit(_prefixed(code, path or portrait_path))
        results = axe.run(page)
        if results.violations_count:
            found[kind] = [
                (violation["id"], [node["target"] for node in violation["nodes"]])
                for violation in results.response["violations"]
            ]
    assert found == {}


def test_portal_speaks_arabic_and_links_the_regions_in_arabic(visit, site):
    page = visit("/ar/", base=site["portal"])
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator('footer a[href="/ar/impressum/"]').count() == 1
    assert page.locator(f'a[href="{site["base"]}/ar/"]').count() == 1
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
