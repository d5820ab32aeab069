"""A NUL byte or invalid UTF-8 in a query parameter is answered 400, never 500
(docs/traps.md, trap 11)."""

import pytest
from django.test import Client
from django_tenants.utils import schema_context

from insist.middleware import query_string_problem
from tests.cms.factories import region_sections

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "q=%00",
    "feld=a%00b",
    "q=%ff%fe",
    "stadtteil=%c3%28",
    "%00=x",
    "seite=1%00",
]


@pytest.fixture
def directory_url(regions):
    with schema_context("dortmund"):
        return region_sections()["clubs"].url


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_directory_filters_refuse_bad_bytes(query, directory_url, region_client):
    response = region_client("dortmund").get(f"{directory_url}?{query}")
    assert response.status_code == 400


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_api_refuses_bad_bytes(query, regions, region_client, portal_client):
    for client in (region_client("halle"), portal_client):
        response = client.get(f"/api/taxonomy?lang=de&{query}")
        assert response.status_code == 400


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_admin_search_refuses_bad_bytes(query, regions, region_client, make_user):
    user = make_user("potsdam", "mod", groups=["Moderators"])
    client = region_client("potsdam")
    with schema_context("potsdam"):
        client.force_login(user)
    for path in ("/admin/pages/search/", "/admin/images/", "/admin/documents/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path


def test_clean_queries_pass(directory_url, region_client):
    response = region_client("dortmund").get(f"{directory_url}?q=M%C3%BCnster+%C3%A7")
    assert response.status_code == 200


def test_problem_names_the_cause():
    assert "NUL" in query_string_problem("q=%00")
    assert "UTF-8" in query_string_problem("q=%ff")
    assert query_string_problem("q=Gr%C3%BC%C3%9Fe&feld=sport") is None


def test_portal_refuses_bad_bytes(regions):
    assert Client(HTTP_HOST="localhost").get("/?q=%00").status_code == 400
