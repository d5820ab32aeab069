"""URLs of the portal (public schema): no Wagtail here, its tables are per region."""

from django.contrib import admin
from django.urls import path

from insist.api import api
from insist.auth import ThrottledAdminLoginForm
from tenants.views import portal_home

# Failed logins are throttled on the portal too, with a message that says so.
admin.site.login_form = ThrottledAdminLoginForm

urlpatterns = [
    path("api/", api.urls),
    path("admin/", admin.site.urls),
    path("", portal_home, name="portal-home"),
]
