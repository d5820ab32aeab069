"""The material form of a region's Wagtail admin: German first, the other
platform languages in their own tabs, files inline, the scope and "ready"."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)

from cms.materials.models import Material, MaterialFile

TRANSLATED = ("title", "summary", "description", "audience")


class MaterialForm(WagtailAdminModelForm):
    """Adds "ready" (draft or not) and the checks that span fields and files."""

    ready = forms.BooleanField(
        label=_("Ready"),
        required=False,
        help_text=_(
            "Show it in our library. Sharing with all regions or the public "
            "waits for a platform moderator's approval."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["ready"].initial = self.instance.status != Material.Status.DRAFT
        if "topics" in self.fields:
            self.fields["topics"].widget = forms.CheckboxSelectMultiple(
                choices=self.fields["topics"].choices
            )

    def clean(self):
        cleaned = super().clean()
        from cms.materials.models import material_slug

        slug = cleaned.get("slug") or material_slug(cleaned.get("title_de") or "")
        cleaned["slug"] = slug
        region_id = self.instance.region_id
        if (
            region_id
            and Material.objects.filter(region_id=region_id, slug=slug)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "slug",
                _("Another material of this region has this slug; choose another."),
            )
        return cleaned

    def is_valid(self):
        valid = super().is_valid()
        if not valid:
            return False
        formset = self.formsets.get("files")
        kept = [
            form
            for form in (formset.forms if formset is not None else [])
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("file")
        ]
        if not kept and not self.cleaned_data.get("link"):
            self.add_error(
                None, _("Add at least one file or a link. Nothing was saved.")
            )
            return False
        return True


class MaterialFileInput(forms.ClearableFileInput):
    """Shows the current file's name without a link: material files have no URL
    (the download view is the only way to them)."""

    template_name = "materials/admin/file_input.html"

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        if self.is_initial(value):
            return value.name.rsplit("/", 1)[-1].split("-", 1)[-1]
        return None


MaterialFile.panels = [FieldPanel("file", widget=MaterialFileInput)]


def _language_tab(code: str, name: str) -> ObjectList:
    return ObjectList(
        [FieldPanel(f"{field}_{code}") for field in TRANSLATED], heading=name
    )


def material_edit_handler() -> TabbedInterface:
    """German content, sharing and files first; one tab per other language."""
    main = ObjectList(
        [
            FieldPanel("title_de"),
            FieldPanel("slug"),
            FieldPanel("summary_de"),
            FieldPanel("description_de"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("format"), FieldPanel("duration_minutes")]
                    ),
                    FieldPanel("topics"),
                    FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("audience_de"),
                ],
                heading=_("Classification"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("licence"),
                    FieldRowPanel([FieldPanel("author"), FieldPanel("organisation")]),
                ],
                heading=_("Licence and authors"),
            ),
            InlinePanel("files", heading=_("Files"), label=_("File")),
            FieldPanel("link"),
            MultiFieldPanel(
                [
                    HelpPanel(template="materials/admin/status_panel.html"),
                    FieldPanel("scope"),
                    FieldPanel("ready"),
                ],
                heading=_("Sharing"),
            ),
        ],
        heading="Deutsch",
    )
    others = [
        _language_tab(code, name) for code, name in settings.LANGUAGES if code != "de"
    ]
    return TabbedInterface([main, *others], base_form_class=MaterialForm)
