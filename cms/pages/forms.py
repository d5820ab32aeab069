from django import forms
from django.utils.translation import gettext_lazy as _


class EventRegistrationForm(forms.Form):
    """The registration form on an event page."""

    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Please enter your name.")},
    )
    email = forms.EmailField(
        label=_("Your email address"),
        error_messages={
            "invalid": _("Please enter a valid email address."),
            "required": _("Please enter your email address."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
