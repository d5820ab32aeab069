"""The Elasticsearch backend: same documents, same result contract.

Chosen when ``ELASTICSEARCH_URL`` is set. It is built with ``elasticsearch.dsl``,
which ships inside the ``elasticsearch`` client since 8.18 (the separate
``elasticsearch-dsl`` distribution is only a shim now; never depend on it).

* The index is read and written through an alias (``SEARCH_ELASTICSEARCH_ALIAS``);
  ``index_rebuild`` fills a new index and swaps the alias in one request, so
  searches never see an empty index.
* Documents are the rows of the PostgreSQL index table, sent by
  ``outbox_drain``: the outbox is written in the publishing transaction and the
  drain upserts (or deletes) by ``(region, page, language)``, so a publish never
  waits for Elasticsearch and nothing is lost while it is down.
* Text fields use ``insist_german``: German stop words, compound splitting with
  the same word list as the PostgreSQL backend (``search.lexicon``),
  ``german_normalization`` (ä/ae, ö/oe, ü/ue, ß/ss) and the light German stemmer.
"""

import logging
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import (
    A,
    Document,
    Integer,
    Keyword,
    Q,
    Search,
    Text,
    analyzer,
    token_filter,
)

from search.documents import content_language_key
from search.lexicon import WORDS
from search.models import (
    FACET_BASE,
    FACET_CODES,
    SearchDocument,
    SearchOutbox,
    facet_key,
)
from search.selectors import (
    FACETS,
    HIGHLIGHT_START,
    HIGHLIGHT_STOP,
    RANK_CAP,
    Hit,
    SearchQuery,
    SearchResult,
    snippet_html,
)
from tenants.context import in_public

logger = logging.getLogger(__name__)
FACET_BUCKETS = 2000

decompound = token_filter(
    "insist_decompound",
    type="dictionary_decompounder",
    word_list=sorted(set(WORDS)),
    min_subword_size=3,
    only_longest_match=False,
)
german_stop = token_filter("insist_german_stop", type="stop", stopwords="_german_")
german_stem = token_filter(
    "insist_german_stem", type="stemmer", language="light_german"
)
insist_german = analyzer(
    "insist_german",
    tokenizer="standard",
    filter=["lowercase", german_stop, decompound, "german_normalization", german_stem],
)


class ClubDocument(Document):
    """One row of the PostgreSQL index table, as Elasticsearch stores it."""

    region_id = Integer()
    page_id = Integer()
    language = Keyword()
    translation_key = Keyword()
    title = Text(analyzer=insist_german, fields={"std": Text(analyzer="standard")})
    title_sort = Keyword()
    slug = Keyword(index=False)
    path = Keyword(index=False)
    summary = Text(analyzer=insist_german, fields={"std": Text(analyzer="standard")})
    body = Text(analyzer=insist_german, fields={"std": Text(analyzer="standard")})
    terms = Text(analyzer=insist_german)
    facet_keys = Integer()

    class Index:
        name = "insist-clubs"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def alias() -> str:
    return getattr(settings, "SEARCH_ELASTICSEARCH_ALIAS", "insist-clubs")


def client() -> Elasticsearch:
    """A client that fails fast: the outbox retries later, nothing waits."""
    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.SEARCH_ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


def index_body() -> dict:
    """Settings and mappings of a new index (the exact body sent on create)."""
    return ClubDocument._index.to_dict()


def document_id(region_id: int, page_id: int, language: str) -> str:
    return f"{region_id}-{page_id}-{language}"


def document_source(row: SearchDocument, term_text: str = "") -> dict:
    return {
        "region_id": row.region_id,
        "page_id": row.page_id,
        "language": row.language,
        "translation_key": str(row.translation_key),
        "title": row.title,
        "title_sort": row.title_sort,
        "slug": row.slug,
        "path": row.path,
        "summary": row.summary,
        "body": row.body,
        "terms": term_text,
        "facet_keys": list(row.facet_keys),
    }


def _term_text(row: SearchDocument, names) -> str:
    language_names = names.get(row.language)
    return " ".join(language_names.get(k, "") for k in row.facet_keys).strip()


# --- queries -------------------------------------------------------------------

