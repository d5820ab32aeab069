"""The anonymous full-page cache and the generations that keep it true.

Every cached page is stored under its region (the cache's tenant key function
prefixes the schema), its language and its full URL, together with the
*generations* it was rendered under. A generation is a counter in the cache:

- ``region``: bumped when anything a region's pages show changes in that region
  (publish, unpublish, move, delete, a new alias or translation, images,
  documents, sites);
- ``shared``: bumped in every region when the shared vocabulary (taxonomy) or the
  training-materials library changes;
- ``search``: bumped in every region (and the portal) when any region's pages or
  the shared vocabulary change, because the search results rank all regions
  together.

A stored page is served only while the generations it recorded are the current
ones: one ``get_many`` reads the page and the generations. docs/performance.md
says why whole-region generations and not per-page keys.
"""

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re

from tenants.context import in_public, in_region, is_public

GENERATIONS = ("region", "shared", "search")
_PREFIX = "pagecache"
# What a cached response may vary on: the key holds the language, and a request
# with a session or messages cookie is never served from the cache.
_VARY_KEYED = {"accept-language", "cookie"}
_CACHEABLE_TYPES = ("text/html", "application/xml", "text/xml")
# Headers that belong to the request's own round trip, never to a stored page.
_UNSTORED_HEADERS = {"set-cookie", "vary", "content-security-policy", "date"}
HIT_HEADER = "X-Page-Cache"
logger = logging.getLogger(__name__)


class CacheUnreachable(Exception):
    """The cache answers, but keeps nothing: render as without a cache."""


def generation_key(name: str) -> str:
    """The cache key of generation ``name`` (the tenant key function adds the
    schema)."""
    return f"{_PREFIX}:gen:{name}"


def _timeout() -> int:
    # Publishing invalidates at once; the time-out only bounds what no publish
    # announces: an event that has started leaves the "upcoming" lists.
    return getattr(settings, "INSIST_PAGE_CACHE_SECONDS", 300)


def enabled() -> bool:
    return getattr(settings, "INSIST_PAGE_CACHE", True)


# --- Generations ----------------------------------------------------------------
def _bump_here(name: str) -> None:
    """Bump generation ``name`` in the connection's schema.

    A missing counter (never set, or evicted) starts at the current time in
    nanoseconds, so it never comes back to a value an old entry recorded.
    """
    key = generation_key(name)
    try:
        try:
            cache.incr(key)
        except ValueError:
            cache.add(key, time.time_ns(), timeout=None)
    except Exception:
        # Publishing never fails because the cache is down; while it is down it
        # serves nothing either.
        logger.exception("page cache: generation %s not bumped", name)


def _every_schema():
    from tenants.models import Region

    with in_public():
        return list(Region.objects.all())


def _bump_everywhere(*names: str) -> None:
    for region in _every_schema():
        with in_region(region):
            for name in names:
                _bump_here(name)


def _now_and_after_commit(func) -> None:
    """Run ``func`` now and again once the transaction commits.

    Now: the next request of this connection sees the change. After commit: a
    request that rendered the old rows while the transaction was open and stored
    them under the bumped generation is dropped again.
    """
    func()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(func)


def region_changed(*, region) -> None:
    """Something ``region``'s pages show changed: its pages, and every
    schema's search results (they rank all regions together)."""

    def bump():
        with in_region(region):
            _bump_here("region")
        _bump_everywhere("search")

    _now_and_after_commit(bump)


def shared_changed() -> None:
    """The taxonomy or the materials library changed: every region's pages."""
    _now_and_after_commit(lambda: _bump_everywhere("shared", "search"))


def generations_read(extra_keys: tuple[str, ...] = ()) -> tuple[dict, dict]:
    """The current generations in the connection's schema (missing ones are
    started), and the values of ``extra_keys`` read in the same round trip."""
    keys = [generation_key(name) for name in GENERATIONS]
    found = cache.get_many([*keys, *extra_keys])
    gens = {}
    for name, key in zip(GENERATIONS, keys, strict=True):
        value = found.get(key)
        if value is None:
            cache.add(key, time.time_ns(), timeout=None)
            value = cache.get(key)
        if value is None:
            # A cache that stores nothing (Redis away, insist/cache.py): without
            # generations nothing may be served or stored.
            raise CacheUnreachable(f"generation {name} unreadable")
        gens[name] = value
    return gens, {key: found.get(key) for key in extra_keys}


