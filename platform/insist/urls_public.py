"""URLs of the portal (public schema): no Wagtail here, its tables are per region."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path

from insist.api import api
from tenants.views import (
    portal_home,
    portal_imprint,
    portal_privacy,
    portal_robots_txt,
    portal_sitemap_xml,
)

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("robots.txt", portal_robots_txt, name="portal-robots"),
    path("sitemap.xml", portal_sitemap_xml, name="portal-sitemap"),
]

# German at /, every other language under its prefix (/en/, /ar/, ...).
urlpatterns += i18n_patterns(
    path("", portal_home, name="portal-home"),
    path("impressum/", portal_imprint, name="portal-imprint"),
    path("datenschutz/", portal_privacy, name="portal-privacy"),
    prefix_default_language=False,
)
