"""Every kind of page a visitor can reach, in Chromium at desktop and phone
width, in German and Arabic (right to left): no WCAG 2.1 A/AA violation found
by axe-core, no request to another host, nothing scrolling sideways on a phone
(nor at 320 px in any language), the keyboard focus always visible.

Forms are checked in their error state too (sent empty, the browser's own
checks switched off, so the server answers with its messages).
"""

import re
from typing import NamedTuple
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client, override_settings

from tests.browser.conftest import SLUG

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 812},
}
LANGUAGES = ["de", "ar"]
# Reflow is cheap to check: every language, since word lengths differ.
ALL_LANGUAGES = ["de", "en", "tr", "ar", "ru", "uk"]


@pytest.fixture(scope="module")
def extras(site, tmp_path_factory, django_db_blocker):
    """What the cut of the demo content lacks: materials (some shared with the
    portal), the club fair's speed dating; paths that depend on generated slugs."""
    from cms.materials import demo as materials_demo
    from cms.materials.models import Material
    from cms.materials.services import material_delete, topics_defaults_load
    from cms.participation.demo import speed_dating_demo_load
    from tenants.models import Region

    root = tmp_path_factory.mktemp("materials")
    with (
        django_db_blocker.unblock(),
        override_settings(MATERIALS_ROOT=root, MATERIALS_X_ACCEL_PREFIX=""),
    ):
        region = Region.objects.get(schema_name=SLUG)
        topics_defaults_load()
        cut = pytest.MonkeyPatch()
        cut.setattr(materials_demo, "DEMO", {SLUG: materials_demo.DEMO["dortmund"]})
        try:
            materials_demo.materials_demo_load(region=region)
        finally:
            cut.undo()
        speed_dating_demo_load(region=region)

        client = Client(HTTP_HOST=f"{SLUG}.localhost:{site['port']}")

        def first(path, pattern):
            html = client.get(path).content.decode()
            return re.search(pattern, html).group(1)

        portrait = first("/vereine/", r'href="(/vereine/[^"]+/)"')
        paths = {
            "portrait": portrait,
            "material": first("/materialien/", r'href="(/materialien/\d+-[^"]+/)"'),
            "club_key": f"{SLUG}:{portrait.rstrip('/').rsplit('/', 1)[1]}",
        }
        portal = Client(HTTP_HOST=f"localhost:{site['port']}")
        html = portal.get("/materialien/").content.decode()
        paths["portal_material"] = re.search(
            r'href="(/materialien/\d+-[^"]+/)"', html
        ).group(1)
        try:
            yield paths
        finally:
            for material in Material.objects.filter(region=region):
                material_delete(material=material, confirm_shared=True)


class Visit(NamedTuple):
    name: str
    path: str  # German; other languages add their prefix
    host: str = "base"  # the region; "portal": the portal
    status: int = 200
    action: str | None = None  # what _act does before the checks


def _pages(extras) -> list[Visit]:
    club = quote(extras["club_key"])
    form = "main form"
    return [
        Visit("home", "/"),
        Visit("directory", "/vereine/"),
        Visit("portrait", extras["portrait"]),
        Visit("stories", "/geschichten/"),
        Visit("story", "/geschichten/geschichte-1/"),
        Visit("events", "/veranstaltungen/"),
        Visit("event", "/veranstaltungen/termin-7/"),
        Visit(
            "event registration errors",
            "/veranstaltungen/termin-7/",
            action="section.registration form",
        ),
        Visit("club fair with speed dating", "/veranstaltungen/termin-2/"),
        Visit("standard", "/mitmachen/"),
        Visit("search", "/suche/?q=Verein"),
        Visit("search with a facet", "/suche/?q=Verein", action="facet"),
        Visit("search, typo corrected", "/suche/?q=Vereinn", action="corrected"),
        Visit("partner finder", "/partner/"),
        Visit("partner suggestions", f"/partner/?club={club}"),
        Visit("partner finder errors", "/partner/?club=nirgends", status=400),
        Visit("contact request", f"/partner/anfrage/?club={club}"),
        Visit("contact request errors", f"/partner/anfrage/?club={club}", action=form),
        Visit("club submission", "/mitmachen/verein-eintragen/"),
        Visit("club submission errors", "/mitmachen/verein-eintragen/", action=form),
        Visit("club change", "/mitmachen/verein-aendern/"),
        Visit("club change errors", "/mitmachen/verein-aendern/", action=form),
        Visit("materials", "/materialien/"),
        Visit("material", extras["material"]),
        Visit("not found", "/gibt-es-nicht/", status=404),
        Visit("portal home", "/", host="portal"),
        Visit("portal search", "/suche/?q=Fu%C3%9Fball", host="portal"),
        Visit(
            "portal search, nothing found",
            "/suche/?q=Xylophonkonzert",
            host="portal",
            action="nothing",
        ),
        Visit("portal materials", "/materialien/", host="portal"),
        Visit("portal material", extras["portal_material"], host="portal"),
        Visit("portal not found", "/gibt-es-nicht/", host="portal", status=404),
    ]


def _prefixed(code: str, path: str) -> str:
    return path if code == "de" else f"/{code}{path}"


