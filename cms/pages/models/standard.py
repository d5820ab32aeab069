from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.pages.blocks import BodyBlock


class StandardPage(Page):
    """A plain text page: the project, contact, imprint (Impressum), privacy
    notice (Datenschutzerklärung), accessibility statement or how to take part
    (Mitmachen). Editors write an introduction and a body."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("Project")
        CONTACT = "contact", _("Contact")
        IMPRINT = "imprint", _("Imprint")
        PRIVACY = "privacy", _("Privacy")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PARTICIPATE = "participate", _("Take part")
        OTHER = "other", _("Other")

    kind = models.CharField(
        _("Kind of page"),
        max_length=16,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_(
            "Imprint, privacy, accessibility and contact appear in the footer of "
            "every page."
        ),
    )
    intro = models.TextField(_("Short introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Content"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("Standard page")
