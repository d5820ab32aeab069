"""Reads of the materials library: what a region (or the portal) may see.

The one visibility rule, used by the library pages, the portal, the download
view and the API alike:

- a region sees its own materials once they are no longer drafts, and every
  other region's materials that are approved for all regions or the public;
- the portal sees approved public materials only.

Full-text search is PostgreSQL's, German-aware: ``to_tsvector('german', ...)``
over the German text, folded with ``unaccent`` on both sides, so "Konflikte"
finds "Konflikt" and "Ubung" finds "Übung". The other languages' texts are
matched with the ``simple`` configuration. The cross-region club search in
``search/`` folds German text its own way; cms cannot import it (imports point
down), so a shared helper for both would belong in ``tenants/`` or a small
``textsearch`` module below cms (see docs/materials.md).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.lookups import Unaccent
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import Prefetch, Q, QuerySet, Sum, Value
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.materials.models import (
    Material,
    MaterialDownload,
    MaterialFile,
    MaterialTombstone,
    Topic,
)
from cms.taxonomy.models import ClubLanguage
from cms.textsearch import clean, fold
from tenants.context import is_public
from tenants.models import Region

MAX_QUERY_LENGTH = 200

# GET parameter -> label; the values are slugs (topics, languages) or choices.
LIBRARY_FILTERS = {
    "thema": _("Topic"),
    "format": _("Format"),
    "sprache": _("Language"),
    "lizenz": _("Licence"),
}


def material_visible_q(*, region: Region | None) -> Q:
    """The materials ``region`` may see (the portal: ``region`` is public/None)."""
    S, St = Material.Scope, Material.Status
    if is_public(region):
        return Q(scope=S.PUBLIC, status=St.APPROVED)
    shared = Q(scope__in=[S.ALL_REGIONS, S.PUBLIC], status=St.APPROVED)
    return shared | (Q(region=region) & ~Q(status=St.DRAFT))


def material_list_visible(*, region: Region | None) -> QuerySet[Material]:
    """Every material visible to ``region``, with what a card shows, in bulk."""
    return (
        Material.objects.filter(material_visible_q(region=region))
        .select_related("region")
        .prefetch_related(
            "topics",
            "languages",
            Prefetch("files", queryset=MaterialFile.objects.order_by("sort_order")),
        )
    )


def material_get_visible(*, region: Region | None, pk: int) -> Material | None:
    return material_list_visible(region=region).filter(pk=pk).first()


def material_list_editable(*, region: Region) -> QuerySet[Material]:
    """The materials ``region``'s editors may change: their own, whatever status."""
    if is_public(region):
        return Material.objects.none()
    return Material.objects.filter(region=region)


def material_file_for_download(
    *, region: Region | None, material_id: int, file_id: int
) -> MaterialFile | None:
    """The file, if its material is visible to ``region``; None otherwise."""
    return (
        MaterialFile.objects.filter(
            pk=file_id,
            material_id=material_id,
            material__in=Material.objects.filter(material_visible_q(region=region)),
        )
        .select_related("material")
        .first()
    )


def material_tombstone_visible(
    *, region: Region | None, material_id: int
) -> MaterialTombstone | None:
    """The tombstone of a deleted material that ``region`` could see before.

    A region-only material's tombstone shows only on its own region's host, so a
    guessed id tells no other region even that it existed.
    """
    tombstone = MaterialTombstone.objects.filter(material_id=material_id).first()
    if tombstone is None:
        return None
    if tombstone.scope == Material.Scope.PUBLIC:
        return tombstone
    if is_public(region):
        return None
    if tombstone.scope == Material.Scope.ALL_REGIONS:
        return tombstone
    return tombstone if tombstone.region_id == region.pk else None


@dataclass(frozen=True)
class LibraryFilters:
    q: str = ""
    thema: str = ""
    format: str = ""
    sprache: str = ""
    lizenz: str = ""

    def __bool__(self) -> bool:
        return any((self.q, self.thema, self.format, self.sprache, self.lizenz))


def library_filters_from(params) -> LibraryFilters:
    """The library's filters from a QueryDict: known keys, trimmed, no NUL bytes.

    A value with a NUL byte is dropped: it must never reach a query (docs/traps.md,
    trap 11).
    """
    values = {}
    for key in ("q", *LIBRARY_FILTERS):
        value = (params.get(key) or "").strip()
        if "\x00" in value:
            value = ""
        values[key] = value[:MAX_QUERY_LENGTH]
    return LibraryFilters(**values)


