"""An operator adds a region with one command; bad input changes nothing."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_tenants.utils import schema_context, schema_exists
from wagtail.models import Locale, Site

from cms.pages.models import HomePage
from tenants.models import Domain, Region
from tests.conftest import shared_by_module


def _add(*args):
    from io import StringIO

    out = StringIO()
    call_command("add_region", *args, stdout=out)
    return out.getvalue()


def _state():
    return (
        sorted(Region.objects.values_list("schema_name", flat=True)),
        sorted(Domain.objects.values_list("domain", flat=True)),
    )


@pytest.fixture(scope="module")
def bochum_added(django_db_setup, django_db_blocker):
    """What ``add_region bochum`` printed; the region stays for this module's tests
    (one copy of the template instead of one per test) and is rolled back after."""
    with shared_by_module(django_db_blocker):
        yield _add("bochum", "--name", "Bochum")


@pytest.mark.django_db
def test_add_region_creates_schema_domain_site_home_and_groups(
    bochum_added, region_client
):
    output = bochum_added

    assert "Region 'bochum' is ready." in output
    assert schema_exists("bochum")
    assert Domain.objects.get(domain="bochum.localhost").tenant.name == "Bochum"
    with schema_context("bochum"):
        site = Site.objects.get(hostname="bochum.localhost")
        assert isinstance(site.root_page.specific, HomePage)
        assert site.root_page.title == "Bochum"
        assert set(Locale.objects.values_list("language_code", flat=True)) == {
            code for code, _name in settings.LANGUAGES
        }
        assert set(Group.objects.values_list("name", flat=True)) >= {
            "Regional admins",
            "Moderators",
            "Editors",
        }
    response = region_client("bochum").get("/")
    assert response.status_code == 200
    assert "<h1>Bochum</h1>" in response.content.decode()


@pytest.mark.django_db
def test_add_region_twice_changes_nothing_the_second_time(bochum_added):
    before = _state()
    with schema_context("bochum"):
        pages_before = HomePage.objects.count()

    output = _add("bochum", "--name", "Bochum")

    assert "already complete; nothing changed" in output
    assert _state() == before
    with schema_context("bochum"):
        assert HomePage.objects.count() == pages_before


@pytest.mark.django_db
def test_add_region_accepts_an_explicit_domain():
    _add("herne", "--name", "Herne", "--domain", "insist-herne.example.org")

    assert Domain.objects.get(domain="insist-herne.example.org").tenant.slug == "herne"
    assert not Domain.objects.filter(domain="herne.localhost").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Bot-trop", "--name", "Bottrop"], "not a valid region slug"),
        (["1bottrop", "--name", "Bottrop"], "not a valid region slug"),
        (["public", "--name", "Public"], "reserved"),
        (["region_template", "--name", "T"], "reserved"),
        (["bottrop", "--name", "  "], "needs a name"),
        (
            ["bottrop", "--name", "Bottrop", "--domain", "halle.localhost"],
            "already serves",
        ),
        (
            ["bottrop", "--name", "Bottrop", "--domain", "not a host"],
            "not a valid host",
        ),
    ],
)
def test_add_region_refuses_bad_input_and_changes_nothing(args, message):
    before = _state()

    with pytest.raises(CommandError) as error:
        _add(*args)

    assert message in str(error.value)
    assert "Nothing was changed" in str(error.value)
    assert _state() == before
    assert not schema_exists("bottrop")
