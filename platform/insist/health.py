"""``GET /healthz``: can this app server reach what it needs?

Answers on every host (portal and regions) and on any ``Host`` header at all, an
IP address included: the load balancer asks each app server directly, often over
plain HTTP and by address. So the check is a middleware placed before host
validation, tenant routing and the HTTPS redirect, and it never touches a
region's tables.

200 with ``{"status": "ok", "database": "ok", "cache": "ok", "search": ...}`` when
all is reachable; 503 with the failing part marked ``"down"`` otherwise. Search is
checked only when ``ELASTICSEARCH_URL`` is set; without it search runs in
PostgreSQL and reports ``"postgres"``.
"""

import logging
import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
SEARCH_TIMEOUT_SECONDS = 2


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        # Django drops the broken connection at the end of this request.
        logger.warning("healthz: database unreachable", exc_info=True)
        return False


def cache_reachable() -> bool:
    key, value = "healthz", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        return cache.get(key) == value
    except Exception:
        logger.warning("healthz: cache unreachable", exc_info=True)
        return False


def search_state() -> str:
    url = getattr(settings, "ELASTICSEARCH_URL", None)
    if url is None:
        url = os.environ.get("ELASTICSEARCH_URL", "")
    if not url:
        return "postgres"
    try:
        with urllib.request.urlopen(url, timeout=SEARCH_TIMEOUT_SECONDS) as response:
            return "ok" if response.status < 500 else "down"
    except urllib.error.HTTPError as error:
        # 401/403: the cluster answers (credentials are the search client's job).
        return "ok" if error.code < 500 else "down"
    except Exception:
        logger.warning("healthz: Elasticsearch unreachable", exc_info=True)
        return "down"


def health_report() -> tuple[int, dict]:
    started = time.monotonic()
    report = {
        "database": "ok" if database_reachable() else "down",
        "cache": "ok" if cache_reachable() else "down",
        "search": search_state(),
    }
    healthy = "down" not in report.values()
    report = {"status": "ok" if healthy else "down", **report}
    report["ms"] = round((time.monotonic() - started) * 1000, 1)
    return (200 if healthy else 503), report


class HealthCheckMiddleware:
    """Answers ``GET``/``HEAD /healthz`` before anything else looks at the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.rstrip("/") != HEALTH_PATH or request.method not in (
            "GET",
            "HEAD",
        ):
            return self.get_response(request)
        status, report = health_report()
        response = JsonResponse(report, status=status)
        response["Cache-Control"] = "no-store"
        return response
