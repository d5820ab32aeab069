"""Event pages, the registration form and its bad inputs."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tenants.utils import schema_context

from cms.pages.models import EventPage, EventRegistration, StandardPage
from cms.pages.services import (
    event_registration_confirm,
    event_registration_create,
    event_registration_request,
)
from tests.cms.factories import (
    EventPageFactory,
    StandardPageFactory,
    region_home,
    region_sections,
)

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


def _confirm_url(mail) -> str:
    return re.search(r"https?://\S+/anmeldung/\S+/", mail.body).group(0)


def test_registration_counts_only_after_the_mailed_link_is_followed(
    regions, region_client, mailoutbox
):
    with schema_context("dortmund"):
        event = _form_event()
        url = event.url
    client = region_client("dortmund")
    response = client.post(
        url, {"name": "Erika Beispiel", "email": "Erika@Example.org"}, follow=True
    )
    body = response.content.decode()
    assert "Fast geschafft" in body
    assert "2 places left" in body or "2 Plätze" in body
    with schema_context("dortmund"):
        registration = EventRegistration.objects.get(event=event)
        assert registration.email == "erika@example.org"
        assert registration.confirmed is None
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["erika@example.org"]
    link = _confirm_url(mailoutbox[0])
    assert link.startswith("http://dortmund.localhost/")

    # Opening the link shows a button; a mail scanner's GET confirms nothing.
    path = link.removeprefix("http://dortmund.localhost")
    page = client.get(path)
    assert page.status_code == 200 and "Anmeldung bestätigen" in page.content.decode()
    with schema_context("dortmund"):
        assert EventRegistration.objects.get(event=event).confirmed is None
    body = client.post(path, follow=True).content.decode()
    assert "Ihre Anmeldung ist bestätigt" in body
    assert "1 place left" in body or "1 Platz" in body
    with schema_context("dortmund"):
        assert EventRegistration.objects.get(event=event).confirmed is not None


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


def test_a_registered_address_gets_the_same_answer_as_a_new_one(
    regions, region_client, mailoutbox
):
    with schema_context("dortmund"):
        event = _form_event(capacity=5)
        event_registration_create(event=event, name="Olga", email="olga@example.org")
        url = event.url
    client = region_client("dortmund")
    known = client.post(url, {"name": "Olga B.", "email": " OLGA@example.org "})
    new = client.post(url, {"name": "Nina", "email": "nina@example.org"})
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    # Only the owner of the address learns that it is registered.
    assert "bereits angemeldet" in mailoutbox[0].body
    assert "/anmeldung/" in mailoutbox[1].body
    with schema_context("dortmund"):
        assert _count(event) == 2
        assert EventRegistration.objects.get(email="olga@example.org").name == "Olga"


def test_a_full_event_refuses_and_says_it_is_fully_booked(regions, region_client):
    with schema_context("dortmund"):
        event = _form_event(capacity=1)
        event_registration_create(event=event, name="Eins", email="eins@example.org")
        url = event.url
    client = region_client("dortmund")
    body = client.get(url).content.decode()
    assert "Diese Veranstaltung ist ausgebucht." in body
    assert 'name="email"' not in body
    response = client.post(url, {"name": "Zwei", "email": "zwei@example.org"})
    assert response.status_code == 400
    assert "ausgebucht" in response.content.decode()
    with schema_context("dortmund"):
        assert _count(event) == 1


def test_unconfirmed_registrations_hold_no_place(regions, region_client, mailoutbox):
    with schema_context("dortmund"):
        event = _form_event(capacity=1)
        url = event.url
    client = region_client("dortmund")
    client.post(url, {"name": "Bot", "email": "erfunden@example.org"})
    client.post(url, {"name": "Eva", "email": "eva@example.org"})
    body = client.get(url).content.decode()
    assert "1 place left" in body or "1 Platz" in body
    # Eva confirms first and takes the place; the made-up address cannot.
    eva, made_up = _confirm_url(mailoutbox[1]), _confirm_url(mailoutbox[0])
    assert client.post(eva.removeprefix("http://dortmund.localhost")).status_code == 302
    late = client.post(made_up.removeprefix("http://dortmund.localhost"))
    assert late.status_code == 400
    assert "ausgebucht" in late.content.decode()


def test_registration_closes_when_the_event_has_begun(
    regions, region_client, mailoutbox
):
    with schema_context("dortmund"):
        begun = timezone.now() - datetime.timedelta(minutes=5)
        event = _form_event(start=begun, end=begun + datetime.timedelta(hours=3))
        url = event.url
    client = region_client("dortmund")
    body = client.get(url).content.decode()
    assert "Die Anmeldung ist geschlossen" in body
    assert 'name="email"' not in body
    response = client.post(url, {"name": "Spät", "email": "spaet@example.org"})
    assert response.status_code == 400
    assert mailoutbox == []
    with schema_context("dortmund"):
        assert _count(event) == 0


def test_a_link_followed_after_the_event_began_is_refused(regions):
    with schema_context("dortmund"):
        event = _form_event()
        _registration, token = event_registration_request(
            event=event, name="Eva", email="eva@example.org"
        )
        EventPage.objects.filter(pk=event.pk).update(
            start=timezone.now() - datetime.timedelta(minutes=1)
        )
        event.refresh_from_db()
        with pytest.raises(ValidationError, match="begonnen|begun"):
            event_registration_confirm(event=event, token=token)
        assert not EventRegistration.objects.filter(confirmed__isnull=False).exists()


def test_an_expired_or_unknown_link_is_refused(regions, settings):
    with schema_context("dortmund"):
        event = _form_event()
        registration, token = event_registration_request(
            event=event, name="Eva", email="eva@example.org"
        )
        with pytest.raises(ValidationError):
            event_registration_confirm(event=event, token="erfunden")
        EventRegistration.objects.filter(pk=registration.pk).update(
            token_sent=timezone.now()
            - datetime.timedelta(hours=settings.INSIST_REGISTRATION_CONFIRM_HOURS + 1)
        )
        with pytest.raises(ValidationError, match="abgelaufen|expired"):
            event_registration_confirm(event=event, token=token)
        registration.refresh_from_db()
        assert registration.confirmed is None
        # The token itself is not stored, only its digest.
        assert token not in registration.token_digest


def test_the_form_says_what_happens_with_the_data_and_links_the_privacy_page(
    regions, region_client
):
    with schema_context("dortmund"):
        event = _form_event()
        StandardPageFactory(
            parent=region_home(),
            title="Datenschutz",
            slug="datenschutz",
            kind=StandardPage.Kind.PRIVACY,
        )
        url = event.url
    body = region_client("dortmund").get(url).content.decode()
    assert "nur, um diese Veranstaltung zu organisieren" in body
    assert "90 Tage nach der Veranstaltung" in body
    assert '<a href="/datenschutz/">So schützen wir Ihre Daten</a>' in body


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


def test_every_language_version_shares_the_events_places(
    regions, region_client, mailoutbox
):
    """An event exists in six languages (aliases until translated); they are one
    event with one set of places, not six."""
    from cms.pages.translations import page_aliases_ensure

    with schema_context("dortmund"):
        event = _form_event(capacity=1)
        page_aliases_ensure(region=regions["dortmund"])
        english = EventPage.objects.get(
            translation_key=event.translation_key, locale__language_code="en"
        )
        assert english.pk != event.pk
        english_url, german_url = english.url, event.url
    client = region_client("dortmund")
    client.post(english_url, {"name": "Sam Example", "email": "sam@example.org"})
    client.post(_confirm_url(mailoutbox[0]).split("localhost", 1)[1])
    with schema_context("dortmund"):
        assert _count(event) == 1
        assert not EventRegistration.objects.filter(event=english).exists()
    # The German page and every other version now say the event is full.
    for url in (german_url, english_url):
        body = client.get(url).content.decode()
        assert 'name="email"' not in body, url
