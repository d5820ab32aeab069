"""``/suche/`` and ``/partner/`` (German) and under ``/<lang>/``: in both URLconfs."""

from django.urls import path

from search.partners.views import (
    contact_confirm_page,
    contact_request_page,
    contact_withdraw_page,
    partner_page,
)
from search.views import search_page

urlpatterns = [
    path("suche/", search_page, name="search"),
    path("partner/", partner_page, name="partners"),
    path("partner/anfrage/", contact_request_page, name="partner-contact"),
    path(
        "partner/anfrage/bestaetigen/<str:token>/",
        contact_confirm_page,
        name="partner-contact-confirm",
    ),
    path(
        "partner/anfrage/zurueckziehen/<str:token>/",
        contact_withdraw_page,
        name="partner-contact-withdraw",
    ),
]
