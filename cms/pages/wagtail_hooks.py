"""Admin views of the regional pages app."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms.exports import NeutralisedExportMixin, spreadsheet_exports_neutralise
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
