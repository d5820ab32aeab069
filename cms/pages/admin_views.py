"""The editors' translation report in the Wagtail admin: which pages are not
translated yet or out of date, per language, and a language as a PO file to
hand to an outside translator and take back."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from cms.pages.translations import (
    language_machine_translate,
    language_po_export,
    language_po_import,
    machine_translation_enabled,
    translation_state_list,
)

MAX_PO_BYTES = 2 * 1024 * 1024


def _languages() -> list[tuple[str, str]]:
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


class PoImportForm(forms.Form):
    """A translator's PO file for one language."""

    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=_languages)
    po_file = forms.FileField(label=gettext_lazy("PO file"))

    def clean_po_file(self):
        upload = self.cleaned_data["po_file"]
        if upload.size > MAX_PO_BYTES:
            raise ValidationError(_("The file is larger than 2 MB."))
        return upload


def _can_publish_everywhere(request) -> bool:
    site = Site.find_for_request(request)
    home = site.root_page if site else Page.get_first_root_node()
    return home.permissions_for_user(request.user).can_publish()


def translation_report(request):
    """Every page with its state in each language; the PO export and import."""
    language = request.GET.get("language", "")
    if language not in dict(_languages()):
        language = ""
    rows = translation_state_list(region=request.tenant, language=language or None)
    pages: dict[int, dict] = {}
    counts = {"untranslated": 0, "outdated": 0, "current": 0}
    for row in rows:
        entry = pages.setdefault(row.source.pk, {"source": row.source, "states": []})
        entry["states"].append(row)
        counts[row.state] += 1
    form = PoImportForm(initial={"language": language or "en"})
    return TemplateResponse(
        request,
        "pages/admin/translation_report.html",
        {
            "pages": list(pages.values()),
            "counts": counts,
            "languages": _languages(),
            "language": language,
            "form": form,
            "can_import": _can_publish_everywhere(request),
            "machine_translation": machine_translation_enabled(),
        },
    )


def translation_po_export(request, language: str):
    if language not in dict(_languages()):
        raise PermissionDenied
    body = language_po_export(region=request.tenant, language=language)
    response = HttpResponse(body, content_type="text/x-gettext-translation")
    filename = f"insist-{request.tenant.slug}-{language}.po"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def translation_po_import(request):
    if request.method != "POST" or not _can_publish_everywhere(request):
        raise PermissionDenied
    form = PoImportForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("pages_translations")
    try:
        done = language_po_import(
            region=request.tenant,
            language=form.cleaned_data["language"],
            po_file=form.cleaned_data["po_file"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(count)d page(s) translated and published.") % {"count": len(done)},
        )
    return redirect("pages_translations")


def translation_machine(request):
    """Machine-translate the untranslated pages of one language (only when a
    service is configured; otherwise nothing is sent anywhere)."""
    if (
        request.method != "POST"
        or not machine_translation_enabled()
        or not _can_publish_everywhere(request)
    ):
        raise PermissionDenied
    language = request.POST.get("language", "")
    if language not in dict(_languages()):
        messages.error(request, _("Choose a language."))
        return redirect("pages_translations")
    try:
        done = language_machine_translate(region=request.tenant, language=language)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(count)d page(s) machine translated and published.")
            % {"count": len(done)},
        )
    return redirect("pages_translations")
