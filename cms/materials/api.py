"""``GET /api/materials``: exactly the training materials visible on this host."""

from django.urls import reverse
from django.utils import translation
from ninja import Query, Router, Schema, Status

from cms.materials.models import Material
from cms.materials.selectors import material_list_visible
from cms.taxonomy.api import ErrorOut, LanguageParam, request_language
from tenants.context import is_public

router = Router(tags=["materials"])


class MaterialFileOut(Schema):
    name: str
    content_type: str
    size: int
    download_url: str


class MaterialOut(Schema):
    id: int
    slug: str
    title: str
    summary: str
    format: str
    topics: list[str]
    languages: list[str]
    scope: str
    status: str
    region: str
    licence: str
    licence_url: str | None
    author: str
    organisation: str
    link: str | None
    files: list[MaterialFileOut]
    download_url: str | None
    updated_at: str


class MaterialsOut(Schema):
    language: str
    host_region: str
    count: int
    materials: list[MaterialOut]


class MaterialsQuery(Schema):
    lang: LanguageParam = None


def _material_data(request, material: Material) -> dict:
    files = [
        {
            "name": f.name,
            "content_type": f.content_type,
            "size": f.size,
            "download_url": request.build_absolute_uri(
                reverse(
                    "material-download",
                    kwargs={"material_id": material.pk, "file_id": f.pk},
                )
            ),
        }
        for f in material.files.all()
    ]
    return {
        "id": material.pk,
        "slug": material.slug,
        "title": material.title,
        "summary": material.summary,
        "format": material.format,
        "topics": [t.slug for t in material.topics.all()],
        "languages": [lang.slug for lang in material.languages.all()],
        "scope": material.scope,
        "status": material.status,
        "region": material.region.slug,
        "licence": material.licence,
        "licence_url": material.licence_url or None,
        "author": material.author,
        "organisation": material.organisation,
        "link": material.link or None,
        "files": files,
        "download_url": files[0]["download_url"] if files else None,
        "updated_at": material.updated_at.isoformat(),
    }


@router.get(
    "/materials",
    response={200: MaterialsOut, 400: ErrorOut},
    summary="The training materials visible on this host",
    description=(
        "On a region's host: that region's own materials (not drafts) and the "
        "materials other regions share with all regions or the public once a "
        "platform moderator approved them. On the portal: approved public "
        "materials only. Each carries its scope (`region`, `all-regions`, "
        "`public`), moderation status, owning region (slug), licence with its URL, "
        "and download URLs of this host (which check the scope again). Texts are "
        "in the language given by `lang`, falling back to German."
    ),
)
def materials(request, query: Query[MaterialsQuery]):
    language = request_language(request, query.lang)
    if isinstance(language, ErrorOut):
        return Status(400, language)
    region = request.tenant
    with translation.override(language):
        items = [
            _material_data(request, material)
            for material in material_list_visible(region=region).order_by("pk")
        ]
    return Status(
        200,
        {
            "language": language,
            "host_region": "public" if is_public(region) else region.slug,
            "count": len(items),
            "materials": items,
        },
    )
