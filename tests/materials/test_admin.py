"""The region admin's listing, search and inspect view; the portal's moderation page."""

import pytest

from cms.materials.models import Material
from tests.materials.conftest import make_material

pytestmark = pytest.mark.django_db


def test_editors_search_their_listing_and_inspect_shared_materials(
    regions, editor_client
):
    own = make_material(regions["halle"], title="Konfliktlotsen im Verein")
    shared = make_material(
        regions["dortmund"], title="Fördermittel kompakt", scope="all-regions"
    )
    client = editor_client("halle")
    html = client.get("/admin/materials/", {"q": "Konfliktlotsen"}).content.decode()
    assert own.title_de in html
    assert shared.title_de not in html
    inspect = client.get(f"/admin/materials/inspect/{shared.pk}/")
    assert inspect.status_code == 200
    assert shared.title_de in inspect.content.decode()
    assert f"/admin/materials/edit/{shared.pk}/" not in inspect.content.decode()


def test_the_edit_form_shows_the_current_file_without_a_link(regions, editor_client):
    material = make_material(regions["potsdam"], title="Checkliste Vereinsfest")
    html = editor_client("potsdam").get(f"/admin/materials/edit/{material.pk}/")
    assert html.status_code == 200
    assert "handout.pdf" in html.content.decode()
    assert material.files.get().file.name not in html.content.decode()


def test_the_portal_moderator_reads_a_material_before_deciding(
    regions, portal_client, make_user
):
    material = make_material(regions["halle"], scope="public", status="pending")
    portal_client.force_login(make_user("public", "moderatorin", superuser=True))
    listing = portal_client.get("/admin/materials/material/?status__exact=pending")
    assert material.title_de in listing.content.decode()
    page = portal_client.get(f"/admin/materials/material/{material.pk}/change/")
    assert page.status_code == 200
    response = portal_client.post(
        f"/admin/materials/material/{material.pk}/change/",
        {
            **{
                f"{field}_{lang}": getattr(material, f"{field}_{lang}") or ""
                for field in ("title", "summary", "description", "audience")
                for lang in ("de", "en", "tr", "ar", "ru", "uk")
            },
            "slug": material.slug,
            "format": material.format,
            "licence": material.licence,
            "scope": material.scope,
            "moderation_note": "Bitte die Quelle ergänzen.",
            "author": "",
            "organisation": "",
            "link": "",
            "duration_minutes": "",
            "files-TOTAL_FORMS": "1",
            "files-INITIAL_FORMS": "1",
            "files-MIN_NUM_FORMS": "0",
            "files-MAX_NUM_FORMS": "1000",
            "files-0-id": str(material.files.get().pk),
            "files-0-material": str(material.pk),
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    material.refresh_from_db()
    assert material.moderation_note == "Bitte die Quelle ergänzen."
    assert material.status == Material.Status.PENDING
