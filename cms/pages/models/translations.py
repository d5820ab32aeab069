from django.db import models
from django.utils.translation import gettext_lazy as _


class MachineTranslation(models.Model):
    """Marks a page whose live text came from the machine-translation service
    and no editor has published since: visitors see "translated by machine"
    until then. Editors do not edit it; publishing the page clears it."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="machine_translation",
        verbose_name=_("Page"),
    )
    service = models.CharField(_("Service"), max_length=200)
    created = models.DateTimeField(_("Translated on"), auto_now_add=True)

    class Meta:
        verbose_name = _("Machine translation")
        verbose_name_plural = _("Machine translations")

    def __str__(self):
        return f"{self.page_id} ({self.service})"
