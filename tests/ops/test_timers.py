"""The timers' commands loop over every region, report each, and change only
what is due."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Page

from tenants.context import in_region
from tests.cms.factories import StandardPageFactory, region_home


def _scheduled_draft(title: str, *, go_live: datetime.datetime) -> int:
    page = StandardPageFactory(parent=region_home(), title=title, live=False)
    revision = page.save_revision()
    revision.approved_go_live_at = go_live
    revision.save(update_fields=["approved_go_live_at"])
    return page.pk


@pytest.mark.django_db
def test_publish_scheduled_all_publishes_due_pages_in_every_region_and_reports(
    regions,
):
    past = timezone.now() - datetime.timedelta(minutes=5)
    future = timezone.now() + datetime.timedelta(days=5)
    with in_region(regions["halle"]):
        due_halle = _scheduled_draft("Vereinsmesse Halle", go_live=past)
        later_halle = _scheduled_draft("Sommerfest Halle", go_live=future)
    with in_region(regions["dortmund"]):
        due_dortmund = _scheduled_draft("Vereinsforum Dortmund", go_live=past)

    out = StringIO()
    call_command("publish_scheduled_all", stdout=out)

    report = out.getvalue()
    assert "halle: 1 to publish, 0 to unpublish (done)" in report
    assert "dortmund: 1 to publish" in report
    assert "potsdam: 0 to publish, 0 to unpublish" in report
    with in_region(regions["halle"]):
        assert Page.objects.get(pk=due_halle).live
        assert not Page.objects.get(pk=later_halle).live
    with in_region(regions["dortmund"]):
        assert Page.objects.get(pk=due_dortmund).live


@pytest.mark.django_db
def test_publish_scheduled_all_dry_run_and_region_filter_change_nothing_else(
    regions,
):
    past = timezone.now() - datetime.timedelta(minutes=5)
    with in_region(regions["potsdam"]):
        due = _scheduled_draft("Elternverein Potsdam", go_live=past)

    out = StringIO()
    call_command(
        "publish_scheduled_all", "--dry-run", "--region", "potsdam", stdout=out
    )

    assert out.getvalue().startswith("potsdam: 1 to publish, 0 to unpublish (due)")
    assert "halle" not in out.getvalue()
    with in_region(regions["potsdam"]):
        assert not Page.objects.get(pk=due).live


@pytest.mark.django_db
def test_region_command_refuses_an_unknown_region():
    with pytest.raises(CommandError, match="Unknown region.*atlantis.*Nothing"):
        call_command("publish_scheduled_all", "--region", "atlantis")


@pytest.mark.django_db
def test_a_failing_region_is_reported_and_the_others_still_run(regions, monkeypatch):
    from tenants.management.commands import publish_scheduled_all

    real = publish_scheduled_all._due_counts
    seen = []

    def due_counts():
        from django.db import connection

        seen.append(connection.schema_name)
        if connection.schema_name == "halle":
            raise RuntimeError("disk full")
        return real()

    monkeypatch.setattr(publish_scheduled_all, "_due_counts", due_counts)
    out, err = StringIO(), StringIO()

    with pytest.raises(CommandError, match="Failed in: halle"):
        call_command("publish_scheduled_all", stdout=out, stderr=err)

    assert sorted(seen) == ["dortmund", "halle", "potsdam"]
    assert "halle: FAILED" in err.getvalue() and "disk full" in err.getvalue()
    assert "dortmund: 0 to publish" in out.getvalue()
    assert "potsdam: 0 to publish" in out.getvalue()
