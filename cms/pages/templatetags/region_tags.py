"""Navigation of a region's site: header menu and legal links in the footer."""

from django import template
from django.db.models import F, Q
from wagtail.models import Page, Site

register = template.Library()

FOOTER_KINDS = ("contact", "imprint", "privacy", "accessibility")


@register.simple_tag(takes_context=True)
def region_navigation(context) -> dict:
    """The localised home page, its menu children and the footer pages.

    A fixed number of queries, once per request.
    """
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
    # One query for both lists: menu children and the legal pages.
    children = list(
        Page.objects.live()
        .public()
        .child_of(home)
        .filter(Q(show_in_menus=True) | Q(standardpage__kind__in=FOOTER_KINDS))
        .annotate(kind=F("standardpage__kind"))
    )
    menu = [child for child in children if child.show_in_menus]
    footer = sorted(
        (child for child in children if child.kind in FOOTER_KINDS),
        key=lambda child: FOOTER_KINDS.index(child.kind),
    )
    navigation = {"home": home, "menu": menu, "footer": footer}
    request._region_navigation = navigation
    return navigation
