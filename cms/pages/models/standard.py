from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.pages.blocks import BodyBlock


class StandardPage(Page):
    """A plain text page: the project, contact, imprint (Impressum) or privacy
    notice (Datenschutzerklärung). Editors write an introduction and a body."""

    class Kind(models.TextChoices):
        PROJECT = "project", "Projekt"
        CONTACT = "contact", "Kontakt"
        IMPRINT = "imprint", "Impressum"
        PRIVACY = "privacy", "Datenschutz"
        OTHER = "other", "Sonstiges"

    kind = models.CharField(
        "Art der Seite",
        max_length=16,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text="Impressum, Datenschutz und Kontakt erscheinen im Fuß jeder Seite.",
    )
    intro = models.TextField("Kurzeinleitung", blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="Inhalt")

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = "Standardseite"
