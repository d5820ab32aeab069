"""``/suche/`` and ``/partner/`` (German) and under ``/<lang>/``: in both URLconfs."""

from django.urls import path

from search.partners.views import partner_page
from search.views import search_page

urlpatterns = [
    path("suche/", search_page, name="search"),
    path("partner/", partner_page, name="partners"),
]
