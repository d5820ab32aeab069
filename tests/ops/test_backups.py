"""A region's backup restores as a copy with the same pages, users and media.

pg_dump and psql run as their own processes and see only committed rows, so the
region backed up here ("vault") is created and filled outside the per-test
transaction, and removed again (with its copy) when the module is done. The
restore's own rows (Region, Domain) are written in the test's transaction; the
schema psql creates is committed, and dropped by the module's teardown.
"""

import io
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from PIL import Image as PILImage

from search.selectors import SearchQuery, search
from tenants.backups import region_backup, region_restore, schema_sql_renamed
from tenants.context import in_public, in_region
from tenants.models import Region
from tenants.services import region_provision
from tests.cms.factories import (
    ClubIndexPageFactory,
    ClubPortraitPageFactory,
    StandardPageFactory,
    region_home,
)

SOURCE, COPY = "vault", "vault_copy"


@contextmanager
def media_root(path: Path):
    """MEDIA_ROOT set to ``path``, and back. django-tenants' storage caches the
    media root and forgets it only when MULTITENANT_RELATIVE_MEDIA_ROOT changes,
    so the cache is dropped on the way in and on the way out."""

    def forget():
        storages["default"].__dict__.pop("relative_media_root", None)

    forget()
    try:
        with override_settings(MEDIA_ROOT=str(path)):
            yield
    finally:
        forget()


def _png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 30, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def _drop_regions(*slugs: str) -> None:
    from cms.taxonomy.models import District

    with in_public():
        for slug in slugs:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{slug}" CASCADE')
            District.objects.filter(region__schema_name=slug).delete()
            Region.objects.filter(schema_name=slug).delete()


@pytest.fixture(scope="module")
def vault(django_db_setup, django_db_blocker, tmp_path_factory):
    """A committed region with pages, a user, a document and an image."""
    media = tmp_path_factory.mktemp("media")
    with media_root(media), django_db_blocker.unblock():
        _drop_regions(SOURCE, COPY)
        region_provision(slug=SOURCE, name="Tresor", ensure_template=False)
        region = Region.objects.get(schema_name=SOURCE)
        with in_region(region):
            from django.contrib.auth import get_user_model
            from wagtail.documents import get_document_model
            from wagtail.images import get_image_model

            home = region_home()
            StandardPageFactory(parent=home, title="Satzung des Tresorvereins")
            StandardPageFactory(parent=home, title="Mitmachen: Çay und Kuchen")
            clubs = ClubIndexPageFactory(parent=home)
            ClubPortraitPageFactory(
                parent=clubs, title="Tresorchor Saalekreis", published=True
            )
            get_user_model().objects.create_user("eva", "eva@example.org", "pw")
            get_user_model().objects.create_user("yusuf", "yusuf@example.org", "pw")
            get_document_model().objects.create(
                title="Satzung",
                file=ContentFile("Satzung §1 – Name".encode(), name="satzung.txt"),
            )
            get_image_model().objects.create(
                title="Logo", file=ContentFile(_png(), name="logo.png")
            )
        # Completed as provisioning completes every region (the pages' twins in
        # every language), so that the restore, which completes too, adds nothing.
        region_provision(slug=SOURCE, name="Tresor", ensure_template=False)
        connection.set_schema_to_public()
        yield {"region": region, "media_root": media}
        _drop_regions(SOURCE, COPY)
        connection.set_schema_to_public()


def _snapshot(slug: str, media_root: Path) -> dict:
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    region = Region.objects.get(schema_name=slug)
    with in_region(region):
        pages = sorted(Page.objects.values_list("id", "title", "url_path"))
        users = sorted(get_user_model().objects.values_list("id", "username"))
    folder = media_root / slug
    media = {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }
    return {"pages": pages, "users": users, "media": media}


