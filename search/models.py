"""The cross-region index (public schema) and the Elasticsearch outbox.

One row per published, public, non-alias page and language, keyed by
``(region, page_id, language)``. Regional content is referred to by that pair,
never by a foreign key (foreign keys go from region schemas to public, not back).
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models

# Facet keys: one int[] column holds every facet value of a row, as
# code * FACET_BASE + id, so one GIN index filters and one unnest counts them all.
FACET_BASE = 10_000_000
FACET_CODES = {
    "region": 1,
    "activity": 2,
    "target_group": 3,
    "language": 4,
    "district": 5,
    "organisation_type": 6,
    "migration": 7,
    # the page's own language (de, en, ...): not a facet, a filter
    "content_language": 8,
    # a stable pseudo-random bucket 0..99: counts of very common words are
    # estimated from a few buckets instead of reading every match
    "sample": 9,
}
SAMPLE_BUCKETS = 100
FACET_NAMES = {code: name for name, code in FACET_CODES.items()}


def facet_key(facet: str, pk: int) -> int:
    return FACET_CODES[facet] * FACET_BASE + pk


def facet_split(key: int) -> tuple[str, int]:
    return FACET_NAMES[key // FACET_BASE], key % FACET_BASE


class SearchDocument(models.Model):
    """One club portrait in one language, as the search shows and ranks it."""

    region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    page_id = models.IntegerField()
    language = models.CharField(max_length=8)
    translation_key = models.UUIDField()
    title = models.CharField(max_length=255)
    # lower-cased title: the order of a list without query
    title_sort = models.CharField(max_length=255)
    slug = models.CharField(max_length=255)
    # path on the region's host, language prefix included (/en/vereine/...)
    path = models.CharField(max_length=1000)
    summary = models.TextField(blank=True)
    # the text snippets are cut from (offers, seeks, description)
    body = models.TextField(blank=True)
    # what the club offers partners and looks for, kept apart for partner
    # matching (search/partners): one's offers are compared with the other's seeks
    offers = models.TextField(blank=True, db_default="")
    seeks = models.TextField(blank=True, db_default="")
    facet_keys = ArrayField(models.IntegerField(), default=list)
    # text search configuration of the row's language (public.insist_de, ...)
    config = models.CharField(max_length=40)
    # the title alone (A): the candidates of a very common word
    title_vector = SearchVectorField(null=True)
    # title (A), summary and taxonomy names (B): the first candidates to rank
    head_vector = SearchVectorField(null=True)
    # head + body (C) + compound parts (D)
    vector = SearchVectorField(null=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "Suchindex-Eintrag"
        verbose_name_plural = "Suchindex"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "page_id", "language"],
                name="search_document_region_page_language",
            )
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_doc_vector"),
            GinIndex(fields=["head_vector"], name="search_doc_head_vector"),
            GinIndex(fields=["title_vector"], name="search_doc_title_vector"),
            GinIndex(fields=["facet_keys"], name="search_doc_facets"),
            models.Index(fields=["title_sort"], name="search_doc_title_sort"),
            models.Index(fields=["translation_key"], name="search_doc_translation"),
        ]

    def __str__(self):
        return f"{self.region_id}/{self.page_id}/{self.language}: {self.title}"


class SearchWord(models.Model):
    """A word of the indexed text (folded, lower case): what typos are corrected
    towards, by trigram similarity, when full-text search finds nothing."""

    word = models.CharField(max_length=60, primary_key=True)

    class Meta:
        indexes = [
            GinIndex(
                fields=["word"], name="search_word_trgm", opclasses=["gin_trgm_ops"]
            )
        ]

    def __str__(self):
        return self.word


class SearchOutbox(models.Model):
    """A change of the index still to be sent to Elasticsearch.

    Written in the publishing transaction; ``search_outbox_drain`` sends the
    current PostgreSQL row (or a delete when there is none), so sending twice or
    late is harmless.
    """

    region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    page_id = models.IntegerField()
    language = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.region_id}/{self.page_id}/{self.language}"
