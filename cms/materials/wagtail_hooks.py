"""The materials in each region's Wagtail admin.

The model lives in the public schema, so this is a plain ``ModelViewSet``
without revisions, logs or reference index (those tables are per region): the
listing shows what the region may see (its own materials in every status, and
approved shared ones of other regions), while editing and deleting are open only
for the region's own materials. Other regions' materials can be inspected.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from cms.materials.forms import material_edit_handler
from cms.materials.models import Material, MaterialFile
from cms.materials.notifications import moderation_requested_notify
from cms.materials.selectors import (
    material_download_counts,
    material_list_editable,
    material_visible_q,
)
from cms.materials.services import (
    material_delete,
    material_status_update,
    material_used_elsewhere,
)


def _own(request, material: Material) -> bool:
    return material.region_id == request.tenant.pk


class MaterialIndexView(IndexView):
    def get_base_queryset(self):
        region = self.request.tenant
        return Material.objects.filter(
            Q(region=region) | material_visible_q(region=region)
        ).select_related("region")

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if _own(self.request, instance) else None

    def get_delete_url(self, instance):
        if not _own(self.request, instance):
            return None
        return super().get_delete_url(instance)


class _FilesSnapshot:
    """The material's scope, link and file versions before a save."""

    def __init__(self, material: Material | None):
        self.scope = None
        self.link = ""
        self.files: set = set()
        if material is not None and material.pk:
            row = Material.objects.filter(pk=material.pk).values("scope", "link").get()
            self.scope, self.link = row["scope"], row["link"]
            self.files = set(
                MaterialFile.objects.filter(material=material).values_list("pk", "file")
            )

    def content_changed(self, material: Material) -> bool:
        after = set(
            MaterialFile.objects.filter(material=material).values_list("pk", "file")
        )
        return after != self.files or material.link != self.link


class MaterialCreateView(CreateView):
    def get_initial_form_instance(self):
        return Material(region=self.request.tenant)

    def save_instance(self):
        material = self.form.save()
        material_status_update(
            material=material,
            ready=self.form.cleaned_data.get("ready", False),
            previous_scope=None,
        )
        moderation_requested_notify(material=material)
        return material


class MaterialEditView(EditView):
    def get_queryset(self):
        return material_list_editable(region=self.request.tenant)

    def save_instance(self):
        before = _FilesSnapshot(self.object)
        was_pending = self.object.status == Material.Status.PENDING
        material = self.form.save()
        material_status_update(
            material=material,
            ready=self.form.cleaned_data.get("ready", False),
            previous_scope=before.scope,
            content_changed=before.content_changed(material),
        )
        if not was_pending:
            moderation_requested_notify(material=material)
        return material


class MaterialDeleteView(DeleteView):
    template_name = "materials/admin/confirm_delete.html"

    def get_queryset(self):
        return material_list_editable(region=self.request.tenant)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["used_elsewhere"] = material_used_elsewhere(material=self.object)
        return context

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            material_delete(
                material=self.object,
                confirm_shared=self.request.POST.get("confirm_shared") == "1",
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.get_delete_url())
        messages.success(self.request, self.get_success_message())
        return redirect(success_url)


class MaterialInspectView(InspectView):
    def get_object(self, queryset=None):
        region = self.request.tenant
        return get_object_or_404(
            Material.objects.filter(
                Q(region=region) | material_visible_q(region=region)
            ),
            pk=self.pk,
        )

    def get_edit_url(self):
        return super().get_edit_url() if _own(self.request, self.object) else None

    def get_delete_url(self):
        return super().get_delete_url() if _own(self.request, self.object) else None


class MaterialHistoryView(HistoryView):
    """Own materials only: another region's title must not show through a pk."""

    def get_base_object_queryset(self):
        return material_list_editable(region=self.request.tenant)


class MaterialUsageView(UsageView):
    def get_base_object_queryset(self):
        return material_list_editable(region=self.request.tenant)


class MaterialViewSet(ModelViewSet):
    """Schulungsmaterialien: the region's own materials (to add, edit, share) and
    those other regions share (to inspect); the status column shows whether a
    platform moderator has approved sharing."""

    model = Material
    icon = "doc-full"
    menu_label = _("Training materials")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "summary",
        "description",
        "audience",
        "format",
        "licence",
        "author",
        "organisation",
        "link",
        "scope",
        "status",
        "moderation_note",
        "region",
    ]
    index_view_class = MaterialIndexView
    add_view_class = MaterialCreateView
    edit_view_class = MaterialEditView
    delete_view_class = MaterialDeleteView
    inspect_view_class = MaterialInspectView
    history_view_class = MaterialHistoryView
    usage_view_class = MaterialUsageView
    list_display = ["title", "region", "scope", "status", "updated_at"]
    list_filter = ["status", "scope", "format"]
    search_fields = ["title_de", "summary_de", "author", "organisation"]
    ordering = ["-updated_at"]
    edit_handler = material_edit_handler()


material_viewset = MaterialViewSet("materials")


@hooks.register("register_admin_viewset")
def register_material_viewset():
    return material_viewset


class DownloadReportView(WagtailAdminTemplateMixin, TemplateView):
    """How often the region's materials were downloaded, per downloading region."""

    template_name = "materials/admin/downloads.html"
    page_title = _("Material downloads")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = material_download_counts(region=self.request.tenant)
        return context


def _download_report(request):
    if not request.user.has_perm("materials.change_material"):
        raise PermissionDenied
    return DownloadReportView.as_view()(request)


@hooks.register("register_admin_urls")
def register_download_report_url():
    return [path("materials/downloads/", _download_report, name="materials_downloads")]


class _DownloadsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("materials.change_material")


@hooks.register("register_admin_menu_item")
def register_download_report_menu_item():
    return _DownloadsMenuItem(
        _("Material downloads"),
        reverse("materials_downloads"),
        icon_name="download",
        order=251,
    )
