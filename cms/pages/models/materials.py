"""The region's training-materials library (the materials live in cms.materials)."""

from django.http import Http404
from django.shortcuts import redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from cms.materials import selectors as material_selectors
from cms.materials.views import (
    library_context,
    material_detail_context,
    material_unavailable,
)
from cms.pages.models.base import SectionIndexPage


class MaterialLibraryPage(RoutablePageMixin, SectionIndexPage):
    """The region's library of training materials: its own materials and those
    other regions share, with filters, search and a page per material to read
    and download. Editors add materials under "Schulungsmaterialien" in the
    admin menu, not as child pages."""

    subpage_types = []
    template = "materials/library_page.html"

    class Meta:
        verbose_name = "Materialbibliothek"

    def material_url(self, material, request=None) -> str:
        """The material's detail address under this library (language-aware)."""
        base = self.get_url(request=request) or self.url or "/"
        return base + self.reverse_subpage(
            "material", kwargs={"pk": material.pk, "slug": material.slug}
        )

    def get_sitemap_urls(self, request=None):
        """The library and every material visible on this host (the region's
        sitemap.xml), so harvesters find the detail pages."""
        urls = super().get_sitemap_urls(request)
        region = getattr(request, "tenant", None)
        if region is None or not urls:
            return urls
        base = urls[0]["location"]
        for material in material_selectors.material_list_visible(region=region):
            urls.append(
                {
                    "location": base
                    + self.reverse_subpage(
                        "material", kwargs={"pk": material.pk, "slug": material.slug}
                    ),
                    "lastmod": material.updated_at,
                }
            )
        return urls

    @path("")
    def library(self, request):
        context = library_context(
            request=request,
            region=request.tenant,
            base_url=self.get_url(request=request),
            url_for=lambda material: self.material_url(material, request),
        )
        return self.render(request, context_overrides=context)

    @re_path(r"^(?P<pk>\d+)-(?P<slug>[-\w]+)/$", name="material")
    def material(self, request, pk, slug):
        material = material_selectors.material_get_visible(
            region=request.tenant, pk=int(pk)
        )
        if material is None:
            return material_unavailable(request, material_id=int(pk))
        url = self.material_url(material, request)
        if slug != material.slug:
            return redirect(url, permanent=True)
        context = material_detail_context(
            request=request, material=material, detail_url=url
        )
        context["library_url"] = self.get_url(request=request)
        return self.render(
            request,
            context_overrides=context,
            template="materials/material_page.html",
        )

    @re_path(r"^(?P<pk>\d+)/$")
    def material_short(self, request, pk):
        material = material_selectors.material_get_visible(
            region=request.tenant, pk=int(pk)
        )
        if material is None:
            raise Http404("No such material here.")
        return redirect(self.material_url(material, request))
