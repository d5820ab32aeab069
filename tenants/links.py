"""Absolute links to a region's own host, for emails and anything else that
leaves the request (docs/traps.md, trap 10: every region's emails linked to one host).
"""

from django.conf import settings

from tenants.context import in_public, is_public
from tenants.selectors import portal_get, region_primary_domain


def _base_url(domain: str) -> str:
    port = str(settings.INSIST_URL_PORT or "")
    default_port = {"http": "80", "https": "443"}.get(settings.INSIST_URL_SCHEME)
    suffix = f":{port}" if port and port != default_port else ""
    return f"{settings.INSIST_URL_SCHEME}://{domain}{suffix}"


def portal_base_url() -> str | None:
    """``https://<portal's primary domain>[:port]``, for mails to platform staff."""
    with in_public():
        domain = region_primary_domain(region=portal_get())
    return _base_url(domain) if domain else None


def region_base_url(*, region) -> str | None:
    """``https://<primary domain>[:port]`` of ``region``; None for the portal.

    Scheme and port come from ``INSIST_URL_SCHEME`` and ``INSIST_URL_PORT`` (the
    demo serves on :8000; production on https without a port).
    """
    if is_public(region):
        return None
    domain = region_primary_domain(region=region)
    return _base_url(domain) if domain else None
