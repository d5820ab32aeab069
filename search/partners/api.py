"""``GET /api/partners``: suggested cooperation partners with their reasons."""

from django.http import QueryDict
from ninja import Field, Query, Router, Schema, Status

from cms.taxonomy.api import ErrorOut, LanguageParam, request_language
from search.partners.params import partner_params_read
from search.partners.presenters import suggestions_present

router = Router(tags=["partners"])

SlugList = list[str]


class PartnerParams(Schema):
    club: str = Field("", description="A portrait as <region>:<slug>.")
    activity: SlugList = Field([], description="Without club: fields of activity.")
    target_group: SlugList = Field([], description="Without club: target groups.")
    language: SlugList = Field([], description="Without club: club languages.")
    district: SlugList = Field([], description="Without club: its district.")
    migration: str = Field("", description="Without club: with, without or mixed.")
    offers: str = Field("", description="Without club: what it offers (text).")
    seeks: str = Field("", description="Without club: what it looks for (text).")
    only_region: SlugList = Field([], description="Filter: region slugs.")
    only_district: SlugList = Field([], description="Filter: district slugs.")
    only_activity: SlugList = Field([], description="Filter: field slugs.")
    only_migration: SlugList = Field([], description="Filter: migration slugs.")
    lang: LanguageParam = None


class PartnerOut(Schema):
    region: str
    slug: str
    title: str
    url: str
    score: float
    reasons: list[str] = Field(description="The match in plain words, in `lang`.")


class PartnersOut(Schema):
    results: list[PartnerOut]


@router.get(
    "/partners",
    response={200: PartnersOut, 400: ErrorOut},
    summary="Suggested cooperation partners from every region",
    description=(
        "Partners for a portrait (`club=<region>:<slug>`) or for a club described "
        "by the profile parameters, ranked by shared fields and target groups, "
        "what one offers and the other seeks, a complementary migration "
        "reference, nearness and shared languages; each with reasons in `lang`. "
        "Unknown slugs, a NUL byte or no profile at all answer 400."
    ),
)
def partners_api(request, params: Query[PartnerParams]):
    language = request_language(request, params.lang)
    if isinstance(language, ErrorOut):
        return Status(400, language)
    data = QueryDict(mutable=True)
    for key in ("club", "migration", "offers", "seeks"):
        data[key] = getattr(params, key)
    for key in (
        "activity",
        "target_group",
        "language",
        "district",
        "only_region",
        "only_district",
        "only_activity",
        "only_migration",
    ):
        data.setlist(key, getattr(params, key))
    read = partner_params_read(data)
    if read.problems or read.profile is None:
        return Status(400, ErrorOut(detail=" ".join(read.problems)))
    suggestions = read.suggestions()
    return Status(
        200,
        {
            "results": suggestions_present(
                suggestions=suggestions, request=request, language=language
            )
        },
    )