def _act(page, action):
    """Bring the page into the state to check, or make sure it is in it: a form
    sent empty (the browser's own checks off, so the server's messages show), a
    facet chosen, a spelling corrected, nothing found."""
    if action == "facet":
        page.locator('.facets a:not([aria-current="true"])').first.click()
        page.wait_for_load_state()
        assert page.locator('.facets a[aria-current="true"]').count() >= 1
        return
    if action == "corrected":
        assert page.locator("main .notice").count() == 1
        return
    if action == "nothing":
        assert page.locator(".search-result").count() == 0
        return
    form = page.locator(action).first
    form.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation():
        form.locator("button[type=submit]").last.click()
    assert page.locator('[role="alert"], [aria-invalid="true"]').count(), action


# Every id an element's description or name refers to, and that element's text
# (a form error pointing nowhere is read to nobody).
REFERENCES = """() => [...document.querySelectorAll(
    '[aria-describedby], [aria-labelledby], [aria-errormessage]')].flatMap(
  element => ['aria-describedby', 'aria-labelledby', 'aria-errormessage']
    .flatMap(name => (element.getAttribute(name) || '').split(/\\s+/))
    .filter(id => id)
    .filter(id => !(document.getElementById(id)?.textContent.trim()))
    .map(id => `${element.id || element.tagName}: ${id}`))"""

# The innermost elements that stick out of the screen, to name in a failure.
TOO_WIDE = """() => [...document.body.querySelectorAll('*')].filter(element => {
    const box = element.getBoundingClientRect();
    return (box.right > window.innerWidth + 1 || box.left < -1
            || element.scrollWidth > element.clientWidth + 1)
      && ![...element.children].some(child => {
        const inner = child.getBoundingClientRect();
        return inner.right > window.innerWidth + 1 || inner.left < -1;
      });
  }).slice(0, 5).map(element => element.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_passes_axe_on_desktop_and_phone(
    visit, page, site, extras, code, viewport
):
    page.set_viewport_size(VIEWPORTS[viewport])
    axe = Axe()
    found, wide, statuses = {}, {}, {}
    for name, path, host, status, action in _pages(extras):
        response = page.goto(site[host] + _prefixed(code, path))
        statuses[name] = response.status if response else None
        if statuses[name] != status:
            continue
        if action:
            _act(page, action)
        assert page.locator("html").get_attribute("lang") == code, name
        results = axe.run(
            page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}}
        )
        if broken := page.evaluate(REFERENCES):
            found[name] = [("reference to nothing", broken)]
        # A visitor's own name and address can be filled in (WCAG 1.3.5).
        unnamed = page.locator(
            'main input[type="email"]:not([autocomplete]), '
            'main input[name$="name"]:not([autocomplete]):not([type="hidden"])'
        )
        if unnamed.count():
            found.setdefault(name, []).append(
                ("no autocomplete", unnamed.evaluate_all("els => els.map(e => e.id)"))
            )
        if results.violations_count:
            found[name] = found.get(name, []) + [
                (violation["id"], [node["target"] for node in violation["nodes"]])
                for violation in results.response["violations"]
            ]
        if viewport == "phone":
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll > inner:
                wide[name] = (scroll, inner, page.evaluate(TOO_WIDE))
    wrong = {
        entry.name: statuses[entry.name]
        for entry in _pages(extras)
        if statuses[entry.name] != entry.status
    }
    assert found == {}
    assert wide == {}
    assert wrong == {}


def test_untranslated_materials_and_search_hits_are_marked_german(visit, extras):
    """Texts that fall back to German on an Arabic page say they are German
    (WCAG 3.1.2), so a screen reader does not read them with Arabic rules."""
    page = visit("/ar" + extras["material"])
    assert page.locator("main h1").get_attribute("lang") == "de"
    assert page.locator("main .intro").get_attribute("dir") == "ltr"

    page = visit("/ar/materialien/")
    assert page.locator("main h1").get_attribute("lang") == "de"
    assert page.locator('.material-card h3[lang="de"]').count() >= 1

    page = visit("/ar/suche/?q=Verein")
    german = page.locator('.search-result .snippet[lang="de"][dir="ltr"]')
    assert german.count() >= 1


FOCUS_RING = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return [element.outerHTML.slice(0, 80), ring || style.boxShadow !== 'none'];
}"""


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_keyboard_focus_is_always_visible(visit, extras, code):
    """Tab through the forms and lists: every stop shows where it is (WCAG 2.4.7)."""
    invisible = {}
    for path in [
        "/suche/?q=Verein",
        "/partner/",
        f"/partner/anfrage/?club={quote(extras['club_key'])}",
        "/mitmachen/verein-eintragen/",
        "/veranstaltungen/termin-7/",
        "/materialien/",
    ]:
        page = visit(_prefixed(code, path))
        for _stop in range(60):
            page.keyboard.press("Tab")
            html, visible = page.evaluate(FOCUS_RING)
            if html.startswith("<body"):
                break
            if not visible:
                invisible.setdefault(path, []).append(html)
    assert invisible == {}


@pytest.mark.parametrize("code", ALL_LANGUAGES)
def test_every_page_reflows_at_320_pixels(visit, page, site, extras, code):
    """WCAG 1.4.10 measures reflow at 320 CSS pixels (1280 px zoomed to 400 %)."""
    page.set_viewport_size({"width": 320, "height": 640})
    wide = {}
    for name, path, host, status, _action in _pages(extras):
        response = page.goto(site[host] + _prefixed(code, path))
        assert response is not None and response.status == status, name
        scroll, inner = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll > inner:
            wide[name] = (scroll, inner, page.evaluate(TOO_WIDE))
    assert wide == {}