_FIELDS = ["title^4", "summary^2", "terms^2", "body", "title.std^2", "summary.std"]


def search_body(query: SearchQuery, *, fuzzy: bool = False) -> dict:
    """The request body of a search (what ``search`` sends), as a dict."""
    s = Search(index=alias())
    languages = ["de"] if query.language == "de" else ["de", query.language]
    filters = [
        Q("terms", facet_keys=[content_language_key(lang) for lang in languages])
    ]
    region_filter = None
    for facet, ids in query.filters.items():
        if not ids:
            continue
        clause = Q("terms", facet_keys=[facet_key(facet, pk) for pk in ids])
        if facet == "region":
            region_filter = clause
        else:
            filters.append(clause)
    text = query.text.strip()
    if text and fuzzy:
        must = [Q("multi_match", query=text, fields=_FIELDS, fuzziness="AUTO")]
    elif text:
        must = [
            Q(
                "simple_query_string",
                query=text,
                fields=_FIELDS,
                default_operator="and",
                flags="AND|OR|NOT|PHRASE|WHITESPACE",
            )
        ]
    else:
        must = [Q("match_all")]
    s = s.query(Q("bool", must=must, filter=filters))
    if region_filter is not None:
        # Region counts ignore the region filter: a preselected region is one
        # click away from all regions, never a wall.
        s = s.post_filter(region_filter)
    # Every facet in one terms aggregation over facet_keys; the buckets are
    # sorted into facets by their key's code (search.models.FACET_CODES).
    s.aggs.bucket("regions", A("terms", field="facet_keys", size=FACET_BUCKETS))
    inner = A("filter", region_filter or Q("match_all"))
    inner.bucket("facets", A("terms", field="facet_keys", size=FACET_BUCKETS))
    inner.bucket("pages", A("cardinality", field="translation_key"))
    s.aggs.bucket("filtered", inner)
    s = s.extra(
        collapse={"field": "translation_key"},
        track_total_hits=True,
        from_=(query.page - 1) * query.page_size,
        size=query.page_size,
    )
    if text:
        s = s.highlight(
            "summary",
            "body",
            pre_tags=[HIGHLIGHT_START],
            post_tags=[HIGHLIGHT_STOP],
            fragment_size=120,
            number_of_fragments=2,
        )
        s = s.sort("_score", "title_sort")
    else:
        s = s.sort("title_sort")
    return s.to_dict()


def search(query: SearchQuery) -> SearchResult:
    """Run ``query`` on Elasticsearch; the same result as the PostgreSQL backend."""
    body = search_body(query)
    es = client()
    response = es.search(index=alias(), body=body)
    if not response["hits"]["hits"] and query.text.strip():
        # Typos: only when the words as written find nothing.
        response = es.search(index=alias(), body=search_body(query, fuzzy=True))
    return result_from(response, query)


