"""Wagtail's site and page route of a request, remembered per process.

Before a page's own view reads anything, Wagtail finds the request's site (one
query) and walks the page tree one path segment at a time: a child by slug, then
its specific row and content type, for each segment. For a portrait that is seven
to nine queries on every request. Sites and routes change only when the region
publishes, unpublishes, moves, renames or deletes a page or saves a site, and each
of those bumps the region's generation (cms/pages/cache.py). So each worker
remembers, under (region, host, port, language, path, region generation):

- the site's row, handed to Wagtail as ``request._wagtail_site`` (the attribute
  in which ``Site.find_for_request`` keeps its answer for the request);
- the routed page's model and id, and how many path segments it took. The page
  is then read with one query and routes the rest of the path itself
  (``Page.route``): a routable page (events, materials) resolves its sub-page, a
  plain page checks that it is live. The result goes where Wagtail keeps it
  (``request._wagtail_route_for_request``), so Wagtail's serve view uses it.

Only anonymous GET and HEAD requests use it (``request_is_cacheable``), and only
paths that routed to a page are remembered: an unknown path 404s as before.
``INSIST_ROUTE_CACHE`` turns it off (the test suite, where rolled-back pages
would outlive their test).
"""

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.utils import translation
from wagtail.models import Page, Site

from cms.pages.cache import ProcessMemory, fragment_generation

local_routes = ProcessMemory("INSIST_ROUTE_LOCAL_ENTRIES", 5000)
_SITE_FIELDS = None


def enabled() -> bool:
    return getattr(settings, "INSIST_ROUTE_CACHE", True)


def _site_fields() -> list[str]:
    global _SITE_FIELDS
    if _SITE_FIELDS is None:
        _SITE_FIELDS = [field.attname for field in Site._meta.concrete_fields]
    return _SITE_FIELDS


def _key(request, path: str) -> str:
    fragment_generation(request)  # reads the generations once per request
    return "|".join(
        (
            request.tenant.schema_name,
            request.get_host(),
            str(request.get_port()),
            translation.get_language() or "",
            path,
            str(request.page_cache_generations["region"]),
        )
    )


def route_prepare(request, path: str) -> None:
    """Give Wagtail the site and route of ``request`` from memory, or find them
    the usual way and remember them. Never raises: routing then happens as
    without it."""
    try:
        key = _key(request, path)
    except Exception:
        return  # the cache unreachable: Wagtail routes as usual
    remembered = local_routes.get_many([key]).get(key)
    if remembered is not None and _route_from(request, path, remembered):
        return
    _remember(request, path, key)


def _route_from(request, path, remembered) -> bool:
    site_values, page_label, page_id, consumed = remembered
    model = apps.get_model(page_label)
    page = model.objects.filter(pk=page_id).first()
    if page is None:
        return False
    components = [component for component in path.split("/") if component]
    request._wagtail_site = Site.from_db(connection.alias, _site_fields(), site_values)
    try:
        request._wagtail_route_for_request = page.route(request, components[consumed:])
    except Exception:  # Http404 (no longer live) or a sub-route gone: route anew
        del request._wagtail_site
        return False
    return True


def _remember(request, path: str, key: str) -> None:
    site = Site.find_for_request(request)
    result = Page.route_for_request(request, path)
    if site is None or result is None:
        return
    page = result.page
    consumed = page.depth - site.root_page.depth
    components = [component for component in path.split("/") if component]
    if not 0 <= consumed <= len(components):
        return
    local_routes.set_many(
        {
            key: (
                tuple(getattr(site, name) for name in _site_fields()),
                page._meta.label,
                page.pk,
                consumed,
            )
        }
    )
