"""Calendar feeds, parsed back with the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django_tenants.utils import schema_context
from icalendar import Calendar

from cms.pages.models import EventPage
from tests.cms.factories import EventPageFactory, region_sections

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def _events():
    sections = region_sections()
    forum = EventPageFactory(
        parent=sections["events"],
        title="Vereinsforum Jugend",
        start=datetime.datetime(2030, 3, 14, 18, 0, tzinfo=BERLIN),
        end=datetime.datetime(2030, 3, 14, 20, 30, tzinfo=BERLIN),
        venue="Dietrich-Keuning-Haus",
        address="Leopoldstraße 50, Dortmund",
    )
    online = EventPageFactory(
        parent=sections["events"],
        title="Training interkulturelle Kompetenz",
        kind=EventPage.Kind.TRAINING,
        format=EventPage.Format.ONLINE,
        venue="",
        online_url="https://treffen.example.org/training",
        start=datetime.datetime(2030, 7, 1, 9, 0, tzinfo=BERLIN),
        end=datetime.datetime(2030, 7, 1, 12, 0, tzinfo=BERLIN),
    )
    return sections, forum, online


def _parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_region_feed_lists_every_event_with_required_properties(regions, region_client):
    with schema_context("dortmund"):
        sections, forum, online = _events()
        feed_url = sections["events"].feed_url()
    calendar = _parse(region_client("dortmund").get(feed_url))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert "INSIST" in str(calendar["PRODID"])
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Vereinsforum Jugend", "Training interkulturelle Kompetenz"}
    entry = events["Vereinsforum Jugend"]
    for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "LOCATION", "URL"):
        assert prop in entry, prop
    assert entry.decoded("DTSTART") == datetime.datetime(
        2030, 3, 14, 18, 0, tzinfo=BERLIN
    )
    assert entry["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert entry.decoded("DTEND").hour == 20
    assert "Dietrich-Keuning-Haus" in str(entry["LOCATION"])
    assert str(entry["URL"]).startswith("http://dortmund.localhost/veranstaltungen/")
    online_entry = events["Training interkulturelle Kompetenz"]
    assert "treffen.example.org" in str(online_entry["LOCATION"])
    assert len({str(e["UID"]) for e in events.values()}) == 2
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_event_feed_holds_that_event_only(regions, region_client):
    with schema_context("dortmund"):
        _sections, forum, _online = _events()
        url = forum.ical_url()
    calendar = _parse(region_client("dortmund").get(url))
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Vereinsforum Jugend"]


def test_uids_stay_stable_between_downloads(regions, region_client):
    with schema_context("dortmund"):
        sections, _forum, _online = _events()
        feed_url = sections["events"].feed_url()
    client = region_client("dortmund")
    first = {str(e["UID"]) for e in _parse(client.get(feed_url)).walk("VEVENT")}
    second = {str(e["UID"]) for e in _parse(client.get(feed_url)).walk("VEVENT")}
    assert first == second


def test_feeds_are_per_region(regions, region_client):
    with schema_context("dortmund"):
        _events()
    with schema_context("halle"):
        sections = region_sections()
        EventPageFactory(parent=sections["events"], title="Hallesches Forum")
        feed_url = sections["events"].feed_url()
    calendar = _parse(region_client("halle").get(feed_url))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Hallesches Forum"]
