"""Background tasks carry their region through the persistent queue.

A task enqueued while Halle's request is being served is stored in the public
schema's queue and run later by the worker, in another "process" whose connection
sits in the public schema: it must run in Halle's schema all the same.
"""

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks import task
from django_tasks_db.management.commands import db_worker as upstream_worker
from django_tasks_db.models import DBTaskResult

from tenants.context import in_public, in_region
from tenants.management.commands.db_worker import RegionWorker
from tenants.tasks import region_task

DATABASE_TASKS = {
    "default": {
        "BACKEND": "tenants.tasks.RegionDatabaseBackend",
        "QUEUES": ["default"],
    }
}


@task()
def schema_seen_by_plain_task() -> str:
    """Like Wagtail's own tasks: no region among its arguments."""
    return connection.schema_name


@region_task
def schema_seen_by_region_task(*, region, label: str) -> dict:
    from wagtail.models import Site

    return {
        "region": region.slug,
        "schema": connection.schema_name,
        "site": Site.objects.get(is_default_site=True).site_name,
        "label": label,
    }


def run_worker(monkeypatch) -> None:
    """The real worker loop, in batch mode, inside the test's transaction.

    The worker closes "old" connections between tasks; inside the test's
    transaction that would poison it, so that one call is neutralised.
    """
    monkeypatch.setattr(upstream_worker, "close_old_connections", lambda: None)
    RegionWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


@pytest.mark.django_db
def test_task_enqueued_in_halle_runs_in_halles_schema_through_the_database_queue(
    regions, monkeypatch
):
    with override_settings(TASKS=DATABASE_TASKS):
        with in_region(regions["halle"]):
            plain = schema_seen_by_plain_task.enqueue()
            carried = schema_seen_by_region_task.enqueue(region="halle", label="x")
        # The queue lives in the public schema, not in the region's.
        with in_public():
            queued = DBTaskResult.objects.filter(id__in=[plain.id, carried.id])
            assert queued.count() == 2
            assert {row.status for row in queued} == {"READY"}

        # The worker starts in the public schema, like a fresh process.
        with in_public():
            run_worker(monkeypatch)

        plain.refresh()
        carried.refresh()
    assert plain.status == "SUCCESSFUL", plain.errors
    assert plain.return_value == "halle"
    assert carried.status == "SUCCESSFUL", carried.errors
    assert carried.return_value["schema"] == "halle"
    assert carried.return_value["region"] == "halle"
    assert carried.return_value["site"] == regions["halle"].name
    # and the worker leaves the connection where it found it
    assert connection.schema_name == "public"


@pytest.mark.django_db
def test_region_task_runs_in_its_region_whichever_schema_enqueues_it(regions):
    # Tests use the ImmediateBackend: the task runs inside enqueue().
    with in_region(regions["dortmund"]):
        result = schema_seen_by_region_task.enqueue(region="potsdam", label="y")
        assert connection.schema_name == "dortmund"
    assert result.status == "SUCCESSFUL", result.errors
    assert result.return_value["schema"] == "potsdam"
    assert result.return_value["site"] == regions["potsdam"].name


@pytest.mark.django_db
def test_task_naming_a_missing_region_fails_and_the_worker_goes_on(
    regions, monkeypatch
):
    with override_settings(TASKS=DATABASE_TASKS):
        with in_region(regions["halle"]):
            orphan = schema_seen_by_plain_task.enqueue()
            after = schema_seen_by_plain_task.enqueue()
        with in_public():
            row = DBTaskResult.objects.get(id=orphan.id)
            row.args_kwargs = {**row.args_kwargs, "region": "atlantis"}
            row.save(update_fields=["args_kwargs"])
            run_worker(monkeypatch)
        orphan.refresh()
        after.refresh()
    assert orphan.status == "FAILED"
    assert "atlantis" in orphan.errors[0].traceback
    assert after.status == "SUCCESSFUL"
    assert after.return_value == "halle"


@pytest.mark.django_db
def test_worker_outlives_a_lost_database_connection(regions, monkeypatch):
    from django.db import OperationalError

    real_ready = DBTaskResult.objects.ready
    calls = {"n": 0}

    def ready_after_an_outage():
        calls["n"] += 1
        if calls["n"] == 1:
            raise OperationalError("server closed the connection unexpectedly")
        return real_ready()

    monkeypatch.setattr(DBTaskResult.objects, "ready", ready_after_an_outage)
    monkeypatch.setattr(RegionWorker, "reconnect_delay", 0)
    # Closing the test's connection would end its transaction: keep it.
    monkeypatch.setattr(connection, "close", lambda: None)
    with override_settings(TASKS=DATABASE_TASKS):
        with in_region(regions["potsdam"]):
            queued = schema_seen_by_plain_task.enqueue()
        with in_public():
            run_worker(monkeypatch)
        queued.refresh()

    assert calls["n"] >= 2
    assert queued.status == "SUCCESSFUL"
    assert queued.return_value == "potsdam"
