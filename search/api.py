"""``GET /api/search``: the cross-region search as JSON, the same on every host."""

from django.http import QueryDict
from ninja import Field, Query, Router, Schema, Status

from cms.taxonomy.api import ErrorOut, LanguageParam, request_language
from search.params import params_read
from search.presenters import result_present
from search.selectors import search

router = Router(tags=["search"])

SlugList = list[str]


class SearchParams(Schema):
    q: str = Field("", description='Words, "phrases", OR, -word; 300 characters.')
    region: SlugList = Field([], description="Region slugs (repeatable).")
    activity: SlugList = Field([], description="Field of activity slugs.")
    target_group: SlugList = Field([], description="Target group slugs.")
    language: SlugList = Field([], description="Club language slugs (ISO 639-1).")
    district: SlugList = Field([], description="District slugs.")
    organisation_type: SlugList = Field([], description="Kind of organisation slugs.")
    migration: SlugList = Field([], description="Migration reference slugs.")
    lang: LanguageParam = None
    page: str = Field("1", description="Page number, from 1.")


class HitOut(Schema):
    region: str
    region_name: str
    slug: str
    title: str
    url: str
    snippet: str = Field(description="HTML: escaped text, matches in <mark>.")
    score: float
    language: str
    district: str
    fields_of_activity: list[str]


class FacetValueOut(Schema):
    slug: str
    name: str
    count: int
    selected: bool


class FacetsOut(Schema):
    region: list[FacetValueOut]
    activity: list[FacetValueOut]
    target_group: list[FacetValueOut]
    language: list[FacetValueOut]
    district: list[FacetValueOut]
    organisation_type: list[FacetValueOut]
    migration: list[FacetValueOut]


class SearchOut(Schema):
    count: int
    count_is_estimate: bool = Field(
        description="True for very common words: count and facets are estimated."
    )
    page: int
    num_pages: int
    corrected_query: str = Field(description="Set when typos were corrected.")
    dropped_words: list[str] = Field(
        description=(
            "Set when no club matched every word: the words left out, so that "
            "the results match all the others."
        )
    )
    results: list[HitOut]
    facets: FacetsOut


@router.get(
    "/search",
    response={200: SearchOut, 400: ErrorOut},
    summary="Search club portraits of every region",
    description=(
        "Club portraits of all regions ranked together. `q` takes words, "
        '"phrases", `OR` and `-word`; facets take taxonomy slugs (see '
        "`/api/taxonomy`), repeatable, OR within one facet and AND across "
        "facets. Without `q` the portraits are listed by title. Unknown slugs, "
        "a NUL byte or a page that is no whole number from 1 answer 400."
    ),
)
def search_api(request, params: Query[SearchParams]):
    language = request_language(request, params.lang)
    if isinstance(language, ErrorOut):
        return Status(400, language)
    data = QueryDict(mutable=True)
    data["q"] = params.q
    data["page"] = params.page
    for key in (
        "region",
        "activity",
        "target_group",
        "language",
        "district",
        "organisation_type",
        "migration",
    ):
        data.setlist(key, getattr(params, key))
    read = params_read(data, language=language, default_region=None)
    if read.problems:
        return Status(400, ErrorOut(detail=" ".join(read.problems)))
    result = search(read.query)
    shown = result_present(
        result=result, request=request, language=language, slugs=read.slugs
    )
    return Status(
        200,
        {
            "count": result.count,
            "count_is_estimate": not result.count_exact,
            "page": result.page,
            "num_pages": result.num_pages,
            "corrected_query": result.corrected,
            "dropped_words": result.dropped,
            "results": shown["hits"],
            "facets": shown["facets"],
        },
    )
