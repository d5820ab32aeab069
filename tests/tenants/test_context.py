"""tenants.context: code runs in the region it is given and gives the caller's
schema back, whatever the caller was in."""

import pytest
from django.db import connection
from wagtail.models import Site

from cms.pages.selectors import home_page
from cms.pages.services import region_locales_ensure, region_site_ensure
from cms.taxonomy.models import TargetGroup
from cms.taxonomy.services import term_create
from tenants.context import (
    current_region,
    in_public,
    in_region,
    is_public,
    runs_in_region,
)
from tenants.models import Region
from tenants.selectors import portal_get, region_get

pytestmark = pytest.mark.django_db


def test_a_service_called_inside_another_region_works_on_the_region_it_was_given(
    regions,
):
    halle, dortmund = regions["halle"], regions["dortmund"]
    with in_region(halle):
        lines = region_site_ensure(region=dortmund, domain="dortmund.localhost")

        # Run in Halle's schema, it would have added a second site there.
        assert not any(changed for _line, changed in lines), lines
        assert connection.schema_name == "halle"
        assert not Site.objects.filter(hostname="dortmund.localhost").exists()
        assert home_page(region=dortmund).title == "Dortmund"
        assert connection.schema_name == "halle"
    with in_region(dortmund):
        assert Site.objects.filter(hostname="dortmund.localhost").count() == 1


def test_a_shared_write_from_inside_a_region_lands_in_the_public_schema(regions):
    with in_region(regions["potsdam"]):
        term = term_create(vocabulary=TargetGroup, slug="t-ctx", name="Kontext")
        assert connection.schema_name == "potsdam"
    with in_public():
        assert TargetGroup.objects.filter(pk=term.pk, slug="t-ctx").exists()


def test_the_callers_schema_comes_back_after_an_error(regions):
    @runs_in_region
    def fails(*, region: Region):
        assert connection.schema_name == region.schema_name
        raise RuntimeError("stop")

    with in_region(regions["halle"]):
        with pytest.raises(RuntimeError):
            fails(region=regions["dortmund"])
        assert connection.schema_name == "halle"
        with pytest.raises(RuntimeError), in_public():
            assert connection.schema_name == "public"
            raise RuntimeError("stop")
        assert connection.schema_name == "halle"


def test_contexts_nest_and_unwind_in_order(regions):
    with in_region(regions["halle"]):
        with in_region(regions["dortmund"]):
            with in_public():
                assert connection.schema_name == "public"
                with in_region(regions["potsdam"]):
                    assert connection.schema_name == "potsdam"
                assert connection.schema_name == "public"
            assert connection.schema_name == "dortmund"
        assert connection.schema_name == "halle"


def test_a_region_function_refuses_to_run_without_a_region(regions):
    with pytest.raises(TypeError, match="region=<Region>"):
        region_locales_ensure()
    with pytest.raises(ValueError, match="needs a Region"):
        with in_region(None):
            pass


def test_current_region_is_the_region_whose_schema_is_in_use(regions):
    with in_region(regions["halle"]):
        assert current_region() == regions["halle"]
    with in_public():
        assert is_public(current_region())
    assert is_public(portal_get()) and is_public(None)
    assert not is_public(regions["halle"])


def test_region_get_names_the_unknown_slug(regions):
    assert region_get(slug="potsdam") == regions["potsdam"]
    with pytest.raises(Region.DoesNotExist, match="'bochum'"):
        region_get(slug="bochum")
    with pytest.raises(Region.DoesNotExist):
        region_get(slug="public")  # the portal is no region
