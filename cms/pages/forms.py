from django import forms


class EventRegistrationForm(forms.Form):
    """The registration form on an event page."""

    name = forms.CharField(
        label="Ihr Name",
        max_length=200,
        error_messages={"required": "Bitte geben Sie Ihren Namen an."},
    )
    email = forms.EmailField(
        label="Ihre E-Mail-Adresse",
        error_messages={
            "invalid": "Bitte eine gültige E-Mail-Adresse angeben.",
            "required": "Bitte geben Sie Ihre E-Mail-Adresse an.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
