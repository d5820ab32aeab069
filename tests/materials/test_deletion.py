"""Deleting: confirmation when other regions use a material, 410 afterwards."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cms.materials.models import Material, MaterialTombstone
from cms.materials.services import material_delete, material_download_record
from tests.materials.conftest import make_material, stored_files

pytestmark = pytest.mark.django_db

S, St = Material.Scope, Material.Status


def _urls(material):
    material_file = material.files.get()
    return (
        f"/downloads/materialien/{material.pk}/{material_file.pk}/",
        f"/materialien/{material.pk}-{material.slug}/",
    )


def test_a_shared_material_is_deleted_only_after_confirmation(
    regions, materials_root, django_capture_on_commit_callbacks
):
    material = make_material(regions["dortmund"], scope=S.ALL_REGIONS)
    download, _detail = _urls(material)
    with pytest.raises(ValidationError, match="confirm"):
        material_delete(material=material)
    assert Material.objects.filter(pk=material.pk).exists()
    before = len(stored_files(materials_root))
    with django_capture_on_commit_callbacks(execute=True):
        material_delete(material=material, confirm_shared=True)
    assert len(stored_files(materials_root)) == before - 1
    response = Client(HTTP_HOST="halle.localhost").get(download)
    assert response.status_code == 410
    assert material.title_de in response.content.decode()


def test_downloads_from_another_region_count_as_use(regions):
    material = make_material(regions["halle"], scope=S.REGION)
    material_download_record(material=material, region=regions["halle"])
    material_delete(material=material)  # only its own region used it
    material = make_material(regions["halle"], scope=S.PUBLIC, status=St.PENDING)
    material_download_record(material=material, region=regions["potsdam"])
    with pytest.raises(ValidationError, match="Potsdam"):
        material_delete(material=material)


def test_a_deleted_public_material_answers_410_on_the_portal_and_the_api_forgets_it(
    regions, libraries
):
    material = make_material(regions["potsdam"], scope=S.PUBLIC)
    download, detail = _urls(material)
    material_delete(material=material, confirm_shared=True)
    portal = Client(HTTP_HOST="localhost")
    assert portal.get(download).status_code == 410
    assert portal.get(detail).status_code == 410
    assert Client(HTTP_HOST="dortmund.localhost").get(detail).status_code == 410
    ids = {m["id"] for m in portal.get("/api/materials").json()["materials"]}
    assert material.pk not in ids


def test_a_deleted_region_only_material_stays_unknown_elsewhere(regions):
    material = make_material(regions["halle"], scope=S.REGION)
    download, _detail = _urls(material)
    pk = material.pk
    material_delete(material=material)
    assert MaterialTombstone.objects.filter(material_id=pk).exists()
    assert Client(HTTP_HOST="halle.localhost").get(download).status_code == 410
    assert Client(HTTP_HOST="potsdam.localhost").get(download).status_code == 404
    assert Client(HTTP_HOST="localhost").get(download).status_code == 404


def test_the_admin_asks_before_deleting_a_shared_material(regions, editor_client):
    material = make_material(regions["dortmund"], scope=S.PUBLIC)
    client = editor_client("dortmund")
    page = client.get(f"/admin/materials/delete/{material.pk}/").content.decode()
    assert 'name="confirm_shared"' in page
    client.post(f"/admin/materials/delete/{material.pk}/")
    assert Material.objects.filter(pk=material.pk).exists()
    client.post(f"/admin/materials/delete/{material.pk}/", {"confirm_shared": "1"})
    assert not Material.objects.filter(pk=material.pk).exists()
    assert MaterialTombstone.objects.filter(material_id=material.pk).exists()
