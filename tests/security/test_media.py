"""A region's files are served on its own host only; documents only through
Wagtail's serve view, which checks restricted collections."""

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django_tenants.utils import schema_context
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


def _document(title, content, collection=None):
    extra = {"collection": collection} if collection else {}
    return wagtail_factories.DocumentFactory(
        title=title, file=ContentFile(content, name=f"{title}.txt"), **extra
    )


def _restricted_collection():
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim",
    )
    return collection


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_image_file_is_served_on_its_own_host_only(regions, region_client, media_root):
    with schema_context("dortmund"):
        image = wagtail_factories.ImageFactory(title="Logo")
        url = image.file.url
    assert url.startswith("/media/dortmund/original_images/")
    assert region_client("dortmund").get(url).status_code == 200
    for other in ("halle", "potsdam"):
        assert region_client(other).get(url).status_code == 404
    assert (
        region_client("dortmund").get(url.replace("dortmund", "halle")).status_code
        == 404
    )


def test_media_paths_cannot_climb_out_of_the_region(regions, region_client, media_root):
    (media_root / "halle").mkdir()
    (media_root / "halle" / "secret.txt").write_text("halle")
    client = region_client("dortmund")
    for path in (
        "/media/dortmund/../halle/secret.txt",
        "/media/dortmund/%2e%2e/halle/secret.txt",
        "/media/dortmund/..%2fhalle/secret.txt",
    ):
        response = client.get(path)
        assert response.status_code == 404, path


@pytest.mark.parametrize("slug", ["dortmund", "halle", "potsdam"])
def test_documents_are_never_served_from_media(
    slug, regions, region_client, media_root
):
    with schema_context("dortmund"):
        document = _document("protokoll", b"nur-dortmund")
        media_url = document.file.url
    assert media_url.startswith("/media/dortmund/documents/")
    response = region_client(slug).get(media_url)
    assert response.status_code == 404
    assert b"nur-dortmund" not in _body(response)


def test_document_serve_view_serves_on_its_own_host(regions, region_client, media_root):
    with schema_context("dortmund"):
        document = _document("protokoll", b"nur-dortmund")
        url = document.url
    response = region_client("dortmund").get(url)
    assert response.status_code == 200
    assert _body(response) == b"nur-dortmund"
    foreign = region_client("halle").get(url)
    assert b"nur-dortmund" not in _body(foreign)


def test_restricted_document_needs_the_password(regions, region_client, media_root):
    with schema_context("dortmund"):
        document = _document("intern", b"vertraulich", _restricted_collection())
        url, media_url = document.url, document.file.url
    client = region_client("dortmund")
    response = client.get(url)
    assert b"vertraulich" not in _body(response)
    assert client.get(media_url).status_code == 404


def test_production_hands_allowed_documents_to_nginx(
    regions, region_client, media_root, settings
):
    from wagtail.utils import sendfile

    settings.SENDFILE_BACKEND = "insist.sendfile_nginx"
    sendfile._get_sendfile.clear()
    try:
        with schema_context("dortmund"):
            public = _document("protokoll", b"nur-dortmund")
            restricted = _document("intern", b"vertraulich", _restricted_collection())
            public_url, restricted_url = public.url, restricted.url
            name = public.file.name
        client = region_client("dortmund")
        response = client.get(public_url)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/protected-media/dortmund/{name}"
        assert _body(response) == b""
        assert response.get("Content-Length", "0") == "0"
        refused = client.get(restricted_url)
        assert "X-Accel-Redirect" not in refused
    finally:
        sendfile._get_sendfile.clear()