@pytest.mark.django_db
def test_region_backup_then_restore_as_a_copy_round_trips_pages_users_and_media(
    vault, tmp_path
):
    media = vault["media_root"]
    archive = tmp_path / "vault.tar.gz"
    with media_root(media):
        before = _snapshot(SOURCE, media)
        out = io.StringIO()
        call_command("region_backup", SOURCE, "--output", str(archive), stdout=out)
        assert archive.is_file()
        assert "2 media files" in out.getvalue()

        out = io.StringIO()
        call_command("region_restore", str(archive), "--as", COPY, stdout=out)
        after = _snapshot(COPY, media)
        copy = Region.objects.get(schema_name=COPY)
        domains = list(copy.domains.values_list("domain", flat=True))
        with in_region(copy):
            from wagtail.documents import get_document_model
            from wagtail.models import Site

            document = get_document_model().objects.get(title="Satzung")
            with document.file.open("rb") as handle:
                document_bytes = handle.read()
            site_hosts = list(Site.objects.values_list("hostname", flat=True))
        connection.set_schema_to_public()

    assert f"Region '{COPY}' restored from '{SOURCE}'" in out.getvalue()
    assert len(before["pages"]) >= 4  # root, home and the two pages
    assert "Satzung des Tresorvereins" in [title for _, title, _ in before["pages"]]
    assert after["pages"] == before["pages"]
    assert [name for _, name in before["users"]] == ["eva", "yusuf"]
    assert after["users"] == before["users"]
    assert len(before["media"]) >= 2
    assert after["media"] == before["media"]
    assert document_bytes == "Satzung §1 – Name".encode()
    assert domains == ["vault-copy.localhost"]
    assert site_hosts == ["vault-copy.localhost"]
    # The copy's clubs are found by the cross-region search without a rebuild.
    assert "search index: " in out.getvalue()
    found = search(SearchQuery(text="Tresorchor")).hits
    copy_region = Region.objects.get(schema_name=COPY)
    assert copy_region.pk in {hit.region_id for hit in found}


@pytest.mark.django_db
def test_region_restore_refuses_a_taken_slug_and_changes_nothing(vault, tmp_path):
    archive = tmp_path / "again.tar.gz"
    with media_root(vault["media_root"]):
        region_backup(region=vault["region"], output=archive)
        regions_before = Region.objects.count()
        with pytest.raises(ValidationError, match="exists.*Nothing was changed"):
            region_restore(archive_path=archive)
        assert Region.objects.count() == regions_before


@pytest.mark.django_db
def test_region_restore_refuses_a_damaged_archive(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not a tar archive")
    with pytest.raises(ValidationError, match="Nothing"):
        region_restore(archive_path=bogus)


def test_renaming_a_dump_rewrites_statements_and_leaves_data_rows_alone():
    dump = (
        "-- Name: page; Type: TABLE; Schema: halle; Owner: -\n"
        "CREATE SCHEMA halle;\n"
        "CREATE TABLE halle.page (id bigint NOT NULL, site text);\n"
        "ALTER TABLE ONLY halle.page ADD CONSTRAINT f FOREIGN KEY (t) "
        "REFERENCES public.tenants_region(id);\n"
        "COPY halle.page (id, site) FROM stdin;\n"
        "1\thalle.localhost\n"
        "\\.\n"
        "SELECT pg_catalog.setval('halle.page_id_seq', 1, true);\n"
        "CREATE INDEX i ON halle.page USING btree (site);\n"
    )

    renamed = schema_sql_renamed(dump, old="halle", new="halle_copy")

    assert "CREATE SCHEMA halle_copy;" in renamed
    assert "CREATE TABLE halle_copy.page" in renamed
    assert "COPY halle_copy.page (id, site) FROM stdin;" in renamed
    assert "1\thalle.localhost\n" in renamed  # a data row: untouched
    assert "setval('halle_copy.page_id_seq'" in renamed
    assert "ON halle_copy.page USING" in renamed
    assert "REFERENCES public.tenants_region(id)" in renamed
    assert "Schema: halle_copy;" in renamed
    assert "halle." not in renamed.replace("halle.localhost", "")
