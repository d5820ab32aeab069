"""The speed datings of club fairs in the admin menu, with their plans."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from cms.participation import admin_views
from cms.participation.models import SpeedDating


class SpeedDatingViewSet(ModelViewSet):
    """Editors see each club fair's speed dating: the clubs taking part and the
    rounds held; the plan opens beside it (screen, print, CSV, mail)."""

    model = SpeedDating
    icon = "group"
    menu_label = _("Speed dating")
    add_to_admin_menu = True
    menu_order = 320
    name = "participation_speed_dating"
    list_display = ["event", "rounds", "rounds_held"]
    add_view_class = admin_views.SpeedDatingCreateView
    edit_view_class = admin_views.SpeedDatingEditView

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/plan/", admin_views.plan_view, name="plan"),
            path("<int:pk>/plan/print/", admin_views.plan_print, name="print"),
            path("<int:pk>/plan/csv/", admin_views.plan_csv, name="csv"),
            path("<int:pk>/plan/send/", admin_views.plan_send, name="send"),
        ]


speed_dating_viewset = SpeedDatingViewSet()


@hooks.register("register_admin_viewset")
def register_speed_dating_viewset():
    return speed_dating_viewset
