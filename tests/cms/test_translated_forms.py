"""The event registration form speaks the language of the page it is on."""

import pytest
from django_tenants.utils import schema_context
from wagtail.models import Locale

from cms.pages.models import EventPage
from tests.cms.factories import EventPageFactory, region_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_urls(regions) -> dict[str, str]:
    """A Dortmund event with a registration form, in German and in English."""
    with schema_context("dortmund"):
        event = EventPageFactory(
            parent=region_sections()["events"],
            registration=EventPage.Registration.FORM,
            capacity=5,
        )
        english = event.copy_for_translation(
            Locale.objects.get(language_code="en"), copy_parents=True
        )
        english.save_revision().publish()
        return {"de": event.url, "en": english.url}


@pytest.mark.parametrize(
    ("lang", "labels", "kind", "invalid_email"),
    [
        (
            "de",
            ["Ihr Name", "Ihre E-Mail-Adresse"],
            "Vereinsforum",
            "Bitte eine gültige E-Mail-Adresse angeben.",
        ),
        (
            "en",
            ["Your name", "Your email address"],
            "Club forum",
            "Please enter a valid email address.",
        ),
    ],
)
def test_registration_form_speaks_the_page_language(
    event_urls, region_client, lang, labels, kind, invalid_email
):
    url = event_urls[lang]
    assert url.startswith("/en/") == (lang == "en")
    client = region_client("dortmund")

    body = client.get(url).content.decode()
    assert f'<html lang="{lang}"' in body
    for label in labels:
        assert f">{label}</label>" in body
    assert f"<dd>{kind}: <bdi>Jugend</bdi></dd>" in body

    response = client.post(url, {"name": "Ali", "email": "kein-at-zeichen"})
    assert response.status_code == 400
    assert invalid_email in response.content.decode()
