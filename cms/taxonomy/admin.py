"""The portal's admin for the shared vocabularies (platform administrators only).

Regions only pick terms in their page panels; the vocabulary is edited here.
Deleting a used term is refused and merging is an action with a confirmation page.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)
from cms.taxonomy.selectors import term_usage, term_usage_text
from cms.taxonomy.services import term_delete, term_merge


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=None, label=_("Merge into"), empty_label=None
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = queryset


@admin.action(description=_("Merge selected terms into another term"))
def merge_terms(modeladmin, request, queryset):
    model = modeladmin.model
    sources = list(queryset)
    targets = model.objects.exclude(pk__in=[s.pk for s in sources])
    if isinstance(sources[0], District):
        targets = targets.filter(region__in={s.region_id for s in sources})
    form = MergeForm(
        request.POST if "apply" in request.POST else None, queryset=targets
    )
    if form.is_valid():
        target = form.cleaned_data["target"]
        try:
            # All or none: a refused merge undoes the ones before it.
            with transaction.atomic():
                for source in sources:
                    term_merge(source=source, target=target)
        except ValidationError as error:
            modeladmin.message_user(request, " ".join(error.messages), messages.ERROR)
            return None
        modeladmin.message_user(
            request,
            _("Merged %(sources)s into %(target)s; every use in every region follows.")
            % {"sources": ", ".join(map(str, sources)), "target": target},
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/taxonomy/merge.html",
        {
            **modeladmin.admin_site.each_context(request),
            "opts": model._meta,
            "title": _("Merge terms"),
            "sources": sources,
            "form": form,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


class TermAdmin(TranslationAdmin):
    list_display = ["name", "slug", "sort_order"]
    list_editable = ["sort_order"]
    search_fields = ["name", "slug"]
    actions = [merge_terms]

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Django's bulk delete would bypass the use check; delete one by one.
        actions.pop("delete_selected", None)
        return actions

    def get_deleted_objects(self, objs, request):
        # Django's collector would look for regional rows in the public schema,
        # where their tables do not exist; ask every region instead.
        protected = []
        for obj in objs:
            usage = term_usage(term=obj)
            if usage:
                protected.append(f"{obj}: {term_usage_text(usage=usage)}")
        return [str(obj) for obj in objs], {}, set(), protected

    def delete_model(self, request, obj):
        term_delete(term=obj)


@admin.register(FieldOfActivity)
class FieldOfActivityAdmin(TermAdmin):
    list_display = ["name", "slug", "parent", "sort_order"]
    list_filter = [("parent", admin.EmptyFieldListFilter)]
    list_select_related = ["parent"]


@admin.register(TargetGroup)
class TargetGroupAdmin(TermAdmin):
    pass


@admin.register(ClubLanguage)
class ClubLanguageAdmin(TermAdmin):
    list_display = ["name", "native_name", "slug", "sort_order"]


@admin.register(OrganisationKind)
class OrganisationKindAdmin(TermAdmin):
    pass


@admin.register(MigrationReference)
class MigrationReferenceAdmin(TermAdmin):
    pass


@admin.register(District)
class DistrictAdmin(TermAdmin):
    list_display = ["name", "region", "is_surrounding", "slug", "sort_order"]
    list_filter = ["region", "is_surrounding"]
    list_select_related = ["region"]
