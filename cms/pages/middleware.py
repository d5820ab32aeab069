from wagtail.contrib.redirects.middleware import RedirectMiddleware

from tenants.context import is_public


class RegionRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, only on region hosts.

    The portal's schema has no Wagtail tables: there the lookup turned every 404
    into a 500 (docs/traps.md, trap 3).
    """

    def process_response(self, request, response):
        if is_public(getattr(request, "tenant", None)):
            return response
        return super().process_response(request, response)
