"""Downloads are counted per material, downloading region and day: counts only."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from cms.materials.models import Material, MaterialDownload
from cms.materials.selectors import material_download_counts
from tests.materials.conftest import make_material

pytestmark = pytest.mark.django_db


def test_each_download_is_counted_for_the_host_region_and_day(regions):
    material = make_material(regions["dortmund"], scope=Material.Scope.PUBLIC)
    url = f"/downloads/materialien/{material.pk}/{material.files.get().pk}/"
    for host, times in (
        ("halle.localhost", 2),
        ("dortmund.localhost", 1),
        ("localhost", 3),
    ):
        for _ in range(times):
            assert Client(HTTP_HOST=host).get(url).status_code == 200
    Client(HTTP_HOST="halle.localhost").head(url)  # a HEAD is not a download
    today = timezone.localdate()
    counts = {
        row.region.schema_name: row.count
        for row in MaterialDownload.objects.filter(material=material, day=today)
    }
    assert counts == {"halle": 2, "dortmund": 1, "public": 3}
    report = material_download_counts(region=regions["dortmund"])
    assert report[0]["material"] == material
    assert report[0]["total"] == 6


def test_counts_hold_no_personal_data():
    fields = {f.name for f in MaterialDownload._meta.get_fields()}
    assert fields == {"id", "material", "region", "day", "count"}


def test_a_hidden_material_is_not_counted(regions):
    material = make_material(regions["dortmund"], scope=Material.Scope.REGION)
    url = f"/downloads/materialien/{material.pk}/{material.files.get().pk}/"
    assert Client(HTTP_HOST="halle.localhost").get(url).status_code == 404
    assert not MaterialDownload.objects.filter(material=material).exists()


def test_the_region_sees_its_download_report(regions, editor_client):
    material = make_material(regions["potsdam"], scope=Material.Scope.ALL_REGIONS)
    MaterialDownload.objects.create(
        material=material,
        region=regions["halle"],
        day=timezone.localdate() - datetime.timedelta(days=1),
        count=4,
    )
    html = editor_client("potsdam").get("/admin/materials/downloads/").content.decode()
    assert material.title_de in html
    assert "Halle (Saale) und Umland: 4" in html


def test_nginx_serves_the_bytes_when_configured(regions, settings):
    settings.MATERIALS_X_ACCEL_PREFIX = "/_materials/"
    material = make_material(regions["dortmund"], scope=Material.Scope.PUBLIC)
    material_file = material.files.get()
    response = Client(HTTP_HOST="localhost").get(
        f"/downloads/materialien/{material.pk}/{material_file.pk}/"
    )
    assert response["X-Accel-Redirect"] == f"/_materials/{material_file.file.name}"
    assert response.content == b""