# --- Keys ----------------------------------------------------------------------
def normalised_query(query_string: str) -> str:
    """The query string with its parameters sorted: ``?b=1&a=2`` is ``?a=2&b=1``."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted(pairs))


def page_key(request) -> str:
    """Language, scheme, host and full URL (path + normalised query) of the
    request; the tenant key function adds the region."""
    raw = "|".join(
        (
            getattr(request, "LANGUAGE_CODE", "") or "",
            request.scheme,
            request.get_host(),
            request.path,
            normalised_query(request.META.get("QUERY_STRING", "")),
        )
    )
    return f"{_PREFIX}:page:" + hashlib.sha256(raw.encode()).hexdigest()


def fragment_generation(request) -> str:
    """A string naming the generations the request renders under, for template
    fragment caches (``{% cache ... page_cache_generation %}``)."""
    gens = getattr(request, "page_cache_generations", None)
    if gens is None:
        gens, _ = generations_read()
        if request is not None:
            request.page_cache_generations = gens
    return f"{gens['region']}.{gens['shared']}"


# --- Fragments: this process's memory in front of the shared cache -------------
class ProcessMemory:
    """What this worker read or wrote lately, by key: a bounded map (least
    recently used out) whose entries expire with the shared cache's time-out.

    Holds only values whose key names the generations they were made under
    (fragments, routes): a publish changes the keys, so an entry here is never
    used after it and the memory needs no invalidation. A hit costs no Redis
    round trip and no unpickling.
    """

    def __init__(self, limit_setting: str, default_limit: int):
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()
        self._limit_setting, self._default_limit = limit_setting, default_limit

    def get_many(self, keys) -> dict:
        now = time.monotonic()
        found = {}
        with self._lock:
            for key in keys:
                entry = self._entries.get(key)
                if entry is None:
                    continue
                if entry[0] < now:
                    del self._entries[key]
                    continue
                self._entries.move_to_end(key)
                found[key] = entry[1]
        return found

    def set_many(self, values: dict) -> None:
        limit = getattr(settings, self._limit_setting, self._default_limit)
        if limit <= 0:
            return
        expires = time.monotonic() + _timeout()
        with self._lock:
            for key, value in values.items():
                self._entries[key] = (expires, value)
                self._entries.move_to_end(key)
            while len(self._entries) > limit:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


local_fragments = ProcessMemory("INSIST_FRAGMENT_LOCAL_ENTRIES", 2000)


def fragments_enabled(request) -> bool:
    return request is not None and getattr(settings, "INSIST_FRAGMENT_CACHE", True)


def fragment_key(request, name: str, *vary) -> str:
    """The key of fragment ``name`` for ``vary`` under the request's region,
    generations, language, scheme and host. (The tenant key function adds the
    region in Redis too; the worker's memory has only this key.)"""
    parts = [
        getattr(getattr(request, "tenant", None), "schema_name", ""),
        name,
        fragment_generation(request),
        translation.get_language() or "",
        request.scheme,
        request.get_host(),
        *(str(value) for value in vary),
    ]
    return f"{_PREFIX}:fragment:" + hashlib.sha256("|".join(parts).encode()).hexdigest()


def fragments_get_many(keys) -> dict[str, str]:
    """The stored fragments among ``keys``: this process's memory first, then one
    round trip to the shared cache for the rest. Raises when the cache is down."""
    found = local_fragments.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        shared = cache.get_many(missing)
        local_fragments.set_many(shared)
        found.update(shared)
    return found


def fragments_set_many(fragments: dict[str, str]) -> None:
    if not fragments:
        return
    local_fragments.set_many(fragments)
    try:
        cache.set_many(fragments, _timeout())
    except Exception:
        logger.exception("page cache: fragments not stored")


# --- What may be cached ----------------------------------------------------------
def request_is_cacheable(request) -> bool:
    """Anonymous GET/HEAD of a public page: no session, no messages, not the
    admin, the API or a preview."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path_info
    excluded = (
        *getattr(settings, "INSIST_ADMIN_PATH_PREFIXES", ("/admin/",)),
        "/api/",
        "/django-admin/",
        "/documents/",
        "/media/",
        "/downloads/",
        "/static/",
    )
    return not path.startswith(excluded)


def response_is_cacheable(request, response) -> bool:
    """A complete 200 page that carries nothing of this visitor: no cookie, no
    CSRF token, no messages, no preview, no ``Vary`` the key does not hold."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get(
        "CSRF_COOKIE_USED"
    ):
        return False
    if getattr(response, "page_cache_refuse", False):
        return False
    if getattr(request, "is_preview", False):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    storage = getattr(request, "_messages", None)
    if storage is not None and (storage.used or len(storage)):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in _CACHEABLE_TYPES:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {
        header.strip().lower()
        for header in cc_delim_re.split(response.get("Vary", ""))
        if header.strip()
    }
    return vary <= _VARY_KEYED


