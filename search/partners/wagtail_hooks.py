"""The regional team's admin menu: contact requests and the matching board."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.partners import admin_views


@hooks.register("register_admin_urls")
def partner_urls():
    return [
        path(
            "partners/requests/",
            admin_views.contact_request_list,
            name="partners_requests",
        ),
        path(
            "partners/requests/<int:pk>/",
            admin_views.contact_request_edit,
            name="partners_request",
        ),
        path("partners/board/", admin_views.board_page, name="partners_board"),
        path(
            "partners/board/decide/",
            admin_views.board_decide_view,
            name="partners_board_decide",
        ),
    ]


class TeamMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_team(request.user)


@hooks.register("register_admin_menu_item")
def contact_requests_menu_item():
    return TeamMenuItem(
        _("Contact requests"), reverse("partners_requests"), icon_name="mail", order=320
    )


@hooks.register("register_admin_menu_item")
def board_menu_item():
    return TeamMenuItem(
        _("Matching board"), reverse("partners_board"), icon_name="group", order=330
    )
