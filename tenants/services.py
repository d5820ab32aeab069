"""Provisioning: the portal, the region template schema and the regions."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import get_public_schema_name, schema_exists

from tenants.context import in_public
from tenants.models import Domain, Region
from tenants.selectors import region_list, schema_is_migrated
from tenants.signals import region_ready

SLUG_PATTERN = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
HOST_PATTERN = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)
RESERVED_SLUGS = {"public", "information_schema", "admin", "api", "static", "media"}


@dataclass(frozen=True)
class RegionSpec:
    slug: str
    name: str


DEFAULT_REGIONS = (
    RegionSpec("dortmund", "Dortmund"),
    RegionSpec("potsdam", "Potsdam und Brandenburger Umland"),
    RegionSpec("halle", "Halle (Saale) und Umland"),
)


@dataclass
class Report:
    """What a provisioning step did, line by line, for the operator to read."""

    lines: list[str] = field(default_factory=list)
    changed: bool = False

    def did(self, line: str) -> None:
        self.lines.append(line)
        self.changed = True

    def found(self, line: str) -> None:
        self.lines.append(line)


def region_default_domain(*, slug: str) -> str:
    return f"{slug}.{settings.PLATFORM_DOMAIN}"


def region_validate(*, slug: str, name: str, domain: str) -> None:
    """Refuse a bad slug, a blank name or a domain that serves someone else."""
    errors = {}
    if not SLUG_PATTERN.match(slug or ""):
        errors["slug"] = (
            f"'{slug}' is not a valid region slug: use 2 to 40 lower-case letters, "
            "digits or underscores, starting with a letter (it becomes the schema "
            "name)."
        )
    elif (
        slug in RESERVED_SLUGS
        or slug.startswith("pg_")
        or slug == settings.TENANT_BASE_SCHEMA
    ):
        errors["slug"] = f"'{slug}' is reserved and cannot name a region."
    if not (name or "").strip():
        errors["name"] = "A region needs a name."
    if not HOST_PATTERN.match(domain or ""):
        errors["domain"] = f"'{domain}' is not a valid host name."
    else:
        owner = (
            Domain.objects.filter(domain=domain)
            .exclude(tenant__schema_name=slug)
            .select_related("tenant")
            .first()
        )
        if owner is not None:
            errors["domain"] = (
                f"The domain '{domain}' already serves '{owner.tenant.schema_name}'."
            )
    if errors:
        raise ValidationError(errors)


def template_ensure(*, verbosity: int = 0) -> Report:
    """Create and migrate the schema that new regions are copied from.

    It is checked before every copy and migrated when anything is pending: a copy
    of a template that is behind the code would be marked as migrated while missing
    tables.
    """
    report = Report()
    template = settings.TENANT_BASE_SCHEMA
    with in_public():
        if not schema_exists(template):
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE SCHEMA "{template}"')
            report.did(f"created the template schema '{template}'")
        elif schema_is_migrated(schema_name=template):
            # Nothing to apply: migrate would only re-render every model's state
            # (a second or two per new region, for nothing).
            report.found(f"template schema '{template}' is migrated")
            return report
        call_command(
            "migrate_schemas",
            schema_name=template,
            interactive=False,
            verbosity=verbosity,
        )
    report.found(f"template schema '{template}' is migrated")
    return report


def schemas_migrate(*, verbosity: int = 0) -> Report:
    """Migrate the public schema, then every region, where anything is pending.

    A schema with nothing to apply is left alone: ``migrate`` would only re-render
    every model's state for it (about a second per schema, on every run).
    """
    report = Report()
    with in_public():
        if schema_is_migrated(schema_name=get_public_schema_name()):
            report.found("public schema is migrated")
        else:
            call_command(
                "migrate_schemas", shared=True, interactive=False, verbosity=verbosity
            )
            report.did("public schema migrated")
        if all(
            schema_is_migrated(schema_name=region.schema_name)
            for region in region_list()
        ):
            report.found("every region is migrated")
        else:
            call_command(
                "migrate_schemas", tenant=True, interactive=False, verbosity=verbosity
            )
            report.did("regions migrated")
    return report


def portal_ensure(*, domain: str | None = None) -> Report:
    """The public tenant row and the portal's domain, which django-tenants needs."""
    report = Report()
    domain = domain or settings.PLATFORM_DOMAIN
    with in_public():
        portal, created = Region.objects.get_or_create(
            schema_name=get_public_schema_name(), defaults={"name": "INSIST-Portal"}
        )
        if created:
            report.did("created the portal (public schema)")
        _, created = Domain.objects.get_or_create(
            domain=domain, defaults={"tenant": portal, "is_primary": True}
        )
    if created:
        report.did(f"portal domain '{domain}' added")
    else:
        report.found(f"portal domain '{domain}' already there")
    return report


def region_provision(
    *,
    slug: str,
    name: str,
    domain: str | None = None,
    ensure_template: bool = True,
    verbosity: int = 0,
) -> Report:
    """Create a region, or complete one that exists: schema, domain, site, groups.

    Idempotent; a bad slug or a taken domain raises ``ValidationError`` before
    anything is written. ``ensure_template=False`` skips migrating the template
    for a caller that has just done so (setting up several regions in a row).
    """
    domain = (domain or region_default_domain(slug=slug)).lower()
    with in_public():
        region_validate(slug=slug, name=name, domain=domain)
        if ensure_template:
            template_ensure(verbosity=verbosity)
        report = Report()
        with transaction.atomic():
            region = Region.objects.filter(schema_name=slug).first()
            if region is None:
                region = Region(schema_name=slug, name=name.strip())
                # Copies the template into the new schema (django-tenants).
                region.save(verbosity=verbosity)
                report.did(f"created region '{slug}' with its own schema")
            else:
                report.found(f"region '{slug}' already exists")
            has_primary = region.domains.filter(is_primary=True).exists()
            _, created = Domain.objects.get_or_create(
                domain=domain,
                defaults={"tenant": region, "is_primary": not has_primary},
            )
            if created:
                report.did(f"domain '{domain}' now serves '{slug}'")
            else:
                report.found(f"domain '{domain}' already serves '{slug}'")

            # Each receiver enters the region (or the public schema) itself.
            responses = region_ready.send(sender=Region, region=region, domain=domain)
            for _receiver, lines in responses:
                for line, changed in lines or ():
                    (report.did if changed else report.found)(line)
    return report
