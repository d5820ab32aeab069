"""The host → region lookup of every request, remembered per process.

django-tenants' ``TenantMainMiddleware`` reads ``tenants_domain`` joined with
``tenants_region`` on every request: a query (and its ORM compilation) before any
page, also before a page-cache hit. Hosts and regions change when an operator adds
a region or a domain, a few times a year, so each worker process remembers what a
host resolved to for ``INSIST_DOMAIN_CACHE_SECONDS`` (default 30):

- a save or delete of a ``Domain`` or ``Region`` forgets everything in the process
  that made it (``tenants.apps``); the other workers follow within the time-out;
- an unknown host is never remembered: it is looked up (and refused) each time;
- each request gets its own copy of the region: django-tenants writes
  ``domain_url`` on it, and nothing a request sets may reach the next one.
"""

import copy
import threading
import time

from django.conf import settings
from django_tenants.middleware.main import TenantMainMiddleware

_resolved: dict[str, tuple[float, object]] = {}
_lock = threading.Lock()


def _seconds() -> float:
    return getattr(settings, "INSIST_DOMAIN_CACHE_SECONDS", 30)


def domains_forget(**kwargs) -> None:
    """Forget every remembered host (a signal receiver: a domain or region changed)."""
    with _lock:
        _resolved.clear()


class RegionMiddleware(TenantMainMiddleware):
    """``TenantMainMiddleware`` with the host lookup remembered per process."""

    def get_tenant(self, domain_model, hostname):
        now = time.monotonic()
        found = _resolved.get(hostname)
        if found is not None and found[0] > now and _seconds() > 0:
            return copy.copy(found[1])
        region = super().get_tenant(domain_model, hostname)
        if _seconds() > 0:
            with _lock:
                _resolved[hostname] = (now + _seconds(), region)
        return copy.copy(region)
