"""The portal's admin (public schema): platform moderators approve or reject
materials that regions want to share beyond themselves, and edit the topics.

Regions edit their own materials in their Wagtail admin; here a moderator reads
them, writes a note and decides.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cms.materials.models import Material, MaterialFile, MaterialTombstone, Topic
from cms.materials.notifications import moderation_decided_notify
from cms.materials.services import material_delete, material_moderate
from cms.taxonomy.admin import TermAdmin


@admin.register(Topic)
class TopicAdmin(TermAdmin):
    pass


class MaterialFileInline(admin.TabularInline):
    model = MaterialFile
    fields = ["name", "content_type", "size"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


def _moderate(modeladmin, request, queryset, *, approve: bool):
    done, refused = 0, []
    for material in queryset:
        try:
            material_moderate(
                material=material, approve=approve, note=material.moderation_note
            )
            moderation_decided_notify(material=material)
            done += 1
        except ValidationError as error:
            refused.append(f"{material}: {' '.join(error.messages)}")
    if done:
        modeladmin.message_user(
            request,
            (_("%(count)d approved.") if approve else _("%(count)d rejected."))
            % {"count": done},
            messages.SUCCESS,
        )
    for line in refused:
        modeladmin.message_user(request, line, messages.ERROR)


@admin.action(description=_("Approve selected materials for their scope"))
def approve(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, approve=True)


@admin.action(description=_("Reject selected materials (write the note first)"))
def reject(modeladmin, request, queryset):
    _moderate(modeladmin, request, queryset, approve=False)


@admin.register(Material)
class MaterialAdmin(TranslationAdmin):
    list_display = ["title", "region", "scope", "status", "format", "updated_at"]
    list_filter = ["status", "scope", "region", "format", "licence"]
    list_select_related = ["region"]
    search_fields = ["title_de", "summary_de", "author", "organisation"]
    # Topics and languages are the region's to edit (in its Wagtail admin); a
    # ParentalManyToManyField would not be saved by Django's admin anyway.
    readonly_fields = [
        "region",
        "status",
        "topics",
        "languages",
        "moderated_at",
        "created_at",
        "updated_at",
    ]
    inlines = [MaterialFileInline]
    actions = [approve, reject]

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Deleting one by one leaves a tombstone for each.
        actions.pop("delete_selected", None)
        return actions

    def has_add_permission(self, request):
        # A material belongs to a region: regions add theirs in their admin.
        return False

    def delete_model(self, request, obj):
        material_delete(material=obj, confirm_shared=True)


@admin.register(MaterialTombstone)
class MaterialTombstoneAdmin(admin.ModelAdmin):
    list_display = ["title", "material_id", "region", "scope", "deleted_at"]
    readonly_fields = ["title", "material_id", "region", "scope", "deleted_at"]

    def has_add_permission(self, request):
        return False
