"""Views of a region's host outside the page tree: sitemap.xml and robots.txt."""

from django.http import HttpResponse
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


@require_GET
def robots_txt(request):
    """Everything may be crawled but the admin; the sitemap of this host."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
