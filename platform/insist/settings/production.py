"""Production settings: everything secret or host-specific comes from the
environment, and `manage.py check --deploy` reports nothing.

https://docs.djangoproject.com/en/5.2/howto/deployment/checklist/
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# Production never falls back to the embedded database.
env("DATABASE_URL")
CONN_MAX_AGE = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE  # noqa: F405
# A kept connection is checked before a request reuses it: after a PostgreSQL or
# PgBouncer restart the first request reconnects instead of failing.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("DJANGO_EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("DJANGO_EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("DJANGO_EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="noreply@localhost")

# Documents: Wagtail's serve view checks the collection's restrictions, nginx
# sends the file (X-Accel-Redirect to an internal location, deploy/nginx/).
SENDFILE_BACKEND = env("INSIST_SENDFILE_BACKEND", default="insist.sendfile_nginx")
INSIST_URL_SCHEME = env("INSIST_URL_SCHEME", default="https")
# nginx passes the client's address in X-Real-IP (the limits count per client).
INSIST_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
# --- Background work: the persistent queue, run by `manage.py db_worker` --------
TASKS = DATABASE_TASKS  # noqa: F405

# --- Cache: a dead or hung Redis must never hang workers. While it is away the
# cache stores nothing and pages render without it (insist/cache.py).
_cache = CACHES["default"]  # noqa: F405
if "LOCATION" in _cache and "redis" in _cache["BACKEND"].lower():
    CACHES["default"]["OPTIONS"] = {  # noqa: F405
        "socket_connect_timeout": env.float("INSIST_REDIS_TIMEOUT", default=2.0),
        "socket_timeout": env.float("INSIST_REDIS_TIMEOUT", default=2.0),
        "retry_on_timeout": False,
    }

# --- Logging: JSON lines, each naming its region (insist/logging.py) -----------
LOGGING["formatters"]["json"] = {"()": "insist.logging.JsonFormatter"}  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = env(  # noqa: F405
    "DJANGO_LOG_FORMAT", default="json"
)
