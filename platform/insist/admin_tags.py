"""Wagtail's ``wagtailadmin_tags`` library, with links that name the region.

Wagtail's notification and password-reset emails build their links from
``WAGTAILADMIN_BASE_URL``, one value for the whole installation, so every
region's emails pointed to one host (docs/traps.md, trap 10). This library is
registered under Wagtail's name in ``TEMPLATES["OPTIONS"]["libraries"]``: it
carries every tag of Wagtail's library and replaces the three that read the
setting with ones that answer the base URL of the region being served.

The emails are sent from Wagtail's signal handlers, which receive no request and
no region: the region is the one whose schema the connection is in (the request's,
or the one a command entered with ``tenants.context``).
"""

from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.db import connection
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

from tenants.links import region_base_url

register = template.Library()
register.tags.update(wagtail_tags.register.tags)
register.filters.update(wagtail_tags.register.filters)


def current_base_url() -> str | None:
    """The served region's base URL; the portal's ``WAGTAILADMIN_BASE_URL``."""
    region = getattr(connection, "tenant", None)
    return region_base_url(region=region) or getattr(
        settings, "WAGTAILADMIN_BASE_URL", None
    )


@register.simple_tag
def base_url_setting(default=None):
    return current_base_url() or default


@register.simple_tag(takes_context=True)
def build_absolute_url(context, url):
    request = context.get("request")
    if request is None:
        return urljoin(current_base_url() or "", url)
    return wagtail_tags.build_absolute_url(context, url)


@register.simple_tag
def absolute_static(path):
    return urljoin(current_base_url() or "", wagtail_tags.versioned_static_func(path))
