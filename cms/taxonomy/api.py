"""``GET /api/taxonomy``: every shared vocabulary in the requested language."""

from typing import Annotated

from django.conf import settings
from django.utils import translation
from ninja import Field, Query, Router, Schema, Status

from cms.taxonomy.selectors import taxonomy_vocabularies

router = Router(tags=["taxonomy"])

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class TermOut(Schema):
    slug: str
    name: str
    description: str
    sort_order: int


class FieldOfActivityOut(TermOut):
    parent: str | None = None


class ClubLanguageOut(TermOut):
    native_name: str


class DistrictOut(TermOut):
    region: str
    is_surrounding: bool


class VocabulariesOut(Schema):
    fields_of_activity: list[FieldOfActivityOut]
    target_groups: list[TermOut]
    languages: list[ClubLanguageOut]
    organisation_kinds: list[TermOut]
    migration_references: list[TermOut]
    districts: list[DistrictOut]


class TaxonomyOut(Schema):
    language: str
    vocabularies: VocabulariesOut


class ErrorOut(Schema):
    detail: str


# Documented as an enum in the OpenAPI schema; an unknown value is still read
# here (not by the validator) so that it gets the endpoint's own clear 400.
LanguageParam = Annotated[
    str | None,
    Field(
        None,
        description="Answer language; default: the browser's language, else German.",
        json_schema_extra={"enum": LANGUAGE_CODES},
    ),
]


def request_language(request, lang: str | None) -> str | ErrorOut:
    """``lang`` if given, else the browser's language; an ``ErrorOut`` if unknown.

    Not request.LANGUAGE_CODE: on region hosts i18n_patterns pins unprefixed paths
    to German, while the API should answer the same on every host.
    """
    language = lang or translation.get_language_from_request(request)
    if language not in LANGUAGE_CODES:
        return ErrorOut(
            detail=(
                f"Unknown language '{language}': use one of "
                f"{', '.join(LANGUAGE_CODES)}."
            )
        )
    return language


class TaxonomyQuery(Schema):
    lang: LanguageParam = None


@router.get(
    "/taxonomy",
    response={200: TaxonomyOut, 400: ErrorOut},
    summary="The shared club taxonomy",
    description=(
        "Every vocabulary (fields of activity, target groups, languages, kinds of "
        "organisation, migration reference, districts) with slugs, order, names "
        "and descriptions in the language given by `lang` (one of "
        f"{', '.join(LANGUAGE_CODES)}; default: the browser's language from the "
        "language cookie or Accept-Language, else German). A missing translation "
        "falls back to German. The same on every host."
    ),
)
def taxonomy(request, query: Query[TaxonomyQuery]):
    language = request_language(request, query.lang)
    if isinstance(language, ErrorOut):
        return Status(400, language)
    return Status(
        200,
        {
            "language": language,
            "vocabularies": taxonomy_vocabularies(language=language),
        },
    )
