from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tenants.models import DomainMixin, TenantMixin


class Region(TenantMixin):
    """One regional partner's site, with its own PostgreSQL schema.

    The public schema has a row here too (the portal): django-tenants routes every
    host through this table.
    """

    name = models.CharField(pgettext_lazy("field", "Name"), max_length=120)
    created_on = models.DateTimeField(_("Created on"), auto_now_add=True)

    auto_create_schema = True
    auto_drop_schema = False

    class Meta:
        ordering = ["name"]
        verbose_name = pgettext_lazy("field", "Region")
        verbose_name_plural = _("Regions")

    def __str__(self):
        return self.name

    @property
    def slug(self) -> str:
        """The region's one string name (URLs, commands, JSON); its schema's name."""
        return self.schema_name


class Domain(DomainMixin):
    """A host name that serves one region (or the portal)."""

    class Meta:
        verbose_name = _("Domain")
        verbose_name_plural = _("Domains")

    def __str__(self):
        return self.domain
