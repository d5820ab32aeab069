"""Counting requests over the shared cache, per region.

The cache's keys carry the schema name (``django_tenants.cache.make_key``), so
every counter here is the current region's own: a lockout or a rate limit in
Halle never touches Dortmund. Fixed windows: the first hit starts the window,
later hits count until it expires. While the cache is unreachable nothing can be
counted, and every limit refuses (logins, forms) until it is back.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    """The client's IP address: ``REMOTE_ADDR``, or the header the reverse proxy
    sets when ``INSIST_CLIENT_IP_HEADER`` names it (production: nginx's
    ``X-Real-IP``)."""
    header = getattr(settings, "INSIST_CLIENT_IP_HEADER", "")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, subject: str) -> str:
    # Hashed: addresses and usernames are personal data and may hold any bytes.
    digest = hashlib.sha256(subject.strip().lower().encode()).hexdigest()[:32]
    return f"throttle:{scope}:{digest}"


# What a count reads while the cache cannot count: above every limit.
UNCOUNTED = 10**9


def counting_possible() -> bool:
    """False while the cache stores nothing (insist.cache.FailSoftRedisCache):
    limits then refuse rather than let everything through."""
    available = getattr(cache, "available", None)
    return available is None or available()


def throttle_hit(*, scope: str, subject: str, window: int) -> int:
    """Count one hit of ``subject`` in ``scope``; the hits in the window so far
    (``UNCOUNTED`` while the cache is unreachable)."""
    key = _key(scope, subject)
    try:
        if cache.add(key, 1, timeout=window):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, timeout=window)
            return 1 if counting_possible() else UNCOUNTED
    except Exception:
        logger.warning("rate limit %s not counted: cache unreachable", scope)
        return UNCOUNTED


def throttle_count(*, scope: str, subject: str) -> int:
    try:
        count = cache.get(_key(scope, subject), 0)
    except Exception:
        count = None
    if count is None or not counting_possible():
        logger.warning("rate limit %s not read: cache unreachable", scope)
        return UNCOUNTED
    return count


def throttle_reset(*, scope: str, subject: str) -> None:
    try:
        cache.delete(_key(scope, subject))
    except Exception:
        logger.warning("rate limit %s not reset: cache unreachable", scope)


def rate_limit_exceeded(*, name: str, subject: str) -> bool:
    """Count one use of the limit ``name`` (``INSIST_RATE_LIMITS``) by
    ``subject``; True once the limit is exceeded in the current window."""
    limit, window = settings.INSIST_RATE_LIMITS[name]
    return throttle_hit(scope=name, subject=subject, window=window) > limit


PAUSED_MESSAGE = _(
    "This form cannot be sent for a moment: a service of the platform is "
    "restarting. Please try again in a minute."
)


def refusal(message) -> tuple[str, int]:
    """What a form past its limit answers: ``message`` with 429, or, while the
    cache cannot count (every limit refuses then), that the form is paused,
    with 503: the visitor did nothing wrong."""
    if counting_possible():
        return message, 429
    return PAUSED_MESSAGE, 503
