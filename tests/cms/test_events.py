"""Event pages, the registration form and its bad inputs."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

from cms.pages.models import EventPage, EventRegistration
from cms.pages.services import event_registration_create
from tests.cms.factories import EventPageFactory, region_sections

pytestmark = pytest.mark.django_db


def _form_event(capacity=2, **kwargs):
    sections = region_sections()
    return EventPageFactory(
        parent=sections["events"],
        registration=EventPage.Registration.FORM,
        capacity=capacity,
        **kwargs,
    )


def _count(event):
    return EventRegistration.objects.filter(event=event).count()


def test_registration_form_registers_and_thanks(regions, region_client):
    with schema_context("dortmund"):
        event = _form_event()
        url = event.url
    client = region_client("dortmund")
    response = client.post(
        url, {"name": "Erika Beispiel", "email": "Erika@Example.org"}, follow=True
    )
    body = response.content.decode()
    assert "Danke! Ihre Anmeldung ist eingegangen." in body
    assert "1 place left" in body or "1 Platz" in body
    with schema_context("dortmund"):
        registration = EventRegistration.objects.get(event=event)
        assert registration.email == "erika@example.org"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Ali", "email": "kein-at-zeichen"}, "gültige E-Mail-Adresse"),
        ({"name": "", "email": "ali@example.org"}, "Bitte geben Sie Ihren Namen an."),
    ],
)
def test_malformed_input_gets_a_message_and_saves_nothing(
    data, message, regions, region_client
):
    with schema_context("dortmund"):
        event = _form_event()
        url = event.url
    response = region_client("dortmund").post(url, data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body
    assert body.count("<h1") == 1
    with schema_context("dortmund"):
        assert _count(event) == 0


def test_duplicate_registration_is_refused(regions, region_client):
    with schema_context("dortmund"):
        event = _form_event(capacity=5)
        url = event.url
    client = region_client("dortmund")
    client.post(url, {"name": "Olga", "email": "olga@example.org"})
    response = client.post(url, {"name": "Olga B.", "email": " OLGA@example.org "})
    assert response.status_code == 400
    assert "bereits angemeldet" in response.content.decode()
    with schema_context("dortmund"):
        assert _count(event) == 1


def test_over_capacity_is_refused(regions, region_client):
    with schema_context("dortmund"):
        event = _form_event(capacity=1)
        url = event.url
    client = region_client("dortmund")
    client.post(url, {"name": "Eins", "email": "eins@example.org"})
    response = client.post(url, {"name": "Zwei", "email": "zwei@example.org"})
    assert response.status_code == 400
    assert "Plätze vergeben" in response.content.decode()
    with schema_context("dortmund"):
        assert _count(event) == 1


def test_full_event_shows_no_form(regions, region_client):
    with schema_context("dortmund"):
        event = _form_event(capacity=1)
        event_registration_create(event=event, name="Eins", email="eins@example.org")
        url = event.url
    body = region_client("dortmund").get(url).content.decode()
    assert "0 places left" in body or "0 Plätze" in body
    assert 'name="email"' not in body


def test_service_refuses_events_without_a_form(regions):
    with schema_context("dortmund"):
        event = EventPageFactory(parent=region_sections()["events"])
        with pytest.raises(ValidationError):
            event_registration_create(event=event, name="X", email="x@example.org")
        assert _count(event) == 0


def test_registration_link_is_shown_instead_of_a_form(regions, region_client):
    with schema_context("dortmund"):
        event = EventPageFactory(
            parent=region_sections()["events"],
            registration=EventPage.Registration.LINK,
            registration_url="https://anmeldung.example.org/forum",
        )
        url = event.url
    body = region_client("dortmund").get(url).content.decode()
    assert 'href="https://anmeldung.example.org/forum"' in body
    assert 'name="email"' not in body


def test_event_index_lists_upcoming_and_past(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        EventPageFactory(parent=sections["events"], title="Kommendes Forum")
        EventPageFactory(
            parent=sections["events"],
            title="Vergangene Messe",
            kind=EventPage.Kind.FAIR,
            start=datetime.datetime(2024, 5, 4, 10, tzinfo=datetime.UTC),
            end=datetime.datetime(2024, 5, 4, 16, tzinfo=datetime.UTC),
        )
        url = sections["events"].url
    body = region_client("dortmund").get(url).content.decode()
    upcoming, past = body.split('id="past"')
    assert "Kommendes Forum" in upcoming and "Vergangene Messe" not in upcoming
    assert "Vergangene Messe" in past
    assert 'type="text/calendar"' in body
