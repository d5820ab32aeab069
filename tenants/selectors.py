from collections.abc import Sequence

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import QuerySet
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import Region


def region_get(*, slug: str) -> Region:
    """The region with ``slug`` (also its schema name), for slugs read at the edge:
    command arguments, URLs, task payloads. Raises ``Region.DoesNotExist`` with a
    message that names the slug."""
    region = (
        Region.objects.exclude(schema_name=get_public_schema_name())
        .filter(schema_name=slug)
        .first()
    )
    if region is None:
        raise Region.DoesNotExist(f"No region has the slug '{slug}'.")
    return region


def portal_get() -> Region:
    """The portal: the tenant row of the public schema (``in_region(portal)`` works
    on the public schema, like ``in_public()``)."""
    return Region.objects.get(schema_name=get_public_schema_name())


def region_list(*, slugs: Sequence[str] = ()) -> QuerySet[Region]:
    """The regions (every tenant but the portal), with their domains.

    ``slugs`` narrows the list to those regions; see ``region_unknown_slugs``.
    """
    regions = Region.objects.exclude(schema_name=get_public_schema_name())
    if slugs:
        regions = regions.filter(schema_name__in=slugs)
    return regions.prefetch_related("domains").order_by("name")


def region_unknown_slugs(*, slugs: Sequence[str]) -> list[str]:
    """The slugs among ``slugs`` that name no region, sorted."""
    known = set(region_list(slugs=slugs).values_list("schema_name", flat=True))
    return sorted(set(slugs) - known)


def region_primary_domain(*, region: Region) -> str | None:
    """The host a region is served at, from prefetched domains when there are."""
    domains = list(region.domains.all())
    for domain in domains:
        if domain.is_primary:
            return domain.domain
    return domains[0].domain if domains else None


def schema_is_migrated(*, schema_name: str) -> bool:
    """True when every migration of the code is recorded in the schema.

    By schema name, not region: the region template has no Region row.
    """
    with schema_context(schema_name):
        executor = MigrationExecutor(connection)
        if not executor.recorder.has_table():
            return False
        return not executor.migration_plan(executor.loader.graph.leaf_nodes())
