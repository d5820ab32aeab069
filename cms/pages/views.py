"""Views of a region's host outside the page tree: sitemap.xml (robots.txt is
tenants.views.robots_txt, the same on every host)."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from cms.pages.seo import sitemap_entries


@require_GET
def sitemap_xml(request):
    """Every page of the region in every language, with ``xhtml:link``
    alternates to its other language versions."""
    return TemplateResponse(
        request,
        "pages/sitemap.xml",
        {"entries": sitemap_entries(request=request)},
        content_type="application/xml; charset=utf-8",
    )