def material_search(*, queryset: QuerySet[Material], query: str) -> QuerySet[Material]:
    """``queryset`` narrowed to ``query`` (German-aware), best match first."""
    query = clean(query).strip()[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    vector = (
        SearchVector(Unaccent("title_de"), config="german", weight="A")
        + SearchVector(Unaccent("summary_de"), config="german", weight="B")
        + SearchVector(Unaccent("description_de"), config="german", weight="C")
        + SearchVector(Unaccent("author"), config="simple", weight="C")
        + SearchVector(Unaccent("organisation"), config="simple", weight="C")
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language != "de" and language in dict(settings.LANGUAGES):
        vector += SearchVector(
            Unaccent(f"title_{language}"), config="simple", weight="A"
        ) + SearchVector(Unaccent(f"summary_{language}"), config="simple", weight="B")
    # As written, and in the club search's spelling ("Uebung" -> "Übung"): the
    # stored text is not folded, so a word like "aktuell" must match as written.
    search = None
    for text in dict.fromkeys((query, fold(query))):
        for config in ("german", "simple"):
            one = SearchQuery(
                Unaccent(Value(text)), config=config, search_type="websearch"
            )
            search = one if search is None else search | one
    return (
        queryset.annotate(rank=SearchRank(vector, search))
        .filter(rank__gt=0)
        .order_by("-rank", "-updated_at", "-pk")
    )


def material_library(
    *, region: Region | None, filters: LibraryFilters
) -> QuerySet[Material]:
    """The library of ``region`` (or the portal) narrowed by ``filters``."""
    materials = material_list_visible(region=region)
    if filters.thema:
        materials = materials.filter(topics__slug=filters.thema)
    if filters.format:
        materials = materials.filter(format=filters.format)
    if filters.sprache:
        materials = materials.filter(languages__slug=filters.sprache)
    if filters.lizenz:
        materials = materials.filter(licence=filters.lizenz)
    if filters.thema or filters.sprache:
        materials = materials.distinct()
    return material_search(queryset=materials, query=filters.q)


def library_filter_fields(*, filters: LibraryFilters) -> list[dict]:
    """One select per filter: options as ``(value, label)`` and the selected one."""
    return [
        {
            "key": "thema",
            "label": LIBRARY_FILTERS["thema"],
            "options": [(t.slug, t.name) for t in Topic.objects.all()],
            "selected": filters.thema,
        },
        {
            "key": "format",
            "label": LIBRARY_FILTERS["format"],
            "options": list(Material.Format.choices),
            "selected": filters.format,
        },
        {
            "key": "sprache",
            "label": LIBRARY_FILTERS["sprache"],
            "options": [(lang.slug, lang.name) for lang in ClubLanguage.objects.all()],
            "selected": filters.sprache,
        },
        {
            "key": "lizenz",
            "label": LIBRARY_FILTERS["lizenz"],
            "options": list(Material.Licence.choices),
            "selected": filters.lizenz,
        },
    ]


def material_download_counts(*, region: Region) -> list[dict]:
    """How often each of ``region``'s materials was downloaded, per region.

    ``[{"material": Material, "total": 12, "by_region": [(name, count), ...]}]``,
    most downloaded first.
    """
    rows = (
        MaterialDownload.objects.filter(material__region=region)
        .values("material_id", "region__name")
        .annotate(total=Sum("count"))
        .order_by("material_id", "region__name")
    )
    by_material: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        by_material.setdefault(row["material_id"], []).append(
            (row["region__name"], row["total"])
        )
    materials = Material.objects.filter(pk__in=by_material).in_bulk()
    result = [
        {
            "material": materials[pk],
            "total": sum(count for _name, count in counts),
            "by_region": counts,
        }
        for pk, counts in by_material.items()
        if pk in materials
    ]
    return sorted(result, key=lambda item: (-item["total"], item["material"].title))


def material_downloads_on(
    *, material: Material, region: Region, day: datetime.date
) -> int:
    row = MaterialDownload.objects.filter(
        material=material, region=region, day=day
    ).first()
    return row.count if row else 0
