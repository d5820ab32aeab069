"""Navigation of a region's site: header menu and legal links in the footer."""

from django import template
from wagtail.models import Page, Site

register = template.Library()

FOOTER_KINDS = ("contact", "imprint", "privacy")


@register.simple_tag(takes_context=True)
def region_navigation(context) -> dict:
    """The localised home page, its menu children and the footer pages.

    A fixed number of queries, once per request.
    """
    from cms.pages.models import StandardPage

    request = context.get("request")
    cached = getattr(request, "_region_navigation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"home": None, "menu": [], "footer": []}
    page = context.get("page")
    home = site.root_page
    if page is not None and getattr(page, "locale_id", None) != home.locale_id:
        home = home.get_translation_or_none(page.locale) or home
    menu = list(Page.objects.live().public().in_menu().child_of(home))
    footer = list(
        StandardPage.objects.live()
        .public()
        .child_of(home)
        .filter(kind__in=FOOTER_KINDS)
        .order_by("kind")
    )
    navigation = {"home": home, "menu": menu, "footer": footer}
    request._region_navigation = navigation
    return navigation
