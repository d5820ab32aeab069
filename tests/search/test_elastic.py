"""The Elasticsearch backend: exact mapping and request bodies, the outbox while
Elasticsearch is unreachable and its catch-up, and (with ELASTICSEARCH_URL set)
integration tests against a real server."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings
from django_tenants.utils import schema_context

from search.elastic import index_body, outbox_drain, search_body
from search.lexicon import WORDS
from search.models import SearchOutbox
from search.selectors import SearchQuery, search
from tests.search.clubs import CLUBS
from tests.search.conftest import directory_ensure, portrait_publish

pytestmark = pytest.mark.django_db

CLOSED_PORT = "http://127.0.0.1:9"
SPEC = CLUBS["gospelchor-halle"]
TEXT = {"analyzer": "insist_german", "type": "text"}
WITH_STD = {**TEXT, "fields": {"std": {"analyzer": "standard", "type": "text"}}}


def test_index_body_is_exactly_the_mapping_we_rely_on():
    assert index_body() == {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "analysis": {
                "analyzer": {
                    "insist_german": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [
                            "lowercase",
                            "insist_german_stop",
                            "insist_decompound",
                            "german_normalization",
                            "insist_german_stem",
                        ],
                    }
                },
                "filter": {
                    "insist_german_stop": {"type": "stop", "stopwords": "_german_"},
                    "insist_decompound": {
                        "type": "dictionary_decompounder",
                        "word_list": sorted(set(WORDS)),
                        "min_subword_size": 3,
                        "only_longest_match": False,
                    },
                    "insist_german_stem": {
                        "type": "stemmer",
                        "language": "light_german",
                    },
                },
            },
        },
        "mappings": {
            "properties": {
                "region_id": {"type": "integer"},
                "page_id": {"type": "integer"},
                "language": {"type": "keyword"},
                "translation_key": {"type": "keyword"},
                "title": WITH_STD,
                "title_sort": {"type": "keyword"},
                "slug": {"type": "keyword", "index": False},
                "path": {"type": "keyword", "index": False},
                "summary": WITH_STD,
                "body": WITH_STD,
                "terms": TEXT,
                "facet_keys": {"type": "integer"},
            }
        },
    }


def test_search_body_with_words_facets_region_and_page():
    body = search_body(
        SearchQuery(
            text="Fußball Jugend",
            filters={"region": [2], "activity": [5, 6]},
            language="en",
            page=2,
        )
    )
    fields = ["title^4", "summary^2", "terms^2", "body", "title.std^2", "summary.std"]
    highlight = {
        "pre_tags": ["\ue000"],
        "post_tags": ["\ue001"],
        "fragment_size": 120,
        "number_of_fragments": 2,
    }
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "simple_query_string": {
                            "query": "Fußball Jugend",
                            "fields": fields,
                            "default_operator": "and",
                            "flags": "AND|OR|NOT|PHRASE|WHITESPACE",
                        }
                    }
                ],
                "filter": [
                    {"terms": {"facet_keys": [80000001, 80000002]}},
                    {"terms": {"facet_keys": [20000005, 20000006]}},
                ],
            }
        },
        "post_filter": {"terms": {"facet_keys": [10000002]}},
        "aggs": {
            "regions": {"terms": {"field": "facet_keys", "size": 2000}},
            "filtered": {
                "filter": {"terms": {"facet_keys": [10000002]}},
                "aggs": {
                    "facets": {"terms": {"field": "facet_keys", "size": 2000}},
                    "pages": {"cardinality": {"field": "translation_key"}},
                },
            },
        },
        "sort": ["_score", "title_sort"],
        "collapse": {"field": "translation_key"},
        "track_total_hits": True,
        "from": 20,
        "size": 20,
        "highlight": {"fields": {"summary": highlight, "body": highlight}},
    }


def test_search_body_without_words_lists_by_title_and_typos_go_fuzzy():
    listing = search_body(SearchQuery())
    assert listing["query"]["bool"]["must"] == [{"match_all": {}}]
    assert listing["sort"] == ["title_sort"]
    assert "highlight" not in listing and "post_filter" not in listing
    fuzzy = search_body(SearchQuery(text="Hausaufgabenhilfr"), fuzzy=True)
    assert fuzzy["query"]["bool"]["must"] == [
        {
            "multi_match": {
                "query": "Hausaufgabenhilfr",
                "fields": [
                    "title^4",
                    "summary^2",
                    "terms^2",
                    "body",
                    "title.std^2",
                    "summary.std",
                ],
                "fuzziness": "AUTO",
            }
        }
    ]


class FakeElasticsearch(BaseHTTPRequestHandler):
    """Answers _bulk like Elasticsearch and remembers what it was sent."""

    received: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        data = self.rfile.read(int(self.headers["Content-Length"])).decode()
        lines = [json.loads(line) for line in data.splitlines() if line.strip()]
        items = []
        for line in lines:
            for op in ("index", "delete"):
                if op in line:
                    items.append({op: {"_id": line[op]["_id"], "status": 200}})
        type(self).received.extend(lines)
        body = json.dumps({"took": 1, "errors": False, "items": items}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST  # noqa: N815 - the client sends _bulk with PUT

    def log_message(self, *args):
        pass


@pytest.fixture
def fake_elasticsearch():
    FakeElasticsearch.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeElasticsearch)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_publishing_while_elasticsearch_is_down_fills_the_outbox_and_catches_up(
    fake_elasticsearch,
):
    index = directory_ensure("halle")
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT):
        with schema_context("halle"):
            kept = portrait_publish(index, key="es-bleibt", spec=_spec("Kammerchor"))
            gone = portrait_publish(index, key="es-weg", spec=_spec("Posaunenchor"))
            gone.unpublish()
        # the publish went through: PostgreSQL answers at once
        assert [h.title for h in search(SearchQuery(text="Kammerchor")).hits] == [
            "Kammerchor"
        ]
        pending = SearchOutbox.objects.count()
        assert pending >= 3
        failed = outbox_drain()
        assert failed["sent"] == 0 and failed["pending"] == pending
        entry = SearchOutbox.objects.first()
        assert entry.attempts == 1 and entry.last_error
    with override_settings(ELASTICSEARCH_URL=fake_elasticsearch):
        caught_up = outbox_drain()
    assert caught_up["pending"] == 0 and caught_up["sent"] == pending
    ops = {
        (op, line[op]["_id"])
        for line in FakeElasticsearch.received
        for op in ("index", "delete")
        if op in line
    }
    region_id = entry.region_id
    assert ("index", f"{region_id}-{kept.pk}-de") in ops
    assert ("delete", f"{region_id}-{gone.pk}-de") in ops
    sources = [line for line in FakeElasticsearch.received if "title" in line]
    assert {"title": "Kammerchor"}.items() <= sources[0].items() or any(
        s["title"] == "Kammerchor" for s in sources
    )


def test_draining_twice_sends_nothing_more(fake_elasticsearch):
    with override_settings(ELASTICSEARCH_URL=fake_elasticsearch):
        outbox_drain()
        FakeElasticsearch.received = []
        assert outbox_drain()["sent"] == 0
    assert FakeElasticsearch.received == []


def test_without_elasticsearch_no_outbox_is_written():
    index = directory_ensure("halle")
    with schema_context("halle"):
        portrait_publish(index, key="es-ohne", spec=_spec("Blockflötenkreis"))
    assert not SearchOutbox.objects.exists()


def test_search_answers_from_postgresql_while_elasticsearch_is_down(search_clubs):
    with override_settings(ELASTICSEARCH_URL=CLOSED_PORT):
        result = search(SearchQuery(text="Gospel"))
    assert [h.title for h in result.hits] == ["Gospelchor Halle"]


def _spec(title):
    return (SPEC[0], title, "Musik im Stadtteil.", *SPEC[3:8], None, *SPEC[9:])


needs_elasticsearch = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set"
)


@pytest.mark.elasticsearch
@needs_elasticsearch
def test_rebuild_and_search_on_a_real_server(search_clubs, settings):
    from search.elastic import index_rebuild

    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.SEARCH_ELASTICSEARCH_ALIAS = "insist-clubs-test"
    first = index_rebuild()
    second = index_rebuild()
    assert second["replaced"] == [first["index"]]
    result = search(SearchQuery(text="Fußball"))
    assert len(result.hits) == 3
    assert search(SearchQuery(text="Duesseldorf")).hits


@pytest.mark.elasticsearch
@needs_elasticsearch
def test_outbox_reaches_a_real_server(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.SEARCH_ELASTICSEARCH_ALIAS = "insist-clubs-test"
    index = directory_ensure("halle")
    with schema_context("halle"):
        portrait_publish(index, key="es-echt", spec=_spec("Echtzeitchor"))
    assert outbox_drain()["pending"] == 0