def result_from(response: dict, query: SearchQuery) -> SearchResult:
    hits = []
    for item in response["hits"]["hits"]:
        source = item["_source"]
        fragments = [
            f
            for field in ("summary", "body")
            for f in item.get("highlight", {}).get(field, [])
        ]
        snippet = (
            " … ".join(fragments) if fragments else source.get("summary", "")[:300]
        )
        hits.append(
            Hit(
                region_id=source["region_id"],
                page_id=source["page_id"],
                language=source["language"],
                translation_key=source["translation_key"],
                title=source["title"],
                slug=source["slug"],
                path=source["path"],
                snippet=snippet_html(snippet),
                score=round(float(item.get("_score") or 0.0), 4),
                facet_keys=source.get("facet_keys", []),
            )
        )
    aggs = response.get("aggregations", {})
    counts: dict[int, int] = {}
    for bucket in aggs.get("regions", {}).get("buckets", []):
        if FACET_CODES["region"] == bucket["key"] // FACET_BASE:
            counts[bucket["key"]] = bucket["doc_count"]
    filtered = aggs.get("filtered", {})
    for bucket in filtered.get("facets", {}).get("buckets", []):
        code = bucket["key"] // FACET_BASE
        if FACET_CODES["activity"] <= code < FACET_CODES["content_language"]:
            counts[bucket["key"]] = bucket["doc_count"]
    count = filtered.get("pages", {}).get("value", response["hits"]["total"]["value"])
    facets: dict[str, dict[int, int]] = {name: {} for name in FACETS}
    names = {FACET_CODES[name]: name for name in FACETS}
    for key, value in counts.items():
        facets[names[key // FACET_BASE]][key % FACET_BASE] = value
    reachable = min(count, RANK_CAP)
    return SearchResult(
        count=count,
        count_exact=True,
        hits=hits,
        facets=facets,
        page=query.page,
        num_pages=max(1, -(-reachable // query.page_size)),
    )


# --- writing: the outbox and rebuilds -------------------------------------------


def outbox_drain(*, es: Elasticsearch | None = None, batch: int = 500) -> dict:
    """Send pending index changes; keep them (with the error) if that fails.

    Idempotent: each entry sends the current PostgreSQL row under its
    ``(region, page, language)`` id, or deletes that id when the row is gone.
    """
    from search.documents import TermNames

    es = es or client()
    names = TermNames()
    sent = failed = 0
    with in_public():
        while True:
            with transaction.atomic():
                entries = list(
                    SearchOutbox.objects.select_for_update(skip_locked=True).order_by(
                        "id"
                    )[:batch]
                )
                if not entries:
                    break
                keys = {(e.region_id, e.page_id, e.language) for e in entries}
                rows = {
                    (r.region_id, r.page_id, r.language): r
                    for r in SearchDocument.objects.filter(
                        region_id__in={k[0] for k in keys},
                        page_id__in={k[1] for k in keys},
                    )
                }
                actions = []
                for key in sorted(keys):
                    _id = document_id(*key)
                    row = rows.get(key)
                    if row is None:
                        actions.append(
                            {"_op_type": "delete", "_index": alias(), "_id": _id}
                        )
                    else:
                        actions.append(
                            {
                                "_op_type": "index",
                                "_index": alias(),
                                "_id": _id,
                                "_source": document_source(row, _term_text(row, names)),
                            }
                        )
                try:
                    _ok, errors = helpers.bulk(
                        es, actions, raise_on_error=False, raise_on_exception=True
                    )
                    # A delete of a document that was never sent is no error.
                    errors = [
                        e for e in errors if e.get("delete", {}).get("status") != 404
                    ]
                    if errors:
                        raise RuntimeError(
                            f"{len(errors)} documents refused: {errors[:1]}"
                        )
                except Exception as error:  # noqa: BLE001 - kept for the next try
                    SearchOutbox.objects.filter(pk__in=[e.pk for e in entries]).update(
                        attempts=F("attempts") + 1, last_error=str(error)[:2000]
                    )
                    failed += len(entries)
                    logger.warning("Elasticsearch outbox: %s", error)
                    break
                SearchOutbox.objects.filter(pk__in=[e.pk for e in entries]).delete()
                sent += len(entries)
    return {"sent": sent, "failed": failed, "pending": SearchOutbox.objects.count()}


def index_rebuild(*, es: Elasticsearch | None = None, progress=None) -> dict:
    """Fill a new index from the PostgreSQL rows and swap the alias to it."""
    from search.documents import TermNames

    es = es or client()
    name = f"{alias()}-{datetime.now(UTC):%Y%m%d%H%M%S}"
    es.indices.create(index=name, body=index_body())
    names = TermNames()
    with in_public():
        rows = SearchDocument.objects.order_by("id")
        total = rows.count()

        def actions():
            for row in rows.iterator(chunk_size=1000):
                if progress:
                    progress(1, total)
                yield {
                    "_index": name,
                    "_id": document_id(row.region_id, row.page_id, row.language),
                    "_source": document_source(row, _term_text(row, names)),
                }

        helpers.bulk(es, actions())
    es.indices.refresh(index=name)
    old = list(es.indices.get_alias(name=alias(), ignore_unavailable=True) or {})
    swap = [{"add": {"index": name, "alias": alias()}}]
    swap += [{"remove": {"index": index, "alias": alias()}} for index in old]
    es.indices.update_aliases(body={"actions": swap})
    for index in old:
        es.indices.delete(index=index)
    return {"index": name, "documents": total, "replaced": old}
