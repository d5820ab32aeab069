"""``/suche/`` (German) and ``/<lang>/suche/``: included in both URLconfs."""

from django.urls import path

from search.views import search_page

urlpatterns = [path("suche/", search_page, name="search")]
