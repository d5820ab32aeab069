from django.db.models import QuerySet
from django_tenants.utils import get_public_schema_name

from tenants.models import Region


def region_list() -> QuerySet[Region]:
    """The regions (every tenant but the portal), with their domains."""
    return (
        Region.objects.exclude(schema_name=get_public_schema_name())
        .prefetch_related("domains")
        .order_by("name")
    )


def region_primary_domain(*, region: Region) -> str | None:
    """The host a region is served at, from prefetched domains when there are."""
    domains = list(region.domains.all())
    for domain in domains:
        if domain.is_primary:
            return domain.domain
    return domains[0].domain if domains else None
