"""The demo content: enough, spread over the taxonomy, idempotent, invented."""

import io

import pytest
from django.core.management import call_command
from django_tenants.utils import schema_context

from cms.pages.models import ClubPortraitPage, EventPage, StandardPage, StoryPage
from tenants.selectors import region_get
from tests.conftest import shared_by_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_dortmund(django_db_setup, django_db_blocker):
    """Dortmund with the demo content, loaded once for this module (about 3 s)."""
    with shared_by_module(django_db_blocker):
        call_command("load_demo_content", "dortmund", stdout=io.StringIO())
        yield region_get(slug="dortmund")


def test_demo_fills_a_region_across_the_taxonomy(demo_dortmund):
    with schema_context("dortmund"):
        portraits = ClubPortraitPage.objects.live()
        assert portraits.count() >= 30
        assert StoryPage.objects.live().count() >= 8
        assert EventPage.objects.live().count() >= 10
        kinds = set(StandardPage.objects.values_list("kind", flat=True))
        assert {"project", "contact", "imprint", "privacy"} <= kinds
        references = set(portraits.values_list("migration_reference__slug", flat=True))
        assert len(references) >= 3
        districts = set(
            portraits.values_list("district__region__schema_name", flat=True)
        )
        assert districts == {"dortmund"}
        assert portraits.filter(
            fields_of_activity__isnull=False
        ).distinct().count() == (portraits.count())
        events = EventPage.objects.live()
        assert {e.kind for e in events} == set(EventPage.Kind.values)
        from django.utils import timezone

        assert events.filter(end__lt=timezone.now()).exists()
        assert events.filter(start__gt=timezone.now()).exists()
        emails = portraits.values_list("contact_email", flat=True)
        assert all(email.endswith(".example.org") for email in emails)


def test_demo_is_idempotent(demo_dortmund):
    with schema_context("dortmund"):
        before = ClubPortraitPage.objects.count(), StoryPage.objects.count()
    call_command("load_demo_content", "dortmund", stdout=io.StringIO())
    with schema_context("dortmund"):
        assert (ClubPortraitPage.objects.count(), StoryPage.objects.count()) == before


def test_demo_pages_render_in_german_and_english(demo_dortmund, region_client):
    with schema_context("dortmund"):
        portrait = ClubPortraitPage.objects.live().first()
        url = portrait.url
    client = region_client("dortmund")
    assert client.get("/").status_code == 200
    assert client.get(url).status_code == 200
    assert client.get("/vereine/").status_code == 200
    english = client.get("/en/")
    assert english.status_code == 200
    assert "Welcome to INSIST" in english.content.decode()
