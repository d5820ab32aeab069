"""The language switcher and hreflang alternates of regional pages.

Pages are translated with Wagtail's localisation (one page tree per locale): a
page's translations share its ``translation_key``. One query finds the live
translations of the page and of the site's home page, once per request.
"""

from django import template
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def _language_pages(request, page) -> tuple[dict[str, Page], dict[str, Page]]:
    """``(page's live translations, home page's live translations)`` by language."""
    if not isinstance(page, Page) or page.pk is None:
        return {}, {}
    cache = getattr(request, "_insist_language_pages", None) if request else None
    if cache is not None and cache[0] == page.pk:
        return cache[1]
    site = Site.find_for_request(request) if request is not None else None
    wanted = Q(translation_key=page.translation_key)
    if site is not None:
        wanted |= Q(pk=site.root_page_id) | Q(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values(
                "translation_key"
            )
        )
    pages = list(Page.objects.live().filter(wanted).select_related("locale"))
    home_key = next(
        (p.translation_key for p in pages if site and p.pk == site.root_page_id),
        None,
    )
    own = {
        p.locale.language_code: p
        for p in pages
        if p.translation_key == page.translation_key
    }
    homes = {p.locale.language_code: p for p in pages if p.translation_key == home_key}
    if request is not None:
        request._insist_language_pages = (page.pk, (own, homes))
    return own, homes


@register.simple_tag(takes_context=True)
def page_languages(context, page=None) -> list[dict]:
    """Every platform language with where to go: the page's own translation if
    there is one, else the translated home page, else the home page."""
    request = context.get("request")
    current = translation.get_language()
    own, homes = _language_pages(request, page)
    default_home = homes.get(settings.LANGUAGE_CODE)
    languages = []
    for code, _name in settings.LANGUAGES:
        target = own.get(code) or homes.get(code) or default_home
        url = target.get_url(request) if target is not None else None
        info = translation.get_language_info(code)
        languages.append(
            {
                "code": code,
                "name_local": info["name_local"],
                "dir": "rtl" if info["bidi"] else "ltr",
                "url": url or "/",
                "exact": code in own,
                "is_current": code == current,
            }
        )
    return languages


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None) -> list[dict]:
    """``hreflang`` alternates: one per live translation, plus ``x-default``."""
    request = context.get("request")
    own, _homes = _language_pages(request, page)
    if len(own) < 2:
        return []
    alternates = [
        {"code": code, "url": own[code].get_full_url(request)}
        for code, _name in settings.LANGUAGES
        if code in own
    ]
    default = own.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append({"code": "x-default", "url": default.get_full_url(request)})
    return alternates
