"""What a search engine reads: JSON-LD, Open Graph, sitemap, robots.txt."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from django_tenants.utils import schema_context

from cms.pages.translations import page_aliases_ensure
from cms.taxonomy.models import ClubLanguage
from cms.taxonomy.selectors import district_list
from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    StoryPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_after_each_test():
    """A request leaves its language active in this thread; translated
    vocabulary lookups in the next module must not see it."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


HOST = "dortmund.localhost:8000"
BASE = f"http://{HOST}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture
def site_pages(regions):
    with schema_context("dortmund"):
        sections = region_sections()
        district = district_list(region=regions["dortmund"]).first()
        portrait = ClubPortraitPageFactory(
            parent=sections["clubs"],
            slug="weltoffen",
            title='Musikverein "Weltoffen" </script> e.V.',
            website="https://weltoffen.example.org/",
            district=district,
        )
        portrait.languages.set(ClubLanguage.objects.filter(slug__in=["de", "tr"]))
        portrait.save_revision().publish()
        start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
        event = EventPageFactory(
            parent=sections["events"],
            slug="forum",
            start=start,
            end=start + datetime.timedelta(hours=2),
            format="hybrid",
            online_url="https://treffen.example.org/forum",
            registration="form",
            capacity=10,
        )
        story = StoryPageFactory(parent=sections["stories"], slug="fest")
        story.clubs.set([portrait])
        story.save_revision().publish()
        page_aliases_ensure(region=regions["dortmund"])
    return {"portrait": portrait, "event": event, "story": story, "district": district}


def _json_ld(html: str) -> dict:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


def _get(path: str) -> str:
    response = Client(HTTP_HOST=HOST).get(path)
    assert response.status_code == 200, path
    return response.content.decode()


def test_portrait_is_an_ngo_in_json_ld(site_pages):
    data = _json_ld(_get("/vereine/weltoffen/"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == 'Musikverein "Weltoffen" </script> e.V.'
    assert data["url"] == "https://weltoffen.example.org/"
    assert data["mainEntityOfPage"] == f"{BASE}/vereine/weltoffen/"
    assert sorted(data["knowsLanguage"]) == ["de", "tr"]
    areas = [area["name"] for area in data["areaServed"]]
    assert areas[-1] == "Dortmund"
    if site_pages["district"] is not None:
        assert areas[0] == site_pages["district"].name


def test_json_ld_cannot_close_its_script_element(site_pages):
    html = _get("/vereine/weltoffen/")
    block = html[html.index('type="application/ld+json">') :]
    block = block[: block.index("</script>")]
    assert "</script" not in block.lower()
    assert "\\u003C/script\\u003E" in block


def test_event_json_ld_has_dates_mode_places_and_availability(site_pages):
    event = site_pages["event"]
    data = _json_ld(_get("/en/veranstaltungen/forum/"))
    assert data["@type"] == "Event"
    assert data["startDate"] == event.start.isoformat()
    assert data["endDate"] == event.end.isoformat()
    assert data["eventAttendanceMode"] == (
        "https://schema.org/MixedEventAttendanceMode"
    )
    kinds = {location["@type"] for location in data["location"]}
    assert kinds == {"Place", "VirtualLocation"}
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert data["url"] == f"{BASE}/en/veranstaltungen/forum/"


def test_story_is_an_article_about_its_clubs(site_pages):
    data = _json_ld(_get("/ar/geschichten/fest/"))
    assert data["@type"] == "Article"
    assert data["headline"] == site_pages["story"].title
    assert data["datePublished"] == site_pages["story"].date.isoformat()
    assert data["inLanguage"] == "de"  # an untranslated alias: German text
    assert [club["name"] for club in data["about"]] == [
        'Musikverein "Weltoffen" </script> e.V.'
    ]


def test_pages_carry_description_canonical_and_open_graph(site_pages):
    html = _get("/ar/vereine/weltoffen/")
    assert '<meta name="description" content="Ein erfundener Verein' in html
    assert f'<link rel="canonical" href="{BASE}/ar/vereine/weltoffen/">' in html
    assert f'<meta property="og:url" content="{BASE}/ar/vereine/weltoffen/">' in html
    assert '<meta property="og:locale" content="de_DE">' in html
    assert 'rel="icon" href="/static/insist/favicon.svg"' in html


def test_sitemap_lists_every_language_with_alternates(site_pages):
    response = Client(HTTP_HOST=HOST).get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href")
            for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    codes = ["de", "en", "tr", "ar", "ru", "uk"]
    for code in codes:
        prefix = "" if code == "de" else f"/{code}"
        location = f"{BASE}{prefix}/vereine/weltoffen/"
        assert location in urls
        alternates = urls[location]
        assert set(alternates) == {*codes, "x-default"}
        assert alternates["x-default"] == f"{BASE}/vereine/weltoffen/"
        assert alternates["ar"] == f"{BASE}/ar/vereine/weltoffen/"
    assert all(url.startswith(BASE) for url in urls)


def test_robots_txt_names_the_hosts_sitemap(regions):
    response = Client(HTTP_HOST=HOST).get("/robots.txt")
    assert response.status_code == 200
    assert f"Sitemap: {BASE}/sitemap.xml" in response.content.decode()
    portal = Client(HTTP_HOST="localhost:8000").get("/robots.txt")
    assert "Sitemap: http://localhost:8000/sitemap.xml" in portal.content.decode()


def test_portal_speaks_every_language_with_imprint_and_privacy(regions):
    client = Client(HTTP_HOST="localhost:8000")
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/ar/impressum/"' in html
    assert 'href="/ar/datenschutz/"' in html
    assert 'hreflang="x-default" href="http://localhost:8000/"' in html
    assert 'href="http://dortmund.localhost:8000/ar/"' in html
    german = client.get("/impressum/").content.decode()
    assert "Impressum" in german
    assert client.get("/en/datenschutz/").status_code == 200
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    assert len(sitemap.findall(f"{SITEMAP}url")) == 18


def test_start_page_names_the_regional_team(site_pages):
    data = _json_ld(_get("/en/"))
    assert data["@type"] == "Organization"
    assert data["name"] == "INSIST Dortmund"
    assert data["url"] == f"{BASE}/en/"
    assert data["areaServed"]["name"] == "Dortmund"
