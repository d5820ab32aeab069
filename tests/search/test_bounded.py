"""Beyond the caps: counts and facets become marked estimates, ranking reads a
bounded candidate set, and a title match still comes first."""

import pytest

from search import selectors
from search.selectors import SearchQuery, search

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_caps(monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    monkeypatch.setattr(selectors, "RANK_CAP", 4)
    monkeypatch.setattr(selectors, "SAMPLE_ROWS", 12)
    selectors._table_rows.clear()
    yield
    selectors._table_rows.clear()


def test_within_the_caps_count_and_facets_are_exact(search_clubs):
    result = search(SearchQuery(text="Kinder"))
    assert result.count_exact
    assert result.count == len(result.hits)


def test_beyond_the_caps_counts_are_marked_estimates(search_clubs, small_caps):
    result = search(SearchQuery(text="Kinder", page_size=50))
    assert not result.count_exact
    assert result.count >= len(result.hits)
    # at most RANK_CAP title/summary candidates plus a quarter from the body
    assert 0 < len(result.hits) <= 4 + 1
    assert any(result.facets["region"].values())


def test_beyond_the_caps_title_matches_are_ranked_first(search_clubs, small_caps):
    result = search(SearchQuery(text="Schach Kinder"))
    assert result.hits[0].title == "Schachclub Brackel"


def test_a_process_started_just_after_boot_searches(search_clubs, monkeypatch):
    """time.monotonic() counts from the machine's boot: a worker started in the
    first five minutes once failed every search (KeyError) because its
    never-read row count looked fresh."""
    selectors._table_rows.clear()
    monkeypatch.setattr(selectors.time, "monotonic", lambda: 42.0)
    result = search(SearchQuery(text="Kinder"))
    assert result.count > 0
    assert selectors._table_rows["rows"] >= 1
