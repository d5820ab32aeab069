"""Shared fixtures: one test database with the portal and the three regions.

The test database is migrated once (public schema, then a region template); the
regions are copies of the template (about 1 s each instead of about 8 s each,
docs/traps.md, trap 8). Each test runs in a transaction that is rolled back,
schema changes included.

Nothing resets the connection's schema between tests: services and selectors
enter their region themselves (``tenants.context``) and restore the caller's, and
the test clients below do the same around each request.
"""

from contextlib import contextmanager

import pytest
from django.db import transaction
from django.test import Client

from tenants.context import in_region
from tenants.models import Region
from tenants.selectors import portal_get, region_get
from tenants.services import (
    DEFAULT_REGIONS,
    portal_ensure,
    region_provision,
    template_ensure,
)

REGION_SLUGS = [spec.slug for spec in DEFAULT_REGIONS]
PORTAL = "public"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        portal_ensure()
        template_ensure()
        for spec in DEFAULT_REGIONS:
            region_provision(slug=spec.slug, name=spec.name, ensure_template=False)


@contextmanager
def shared_by_module(django_db_blocker):
    """For module-scoped fixtures: what they write is made once, inside a
    transaction that is rolled back after the module's last test. Each test's own
    transaction nests inside it (a savepoint), so tests still see it unchanged."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture
def regions(db) -> dict[str, Region]:
    return {
        r.schema_name: r for r in Region.objects.filter(schema_name__in=REGION_SLUGS)
    }


def host_of(slug: str) -> str:
    return "localhost" if slug == PORTAL else f"{slug}.localhost"


def region_of(slug: str) -> Region:
    """The region named ``slug``, or the portal for ``"public"``."""
    return portal_get() if slug == PORTAL else region_get(slug=slug)


class HostClient(Client):
    """A test client for one host that leaves the test's schema where it was.

    django-tenants' middleware switches the connection to the host's region and,
    as in production, leaves it there after the response; a test goes on in its
    own schema. Logins and the session are read and written in the host's schema
    (sessions live per region).
    """

    def __init__(self, slug: str, **defaults):
        super().__init__(HTTP_HOST=host_of(slug), **defaults)
        self.slug = slug
        self._region = None

    def _in_host_schema(self):
        # Looked up once, on first use (a client may be made before the database
        # is open), so that counted requests count the page's queries only.
        if self._region is None:
            self._region = region_of(self.slug)
        return in_region(self._region)

    def request(self, **request):
        with self._in_host_schema():
            response = super().request(**request)
            if response.streaming:
                # A CSV export or a file download is produced while it is read:
                # read it here, in the host's schema, as the server would.
                content = b"".join(response.streaming_content)
                response.streaming_content = [content]
            return response

    def force_login(self, user, backend=None):
        with self._in_host_schema():
            return super().force_login(user, backend)

    def login(self, **credentials):
        with self._in_host_schema():
            return super().login(**credentials)

    def logout(self):
        with self._in_host_schema():
            return super().logout()

    @property
    def session(self):
        with self._in_host_schema():
            session = super().session
            session.keys()  # loaded now, in the host's schema
            return session


@pytest.fixture
def region_client():
    """``region_client("halle")``: a test client that talks to that region's host."""

    def make(slug: str, **defaults) -> HostClient:
        return HostClient(slug, **defaults)

    return make


@pytest.fixture
def portal_client() -> HostClient:
    return HostClient(PORTAL)


@pytest.fixture
def make_user(db):
    """``make_user("halle", "eva", groups=["Editors"])``: a user in one region."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    def make(slug, username, *, password="pw-Insist-2026", groups=(), superuser=False):
        with in_region(region_of(slug)):
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
