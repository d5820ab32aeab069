"""Background work: django-tasks, and the database backend for production.

Wagtail 8 hands its background work (search index and reference index updates,
file deletions) to django-tasks, and so do our own tasks. Where each runs:

- development and tests: ``ImmediateBackend``, the task runs inside the call that
  enqueued it, in that call's schema;
- production: ``tenants.tasks.RegionDatabaseBackend``, a subclass of
  django-tasks-db's ``DatabaseBackend``. Its queue table lives in the public
  schema (``django_tasks_db`` is a shared app), every queued row records the
  schema it was enqueued from, and ``manage.py db_worker`` (tenants' wrapper of
  django-tasks-db's worker) runs each task inside that schema (docs/traps.md, trap 6).

Our own tasks are declared with ``tenants.tasks.region_task`` and take the
region's slug as ``region=``, so the region is also in their arguments.

https://github.com/RealOrangeOne/django-tasks-db
"""

IMMEDIATE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
}
DATABASE_TASKS = {
    "default": {
        "BACKEND": "tenants.tasks.RegionDatabaseBackend",
        "QUEUES": ["default"],
    }
}

TASKS = IMMEDIATE_TASKS
