"""Background tasks that know their region.

Two pieces keep every task in the schema it belongs to (docs/traps.md, trap 6):

- ``region_task``: our own tasks take the region's slug as ``region=`` and run
  inside ``in_region`` of that region, whichever backend or process runs them.
  The task function itself receives the ``Region``.
- ``RegionDatabaseBackend``: the persistent queue (django-tasks-db, its table in
  the public schema) records the schema each task was enqueued from, so tasks we
  do not write (Wagtail's search and reference index updates, file deletions,
  enqueued from inside a region's request) run in that schema too, when
  ``manage.py db_worker`` (tenants/management/commands/db_worker.py) picks them up.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any

from django.db import connection
from django_tasks import task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import normalize_json
from django_tenants.utils import get_public_schema_name

from tenants.context import in_public, in_region
from tenants.models import Region

# The key under which a queued row's args_kwargs JSON records its schema. The
# worker reads it; django-tasks-db itself only reads "args" and "kwargs".
REGION_KEY = "region"


def region_by_slug(slug: str) -> Region:
    """The region (or the portal, for ``public``) a queued task names."""
    with in_public():
        try:
            return Region.objects.get(schema_name=slug)
        except Region.DoesNotExist:
            raise LookupError(
                f"The task names the region '{slug}', which does not exist (any "
                "more); it was not run."
            ) from None


@contextmanager
def in_schema_of(slug: str | None) -> Iterator[None]:
    """Enter the schema a queued task was enqueued from (public when unknown)."""
    if not slug or slug == get_public_schema_name():
        with in_public():
            yield
        return
    with in_region(region_by_slug(slug)):
        yield


def region_task(function: Callable | None = None, **task_options: Any):
    """Declare a task that runs in one region: ``@region_task`` or
    ``@region_task(priority=10)``.

    The task is enqueued with the region's slug, ``my_task.enqueue(region=
    region.slug, ...)`` (arguments travel as JSON), and the function is called
    as ``my_task(region=<Region>, ...)`` inside that region's schema.
    """

    def decorate(func: Callable) -> Any:
        @wraps(func)
        def run_in_region(*args: Any, region: str | Region, **kwargs: Any) -> Any:
            if isinstance(region, Region):
                slug = region.slug
            elif isinstance(region, str):
                slug = region
            else:
                raise TypeError(
                    f"{func.__qualname__}() needs region=<slug>, not {region!r}."
                )
            region_obj = region_by_slug(slug)
            with in_region(region_obj):
                return func(*args, region=region_obj, **kwargs)

        return task(**task_options)(run_in_region)

    if function is not None:
        return decorate(function)
    return decorate


class RegionDatabaseBackend(DatabaseBackend):
    """django-tasks-db's backend, recording the schema a task is enqueued from.

    Reading the connection's schema is what this one class is for: Wagtail's own
    tasks carry no region, and the worker must know where to run them.
    """

    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs=normalize_json(
                {
                    "args": args,
                    "kwargs": kwargs,
                    REGION_KEY: connection.schema_name,
                }
            ),
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    async def _atask_to_db_task(self, task, args, kwargs):
        from asgiref.sync import sync_to_async

        return await sync_to_async(self._task_to_db_task)(task, args, kwargs)
