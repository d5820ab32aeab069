"""The language switcher, hreflang alternates and language marking of content.

Every page exists in every locale (an alias of the German page until it is
translated, ``cms.pages.translations``), so the switcher and the alternates go
to the same page in each language. One query finds the live translations of a
page, once per request. URLs are absolute with the host and port the request
came in on: a Wagtail site's ``root_url`` carries port 80, which a development
server on :8000 or a proxy on another port does not serve.
"""

import json

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
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


def absolute_url(request, page) -> str | None:
    """``page``'s URL with the scheme, host and port of ``request``."""
    url = page.get_url(request)
    if url is None:
        return None
    if request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def page_languages(context, page=None) -> list[dict]:
    """Every platform language with where to go: the page itself in that
    language, else (a page not yet mirrored) the translated home page."""
    request = context.get("request")
    current = translation.get_language()
    own, homes = _language_pages(request, page)
    default_home = homes.get(settings.LANGUAGE_CODE)
    languages = []
    for code, _name in settings.LANGUAGES:
        target = own.get(code) or homes.get(code) or default_home
        url = target.get_url(request) if target is not None else None
        languages.append(
            _language_link(code, url or "/", exact=code in own, current=current)
        )
    return languages


def _language_link(code: str, url: str, *, exact: bool, current: str) -> dict:
    """One entry of a language switcher (includes/language_nav.html)."""
    info = translation.get_language_info(code)
    return {
        "code": code,
        "name_local": info["name_local"],
        "dir": "rtl" if info["bidi"] else "ltr",
        "url": url,
        "exact": exact,
        "is_current": code == current,
    }


@register.simple_tag(takes_context=True)
def view_languages(context) -> list[dict]:
    """The view in every platform language, for pages that are not Wagtail pages
    (search, partner finder, club forms): the same URL, query string included,
    under each language's prefix (Django's ``translate_url``). Empty when the
    path cannot be translated."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    # Wagtail's pages have their own switcher (``page_languages``); a path that
    # reaches Wagtail's view without a page is a 404 in every language.
    if match is None or match.url_name == "wagtail_serve":
        return []
    current = translation.get_language()
    here = request.get_full_path()
    languages = []
    for code, _name in settings.LANGUAGES:
        url = here if code == current else translate_url(here, code)
        if url == here and code != current:
            return []
        languages.append(_language_link(code, url, exact=True, current=current))
    return languages


@register.simple_tag
def language_home_url() -> str:
    """The start page in the active language: ``/`` in German, ``/ar/`` …"""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return "/" if code == settings.LANGUAGE_CODE else f"/{code}/"


@register.simple_tag(takes_context=True)
def page_alternates(context, page=None) -> list[dict]:
    """``hreflang`` alternates: every language the page is live in, plus
    ``x-default`` (the German page), as absolute URLs of the served host."""
    request = context.get("request")
    own, _homes = _language_pages(request, page)
    alternates = []
    for code, _name in settings.LANGUAGES:
        if code in own:
            url = absolute_url(request, own[code])
            if url:
                alternates.append({"code": code, "url": url})
    default = own.get(settings.LANGUAGE_CODE)
    if default is not None and alternates:
        alternates.append({"code": "x-default", "url": absolute_url(request, default)})
    return alternates


@register.simple_tag(takes_context=True)
def canonical_url(context, page=None) -> str:
    request = context.get("request")
    if isinstance(page, Page):
        return absolute_url(request, page) or ""
    return request.build_absolute_uri(request.path) if request is not None else ""


def content_language(page) -> str | None:
    """The language ``page``'s own text is in, when it differs from the page's
    locale: an alias shows the German page's text until it is translated."""
    if getattr(page, "alias_of_id", None) is None:
        return None
    # Aliases are made from the German tree (translations.page_aliases_ensure and
    # simple_translation's sync of pages created in German).
    return settings.LANGUAGE_CODE


@register.simple_tag
def content_lang(page) -> str:
    """`` lang="de" dir="ltr"`` for the element holding an untranslated page's
    text (WCAG 3.1.2), nothing when the text is in the page's own language."""
    code = content_language(page)
    if code is None or code == translation.get_language():
        return ""
    bidi = translation.get_language_info(code)["bidi"]
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.filter
def is_machine_translated(page) -> bool:
    """A translation made by the machine-translation service that no editor
    has published since (one query, on translated pages only)."""
    from cms.pages.models import MachineTranslation

    if (
        not isinstance(page, Page)
        or page.alias_of_id is not None
        or translation.get_language() == settings.LANGUAGE_CODE
    ):
        return False
    return MachineTranslation.objects.filter(page_id=page.pk).exists()


@register.filter
def is_untranslated(page) -> bool:
    code = content_language(page)
    return code is not None and code != translation.get_language()


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data) -> str:
    """A schema.org JSON-LD data block, escaped like Django's ``json_script``
    so no text in the data can close the element. A data block is never
    executed, so a strict Content-Security-Policy leaves it alone."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
