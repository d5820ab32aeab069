"""The one way to run code in a region's schema or in the public schema.

Every service, selector, command and task that works on one region takes
``region: Region`` and runs its queries inside ``in_region(region)``, or is
decorated with ``@runs_in_region``. Shared tables (taxonomy, search index,
materials) are read and written inside ``in_public()``. Both restore whatever
the connection had before, so a service called from inside another region's
context, a request or a test still leaves its caller where it was.

Nothing below the middleware reads ``connection.schema_name``: the region comes
in as an argument (``request.tenant`` in views, ``region=`` everywhere else).
The one exception is ``current_region()``, for a page's own ``clean()``.
See docs/architecture.md, "Entering a region".
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from django.db import connection
from django_tenants.utils import get_public_schema_name, tenant_context

if TYPE_CHECKING:
    from tenants.models import Region

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def in_region(region: "Region") -> Iterator["Region"]:
    """Run the block in ``region``'s schema (``search_path = <region>, public``)."""
    if region is None or not getattr(region, "schema_name", None):
        raise ValueError(f"in_region() needs a Region, not {region!r}.")
    with tenant_context(region):
        yield region


@contextmanager
def in_public() -> Iterator[None]:
    """Run the block in the public schema only (the portal, shared tables)."""
    previous = getattr(connection, "tenant", None)
    connection.set_schema_to_public()
    try:
        yield
    finally:
        if previous is None or previous.schema_name == get_public_schema_name():
            connection.set_schema_to_public()
        else:
            connection.set_tenant(previous)


def runs_in_region(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func(*, region=..., ...)`` inside ``in_region(region)``.

    For services and tasks: the keyword argument ``region`` is required, and the
    schema is entered anew on each call (nested and recursive calls each restore
    their caller's schema).
    """

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        region = kwargs.get("region")
        if region is None:
            raise TypeError(f"{func.__qualname__}() needs region=<Region>.")
        with in_region(region):
            return func(*args, **kwargs)

    return wrapper


def runs_in_public(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` inside ``in_public()``: for code that writes shared tables."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with in_public():
            return func(*args, **kwargs)

    return wrapper


def current_region() -> "Region":
    """The region whose schema the connection is in now (the portal in public).

    Only for model code that gets neither a request nor a ``region=``: a page's
    ``clean()`` runs inside Wagtail's admin and inside services alike, and a page
    row has no region column, so the schema it is read from and written to *is*
    its region. Everything else takes ``request.tenant`` or ``region=``.
    """
    from tenants.models import Region

    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Region):
        return tenant
    # schema_context() and set_schema() leave a stand-in with the schema name only.
    schema = getattr(tenant, "schema_name", None) or get_public_schema_name()
    return Region.objects.get(schema_name=schema)


def is_public(region: "Region | None") -> bool:
    """True for the portal (the public schema's tenant row) and for no region."""
    return region is None or region.schema_name == get_public_schema_name()
