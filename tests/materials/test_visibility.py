"""The scope x region x role matrix: who sees, downloads and edits which material.

Every material of ``matrix`` (3 owner regions x 7 scope/status pairs) is tried on
every host (three regions and the portal); the expectation comes from the
oracle in conftest, not from the code under test.
"""

import pytest
from django.test import Client

from cms.materials.models import Material
from tests.conftest import REGION_SLUGS
from tests.materials.conftest import expected_visible, host_name

pytestmark = pytest.mark.django_db

HOSTS = [*REGION_SLUGS, "public"]
S, St = Material.Scope, Material.Status


def _detail_url(host: str, material) -> str:
    # The portal's route and the region libraries' page (slug "materialien")
    # happen to share the path.
    return f"/materialien/{material.pk}-{material.slug}/"


def test_library_pages_show_exactly_the_visible_materials(matrix, libraries):
    wrong = []
    for host in HOSTS:
        client = Client(HTTP_HOST=host_name(host))
        listing = client.get("/materialien/").content.decode()
        for case, material in matrix.items():
            expected = expected_visible(host, case)
            in_listing = material.title in listing
            detail = client.get(_detail_url(host, material)).status_code
            if in_listing != expected or (detail == 200) != expected:
                wrong.append((host, case, in_listing, detail))
            if not expected and detail != 404:
                wrong.append((host, case, "hidden material must answer 404", detail))
    assert wrong == []


def test_downloads_follow_the_same_rule_on_every_host(matrix):
    wrong = []
    for host in HOSTS:
        client = Client(HTTP_HOST=host_name(host))
        for case, material in matrix.items():
            material_file = material.files.get()
            url = f"/downloads/materialien/{material.pk}/{material_file.pk}/"
            response = client.get(url)
            expected = expected_visible(host, case)
            if (response.status_code == 200) != expected:
                wrong.append((host, case, response.status_code))
            elif expected:
                body = b"".join(response.streaming_content)
                if not body.startswith(b"%PDF-"):
                    wrong.append((host, case, "not the file"))
    assert wrong == []


def test_a_file_id_of_another_material_is_not_a_way_in(matrix):
    """Guessing: a visible material's id with a hidden material's file id."""
    visible = next(m for c, m in matrix.items() if c.owner == "halle")
    hidden = next(
        m
        for c, m in matrix.items()
        if c.owner == "dortmund" and not expected_visible("halle", c)
    )
    client = Client(HTTP_HOST="halle.localhost")
    url = f"/downloads/materialien/{visible.pk}/{hidden.files.get().pk}/"
    assert client.get(url).status_code == 404


def test_material_files_have_no_public_url(matrix, materials_root):
    material = next(iter(matrix.values()))
    with pytest.raises(ValueError, match="no public URL"):
        _ = material.files.get().file.url
    stored = material.files.get().file.name
    for host in HOSTS:
        client = Client(HTTP_HOST=host_name(host))
        for prefix in ("/media/", "/media/public/", f"/media/{host}/", "/static/"):
            assert client.get(prefix + stored).status_code == 404


def test_api_lists_exactly_the_visible_materials_per_host(matrix):
    for host in HOSTS:
        response = Client(HTTP_HOST=host_name(host)).get("/api/materials")
        assert response.status_code == 200
        data = response.json()
        ours = {
            item["id"]: item
            for item in data["materials"]
            if item["id"] in {m.pk for m in matrix.values()}
        }
        expected = {m.pk for c, m in matrix.items() if expected_visible(host, c)}
        assert set(ours) == expected, host
        for case, material in matrix.items():
            if material.pk not in ours:
                continue
            item = ours[material.pk]
            assert item["scope"] == case.scope
            assert item["region"] == case.owner
            assert item["licence"] == "cc-by-4.0"
            assert item["licence_url"].startswith("https://creativecommons.org/")
            assert item["download_url"].startswith(f"http://{host_name(host)}/")


def test_api_is_documented_in_the_one_openapi_document(regions):
    schema = Client(HTTP_HOST="halle.localhost").get("/api/openapi.json").json()
    assert "/api/materials" in schema["paths"]


def test_api_refuses_an_unknown_language(regions):
    response = Client(HTTP_HOST="halle.localhost").get("/api/materials?lang=xx")
    assert response.status_code == 400
    assert "xx" in response.json()["detail"]


# Each region's editor has another role: the rule is the same for every role.
ROLE_OF = {"dortmund": "Editors", "potsdam": "Moderators", "halle": "Regional admins"}


def test_only_the_owning_region_edits_and_deletes(matrix, editor_client):
    # Editing does not depend on the status: one material per (owner, scope).
    cases = {
        case: material
        for case, material in matrix.items()
        if case.status in (St.APPROVED,) or case.scope == S.REGION
    }
    wrong = []
    for editor_region in REGION_SLUGS:
        client = editor_client(editor_region, groups=[ROLE_OF[editor_region]])
        listing = client.get("/admin/materials/").content.decode()
        for case, material in cases.items():
            own = case.owner == editor_region
            status = client.get(f"/admin/materials/edit/{material.pk}/").status_code
            if (status == 200) != own:
                wrong.append((editor_region, case, "edit", status))
            if case.scope == S.ALL_REGIONS:
                status = client.get(f"/admin/materials/delete/{material.pk}/")
                if (status.status_code == 200) != own:
                    wrong.append((editor_region, case, "delete", status.status_code))
            listed = f"/admin/materials/inspect/{material.pk}/" in listing or (
                f"/admin/materials/edit/{material.pk}/" in listing
            )
            if listed != (own or expected_visible(editor_region, case)):
                wrong.append((editor_region, case, "listing", listed))
    assert wrong == []


def test_no_admin_view_shows_a_hidden_material_of_another_region(matrix, editor_client):
    client = editor_client("halle", groups=["Regional admins"])
    wrong = []
    for case, material in matrix.items():
        if case.owner == "halle" or expected_visible("halle", case):
            continue
        for view in ("edit", "delete", "inspect", "history", "usage"):
            response = client.get(f"/admin/materials/{view}/{material.pk}/")
            if (
                response.status_code != 404
                or material.title_de in response.content.decode()
            ):
                wrong.append((case, view, response.status_code))
    assert wrong == []


def test_anonymous_visitors_cannot_open_the_material_admin(matrix, region_client):
    material = next(iter(matrix.values()))
    response = region_client("halle").get(f"/admin/materials/edit/{material.pk}/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
