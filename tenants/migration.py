"""The migrate command django-tenants runs in each schema (TENANT_BASE_MIGRATE_COMMAND).

In the public schema, Django's migrate walks every app's migrations, although the
router lets none of the region apps' operations run there (Wagtail's alone are
well over a hundred): each still re-renders the model state, most of the time a
fresh public schema takes. So a plain migrate of the public schema goes in three
steps with the same result: the shared apps' migrations run, the region apps' are
recorded as applied without running them (all the router would have let them do
is nothing), and a last, ordinary run with nothing left to apply sends
``pre_migrate`` and ``post_migrate`` with every model, as before (content types
and permissions). Every other schema, and any migrate with arguments, runs as
Django's.
"""

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections, router
from django.db.migrations.executor import MigrationExecutor
from django_tenants.utils import get_public_schema_name

SPECIAL_OPTIONS = (
    "app_label",
    "migration_name",
    "fake",
    "fake_initial",
    "plan",
    "check_unapplied",
    "prune",
)


class MigrateCommand(DjangoMigrateCommand):
    def handle(self, *args, **options):
        connection = connections[options["database"]]
        if connection.schema_name == get_public_schema_name() and not any(
            options.get(option) for option in SPECIAL_OPTIONS
        ):
            self._shared_apps_only(connection, verbosity=options["verbosity"])
        return super().handle(*args, **options)

    def _shared_apps_only(self, connection, *, verbosity: int) -> None:
        """Run the shared apps' pending migrations; record the others as applied."""
        self.verbosity = verbosity  # read by Django's progress callback
        progress = self.migration_progress_callback if verbosity >= 1 else None
        executor = MigrationExecutor(connection, progress)
        executor.loader.check_consistent_history(connection)
        if executor.loader.detect_conflicts():
            return  # Django's own run reports them
        leaves = executor.loader.graph.leaf_nodes()
        shared = [
            leaf
            for leaf in leaves
            if router.allow_migrate(connection.alias, leaf[0]) is not False
        ]
        plan = executor.migration_plan(shared)
        if plan:
            executor.migrate(shared, plan=plan)
        executor = MigrationExecutor(connection)
        for migration, backwards in executor.migration_plan(leaves):
            if not backwards:
                executor.record_migration(migration)
        executor.check_replacements()
