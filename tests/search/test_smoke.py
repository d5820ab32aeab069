import pytest

from search.models import SearchDocument
from search.selectors import SearchQuery, search

pytestmark = pytest.mark.django_db


def test_smoke(search_clubs):
    print(SearchDocument.objects.count())
    for q in ["Hausaufgabenhilfe", "Fußball", "Duesseldorf", "Hausaufgabenhilfr", ""]:
        r = search(SearchQuery(text=q))
        print(q, r.count, r.count_exact, [h.title for h in r.hits][:5], r.corrected)
        if r.hits:
            print(r.hits[0].snippet, r.hits[0].path)
    assert 0
