"""The moderation step: sharing beyond the region waits for a platform moderator."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from cms.materials.models import Material
from cms.materials.services import material_moderate, material_status_update
from tests.materials.conftest import make_material

pytestmark = pytest.mark.django_db

S, St = Material.Scope, Material.Status


def _api_ids(host: str) -> set[int]:
    data = Client(HTTP_HOST=host).get("/api/materials").json()
    return {item["id"] for item in data["materials"]}


def test_a_shared_material_waits_and_its_region_sees_the_status(regions):
    material = make_material(
        regions["dortmund"], scope=S.ALL_REGIONS, status=St.PENDING
    )
    assert material.pk in _api_ids("dortmund.localhost")
    assert material.pk not in _api_ids("halle.localhost")
    statuses = {
        item["id"]: item["status"]
        for item in Client(HTTP_HOST="dortmund.localhost")
        .get("/api/materials")
        .json()["materials"]
    }
    assert statuses[material.pk] == "pending"


def test_the_platform_moderator_approves_in_the_portal_admin(
    regions, portal_client, make_user
):
    material = make_material(regions["dortmund"], scope=S.PUBLIC, status=St.PENDING)
    portal_client.force_login(make_user("public", "moderator", superuser=True))
    response = portal_client.post(
        "/admin/materials/material/",
        {"action": "approve", "_selected_action": [material.pk]},
    )
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.status == St.APPROVED
    assert material.pk in _api_ids("halle.localhost")
    assert material.pk in _api_ids("localhost")


def test_rejecting_needs_a_note_for_the_region(regions):
    material = make_material(regions["halle"], scope=S.PUBLIC, status=St.PENDING)
    with pytest.raises(ValidationError, match="Say why"):
        material_moderate(material=material, approve=False)
    material.refresh_from_db()
    assert material.status == St.PENDING
    material_moderate(material=material, approve=False, note="Quelle fehlt.")
    material.refresh_from_db()
    assert (material.status, material.moderation_note) == (St.REJECTED, "Quelle fehlt.")
    # Rejected: still in its own library, nowhere else.
    assert material.pk in _api_ids("halle.localhost")
    assert material.pk not in _api_ids("potsdam.localhost")


def test_a_draft_cannot_be_approved(regions):
    material = make_material(regions["halle"], scope=S.PUBLIC, status=St.DRAFT)
    with pytest.raises(ValidationError, match="draft"):
        material_moderate(material=material, approve=True)


def test_widening_the_scope_needs_approval_again(regions):
    material = make_material(
        regions["potsdam"], scope=S.ALL_REGIONS, status=St.APPROVED
    )
    material.scope = S.PUBLIC
    material.save()
    material_status_update(material=material, ready=True, previous_scope=S.ALL_REGIONS)
    material.refresh_from_db()
    assert material.status == St.PENDING
    assert material.pk not in _api_ids("localhost")


def test_narrowing_the_scope_keeps_the_approval(regions):
    material = make_material(regions["potsdam"], scope=S.PUBLIC, status=St.APPROVED)
    material.scope = S.ALL_REGIONS
    material.save()
    material_status_update(material=material, ready=True, previous_scope=S.PUBLIC)
    material.refresh_from_db()
    assert material.status == St.APPROVED


def test_an_own_region_material_needs_no_moderator(regions):
    material = make_material(regions["halle"], scope=S.REGION, status=St.APPROVED)
    assert material.moderated_at is None
