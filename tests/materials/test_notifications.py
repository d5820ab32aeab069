"""Mails about moderation: the platform moderators hear when a material waits
for them, the owning region's editors hear of the decision; nobody else."""

from unittest import mock

import pytest
from django.core import mail

from cms.materials.models import Material
from tests.materials.conftest import make_material
from tests.materials.test_uploads import _admin_form, _file, demo_pdf

pytestmark = pytest.mark.django_db

S, St = Material.Scope, Material.Status


@pytest.fixture
def people(make_user):
    """Who could get a mail: moderators of the portal, editors of two regions."""
    return {
        "moderator": make_user("public", "moderatorin", superuser=True),
        "portal-staff": make_user("public", "portal-ohne-rechte"),
        "halle-editor": make_user("halle", "redaktion-halle", groups=["Editors"]),
        "dortmund-editor": make_user(
            "dortmund", "redaktion-dortmund", groups=["Editors"]
        ),
    }


def _recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def test_a_material_ready_to_share_tells_the_portals_moderators(
    regions, people, editor_client, django_capture_on_commit_callbacks
):
    client = editor_client("halle", username="autorin")
    data = _admin_form()
    data["files-0-file"] = _file("Karte.pdf", demo_pdf(title="Karte"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/materials/new/", data)
    assert response.status_code == 302
    material = Material.objects.get(title_de=data["title_de"])
    assert material.status == St.PENDING

    assert _recipients() == {people["moderator"].email}
    message = mail.outbox[0]
    assert message.subject == f"Material wartet auf Moderation: {material.title}"
    assert "Halle" in message.body
    assert f"/admin/materials/material/{material.pk}/change/" in message.body
    assert "://localhost" in message.body


def _edit_form(material, **overrides):
    material_file = material.files.get()
    fields = {
        "title_de": material.title_de,
        "slug": material.slug,
        "summary_de": material.summary_de,
        "format": material.format,
        "scope": material.scope,
        "files-INITIAL_FORMS": "1",
        "files-0-id": str(material_file.pk),
    }
    return _admin_form(**(fields | overrides))


def test_widening_an_approved_material_asks_again_and_a_waiting_one_not_twice(
    regions, people, editor_client, django_capture_on_commit_callbacks
):
    material = make_material(regions["halle"], scope=S.ALL_REGIONS, status=St.APPROVED)
    client = editor_client("halle", username="autorin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/materials/edit/{material.pk}/",
            _edit_form(material, scope=S.PUBLIC),
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    material.refresh_from_db()
    assert material.status == St.PENDING
    assert _recipients() == {people["moderator"].email}

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/materials/edit/{material.pk}/",
            _edit_form(material, summary_de="Kurz und neu gesagt."),
        )
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.status == St.PENDING
    assert mail.outbox == []


def test_a_material_for_its_own_region_needs_no_moderator_and_no_mail(
    regions, people, editor_client, django_capture_on_commit_callbacks
):
    client = editor_client("halle", username="autorin")
    data = _admin_form(scope=S.REGION, title_de="Nur für Halle")
    data["files-0-file"] = _file("Karte.pdf", demo_pdf(title="Karte"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/materials/new/", data)
    assert response.status_code == 302
    assert Material.objects.get(title_de="Nur für Halle").status == St.APPROVED
    assert mail.outbox == []


@pytest.mark.parametrize("approve", [True, False])
def test_the_decision_reaches_the_owning_regions_editors_only(
    regions, people, portal_client, django_capture_on_commit_callbacks, approve
):
    material = make_material(regions["halle"], scope=S.PUBLIC, status=St.PENDING)
    Material.objects.filter(pk=material.pk).update(
        moderation_note="" if approve else "Die Quelle fehlt."
    )
    portal_client.force_login(people["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = portal_client.post(
            "/admin/materials/material/",
            {
                "action": "approve" if approve else "reject",
                "_selected_action": [material.pk],
            },
        )
    assert response.status_code == 302
    assert _recipients() == {people["halle-editor"].email}
    message = mail.outbox[0]
    word = "freigegeben" if approve else "abgelehnt"
    assert message.subject == f"Material {word}: {material.title}"
    assert f"/admin/materials/edit/{material.pk}/" in message.body
    assert "://halle.localhost" in message.body
    if not approve:
        assert "Die Quelle fehlt." in message.body


def test_a_mail_that_fails_never_undoes_the_decision(
    regions, people, portal_client, django_capture_on_commit_callbacks
):
    material = make_material(regions["halle"], scope=S.PUBLIC, status=St.PENDING)
    portal_client.force_login(people["moderator"])
    with (
        mock.patch(
            "cms.materials.notifications.send_mail",
            side_effect=ConnectionRefusedError("no mail server"),
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = portal_client.post(
            "/admin/materials/material/",
            {"action": "approve", "_selected_action": [material.pk]},
        )
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.status == St.APPROVED
