"""The page cache switched on, with an empty cache, for each test here.

The suite keeps it off elsewhere (settings/test.py): a cached page would outlive
the transaction each test rolls back.
"""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.INSIST_PAGE_CACHE = True
    cache.clear()
    yield
    cache.clear()
