"""The language switcher and hreflang alternates of regional pages.

Pages are translated with Wagtail's localisation (one page tree per locale): a
page's translations share its ``translation_key``.
"""

from django import template
from django.conf import settings
from django.utils import translation
from wagtail.models import Page, Site

register = template.Library()


def _live_translations(page: Page | None) -> dict[str, Page]:
    if not isinstance(page, Page) or page.pk is None:
        return {}
    pages = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in pages}


@register.simple_tag(takes_context=True)
def page_languages(context, page=None) -> list[dict]:
    """Every platform language with where to go: the page's own translation if
    there is one, else the translated home page, else the home page."""
    request = context.get("request")
    current = translation.get_language()
    own = _live_translations(page)
    site = Site.find_for_request(request) if request is not None else None
    homes = _live_translations(site.root_page) if site else {}
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
    own = _live_translations(page)
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
