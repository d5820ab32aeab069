"""URLs of the portal (public schema): no Wagtail here, its tables are per region."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from insist.api import api
from tenants.views import portal_home

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", portal_home, name="portal-home"),
]
# The cross-region search, in German at /suche/ and under every language prefix.
urlpatterns += i18n_patterns(
    path("", include("search.urls")), prefix_default_language=False
)
