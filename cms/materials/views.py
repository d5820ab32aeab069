"""Downloads (every host) and the portal's public library.

``material_download`` is the only way to a material file: it checks that the
material is visible on the requesting host (``request.tenant``), counts the
download for that region and day, and hands the bytes over (by nginx with
``X-Accel-Redirect`` when ``MATERIALS_X_ACCEL_PREFIX`` is set). A material that
is not visible answers 404, whatever its id; a deleted one 410 with a page.
"""

import logging
from urllib.parse import quote

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django_tenants.utils import get_public_schema_name

from cms.materials import selectors, services
from cms.materials.jsonld import jsonld_script, material_jsonld
from cms.materials.models import Material, MaterialFile
from tenants.models import Region
from tenants.selectors import region_primary_domain

logger = logging.getLogger(__name__)

LIBRARY_PAGE_SIZE = 12


def material_download_url(*, material_file: MaterialFile) -> str:
    """The file's address on the current host; it stays when the file is replaced."""
    return reverse(
        "material-download",
        kwargs={"material_id": material_file.material_id, "file_id": material_file.pk},
    )


def material_detail_context(*, request, material: Material, detail_url: str) -> dict:
    """What a detail page shows (region library and portal alike)."""
    files = [
        {"file": f, "url": material_download_url(material_file=f)}
        for f in material.files.all()
    ]
    context = {
        "material": material,
        "files": files,
        "owner": material.region,
        "is_own": material.region_id == getattr(request.tenant, "pk", None),
    }
    if material.scope == Material.Scope.PUBLIC and material.shared:
        # One identity for harvesters and search engines: the portal's address,
        # whichever host shows the material.
        absolute = portal_absolute_url(
            request, path=portal_material_url(material)
        ) or request.build_absolute_uri(detail_url)
        context["canonical_url"] = absolute
        context["jsonld"] = jsonld_script(
            material_jsonld(
                material=material,
                url=absolute,
                downloads=[
                    (request.build_absolute_uri(f["url"]), f["file"].content_type)
                    for f in files
                ],
            )
        )
    return context


def library_context(*, request, region, base_url: str, url_for) -> dict:
    """The filtered, searched and paginated library of ``region`` (or the portal);
    ``url_for(material)`` gives each card's detail address."""
    filters = selectors.library_filters_from(request.GET)
    materials = selectors.material_library(region=region, filters=filters)
    paginator = Paginator(materials, LIBRARY_PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("seite"))
    for material in page_obj:
        material.detail_url = url_for(material)
    query = request.GET.copy()
    query.pop("seite", None)
    return {
        "materials": page_obj,
        "paginator": paginator,
        "filters": filters,
        "filter_fields": selectors.library_filter_fields(filters=filters),
        "filter_query": query.urlencode(),
        "base_url": base_url,
    }


def material_gone(request, *, title: str | None = None, status: int = 410):
    return render(request, "materials/gone.html", {"title": title}, status=status)


def material_unavailable(request, *, material_id: int):
    """410 with a page for a deleted material this host could see, else 404."""
    tombstone = selectors.material_tombstone_visible(
        region=request.tenant, material_id=material_id
    )
    if tombstone is not None:
        return material_gone(request, title=tombstone.title)
    raise Http404("No such material here.")


def _file_response(material_file: MaterialFile, *, public: bool) -> HttpResponse:
    disposition = f'attachment; filename="{material_file.name}"'
    prefix = settings.MATERIALS_X_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=material_file.content_type)
        response["X-Accel-Redirect"] = (
            prefix.rstrip("/") + "/" + quote(material_file.file.name)
        )
    else:
        try:
            handle = material_file.file.open("rb")
        except FileNotFoundError:
            logger.error("material file missing on disk: %s", material_file.file.name)
            raise Http404("The file is missing.") from None
        response = FileResponse(handle, content_type=material_file.content_type)
        response["Content-Length"] = str(material_file.size)
    response["Content-Disposition"] = disposition
    # Never rendered as a page of this host, and never kept by shared caches
    # unless everyone may read it anyway.
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = (
        "public, max-age=3600" if public else "private, no-store"
    )
    return response


@require_safe
def material_download(request, material_id: int, file_id: int):
    """A material file, if its material is visible on this host."""
    region = request.tenant
    material_file = selectors.material_file_for_download(
        region=region, material_id=material_id, file_id=file_id
    )
    if material_file is None:
        return material_unavailable(request, material_id=material_id)
    material = material_file.material
    if request.method == "GET":
        services.material_download_record(material=material, region=region)
    public = material.scope == Material.Scope.PUBLIC and material.shared
    return _file_response(material_file, public=public)


def portal_absolute_url(request, *, path: str) -> str | None:
    """``path`` on the portal's host (same scheme and port as ``request``)."""
    portal = (
        Region.objects.filter(schema_name=get_public_schema_name())
        .prefetch_related("domains")
        .first()
    )
    domain = region_primary_domain(region=portal) if portal else None
    if not domain:
        return None
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    return f"{request.scheme}://{domain}{suffix}{path}"


def portal_material_url(material: Material) -> str:
    """The material's path on the portal, from any host's URLconf."""
    return reverse(
        "portal-material",
        urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        kwargs={"pk": material.pk, "slug": material.slug},
    )


@require_safe
def portal_library(request):
    """The portal's library: approved public materials of every region."""
    context = library_context(
        request=request,
        region=request.tenant,
        base_url=reverse("portal-materials"),
        url_for=portal_material_url,
    )
    return render(request, "materials/portal_library.html", context)


@require_safe
def portal_material(request, pk: int, slug: str):
    material = selectors.material_get_visible(region=request.tenant, pk=pk)
    if material is None:
        return material_unavailable(request, material_id=pk)
    url = portal_material_url(material)
    if slug != material.slug:
        return redirect(url, permanent=True)
    context = material_detail_context(
        request=request, material=material, detail_url=url
    )
    context["library_url"] = reverse("portal-materials")
    return render(request, "materials/portal_material.html", context)


class PublicMaterialSitemap(Sitemap):
    """Every approved public material at its portal address."""

    changefreq = "weekly"

    def items(self):
        return selectors.material_list_visible(region=None).order_by("pk")

    def location(self, item):
        return portal_material_url(item)

    def lastmod(self, item):
        return item.updated_at
