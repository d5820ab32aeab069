"""The host → region lookup remembered per process (tenants/middleware.py):
each host keeps its own region, a domain added or removed counts at once, and
nothing one request sets on its region reaches the next."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenants import middleware
from tenants.context import in_public
from tenants.models import Domain
from tests.conftest import PORTAL, REGION_SLUGS, HostClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def domain_cache(settings):
    settings.INSIST_DOMAIN_CACHE_SECONDS = 30
    middleware.domains_forget()
    yield
    middleware.domains_forget()


def _domain_queries(client, path="/robots.txt"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [
        q for q in queries.captured_queries if "tenants_domain" in q["sql"]
    ]


def test_a_host_is_looked_up_once_per_process(region_client):
    client = region_client("halle")
    _response, first = _domain_queries(client)
    _response, second = _domain_queries(client)
    assert len(first) == 1
    assert second == []


def test_every_host_keeps_its_own_region_interleaved(regions):
    slugs = [*REGION_SLUGS, PORTAL]
    for _round in range(2):  # the second round is answered from the cache
        for slug in slugs:
            response = HostClient(slug).get("/")
            assert response.status_code == 200
            if slug != PORTAL:
                assert f"<h1>{regions[slug].name}</h1>" in response.content.decode()
                others = [r.name for s, r in regions.items() if s != slug]
                assert not any(
                    f"<h1>{name}</h1>" in response.content.decode() for name in others
                )


def test_a_domain_added_serves_at_once_and_a_removed_one_stops(regions, client):
    _domain_queries(HostClient("halle"))  # something is remembered
    with in_public():
        domain = Domain.objects.create(
            domain="saale.localhost", tenant=regions["halle"], is_primary=False
        )
    response = client.get("/", HTTP_HOST="saale.localhost")
    assert response.status_code == 200
    assert f"<h1>{regions['halle'].name}</h1>" in response.content.decode()

    with in_public():
        domain.delete()
    assert client.get("/", HTTP_HOST="saale.localhost").status_code == 404


def test_an_unknown_host_is_never_remembered(client):
    assert client.get("/", HTTP_HOST="nowhere.localhost").status_code == 404
    assert "nowhere.localhost" not in middleware._resolved


def test_what_a_request_sets_on_its_region_does_not_reach_the_next():
    request_region = middleware.RegionMiddleware(lambda r: None).get_tenant(
        Domain, "dortmund.localhost"
    )
    request_region.visitor_note = "from the first request"
    again = middleware.RegionMiddleware(lambda r: None).get_tenant(
        Domain, "dortmund.localhost"
    )
    assert again.schema_name == "dortmund"
    assert not hasattr(again, "visitor_note")
