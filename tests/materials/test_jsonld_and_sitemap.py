"""Public materials carry LearningResource JSON-LD and are in the portal sitemap."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.test import Client

from cms.materials.models import Material, Topic
from cms.taxonomy.models import ClubLanguage
from tests.materials.conftest import make_material

pytestmark = pytest.mark.django_db

S, St = Material.Scope, Material.Status
LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def public_material(regions):
    material = make_material(
        regions["halle"],
        scope=S.PUBLIC,
        title="Methodenkarte: Konflikte </script><script>alert(1)</script>",
        author="Sami Exempel",
        organisation="INSIST Halle",
        duration_minutes=45,
        format=Material.Format.METHOD_CARD,
        licence=Material.Licence.CC_BY_SA,
    )
    material.topics.set(Topic.objects.filter(slug="conflicts"))
    material.languages.set(ClubLanguage.objects.filter(slug__in=["de", "tr"]))
    material.save()
    return material


def _jsonld(html: str) -> dict:
    blocks = LD.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("host", ["localhost", "potsdam.localhost"])
def test_public_material_pages_carry_learning_resource_jsonld(
    host, public_material, libraries
):
    url = f"/materialien/{public_material.pk}-{public_material.slug}/"
    html = Client(HTTP_HOST=host).get(url).content.decode()
    data = _jsonld(html)
    assert data["@type"] == "LearningResource"
    assert data["name"] == public_material.title_de
    assert data["license"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert sorted(data["inLanguage"]) == ["de", "tr"]
    assert data["learningResourceType"] == "Method card"
    assert {"@type": "Person", "name": "Sami Exempel"} in data["creator"]
    assert {"@type": "Organization", "name": "INSIST Halle"} in data["creator"]
    assert [a["identifier"] for a in data["about"]] == ["conflicts"]
    assert data["timeRequired"] == "PT45M"
    # One identity on every host: the portal's address, also the canonical link.
    assert data["url"] == f"http://localhost{url}"
    assert f'<link rel="canonical" href="http://localhost{url}">' in html
    assert data["encoding"][0]["contentUrl"].startswith(
        f"http://{host}/downloads/materialien/{public_material.pk}/"
    )
    # Only data blocks: no executable inline script, no inline style (strict CSP).
    scripts = re.findall(r"<script(?![^>]*application/ld\+json)[^>]*>", html)
    assert all("src=" in tag for tag in scripts)
    assert " style=" not in html
    assert "<script>alert(1)" not in html


def test_materials_shared_only_with_regions_have_no_jsonld(regions, libraries):
    material = make_material(regions["halle"], scope=S.ALL_REGIONS)
    url = f"/materialien/{material.pk}-{material.slug}/"
    html = Client(HTTP_HOST="dortmund.localhost").get(url).content.decode()
    assert LD.findall(html) == []


def test_the_portal_sitemap_lists_public_approved_materials(public_material, regions):
    pending = make_material(regions["dortmund"], scope=S.PUBLIC, status=St.PENDING)
    response = Client(HTTP_HOST="localhost").get("/materialien/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [
        loc.text
        for loc in ElementTree.fromstring(response.content).findall(
            ".//s:loc", namespace
        )
    ]
    assert (
        f"http://localhost/materialien/{public_material.pk}-{public_material.slug}/"
        in locations
    )
    assert not any(f"/materialien/{pending.pk}-" in loc for loc in locations)


def test_the_portal_home_links_to_the_public_library(regions):
    html = Client(HTTP_HOST="localhost").get("/").content.decode()
    assert 'href="/materialien/"' in html


def test_each_region_sitemap_lists_the_materials_visible_there(regions, libraries):
    own = make_material(regions["potsdam"], scope=S.REGION, title="Nur Potsdam")
    shared = make_material(regions["halle"], scope=S.ALL_REGIONS, title="Aus Halle")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}

    def locations(host):
        response = Client(HTTP_HOST=host).get("/sitemap.xml")
        assert response.status_code == 200
        root = ElementTree.fromstring(response.content)
        return [loc.text for loc in root.findall(".//s:loc", namespace)]

    potsdam = locations("potsdam.localhost")
    assert f"http://potsdam.localhost/materialien/{own.pk}-{own.slug}/" in potsdam
    assert f"http://potsdam.localhost/materialien/{shared.pk}-{shared.slug}/" in potsdam
    assert not any(
        f"/materialien/{own.pk}-" in loc for loc in locations("halle.localhost")
    )
