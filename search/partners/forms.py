from django import forms
from django.utils.translation import gettext_lazy as _

from cms.pages.forms import HoneypotMixin


class ContactRequestForm(HoneypotMixin, forms.Form):
    """A visitor asks a club for contact. ``contact_me_by_fax`` is a honeypot:
    hidden from people, filled in by form-filling bots."""

    club = forms.CharField(widget=forms.HiddenInput, max_length=300)
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Please enter your name.")},
    )
    club_name = forms.CharField(label=_("Your club"), max_length=200)
    region = forms.CharField(required=False, max_length=63)
    email = forms.EmailField(
        label=_("Your email address"),
        error_messages={
            "invalid": _("Please enter a valid email address."),
            "required": _("Please enter your email address."),
        },
    )
    message = forms.CharField(
        label=_("Message"), max_length=2000, widget=forms.Textarea
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my name, club, email address and message are passed "
            "on to the club and the regional teams."
        ),
        error_messages={
            "required": _("Please agree, or we cannot pass your request on.")
        },
    )
    contact_me_by_fax = forms.CharField(required=False, max_length=200)

    def clean(self):
        data = super().clean()
        for key, value in data.items():
            if isinstance(value, str) and "\x00" in value:
                self.add_error(key, _("This field contains a NUL byte."))
        return data
