"""URLs of the portal (public schema): no Wagtail here, its tables are per region."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from cms.materials import views as materials
from insist.api import api
from insist.auth import ThrottledAdminLoginForm
from tenants.views import (
    portal_home,
    portal_imprint,
    portal_privacy,
    portal_sitemap_xml,
    robots_txt,
)

# Failed logins are throttled on the portal too, with a message that says so.
admin.site.login_form = ThrottledAdminLoginForm

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path(
        "materialien/sitemap.xml",
        sitemap,
        {"sitemaps": {"materials": materials.PublicMaterialSitemap}},
        name="portal-materials-sitemap",
    ),
    path(
        "downloads/materialien/<int:material_id>/<int:file_id>/",
        materials.material_download,
        name="material-download",
    ),
    path("robots.txt", robots_txt, name="portal-robots"),
    path("sitemap.xml", portal_sitemap_xml, name="portal-sitemap"),
]

# German at /, every other language under its prefix (/en/, /ar/, ...).
urlpatterns += i18n_patterns(
    path("", portal_home, name="portal-home"),
    path("impressum/", portal_imprint, name="portal-imprint"),
    path("datenschutz/", portal_privacy, name="portal-privacy"),
    path("materialien/", materials.portal_library, name="portal-materials"),
    path(
        "materialien/<int:pk>-<slug:slug>/",
        materials.portal_material,
        name="portal-material",
    ),
    # The cross-region search, in German at /suche/ and under every language prefix.
    path("", include("search.urls")),
    prefix_default_language=False,
)
