"""The public forms of taking part: a club's own portrait, a change request."""

import io

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from cms.pages.forms import HoneypotMixin
from cms.taxonomy.models import (
    ClubLanguage,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)
from cms.taxonomy.selectors import district_list

LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}


def logo_check(upload) -> tuple[bytes, str]:
    """The logo's bytes and a safe file name, checked by content (Pillow), not
    by its name or declared type; refused above ``INSIST_CLUB_LOGO_MAX_BYTES``."""
    limit = settings.INSIST_CLUB_LOGO_MAX_BYTES
    if upload.size > limit:
        raise forms.ValidationError(
            _("The logo is too large (at most %(mb)d MB).")
            % {"mb": max(1, limit // (1024 * 1024))}
        )
    content = upload.read(limit + 1)
    try:
        with Image.open(io.BytesIO(content)) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise forms.ValidationError(
            _("The logo is not an image (PNG, JPEG, WebP or GIF).")
        ) from error
    if kind not in LOGO_FORMATS:
        raise forms.ValidationError(
            _("The logo is not an image (PNG, JPEG, WebP or GIF).")
        )
    return content, f"logo.{LOGO_FORMATS[kind]}"


class ClubSubmissionForm(HoneypotMixin, forms.Form):
    """A club's own portrait. Districts are the host region's only."""

    title = forms.CharField(label=_("Name of the club"), max_length=255)
    summary = forms.CharField(
        label=_("Short description"), max_length=400, widget=forms.Textarea
    )
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea
    )
    fields_of_activity = forms.ModelMultipleChoiceField(
        label=_("Fields of activity"),
        queryset=FieldOfActivity.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_groups = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=TargetGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=ClubLanguage.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    organisation_kind = forms.ModelChoiceField(
        label=_("Kind of organisation"),
        queryset=OrganisationKind.objects.all(),
        required=False,
    )
    migration_reference = forms.ModelChoiceField(
        label=_("Migration reference"),
        queryset=MigrationReference.objects.all(),
        required=False,
    )
    district = forms.ModelChoiceField(
        label=_("District"), queryset=None, required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    offers = forms.CharField(
        label=_("What we offer"), max_length=2000, required=False, widget=forms.Textarea
    )
    seeks = forms.CharField(
        label=_("What we are looking for"),
        max_length=2000,
        required=False,
        widget=forms.Textarea,
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200)
    contact_email = forms.EmailField(label=_("Contact person's email"))
    contact_consent = forms.BooleanField(
        label=_(
            "We agree that the contact person's name and email address are "
            "published with the portrait."
        ),
        error_messages={"required": _("Please agree to publish the contact details.")},
    )
    logo = forms.FileField(label=_("Logo (optional)"), required=False)
    contact_me_by_fax = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = district_list(region=region)
        # What the browser may fill in (WCAG 1.3.5, identify input purpose).
        for name, purpose in (
            ("title", "organization"),
            ("website", "url"),
            ("contact_name", "name"),
            ("contact_email", "email"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = purpose
        self.logo_content: bytes | None = None
        self.logo_name = ""

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if upload:
            self.logo_content, self.logo_name = logo_check(upload)
        return None

    def clean(self):
        cleaned = super().clean()
        for name in ("title", "summary", "description", "offers", "seeks"):
            if "\x00" in (cleaned.get(name) or ""):
                self.add_error(name, _("This text contains a NUL character."))
        return cleaned


class ClubChangeRequestForm(HoneypotMixin, forms.Form):
    """A listed club asks for a link to change its portrait."""

    portrait = forms.ModelChoiceField(label=_("Your club's portrait"), queryset=None)
    email = forms.EmailField(label=_("The portrait's contact email"))
    contact_me_by_fax = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    def __init__(self, *args, **kwargs):
        from cms.pages.models import ClubPortraitPage

        super().__init__(*args, **kwargs)
        self.fields["portrait"].queryset = (
            ClubPortraitPage.objects.live()
            .filter(locale__language_code="de")
            .order_by("title")
        )
        self.fields["email"].widget.attrs["autocomplete"] = "email"
