from django.db import models
from django_tenants.models import DomainMixin, TenantMixin


class Region(TenantMixin):
    """One regional partner's site, with its own PostgreSQL schema.

    The public schema has a row here too (the portal): django-tenants routes every
    host through this table.
    """

    name = models.CharField("Name", max_length=120)
    created_on = models.DateTimeField(auto_now_add=True)

    auto_create_schema = True
    auto_drop_schema = False

    class Meta:
        ordering = ["name"]
        verbose_name = "Region"
        verbose_name_plural = "Regionen"

    def __str__(self):
        return self.name

    @property
    def slug(self) -> str:
        return self.schema_name


class Domain(DomainMixin):
    """A host name that serves one region (or the portal)."""

    class Meta:
        verbose_name = "Domain"
        verbose_name_plural = "Domains"

    def __str__(self):
        return self.domain
