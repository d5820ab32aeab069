"""``manage.py db_worker``: django-tasks-db's worker, each task in its region.

This command shadows django-tasks-db's own ``db_worker`` ("tenants" comes before
"django_tasks_db" in INSTALLED_APPS, and Django takes a command from the first
app that has it). Its options are the same (``--help``); the one difference is
that every task runs inside the schema recorded when it was enqueued
(``tenants.tasks.RegionDatabaseBackend``), and the connection goes back to the
public schema between tasks.
"""

import logging
import time
from contextlib import ExitStack

from django.db import InterfaceError, OperationalError, connection
from django_tasks_db.management.commands import db_worker

from tenants.context import in_public
from tenants.tasks import REGION_KEY, in_schema_of

logger = logging.getLogger("tenants.worker")


class RegionWorker(db_worker.Worker):
    """Runs each claimed task inside the schema it was enqueued from, and
    outlives a database restart (the upstream worker exits on the first
    connection error; this one waits and reconnects)."""

    reconnect_delay = 1.0

    def run(self) -> None:
        while True:
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    return None
                logger.warning("database unavailable (%s); retrying", error)
                try:
                    connection.close()
                except Exception:  # the connection is already gone
                    pass
                time.sleep(self.reconnect_delay)

    def run_task(self, db_task_result) -> None:
        slug = (db_task_result.args_kwargs or {}).get(REGION_KEY)
        with ExitStack() as stack:
            try:
                stack.enter_context(in_schema_of(slug))
            except LookupError as error:
                # The region is gone: record the failure, keep the worker running.
                with in_public():
                    db_task_result.set_failed(error)
                self._run_tasks += 1
                return
            super().run_task(db_task_result)


class Command(db_worker.Command):
    help = (
        "Run the task worker: takes queued tasks from the database (public "
        "schema) and runs each in the region it was enqueued from."
    )

    def handle(self, *args, **options):
        # The parent builds its Worker from this module-level name.
        original, db_worker.Worker = db_worker.Worker, RegionWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
