"""Registrations are erased a configurable number of days after their event."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tenants.utils import schema_context

from cms.pages.models import EventPage, EventRegistration
from tests.cms.factories import EventPageFactory, region_sections

pytestmark = pytest.mark.django_db


def _event_ended(days_ago: float):
    from cms.pages.models import EventIndexPage

    index = EventIndexPage.objects.first() or region_sections()["events"]
    end = timezone.now() - datetime.timedelta(days=days_ago)
    return EventPageFactory(
        parent=index,
        registration=EventPage.Registration.FORM,
        capacity=5,
        start=end - datetime.timedelta(hours=2),
        end=end,
    )


def _register(event, email, *, confirmed=True, sent_hours_ago=0):
    now = timezone.now()
    return EventRegistration.objects.create(
        event=event,
        name="Erika",
        email=email,
        confirmed=now if confirmed else None,
        token_sent=now - datetime.timedelta(hours=sent_hours_ago),
    )


def test_purge_erases_old_registrations_in_every_region(regions, capsys):
    for slug in ("dortmund", "potsdam", "halle"):
        with schema_context(slug):
            _register(_event_ended(91), f"alt@{slug}.example.org")
            _register(_event_ended(89), f"neu@{slug}.example.org")
            _register(_event_ended(-10), f"offen@{slug}.example.org", confirmed=False)
            _register(
                _event_ended(-10),
                f"abgelaufen@{slug}.example.org",
                confirmed=False,
                sent_hours_ago=49,
            )

    call_command("registrations_purge")

    out = capsys.readouterr().out
    for slug in ("dortmund", "potsdam", "halle"):
        assert f"{slug}: 1 registration(s) of events that ended more than 90" in out
        with schema_context(slug):
            left = set(EventRegistration.objects.values_list("email", flat=True))
            assert left == {f"neu@{slug}.example.org", f"offen@{slug}.example.org"}
    assert "6 registration(s) erased in all regions." in out


def test_retention_days_are_a_setting(regions, settings):
    settings.INSIST_REGISTRATION_RETENTION_DAYS = 10
    with schema_context("halle"):
        _register(_event_ended(11), "a@example.org")
        _register(_event_ended(9), "b@example.org")
    call_command("registrations_purge")
    with schema_context("halle"):
        assert list(EventRegistration.objects.values_list("email", flat=True)) == [
            "b@example.org"
        ]


def test_the_deployment_runs_the_purge_daily():
    from pathlib import Path

    from django.conf import settings

    folder = Path(settings.BASE_DIR) / "deploy" / "systemd"
    timer = (folder / "insist-registrations-purge.timer").read_text()
    # The timer starts one run of the command through the shared unit template,
    # whose environment file selects the production settings.
    assert "Unit=insist-manage@registrations_purge.service" in timer
    service = (folder / "insist-manage@.service").read_text()
    assert "manage.py %i" in service
    assert "OnCalendar=*-*-* 03:15:00" in timer and "Persistent=true" in timer
