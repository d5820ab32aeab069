"""URLs of the portal (public schema): no Wagtail here, its tables are per region."""

from django.contrib import admin
from django.urls import path

from tenants.views import portal_home

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", portal_home, name="portal-home"),
]
