"""Admin views of the regional pages app."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.exports import NeutralisedExportMixin, spreadsheet_exports_neutralise
from cms.pages import admin_views
from cms.pages.models import EventRegistration

# Wagtail imports this module when its admin URLs load, before any export.
spreadsheet_exports_neutralise()


class EventRegistrationIndexView(NeutralisedExportMixin, IndexView):
    """The list and its CSV/XLSX download, with formula cells neutralised."""


class EventRegistrationViewSet(SnippetViewSet):
    """Who registered for which event, for the regional team to download.
    Only confirmed registrations count; unconfirmed ones show no date."""

    model = EventRegistration
    index_view_class = EventRegistrationIndexView
    icon = "group"
    menu_label = "Anmeldungen"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "email", "event", "created", "confirmed"]
    list_filter = ["event"]
    list_export = ["name", "email", "event", "created", "confirmed"]
    search_fields = ["name", "email"]
    ordering = ["-created"]


register_snippet(EventRegistrationViewSet)


# --- Translations: the report of untranslated and out-of-date pages -----------
@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path(
            "translations/",
            admin_views.translation_report,
            name="pages_translations",
        ),
        path(
            "translations/export/<str:language>/",
            admin_views.translation_po_export,
            name="pages_translations_export",
        ),
        path(
            "translations/import/",
            admin_views.translation_po_import,
            name="pages_translations_import",
        ),
        path(
            "translations/machine/",
            admin_views.translation_machine,
            name="pages_translations_machine",
        ),
    ]


@hooks.register("register_admin_menu_item")
def translation_menu_item():
    return MenuItem(
        _("Translations"),
        reverse("pages_translations"),
        icon_name="globe",
        order=310,
    )
