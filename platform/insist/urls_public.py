"""URLs of the portal (public schema): no Wagtail here, its tables are per region."""

from django.contrib import admin
from django.urls import path

from insist.api import api
from tenants.views import portal_home

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", portal_home, name="portal-home"),
]
