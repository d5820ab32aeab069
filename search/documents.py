"""From a page to index rows: what each page type supplies, and what we add.

A page type takes part in the search by offering ``search_document()`` (see
``ClubPortraitPage``): a dict with ``title``, ``summary``, ``body`` (a list of
texts) and ``terms`` (taxonomy ids per facet). Everything else (URL, language,
region, folding, compound parts, the names of the terms) is added here.
"""

import zlib
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import Page, PageViewRestriction

from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)
from search.models import SAMPLE_BUCKETS, facet_key
from search.text import clean, compound_parts_text, fold

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
CONFIGS = {code: f"public.insist_{code}" for code in LANGUAGE_CODES}
DEFAULT_CONFIG = CONFIGS["de"]
BODY_CHARS = 4000

FACET_VOCABULARIES = {
    "activity": FieldOfActivity,
    "target_group": TargetGroup,
    "language": ClubLanguage,
    "district": District,
    "organisation_type": OrganisationKind,
    "migration": MigrationReference,
}


def config_for(language: str) -> str:
    return CONFIGS.get(language, DEFAULT_CONFIG)


@dataclass
class IndexRow:
    """One row of ``search_searchdocument``, ready to be written."""

    region_id: int
    page_id: int
    language: str
    translation_key: str
    title: str
    slug: str
    path: str
    summary: str
    body: str
    facet_keys: list[int]
    config: str
    # the texts of the weighted vectors, folded
    text_a: str
    text_b: str
    text_c: str
    text_d: str
    # partner matching (search/partners): kept apart from the body
    offers: str = ""
    seeks: str = ""


class TermNames:
    """Names of every taxonomy term per language, read once per use."""

    def __init__(self):
        self._names: dict[str, dict[int, str]] = {}

    def get(self, language: str) -> dict[int, str]:
        if language not in self._names:
            names: dict[int, str] = {}
            for facet, model in FACET_VOCABULARIES.items():
                for pk, name in term_names(model, language):
                    names[facet_key(facet, pk)] = name
            self._names[language] = names
        return self._names[language]


def term_names(model, language: str) -> list[tuple[int, str]]:
    """``(id, name)`` of every term of ``model`` in ``language``, else German."""
    if language == "de" or language not in LANGUAGE_CODES:
        return [
            (pk, name or "") for pk, name in model.objects.values_list("pk", "name_de")
        ]
    return [
        (pk, name or german or "")
        for pk, name, german in model.objects.values_list(
            "pk", f"name_{language}", "name_de"
        )
    ]


def page_is_searchable(page: Page, *, private_paths: list[str] | None = None) -> bool:
    """Live, public (no view restriction on it or above it), not an alias, and of
    a type that offers a search document."""
    if not page.live or page.alias_of_id is not None:
        return False
    if not hasattr(page.specific_class or type(page), "search_document"):
        return False
    if private_paths is None:
        private_paths = list(
            PageViewRestriction.objects.filter(
                page__path__in=[
                    page.path[:i] for i in range(Page.steplen, len(page.path) + 1, 4)
                ]
            ).values_list("page__path", flat=True)
        )
    return not any(page.path.startswith(p) for p in private_paths)


def page_row(*, page: Page, region, names: TermNames) -> IndexRow | None:
    """The index row of ``page`` (specific), or None when it has no URL."""
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return None
    document = page.search_document()
    language = page.locale.language_code
    term_ids = document.get("terms", {})
    keys = [
        facet_key("region", region.pk),
        facet_key("content_language", _lang(language)),
        sample_key(region_id=region.pk, page_id=page.pk),
    ]
    for facet, ids in term_ids.items():
        keys.extend(facet_key(facet, pk) for pk in ids if pk)
    term_names = names.get(language)
    # the region's name too: "Kulturverein Potsdam" finds Potsdam's clubs
    term_text = " ".join([region.name, *(term_names.get(k, "") for k in keys)])
    title = clean(document.get("title", page.title))[:255]
    summary = clean(document.get("summary", ""))
    body = clean("\n".join(t for t in document.get("body", []) if t))[:BODY_CHARS]
    return IndexRow(
        region_id=region.pk,
        page_id=page.pk,
        language=language,
        translation_key=str(page.translation_key),
        title=title,
        slug=page.slug,
        path=parts[2],
        summary=summary,
        body=body,
        facet_keys=sorted(set(keys)),
        config=config_for(language),
        # the title's compound parts count as title words ("Kultur" finds
        # "Kulturverein ..." among the first candidates)
        text_a=f"{fold(title)} {compound_parts_text(title)}",
        text_b=fold(f"{summary} {term_text}"),
        text_c=fold(body),
        text_d=compound_parts_text(f"{title} {summary} {term_text} {body}"),
        offers=clean(document.get("offers", ""))[:BODY_CHARS],
        seeks=clean(document.get("seeks", ""))[:BODY_CHARS],
    )


def _lang(language: str) -> int:
    """The content language as a number for its facet key (de = 1, en = 2, ...)."""
    try:
        return LANGUAGE_CODES.index(language) + 1
    except ValueError:
        return 0


def sample_key(*, region_id: int, page_id: int) -> int:
    bucket = zlib.crc32(f"{region_id}:{page_id}".encode()) % SAMPLE_BUCKETS
    return facet_key("sample", bucket)


def content_language_key(language: str) -> int:
    return facet_key("content_language", _lang(language))
