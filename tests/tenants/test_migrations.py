"""The public schema's shortened migrate (tenants/migration.py) leaves what
Django's full one left: every migration recorded, no region table, content types
and permissions of every model."""

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django_tenants.utils import get_public_schema_name

from tenants.context import in_public
from tenants.selectors import schema_is_migrated

pytestmark = pytest.mark.django_db


def _tables(schema: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
            [schema],
        )
        return {row[0] for row in cursor.fetchall()}


def test_public_schema_has_every_migration_recorded_and_no_region_table():
    public = get_public_schema_name()
    assert schema_is_migrated(schema_name=public)
    tables = _tables(public)
    assert {"tenants_region", "taxonomy_district", "auth_user"} <= tables
    assert not {t for t in tables if t.startswith(("wagtail", "pages_"))}


def test_public_schema_knows_every_model_as_before():
    with in_public():
        assert ContentType.objects.filter(
            app_label="wagtailcore", model="page"
        ).exists()
        assert Permission.objects.filter(
            content_type__app_label="pages", codename="add_clubportraitpage"
        ).exists()
        assert Permission.objects.filter(
            content_type__app_label="taxonomy", codename="change_district"
        ).exists()
