"""Writes to the cross-region index: one page, one region, terms that changed.

Every write happens in the caller's transaction (the publishing one), so the
index never disagrees with what is published. With Elasticsearch configured, the
same transaction records the change in the outbox (``SearchOutbox``).
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connection
from wagtail.models import Page, PageViewRestriction

from search.documents import IndexRow, TermNames, page_is_searchable, page_row
from search.models import SearchDocument, SearchOutbox
from search.text import index_words
from tenants.context import in_public, in_region

_COLUMNS = (
    "region_id, page_id, language, translation_key, title, title_sort, slug, path, "
    "summary, body, facet_keys, config, title_vector, head_vector, vector, "
    "indexed_at, offers, seeks"
)
_HEAD = (
    "setweight(to_tsvector({c}, %(text_a)s), 'A') || "
    "setweight(to_tsvector({c}, %(text_b)s), 'B')"
)
_UPSERT = f"""
INSERT INTO search_searchdocument ({_COLUMNS})
SELECT %(region_id)s, %(page_id)s, %(language)s, %(translation_key)s, %(title)s,
       lower(%(title)s), %(slug)s, %(path)s, %(summary)s, %(body)s,
       %(facet_keys)s, %(config)s, setweight(to_tsvector(cfg, %(text_a)s), 'A'),
       head, head
         || setweight(to_tsvector(cfg, %(text_c)s), 'C')
         || setweight(to_tsvector(cfg, %(text_d)s), 'D'), now(),
       %(offers)s, %(seeks)s
FROM (SELECT %(config)s::regconfig AS cfg) c,
     LATERAL (SELECT {_HEAD.format(c="cfg")} AS head) h
ON CONFLICT (region_id, page_id, language) DO UPDATE SET
  translation_key = EXCLUDED.translation_key, title = EXCLUDED.title,
  title_sort = EXCLUDED.title_sort, slug = EXCLUDED.slug, path = EXCLUDED.path,
  summary = EXCLUDED.summary, body = EXCLUDED.body,
  facet_keys = EXCLUDED.facet_keys, config = EXCLUDED.config,
  title_vector = EXCLUDED.title_vector,
  head_vector = EXCLUDED.head_vector, vector = EXCLUDED.vector,
  indexed_at = EXCLUDED.indexed_at, offers = EXCLUDED.offers,
  seeks = EXCLUDED.seeks
"""
_WORDS = """
INSERT INTO search_searchword (word) SELECT unnest(%s::varchar[])
ON CONFLICT DO NOTHING
"""


def elasticsearch_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def rows_write(*, rows: list[IndexRow]) -> None:
    """Upsert rows (public schema), their words, and the outbox entries."""
    if not rows:
        return
    words: set[str] = set()
    for row in rows:
        # with the names of its terms and its compound parts: "Fussbal" is
        # corrected to Fußball where only "Fußballtraining" is written
        words |= index_words(
            f"{row.title} {row.summary} {row.body} {row.text_b} {row.text_d}"
        )
    with in_public(), connection.cursor() as cursor:
        cursor.executemany(_UPSERT, [row.__dict__ for row in rows])
        cursor.execute(_WORDS, [sorted(words)])
        _outbox(cursor, [(row.region_id, row.page_id, row.language) for row in rows])


def _outbox(cursor, keys: Iterable[tuple[int, int, str]]) -> None:
    keys = list(keys)
    if not keys or not elasticsearch_enabled():
        return
    cursor.executemany(
        "INSERT INTO search_searchoutbox "
        "(region_id, page_id, language, created_at, attempts, last_error) "
        "VALUES (%s, %s, %s, now(), 0, '')",
        keys,
    )


def documents_remove(*, region, page_ids: Iterable[int]) -> int:
    """Remove the rows of these pages (every language) from the index."""
    page_ids = list(page_ids)
    if not page_ids:
        return 0
    with in_public(), connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM search_searchdocument WHERE region_id = %s "
            "AND page_id = ANY(%s) RETURNING region_id, page_id, language",
            [region.pk, page_ids],
        )
        removed = cursor.fetchall()
        _outbox(cursor, removed)
    return len(removed)


def pages_sync(
    *, region, pages: Iterable[Page], names: TermNames | None = None
) -> dict:
    """Index each page that is searchable and remove each one that is not.

    Runs in ``region``; pages may be of any type (those without a search
    document are only removed).
    """
    names = names or TermNames()
    rows, gone = [], []
    with in_region(region):
        private = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        for page in pages:
            page = page.specific_deferred if type(page) is Page else page
            row = None
            if page_is_searchable(page, private_paths=private):
                row = page_row(page=page, region=region, names=names)
            if row is None:
                gone.append(page.pk)
            else:
                rows.append(row)
        rows_write(rows=rows)
    removed = documents_remove(region=region, page_ids=gone)
    return {"indexed": len(rows), "removed": removed}


def page_sync(*, region, page: Page) -> dict:
    """Index or remove one page: the receiver of every publishing signal."""
    return pages_sync(region=region, pages=[page])


def subtree_sync(*, region, page: Page) -> dict:
    """Index or remove a page and everything below it (moves, restrictions)."""
    with in_region(region):
        pages = list(Page.objects.descendant_of(page, inclusive=True).specific())
    return pages_sync(region=region, pages=pages)


def region_reindex(
    *, region, batch: int = 200, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Rebuild one region's rows: index every searchable page, drop the rest."""
    from django.apps import apps

    models = [
        m
        for m in apps.get_models()
        if issubclass(m, Page) and hasattr(m, "search_document")
    ]
    names = TermNames()
    indexed = 0
    with in_region(region):
        ids: list[int] = []
        for model in models:
            ids.extend(model.objects.live().values_list("pk", flat=True))
        total = len(ids)
        for start in range(0, total, batch):
            chunk = ids[start : start + batch]
            pages = list(Page.objects.filter(pk__in=chunk).specific())
            indexed += pages_sync(region=region, pages=pages, names=names)["indexed"]
            if progress:
                progress(len(chunk), total)
    with in_public():
        stale = list(
            SearchDocument.objects.filter(region=region)
            .exclude(page_id__in=ids)
            .values_list("page_id", flat=True)
        )
    removed = documents_remove(region=region, page_ids=stale)
    return {"pages": total, "indexed": indexed, "removed": removed}


def terms_reindex(*, facet_keys: list[int]) -> int:
    """Re-index every page whose row carries one of these facet keys (a term was
    renamed or merged). Returns the number of pages re-indexed."""
    from tenants.models import Region

    if not facet_keys:
        return 0
    with in_public():
        rows = list(
            SearchDocument.objects.filter(facet_keys__overlap=facet_keys).values_list(
                "region_id", "page_id"
            )
        )
        regions = Region.objects.in_bulk({r for r, _ in rows})
    done = 0
    names = TermNames()
    for region_id, region in regions.items():
        ids = [p for r, p in rows if r == region_id]
        with in_region(region):
            pages = list(Page.objects.filter(pk__in=ids).specific())
        pages_sync(region=region, pages=pages, names=names)
        done += len(ids)
    return done


def outbox_pending() -> int:
    with in_public():
        return SearchOutbox.objects.count()
