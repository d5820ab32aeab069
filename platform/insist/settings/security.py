"""Security and privacy settings every environment shares.

Imported by ``base.py``; ``docs/security.md`` explains each measure and how it
is tested. Values that differ between machines come from the environment.
"""

from csp import constants as csp

from .base import MIDDLEWARE, TEMPLATES, env

# --- Request hygiene ----------------------------------------------------------
# A NUL byte or invalid UTF-8 in the query string is answered 400 before any view
# reads it (docs/traps.md, trap 11). Runs right after the tenant middleware.
MIDDLEWARE.insert(1, "insist.middleware.QueryStringGuardMiddleware")

# --- Content-Security-Policy (django-csp 4) -----------------------------------
# https://django-csp.readthedocs.io/en/latest/configuration.html
# Public pages: nothing inline, nothing from another host. The Wagtail admin
# (and the portal's Django admin) get their own policy, chosen per path by
# ``insist.middleware.RegionCSPMiddleware``: Wagtail's panels and date widgets
# carry inline scripts and style attributes, and the accessibility checker
# bundled in its admin (axe-core) compiles templates with ``new Function``.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "insist.middleware.RegionCSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.NONE],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "font-src": [csp.SELF],
        "connect-src": [csp.SELF],
        "form-action": [csp.SELF],
        "frame-ancestors": [csp.NONE],
        "base-uri": [csp.SELF],
        "object-src": [csp.NONE],
        "manifest-src": [csp.SELF],
    },
}
INSIST_ADMIN_CSP = {
    "default-src": [csp.SELF],
    "script-src": [csp.SELF, csp.UNSAFE_INLINE, csp.UNSAFE_EVAL],
    "style-src": [csp.SELF, csp.UNSAFE_INLINE],
    "img-src": [csp.SELF, "data:", "blob:"],
    "font-src": [csp.SELF, "data:"],
    "connect-src": [csp.SELF],
    "frame-src": [csp.SELF],
    "form-action": [csp.SELF],
    "frame-ancestors": [csp.SELF],
    "base-uri": [csp.SELF],
    "object-src": [csp.NONE],
}
INSIST_ADMIN_PATH_PREFIXES = ("/admin/",)

# --- Emails link to the sending region ----------------------------------------
# Wagtail builds links in notification and password-reset emails from
# WAGTAILADMIN_BASE_URL, one value for every region (trap 10). The template tags
# that read it are replaced by ones that answer the region's own base URL
# (``insist.admin_tags``); WAGTAILADMIN_BASE_URL stays the portal's.
TEMPLATES[0]["OPTIONS"]["libraries"] = {
    "wagtailadmin_tags": "insist.admin_tags",
}
# Scheme and port of the links in emails: https in production; the demo's port.
INSIST_URL_SCHEME = env("INSIST_URL_SCHEME", default="http")
INSIST_URL_PORT = env("INSIST_URL_PORT", default="")

# --- Files --------------------------------------------------------------------
# Documents go through Wagtail's serve view, which checks restricted collections;
# /media/<region>/documents/ is never served directly (trap 9). In production
# nginx delivers the file the view allows through an internal location
# (X-Accel-Redirect, deploy/nginx/media-locations.conf).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
INSIST_PROTECTED_MEDIA_URL = "/protected-media/"

# --- Login throttling ---------------------------------------------------------
# Per region (the cache is keyed by schema): after LOGIN_FAILURE_LIMIT failed
# passwords for one username, or LOGIN_IP_FAILURE_LIMIT from one address, within
# LOGIN_LOCKOUT_SECONDS, that login is refused for LOGIN_LOCKOUT_SECONDS.
AUTHENTICATION_BACKENDS = ["insist.auth.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "insist.auth.ThrottledLoginForm"
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "insist.auth.ThrottledPasswordResetForm"
INSIST_LOGIN_FAILURE_LIMIT = env.int("INSIST_LOGIN_FAILURE_LIMIT", default=10)
INSIST_LOGIN_IP_FAILURE_LIMIT = env.int("INSIST_LOGIN_IP_FAILURE_LIMIT", default=50)
INSIST_LOGIN_LOCKOUT_SECONDS = env.int("INSIST_LOGIN_LOCKOUT_SECONDS", default=900)

# --- Public forms -------------------------------------------------------------
# Rate limits over the region-keyed cache: (requests, seconds) per client
# address and per email address (tenants.throttle).
INSIST_RATE_LIMITS = {
    "registration-ip": (10, 3600),
    "registration-email": (3, 3600),
    "password-reset-ip": (10, 3600),
    "password-reset-email": (3, 3600),
}

# --- Event registration and retention -----------------------------------------
# The link in the confirmation email stays valid this long; an unconfirmed
# registration holds no place and is deleted when it expires.
INSIST_REGISTRATION_CONFIRM_HOURS = env.int(
    "INSIST_REGISTRATION_CONFIRM_HOURS", default=48
)
# Registrations are erased this many days after their event ended
# (`manage.py registrations_purge`, run daily by the deployment).
INSIST_REGISTRATION_RETENTION_DAYS = env.int(
    "INSIST_REGISTRATION_RETENTION_DAYS", default=90
)

# insist.admin_tags is registered under Wagtail's library name on purpose (see
# "Emails link to the sending region" above).
SILENCED_SYSTEM_CHECKS = ["templates.W003"]
