"""The page cache and the fragment caches on, with an empty cache, for each test.

The suite keeps it off elsewhere (settings/test.py): a cached page would outlive
the transaction each test rolls back.
"""

import pytest
from django.core.cache import cache

from cms.pages.cache import local_fragments
from cms.pages.routing import local_routes


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.INSIST_PAGE_CACHE = True
    settings.INSIST_FRAGMENT_CACHE = True
    settings.INSIST_ROUTE_CACHE = True
    cache.clear()
    local_fragments.clear()
    local_routes.clear()
    yield
    cache.clear()
    local_fragments.clear()
    local_routes.clear()
