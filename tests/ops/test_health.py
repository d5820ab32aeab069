"""``/healthz`` tells the load balancer whether this app server can work, on
every host and on a bare IP address; logs name the region on every line."""

import json
import logging

import pytest
from django.db import connection
from django.test import Client

from insist.logging import JsonFormatter, RegionFilter
from tenants.context import in_region

HOSTS = ["localhost", "dortmund.localhost", "potsdam.localhost", "halle.localhost"]


@pytest.mark.django_db
@pytest.mark.parametrize("host", [*HOSTS, "10.0.0.7", "unknown.example.org"])
def test_healthz_answers_200_with_reachability_on_every_host(host):
    response = Client(HTTP_HOST=host).get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert response.json()["cache"] == "ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_healthz_reports_search_as_postgres_without_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = ""
    assert Client(HTTP_HOST="halle.localhost").get("/healthz").json()["search"] == (
        "postgres"
    )


@pytest.mark.django_db
def test_healthz_answers_503_and_names_the_cache_when_redis_is_down(settings):
    # A port nothing listens on: connection refused, at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    response = Client(HTTP_HOST="dortmund.localhost").get("/healthz")

    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"
    assert response.json()["status"] == "down"


@pytest.mark.django_db
def test_healthz_answers_503_when_elasticsearch_is_set_but_unreachable(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    response = Client(HTTP_HOST="localhost").get("/healthz")

    assert response.status_code == 503
    assert response.json()["search"] == "down"


def test_healthz_answers_503_when_the_database_is_down(monkeypatch):
    from insist import health

    class BrokenCursor:
        def __enter__(self):
            from django.db import OperationalError

            raise OperationalError("connection refused")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(health.connection, "cursor", lambda: BrokenCursor())
    response = Client(HTTP_HOST="halle.localhost").get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.django_db
def test_log_lines_name_the_region_they_were_written_in(regions):
    record = logging.LogRecord("insist", logging.WARNING, __file__, 1, "hi", (), None)
    with in_region(regions["halle"]):
        RegionFilter().filter(record)
        line = JsonFormatter().format(record)

    assert json.loads(line)["region"] == "halle"
    assert json.loads(line)["message"] == "hi"
    assert connection.schema_name == "public"
