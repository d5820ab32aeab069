"""Login throttling, per region.

Failed passwords are counted per username and per client address in the
region-keyed cache (``tenants.throttle``): after ``INSIST_LOGIN_FAILURE_LIMIT``
failures for one username (or ``INSIST_LOGIN_IP_FAILURE_LIMIT`` from one
address) within ``INSIST_LOGIN_LOCKOUT_SECONDS``, that login is refused, even
with the right password, until the window has passed. The counters live in the
region's cache keys, so a lockout in Halle does not lock Dortmund.
"""

from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm, PasswordResetForm

from tenants.throttle import (
    client_address,
    counting_possible,
    rate_limit_exceeded,
    throttle_count,
    throttle_hit,
    throttle_reset,
)

PAUSED_MESSAGE = _(
    "Signing in is not possible for a moment: a service of the platform is "
    "restarting. Please try again in a minute."
)
LOCKED_MESSAGE = _(
    "Too many failed logins: for your protection, signing in with this account "
    "from here is blocked for %(minutes)d minutes. Please try again later, or ask "
    "your regional admin to reset your password."
)


def login_locked(*, request, username: str | None) -> bool:
    """True while ``username`` (or the request's address) is locked out."""
    if username and throttle_count(scope="login-user", subject=username) >= (
        settings.INSIST_LOGIN_FAILURE_LIMIT
    ):
        return True
    return request is not None and throttle_count(
        scope="login-ip", subject=client_address(request)
    ) >= (settings.INSIST_LOGIN_IP_FAILURE_LIMIT)


def login_failure_record(*, request, username: str | None) -> None:
    window = settings.INSIST_LOGIN_LOCKOUT_SECONDS
    if username:
        throttle_hit(scope="login-user", subject=username, window=window)
    if request is not None:
        throttle_hit(scope="login-ip", subject=client_address(request), window=window)


class ThrottledModelBackend(ModelBackend):
    """Django's model backend that refuses locked-out logins and counts failures."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if login_locked(request=request, username=username):
            # Stops every backend: the right password does not help now.
            raise PermissionDenied
        user = super().authenticate(
            request, username=username, password=password, **kwargs
        )
        if user is None:
            login_failure_record(request=request, username=username)
        elif username:
            throttle_reset(scope="login-user", subject=username)
        return user


class _ThrottleMessage:
    """Says why a locked-out login is refused, instead of "wrong password"."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if login_locked(request=self.request, username=username):
            if not counting_possible():
                # The cache is away: failures cannot be counted, so no login
                # is tried (tenants/throttle.py); not the lockout's wording.
                raise ValidationError(PAUSED_MESSAGE, code="paused")
            raise ValidationError(
                LOCKED_MESSAGE,
                code="locked",
                params={"minutes": settings.INSIST_LOGIN_LOCKOUT_SECONDS // 60},
            )
        return super().clean()


class ThrottledLoginForm(_ThrottleMessage, LoginForm):
    """The Wagtail admin's login form (``WAGTAILADMIN_USER_LOGIN_FORM``)."""


class ThrottledAdminLoginForm(_ThrottleMessage, AdminAuthenticationForm):
    """The portal's Django admin login form."""


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form (``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``),
    a public form that sends email: past the limits per client address and per
    address (``INSIST_RATE_LIMITS``) it sends nothing, and says the same as
    always, so it can neither flood an inbox nor tell which addresses exist."""

    def save(self, *args, request=None, **kwargs):
        if request is not None and rate_limit_exceeded(
            name="password-reset-ip", subject=client_address(request)
        ):
            return None
        if rate_limit_exceeded(
            name="password-reset-email", subject=self.cleaned_data["email"]
        ):
            return None
        return super().save(*args, request=request, **kwargs)
