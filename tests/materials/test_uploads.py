"""Uploads: type by content, size limit, safe names; refusals store nothing;
replacing a file keeps its address."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django_tenants.utils import schema_context

from cms.materials.demo import demo_pdf
from cms.materials.models import Material, MaterialFile
from cms.materials.services import material_file_add, material_file_replace
from cms.materials.uploads import safe_file_name, upload_check
from tests.materials.conftest import make_material, stored_files

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 16
MP4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 16


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


ODT = _zip(
    {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}
)
DOCX = _zip(
    {
        "[Content_Types].xml": b'<Types><Override ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        b"</Types>",
        "word/document.xml": b"<w/>",
    }
)
PPTX = _zip(
    {
        "[Content_Types].xml": b'<Types><Override ContentType="application/'
        b'vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>'
        b"</Types>"
    }
)


def _file(name, data):
    return SimpleUploadedFile(name, data)


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("handout.pdf", demo_pdf(title="x"), "application/pdf"),
        ("bild.png", PNG, "image/png"),
        ("foto.jpeg", JPEG, "image/jpeg"),
        ("foto.webp", WEBP, "image/webp"),
        ("film.mp4", MP4, "video/mp4"),
        ("text.odt", ODT, "application/vnd.oasis.opendocument.text"),
        (
            "text.docx",
            DOCX,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "folien.pptx",
            PPTX,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
    ],
)
def test_accepted_types_are_recognised_by_their_content(name, data, content_type):
    assert upload_check(file=_file(name, data)).content_type == content_type


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("handout.pdf", b"MZ\x90\x00 an executable", "content is none"),
        ("bild.png", demo_pdf(title="x"), "content is a .pdf"),
        ("text.docx", ODT, "content is a .odt"),
        ("text.odt", DOCX, "content is a .docx"),
        ("archiv.docx", _zip({"a.txt": b"x"}), "content is none"),
        ("seite.html", b"<script>alert(1)</script>", "cannot be shared"),
        ("leer.pdf", b"", "empty"),
        ("../../etc/passwd.pdf", demo_pdf(title="x"), "path"),
        ("ohne-endung", demo_pdf(title="x"), "no file extension"),
        (".pdf", demo_pdf(title="x"), "no file extension"),
        ("null\x00byte.pdf", demo_pdf(title="x"), "control characters"),
    ],
)
def test_refused_uploads_say_why_and_store_nothing(
    name, data, why, regions, materials_root
):
    material = make_material(regions["halle"])
    before = stored_files(materials_root)
    with pytest.raises(ValidationError) as refused:
        material_file_add(material=material, name=name, content=data)
    message = " ".join(refused.value.messages)
    assert why in message
    assert "Nothing was stored." in message
    assert stored_files(materials_root) == before
    assert material.files.count() == 1


def test_a_file_over_the_limit_is_refused(regions, materials_root):
    material = make_material(regions["halle"])
    before = stored_files(materials_root)
    with override_settings(MATERIALS_MAX_UPLOAD_BYTES=100):
        with pytest.raises(ValidationError, match="at most 100"):
            material_file_add(
                material=material, name="gross.pdf", content=demo_pdf(title="x" * 80)
            )
    assert stored_files(materials_root) == before


def test_names_are_made_safe():
    assert safe_file_name("Übung: Konflikte (v2).PDF") == "uebung-konflikte-v2.pdf"
    assert safe_file_name("العربية.pdf") == "material.pdf"


def test_a_refused_material_leaves_no_row_and_no_file(regions, materials_root):
    before = stored_files(materials_root)
    with pytest.raises(ValidationError):
        make_material(
            regions["potsdam"],
            title="Getarnt",
            files=[("gut.pdf", demo_pdf(title="ok")), ("boese.pdf", b"#!/bin/sh")],
        )
    assert not Material.objects.filter(title_de="Getarnt").exists()
    assert stored_files(materials_root) == before


def test_replacing_a_file_keeps_its_download_address(
    regions, materials_root, django_capture_on_commit_callbacks
):
    material = make_material(regions["halle"], scope="public", status="approved")
    material_file = material.files.get()
    url = f"/downloads/materialien/{material.pk}/{material_file.pk}/"
    old_path = materials_root / material_file.file.name
    with django_capture_on_commit_callbacks(execute=True):
        material_file_replace(material_file=material_file, name="neu.png", content=PNG)
    response = Client(HTTP_HOST="halle.localhost").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert 'filename="neu.png"' in response["Content-Disposition"]
    assert not old_path.exists()
    # What other regions and the public see was checked: it waits again.
    material.refresh_from_db()
    assert material.status == Material.Status.PENDING


def _admin_form(**overrides):
    data = {
        "title_de": "Methodenkarte Perspektivwechsel",
        "slug": "",
        "summary_de": "Kurz gesagt.",
        "description_de": "",
        "audience_de": "",
        "format": "method-card",
        "duration_minutes": "",
        "licence": "cc-by-4.0",
        "author": "",
        "organisation": "",
        "link": "",
        "scope": "all-regions",
        "ready": "on",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-id": "",
        "files-0-ORDER": "1",
        "files-0-DELETE": "",
    }
    for code in ("en", "tr", "ar", "ru", "uk"):
        for field in ("title", "summary", "description", "audience"):
            data[f"{field}_{code}"] = ""
    data.update(overrides)
    return data


def test_the_admin_form_refuses_a_disguised_file_and_keeps_nothing(
    regions, editor_client, materials_root
):
    client = editor_client("halle")
    before = stored_files(materials_root)
    data = _admin_form()
    data["files-0-file"] = _file("karte.pdf", b"GIF89a not a pdf")
    response = client.post("/admin/materials/new/", data)
    assert response.status_code == 200
    assert "its content is none of the accepted types" in response.content.decode()
    assert not Material.objects.filter(title_de=data["title_de"]).exists()
    assert stored_files(materials_root) == before


def test_the_admin_form_adds_a_material_waiting_for_moderation(
    regions, editor_client, materials_root
):
    client = editor_client("halle")
    data = _admin_form()
    data["files-0-file"] = _file("Karte für alle.pdf", demo_pdf(title="Karte"))
    response = client.post("/admin/materials/new/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    material = Material.objects.get(title_de=data["title_de"])
    assert material.region == regions["halle"]
    assert material.status == Material.Status.PENDING
    assert material.slug == "methodenkarte-perspektivwechsel"
    assert material.files.get().name == "karte-fuer-alle.pdf"
    with schema_context("halle"):
        listing = client.get("/admin/materials/").content.decode()
    assert "Wartet auf Freigabe" in listing


def test_the_admin_form_needs_a_file_or_a_link(regions, editor_client):
    client = editor_client("halle")
    data = _admin_form(**{"files-TOTAL_FORMS": "0"})
    response = client.post("/admin/materials/new/", data)
    assert response.status_code == 200
    # The admin speaks German (the catalog's translation of the form's refusal).
    assert "mindestens eine Datei oder einen Link" in response.content.decode()
    assert not MaterialFile.objects.filter(material__title_de=data["title_de"])


def test_replacing_a_file_in_the_admin_keeps_its_address_and_asks_again(
    regions, editor_client, django_capture_on_commit_callbacks, materials_root
):
    material = make_material(regions["halle"], scope="all-regions", status="approved")
    material_file = material.files.get()
    old_path = materials_root / material_file.file.name
    data = _admin_form(
        title_de=material.title_de,
        slug=material.slug,
        summary_de=material.summary_de,
        format=material.format,
        **{"files-INITIAL_FORMS": "1", "files-0-id": str(material_file.pk)},
    )
    data["files-0-file"] = _file("Neue Fassung.png", PNG)
    client = editor_client("halle")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/materials/edit/{material.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    replaced = material.files.get()
    assert replaced.pk == material_file.pk
    assert replaced.name == "neue-fassung.png"
    assert not old_path.exists()
    material.refresh_from_db()
    assert material.status == Material.Status.PENDING
    page = client.get(f"/admin/materials/edit/{material.pk}/").content.decode()
    assert "Wartet auf Freigabe" in page
