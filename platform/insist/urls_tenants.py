"""URLs of a region's host: its Wagtail admin, documents and pages."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.materials.views import material_download
from cms.pages.views import sitemap_xml
from insist.api import api
from insist.media import region_media
from tenants.views import robots_txt

urlpatterns = [
    path("api/", api.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    # Material files: only through this view, which checks the scope (no /media/).
    path(
        "downloads/materialien/<int:material_id>/<int:file_id>/",
        material_download,
        name="material-download",
    ),
]

# Only the host's own region's files, never documents (docs/traps.md, trap 9).
# Production: nginx serves /media/ by the same rules
# (deploy/nginx/media-locations.conf).
urlpatterns += [
    re_path(r"^media/(?P<region>[a-z0-9_]+)/(?P<path>.+)$", region_media),
]

# German at /, every other language under its prefix (/en/, /ar/, ...).
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("", include("cms.participation.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
