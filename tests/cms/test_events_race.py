"""Two people register at the same moment for an event's last place.

Real concurrency needs committed rows and two database connections: the event is
made and removed by threads of their own (each thread has its own connection,
outside the test's transaction, which is rolled back as usual).
"""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from cms.pages.models import EventIndexPage, EventPage, EventRegistration
from cms.pages.services import event_registration_create
from tenants.context import in_region
from tenants.selectors import region_get
from tests.cms.factories import EventIndexPageFactory, EventPageFactory, region_home

WAIT = 20  # seconds; only reached when something hangs


pytestmark = pytest.mark.django_db


def _committed(work):
    """Run ``work()`` on a connection of its own, committed when it returns."""
    result = {}

    def run():
        try:
            result["value"] = work()
        except BaseException as error:  # handed to the test below
            result["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(WAIT)
    if "error" in result:
        raise result["error"]
    return result["value"]


@pytest.fixture
def last_place():
    """A committed Dortmund event with one place left."""

    def make():
        dortmund = region_get(slug="dortmund")
        with in_region(dortmund):
            # A run stopped half-way (the test database is kept) left its event.
            for leftover in EventIndexPage.objects.filter(slug="wettlauf"):
                EventRegistration.objects.filter(
                    event__in=EventPage.objects.child_of(leftover)
                ).delete()
                leftover.delete()
            events = EventIndexPageFactory(parent=region_home(), slug="wettlauf")
            event = EventPageFactory(
                parent=events, registration=EventPage.Registration.FORM, capacity=2
            )
            event_registration_create(event=event, name="Eins", email="1@example.org")
        return dortmund, events, event

    def remove():
        with in_region(dortmund):
            EventRegistration.objects.filter(event_id=event.pk).delete()
            events.refresh_from_db()
            events.delete()

    dortmund, events, event = _committed(make)
    try:
        yield dortmund, event
    finally:
        _committed(remove)


def test_two_people_racing_for_the_last_place_one_gets_it(last_place):
    region, event = last_place
    holding, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}
    late_pid: list[int] = []

    def first():
        # Registers, then keeps its transaction open until the second person is
        # waiting: the moment both are counting the places at once.
        try:
            with in_region(region), transaction.atomic():
                event_registration_create(event=event, name="Zwei", email="2@x.org")
                outcome["first"] = "registered"
                holding.set()
                release.wait(WAIT)
        except ValidationError as error:
            outcome["first"] = error
        finally:
            holding.set()
            connection.close()

    def second():
        try:
            with in_region(region):
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_backend_pid()")
                    late_pid.append(cursor.fetchone()[0])
                event_registration_create(event=event, name="Drei", email="3@x.org")
                outcome["second"] = "registered"
        except ValidationError as error:
            outcome["second"] = error
        finally:
            connection.close()

    a = threading.Thread(target=first)
    b = threading.Thread(target=second)
    a.start()
    assert holding.wait(WAIT)
    b.start()
    for _ in range(WAIT * 20):  # until the second waits on a lock, or is done
        if not b.is_alive():
            break
        if late_pid and _waits_on_a_lock(late_pid[0]):
            break
        b.join(0.05)
    release.set()
    a.join(WAIT)
    b.join(WAIT)

    assert outcome["first"] == "registered"
    assert isinstance(outcome["second"], ValidationError), outcome
    with in_region(region):
        # Committed by the two threads: the test's transaction sees them too.
        assert EventRegistration.objects.filter(event_id=event.pk).count() == 2


def _waits_on_a_lock(pid: int) -> bool:
    with connection.cursor() as cursor:
        # The test's transaction would otherwise keep reading its first snapshot.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = %s",
            [pid],
        )
        row = cursor.fetchone()
    return bool(row and row[0])