# --- The middleware --------------------------------------------------------------
class PageCacheMiddleware:
    """Answers anonymous GET/HEAD requests from the region's page cache.

    Sits after ``LocaleMiddleware`` (the key holds the language) and before
    ``CommonMiddleware``: a hit skips CSRF, auth, messages and the view, and
    still passes back through the security, CSP, session and locale
    middleware, so a cached page gets this response's headers, never a stored
    Content-Security-Policy. A stored page keeps what the inner middleware
    added (``X-Frame-Options``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not request_is_cacheable(request):
            return self.get_response(request)
        key = page_key(request)
        try:
            gens, found = generations_read((key,))
        except CacheUnreachable:
            # Redis away: the cache backend has logged it once; render.
            return self.get_response(request)
        except Exception:
            # The cache unreachable: render, as without a cache.
            logger.exception("page cache: unreachable")
            return self.get_response(request)
        request.page_cache_generations = gens
        entry = found[key]
        if entry is not None and all(
            gens[name] == value for name, value in entry["gens"].items()
        ):
            return self._rebuild(request, entry)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            try:
                cache.set(key, self._entry(request, response, gens), _timeout())
            except Exception:
                logger.exception("page cache: page not stored")
                return response
            response[HIT_HEADER] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before Wagtail's page view: its site and route from this process's
        memory (cms/pages/routing.py)."""
        from wagtail.views import serve as wagtail_serve

        from cms.pages import routing

        if (
            view_func is wagtail_serve
            and routing.enabled()
            and request_is_cacheable(request)
        ):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            routing.route_prepare(request, path)
        return None

    @staticmethod
    def _depends(request) -> tuple[str, ...]:
        match = getattr(request, "resolver_match", None)
        # The search results rank every region's pages (search/ owns the view;
        # cms knows it by its URL name only, imports point down), and the portal
        # shows all regions: both follow every region's changes.
        if match is not None and match.url_name == "search":
            return GENERATIONS
        if is_public(getattr(request, "tenant", None)):
            return GENERATIONS
        return ("region", "shared")

    def _entry(self, request, response, gens) -> dict:
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _UNSTORED_HEADERS
        ]
        return {
            "gens": {name: gens[name] for name in self._depends(request)},
            "headers": headers,
            "content": response.content,
        }

    @staticmethod
    def _rebuild(request, entry) -> HttpResponse:
        response = HttpResponse(b"" if request.method == "HEAD" else entry["content"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HIT_HEADER] = "hit"
        return response


# --- Receivers -------------------------------------------------------------------
def _here():
    """The region a signal about a page, image or document comes from.

    Wagtail sends its signals while the connection is in the schema the row is
    written to, and those rows have no region column: the schema *is* their
    region (as for a page's ``clean()``, tenants.context.current_region).
    """
    from tenants.context import current_region

    return current_region()


def on_page_changed(sender, instance=None, **kwargs) -> None:
    """Publish, unpublish, move, delete: the region's pages and all search."""
    region_changed(region=_here())


def on_row_saved(sender, instance=None, created=False, **kwargs) -> None:
    """A page created live (a new alias or translation of a published page),
    or an image, document or site saved: the region's pages."""
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site

    if isinstance(instance, Page):
        if created and instance.live:
            region_changed(region=_here())
    elif isinstance(
        instance, AbstractImage | AbstractDocument | Site | PageViewRestriction
    ):
        # A view restriction added to a live page: its stored copy must not be
        # served to anyone any more (Wagtail asks for the password or a login).
        region_changed(region=_here())


def on_row_deleted(sender, instance=None, **kwargs) -> None:
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction, Site

    if isinstance(
        instance, Page | AbstractImage | AbstractDocument | Site | PageViewRestriction
    ):
        region_changed(region=_here())


def on_shared_changed(sender, instance=None, **kwargs) -> None:
    """A term or a material saved, deleted, renamed or merged."""
    shared_changed()


def receivers_connect() -> None:
    """Called from ``PagesConfig.ready``."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.materials.models import Material, MaterialFile, MaterialTombstone
    from cms.taxonomy.models import Term
    from cms.taxonomy.signals import terms_changed

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_changed, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(on_row_saved, dispatch_uid="pagecache-saved")
    post_delete.connect(on_row_deleted, dispatch_uid="pagecache-deleted")
    terms_changed.connect(on_shared_changed, dispatch_uid="pagecache-terms")
    shared = [Material, MaterialFile, MaterialTombstone]
    shared += _subclasses(Term)
    for model in shared:
        for signal in (post_save, post_delete):
            signal.connect(
                on_shared_changed,
                sender=model,
                dispatch_uid=f"pagecache-shared-{model._meta.label}-{id(signal)}",
            )


def _subclasses(base) -> list:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, base) and not model._meta.abstract
    ]
