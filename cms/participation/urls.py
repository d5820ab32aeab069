"""Public URLs of taking part, inside the region host's i18n_patterns."""

from django.urls import path

from cms.participation import views

urlpatterns = [
    path("mitmachen/verein-eintragen/", views.club_submit, name="participation-submit"),
    path(
        "mitmachen/verein-eintragen/bestaetigen/<str:token>/",
        views.club_confirm,
        name="participation-confirm",
    ),
    path("mitmachen/verein-aendern/", views.club_change, name="participation-change"),
    path(
        "mitmachen/verein-aendern/<str:token>/",
        views.club_submit,
        name="participation-change-form",
    ),
]
