"""Factories for the regional page types (wagtail-factories on factory_boy).

Use them inside ``in_region(region)``: pages live in a region's schema.
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from cms.pages.models import (
    ClubIndexPage,
    ClubPortraitPage,
    EventIndexPage,
    EventPage,
    HomePage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from cms.pages.selectors import home_page
from tenants.context import current_region


class ClubIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vereinsverzeichnis"
    slug = "vereine"

    class Meta:
        model = ClubIndexPage


class ClubPortraitPageFactory(wagtail_factories.PageFactory):
    """A live portrait. Terms go in as lists (``fields_of_activity=[term]``);
    ``published=True`` also saves and publishes a revision, as the admin does."""

    title = factory.Sequence(lambda n: f"Kulturverein Beispiel {n}")
    slug = factory.Sequence(lambda n: f"verein-{n}")
    summary = "Ein erfundener Verein für Tests."

    class Meta:
        model = ClubPortraitPage
        skip_postgeneration_save = True

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.save_revision().publish()


class StoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vereinsgeschichten"
    slug = "geschichten"

    class Meta:
        model = StoryIndexPage


class StoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Geschichte {n}")
    slug = factory.Sequence(lambda n: f"geschichte-{n}")
    teaser = "Zwei Vereine, ein gemeinsames Fest."

    class Meta:
        model = StoryPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Vereinsforum {n}")
    slug = factory.Sequence(lambda n: f"termin-{n}")
    kind = EventPage.Kind.FORUM
    theme = "Jugend"
    teaser = "Vereine tauschen sich aus."
    venue = "Stadtteilzentrum"
    address = "Musterstraße 1"
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))

    class Meta:
        model = EventPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Impressum"
    slug = factory.Sequence(lambda n: f"seite-{n}")
    kind = StandardPage.Kind.IMPRINT

    class Meta:
        model = StandardPage


def region_home() -> HomePage:
    """The German home page of the region whose schema is active (the selector's)."""
    return home_page(region=current_region(), locale="de")


def club_directory(home: HomePage | None = None) -> ClubIndexPage:
    """The club directory under the home page, made on first use."""
    home = home or region_home()
    directory = ClubIndexPage.objects.child_of(home).first()
    return directory or ClubIndexPageFactory(parent=home)


def region_sections(home: HomePage | None = None) -> dict:
    """Directory, story list and event list under the home page."""
    home = home or region_home()
    return {
        "home": home,
        "clubs": ClubIndexPageFactory(parent=home),
        "stories": StoryIndexPageFactory(parent=home),
        "events": EventIndexPageFactory(parent=home),
    }
