"""The demo materials: a dozen over the three regions, every scope, some translated."""

import pytest
from django.test import Client
from django_tenants.utils import schema_context
from wagtail.models import Locale

from cms.materials.demo import materials_demo_load
from cms.materials.models import Material
from tests.cms.factories import region_home
from tests.conftest import REGION_SLUGS

pytestmark = pytest.mark.django_db


def test_demo_materials_cover_regions_scopes_and_languages(regions):
    with schema_context("potsdam"):
        home, english = region_home(), Locale.objects.get(language_code="en")
        if home.get_translation_or_none(english) is None:
            home.copy_for_translation(english).save_revision().publish()
    for slug in REGION_SLUGS:
        materials_demo_load(region=regions[slug])
    materials = Material.objects.filter(region__schema_name__in=REGION_SLUGS)
    assert materials.count() == 12
    assert set(materials.values_list("region__schema_name", flat=True)) == set(
        REGION_SLUGS
    )
    assert set(materials.values_list("scope", flat=True)) == set(Material.Scope.values)
    assert set(materials.values_list("status", flat=True)) == set(
        Material.Status.values
    )
    assert materials.exclude(title_en__isnull=True).exclude(title_en="").count() >= 3
    for material in materials:
        for material_file in material.files.all():
            with material_file.file.open("rb") as handle:
                assert handle.read(5) == b"%PDF-"
    # Idempotent: a second run creates nothing.
    lines = materials_demo_load(region=regions["halle"])
    assert not any(changed for _line, changed in lines)

    html = Client(HTTP_HOST="potsdam.localhost").get("/materialien/").content
    assert b"Kooperationsvereinbarungen" in html
    public = Client(HTTP_HOST="localhost").get("/en/materialien/")
    assert b"cooperation agreements" in public.content
    # The English home's library is an alias: the materials speak English there.
    english = Client(HTTP_HOST="potsdam.localhost").get("/en/materialien/")
    assert english.status_code == 200
    assert b"Guide: cooperation agreements between clubs" in english.content
