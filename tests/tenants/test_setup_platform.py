"""`make demo` runs setup_platform: a second run is quick and changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_tenants.utils import schema_context

from tenants.models import Domain, Region
from tests.conftest import REGION_SLUGS


def _setup(*args):
    """Run the command; it prints through rich's console, read with ``capsys``."""
    call_command("setup_platform", *args)


@pytest.mark.django_db
def test_setup_platform_on_a_set_up_platform_changes_nothing(capsys):
    regions_before = list(Region.objects.values_list("schema_name", "name"))
    domains_before = list(Domain.objects.values_list("domain", "tenant_id"))

    _setup()

    printed = capsys.readouterr().out
    for name in ("Dortmund", "Potsdam und Brandenburger Umland", "Halle (Saale)"):
        assert f"{name}" in printed
    assert printed.count("already complete") == 3
    assert list(Region.objects.values_list("schema_name", "name")) == regions_before
    assert list(Domain.objects.values_list("domain", "tenant_id")) == domains_before


@pytest.mark.django_db
def test_demo_accounts_show_their_password_once(capsys):
    _setup("--demo")
    first = capsys.readouterr().out
    _setup("--demo")
    second = capsys.readouterr().out

    assert first.count("user 'admin' password ") == 4  # portal + 3 regions
    assert "password" not in second.replace("a password is shown", "")
    assert second.count("(exists, unchanged)") == 4
    for slug in ["public", *REGION_SLUGS]:
        with schema_context(slug):
            assert get_user_model().objects.get(username="admin").is_superuser
