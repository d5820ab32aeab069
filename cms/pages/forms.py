from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin:
    """For public forms with a ``contact_me_by_fax`` field: hidden from people
    (CSS class, not in the tab order, hidden from screen readers), filled in by
    form-filling bots. A filled-in form is answered as a person's and stores
    nothing (``is_bot``)."""

    HONEYPOT = "contact_me_by_fax"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.HONEYPOT].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )

    @property
    def visible_fields_for_people(self):
        return [field for field in self if field.name != self.HONEYPOT]

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get(self.HONEYPOT))


class EventRegistrationForm(HoneypotMixin, forms.Form):
    """The registration form on an event page.

    ``contact_me_by_fax`` is a honeypot: hidden from people (CSS class, not in
    the tab order, hidden from screen readers), filled in by form-filling bots.
    """

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
    contact_me_by_fax = forms.CharField(
        label=_("Leave this field empty"), required=False, max_length=200
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
