"""Calendar feeds (RFC 5545) for events, built with the icalendar library."""

from collections.abc import Iterable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, Event, vText

PRODID = "-//INSIST//Regionale Veranstaltungen//DE"


def _absolute(request, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def calendar_for_events(*, events: Iterable, request=None, name: str) -> bytes:
    """One VCALENDAR with a VEVENT per event; times carry their time zone."""
    tz = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0] if request is not None else "insist"
    stamp = datetime.now(UTC)
    for event in events:
        entry = Event()
        entry.add("uid", f"event-{event.pk}-{event.translation_key}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start.astimezone(tz))
        entry.add("dtend", event.end.astimezone(tz))
        entry.add("summary", event.title)
        entry.add("description", event.teaser)
        if event.location_text:
            entry["location"] = vText(event.location_text)
        entry.add("url", _absolute(request, event.get_url(request)))
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
