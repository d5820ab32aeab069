"""Fixtures for the security tests: a clean cache (throttles and limits count
there) and a private media folder."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _forget_media_root():
    # django-tenants' storage caches MEDIA_ROOT joined with the region folder and
    # never clears it on setting_changed (it passes the wrong argument).
    from django.core.files.storage import storages

    storages["default"].__dict__.pop("relative_media_root", None)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    _forget_media_root()
    yield tmp_path
    _forget_media_root()
