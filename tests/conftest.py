"""Shared fixtures: one test database with the portal and the three regions.

The test database is migrated once (public schema, then a region template); the
regions are copies of the template (about 1 s each instead of about 8 s each,
DESIGN.md trap 8). Each test runs in a transaction that is rolled back, schema
changes included.
"""

import pytest
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from tenants.models import Region
from tenants.services import (
    DEFAULT_REGIONS,
    portal_ensure,
    region_provision,
    template_ensure,
)

REGION_SLUGS = [spec.slug for spec in DEFAULT_REGIONS]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        portal_ensure()
        template_ensure()
        for spec in DEFAULT_REGIONS:
            region_provision(slug=spec.slug, name=spec.name, ensure_template=False)
        connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _public_schema_after_each_test():
    """A request or a schema_context must never leave the next test elsewhere."""
    yield
    connection.set_schema_to_public()


@pytest.fixture
def regions(db) -> dict[str, Region]:
    return {
        r.schema_name: r for r in Region.objects.filter(schema_name__in=REGION_SLUGS)
    }


def host_of(slug: str) -> str:
    return f"{slug}.localhost"


@pytest.fixture
def region_client():
    """``region_client("halle")``: a test client that talks to that region's host."""

    def make(slug: str) -> Client:
        return Client(HTTP_HOST=host_of(slug))

    return make


@pytest.fixture
def portal_client() -> Client:
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def make_user(db):
    """``make_user("halle", "eva", groups=["Editors"])``: a user in one region."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(slug, username, *, password="pw-Insist-2026", groups=(), superuser=False):
        with schema_context(slug):
            User = get_user_model()
            user = User.objects.create_user(
                username,
                f"{username}@example.org",
                password,
                is_superuser=superuser,
                is_staff=superuser,
            )
            for name in groups:
                user.groups.add(Group.objects.get(name=name))
        return user

    return make
