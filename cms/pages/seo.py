"""What a search engine reads: absolute URLs of the served host, descriptions,
schema.org data and the sitemap's entries.

URLs are built from the request (scheme, host and port actually served), not
from the Wagtail site's ``root_url``, which says port 80 behind a development
server on :8000 or a proxy on another port.
"""

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

DESCRIPTION_LENGTH = 160
# Page fields that can stand in for a missing search description, first wins.
DESCRIPTION_FIELDS = ("search_description", "summary", "teaser", "intro")


def absolute(request, url: str | None) -> str | None:
    if not url or request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


def image_url(request, image, spec: str) -> str:
    return absolute(request, image.get_rendition(spec).url)


def region_name(request) -> str:
    tenant = getattr(request, "tenant", None)
    return getattr(tenant, "name", "") or "INSIST"


def region_organisation(request) -> dict:
    """The regional INSIST team as a schema.org organisation, and its area."""
    name = region_name(request)
    return {
        "@type": "Organization",
        "name": f"INSIST {name}",
        "url": absolute(request, "/"),
        "areaServed": {"@type": "AdministrativeArea", "name": name},
    }


def page_description(page) -> str:
    """The page's meta description: its search description, else its summary,
    teaser or introduction, without markup and at most 160 characters."""
    for field in DESCRIPTION_FIELDS:
        text = strip_tags(str(getattr(page, field, "") or "")).strip()
        if text:
            return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)
    return ""


def sitemap_entries(*, request) -> list[dict]:
    """Every live, public page of the request's site in every language, each
    with the absolute URLs of all its language versions (``xhtml:link``)."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        return []
    home = site.root_page
    homes = Page.objects.filter(translation_key=home.translation_key)
    wanted = None
    for translated_home in homes:
        tree = Page.objects.descendant_of(translated_home, inclusive=True)
        wanted = tree if wanted is None else wanted | tree
    if wanted is None:
        return []
    pages = list(wanted.live().public().select_related("locale").order_by("path"))
    by_key: dict = {}
    for page in pages:
        url = absolute(request, page.get_url(request))
        if url:
            by_key.setdefault(page.translation_key, {})[page.locale.language_code] = url
    order = [code for code, _name in settings.LANGUAGES]
    entries = []
    for page in pages:
        versions = by_key.get(page.translation_key, {})
        own = versions.get(page.locale.language_code)
        if own is None:
            continue
        alternates = [
            {"code": code, "url": versions[code]} for code in order if code in versions
        ]
        if settings.LANGUAGE_CODE in versions:
            alternates.append(
                {"code": "x-default", "url": versions[settings.LANGUAGE_CODE]}
            )
        entries.append(
            {
                "location": own,
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
        )
        entries.extend(_subpage_entries(page=page, request=request))
    return entries


def _subpage_entries(*, page, request) -> list[dict]:
    """The further URLs a page type lists itself (a routable page's detail
    views, such as the materials library's), without language alternates."""
    page_class = page.specific_class
    if page_class is None or page_class.get_sitemap_urls is Page.get_sitemap_urls:
        return []
    urls = page.specific.get_sitemap_urls(request)[1:]
    return [
        {"location": url["location"], "lastmod": url.get("lastmod"), "alternates": []}
        for url in urls
    ]
