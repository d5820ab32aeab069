"""Settings for the test suite: real PostgreSQL, fast password hashing.

Hermetic: no developer's ``.env`` is read (only the process environment, for
``DATABASE_URL``), the cache is in memory whatever ``REDIS_URL`` says, and tasks
run immediately, in the schema that enqueues them.
"""

import os

# Read by base.py before it would read .env.
os.environ["DJANGO_READ_DOT_ENV_FILE"] = "false"

from .base import *  # noqa: E402, F403
from .base import _TENANT_KEYS  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# runserver and the test client serve static files themselves.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("whitenoise.")]  # noqa: F405
# Every test posts from 127.0.0.1: the form limits would carry over between tests
# through the cache. tests/security sets the real ones where it tests them.
INSIST_RATE_LIMITS = INSIST_RATE_LIMITS | dict.fromkeys(  # noqa: F405
    (
        "registration-ip",
        "registration-email",
        "password-reset-ip",
        "password-reset-email",
        "club-submission-ip",
        "club-submission-email",
    ),
    (10000, 3600),
)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        **_TENANT_KEYS,
    }
}
TASKS = IMMEDIATE_TASKS  # noqa: F405
# The page cache outlives each test's rolled-back transaction: content of one test
# would be served to the next. tests/cache turns it on with a cleared cache.
INSIST_PAGE_CACHE = False
INSIST_FRAGMENT_CACHE = False
# A host resolved in one test would outlive its rolled-back domain (a rollback
# sends no post_delete). tests/tenants/test_domain_cache.py turns it on.
INSIST_DOMAIN_CACHE_SECONDS = 0
# Routes remembered per process would outlive their rolled-back pages as well;
# tests/cache turns it on.
INSIST_ROUTE_CACHE = False
