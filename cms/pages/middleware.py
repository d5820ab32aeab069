from django.db import connection
from django_tenants.utils import get_public_schema_name
from wagtail.contrib.redirects.middleware import RedirectMiddleware


class RegionRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, only on region hosts.

    The portal's schema has no Wagtail tables: there the lookup turned every 404
    into a 500 (DESIGN.md, trap 3).
    """

    def process_response(self, request, response):
        if connection.schema_name == get_public_schema_name():
            return response
        return super().process_response(request, response)
