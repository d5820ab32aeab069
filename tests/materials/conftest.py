"""Fixtures of the materials tests: a private storage folder per test session, the
region library pages, a matrix of materials over owner x scope x status, and
logged-in clients."""

from dataclasses import dataclass

import pytest
from django.test import override_settings
from django_tenants.utils import schema_context

from cms.materials.demo import demo_pdf
from cms.materials.models import Material
from cms.materials.services import (
    material_create,
    material_moderate,
    topics_defaults_load,
)
from cms.pages.models import MaterialLibraryPage
from tests.cms.conftest import _pages_use_compiled_catalogs, compiled  # noqa: F401
from tests.cms.factories import region_home
from tests.conftest import REGION_SLUGS

S, St = Material.Scope, Material.Status


@pytest.fixture(scope="session", autouse=True)
def materials_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("materials")
    with override_settings(MATERIALS_ROOT=root, MATERIALS_X_ACCEL_PREFIX=""):
        yield root


def stored_files(root) -> list:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def libraries(regions):
    """A live library page under each region's German home page."""
    pages = {}
    for slug in REGION_SLUGS:
        with schema_context(slug):
            home = region_home()
            page = home.add_child(
                instance=MaterialLibraryPage(
                    title="Materialbibliothek", slug="materialien"
                )
            )
            page.save_revision().publish()
            pages[slug] = page
    return pages


def make_material(region, *, scope=S.REGION, status=St.APPROVED, title=None, **extra):
    """A material with one PDF, brought to ``status`` the way editors and the
    moderator would."""
    topics_defaults_load()
    title = title or f"Material {region.slug} {scope} {status}"
    material = material_create(
        region=region,
        title=title,
        summary=extra.pop("summary", "Eine Zusammenfassung."),
        format=extra.pop("format", Material.Format.HANDOUT),
        licence=extra.pop("licence", Material.Licence.CC_BY),
        scope=scope,
        ready=status != St.DRAFT,
        files=extra.pop("files", [("handout.pdf", demo_pdf(title=title))]),
        **extra,
    )
    if status in (St.APPROVED, St.REJECTED) and scope != S.REGION:
        material_moderate(
            material=material, approve=status == St.APPROVED, note="Bitte ergänzen."
        )
    material.refresh_from_db()
    assert material.status == status
    return material


@dataclass(frozen=True)
class Case:
    owner: str
    scope: str
    status: str


# Every reachable (scope, status) pair: own-region materials need no moderation.
CASES = [
    (S.REGION, St.DRAFT),
    (S.REGION, St.APPROVED),
    (S.ALL_REGIONS, St.PENDING),
    (S.ALL_REGIONS, St.APPROVED),
    (S.ALL_REGIONS, St.REJECTED),
    (S.PUBLIC, St.PENDING),
    (S.PUBLIC, St.APPROVED),
]


@pytest.fixture
def matrix(regions):
    """``{Case: Material}`` for every owner region x (scope, status)."""
    return {
        Case(slug, scope, status): make_material(
            regions[slug], scope=scope, status=status
        )
        for slug in REGION_SLUGS
        for scope, status in CASES
    }


def expected_visible(host: str, case: Case) -> bool:
    """The rule, written independently of the selectors: the oracle."""
    if host == "public":
        return case.scope == S.PUBLIC and case.status == St.APPROVED
    if host == case.owner:
        return case.status != St.DRAFT
    return case.scope in (S.ALL_REGIONS, S.PUBLIC) and case.status == St.APPROVED


def host_name(host: str) -> str:
    return "localhost" if host == "public" else f"{host}.localhost"


@pytest.fixture
def editor_client(region_client, make_user):
    """``editor_client("halle")``: a client logged in as a Halle editor."""

    def make(slug, username="editor", groups=("Editors",)):
        user = make_user(slug, f"{username}-{slug}", groups=groups)
        client = region_client(slug)
        with schema_context(slug):
            client.force_login(user)
        return client

    return make
