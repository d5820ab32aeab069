"""The portal (public schema): its start page, imprint and privacy notice, in
every platform language (German at /, the others under /en/, /ar/, ...)."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.views.decorators.http import require_GET

from tenants.selectors import region_list, region_primary_domain


def _languages(request) -> list[dict]:
    """The page in every language: switcher links and hreflang alternates."""
    current = translation.get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        info = translation.get_language_info(code)
        url = translate_url(request.path, code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "dir": "rtl" if info["bidi"] else "ltr",
                "url": url,
                "absolute": request.build_absolute_uri(url),
                "is_current": code == current,
            }
        )
    return languages


def _render(request, template: str, context: dict | None = None):
    languages = _languages(request)
    default = next(lang for lang in languages if lang["code"] == settings.LANGUAGE_CODE)
    return render(
        request,
        template,
        {
            "languages": languages,
            "x_default": default["absolute"],
            "canonical": request.build_absolute_uri(request.path),
            **(context or {}),
        },
    )


@require_GET
def portal_home(request):
    """The portal's start page: the programme and links to its regions, each
    in the visitor's language."""
    # The port the visitor used (the Host header), not the server's own: behind
    # `runserver 0.0.0.0:8000` both agree, behind a proxy only the first is right.
    host = request.get_host()
    suffix = f":{host.rsplit(':', 1)[1]}" if ":" in host.rsplit("]", 1)[-1] else ""
    language = translation.get_language()
    prefix = "" if language == settings.LANGUAGE_CODE else f"{language}/"
    regions = [
        {
            "name": region.name,
            "url": f"{request.scheme}://{region_primary_domain(region=region)}"
            f"{suffix}/{prefix}",
        }
        for region in region_list()
    ]
    return _render(request, "tenants/portal_home.html", {"regions": regions})


@require_GET
def portal_imprint(request):
    return _render(request, "tenants/portal_imprint.html")


@require_GET
def portal_privacy(request):
    return _render(request, "tenants/portal_privacy.html")


@require_GET
def robots_txt(request):
    """Everything may be crawled but the admin; the sitemap of this host (the
    portal's and every region's)."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def portal_sitemap_xml(request):
    """The portal's pages in every language, with their alternates."""
    entries = []
    for name in ("portal-home", "portal-imprint", "portal-privacy"):
        alternates = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternates.append(
                    {"code": code, "url": request.build_absolute_uri(reverse(name))}
                )
        alternates.append({"code": "x-default", "url": alternates[0]["url"]})
        for alternate in alternates[:-1]:
            entries.append({"location": alternate["url"], "alternates": alternates})
    return render(
        request,
        "tenants/sitemap.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )
