"""Admin views of the regional pages app."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.pages.models import EventRegistration


class EventRegistrationViewSet(SnippetViewSet):
    """Who registered for which event, for the regional team to download."""

    model = EventRegistration
    icon = "group"
    menu_label = "Anmeldungen"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "email", "event", "created"]
    list_filter = ["event"]
    list_export = ["name", "email", "event", "created"]
    search_fields = ["name", "email"]
    ordering = ["-created"]


register_snippet(EventRegistrationViewSet)
