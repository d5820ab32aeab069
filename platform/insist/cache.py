"""The Redis cache, answering "not stored" while Redis is unreachable.

Redis holds nothing but copies (docs/performance.md, deploy/README.md), yet with
Django's ``RedisCache`` an outage fails every page: Wagtail reads its site root
paths from the default cache before any page is served. ``FailSoftRedisCache``
turns an unreachable Redis into a cache that stores nothing:

- reads answer as a miss (``get`` its default, ``get_many`` nothing), writes are
  dropped, ``add`` answers False, ``incr`` raises ``CacheUnavailable`` (its
  callers count: the page-cache generations and the rate limits handle it);
- after a failure the backend does not try Redis again for
  ``INSIST_CACHE_RETRY_SECONDS`` (default 5), in the whole process: a Redis that
  hangs would otherwise cost the socket time-out on every cache call;
- ``available()`` says whether the last call reached Redis. The rate limits ask
  it and refuse while Redis is away (tenants/throttle.py): a limit that cannot
  count must not let everything through.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
_down_until: dict[str, float] = {}
_lock = threading.Lock()


class CacheUnavailable(Exception):
    """Redis is unreachable: nothing was counted."""


class FailSoftRedisCache(RedisCache):
    def _location(self) -> str:
        return ",".join(self._servers)

    def available(self) -> bool:
        return _down_until.get(self._location(), 0) <= time.monotonic()

    def _call(self, default, method, *args, **kwargs):
        if not self.available():
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except RedisError as error:
            seconds = getattr(settings, "INSIST_CACHE_RETRY_SECONDS", 5)
            with _lock:
                _down_until[self._location()] = time.monotonic() + seconds
            logger.warning(
                "cache unreachable (%s), not tried again for %s s", error, seconds
            )
            return default

    def get(self, key, default=None, version=None):
        return self._call(default, "get", key, default, version)

    def get_many(self, keys, version=None):
        return self._call({}, "get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call(False, "has_key", key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "add", key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(None, "set", key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(list(data), "set_many", data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(False, "touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call(False, "delete", key, version)

    def delete_many(self, keys, version=None):
        return self._call(None, "delete_many", keys, version)

    def clear(self):
        return self._call(False, "clear")

    def incr(self, key, delta=1, version=None):
        missing = object()
        value = self._call(missing, "incr", key, delta, version)
        if value is missing:
            raise CacheUnavailable(key)
        return value
