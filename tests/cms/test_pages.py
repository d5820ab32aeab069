"""Page types, hierarchy rules and what the pages show."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_tenants.utils import schema_context

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
from cms.taxonomy.models import District, FieldOfActivity, MigrationReference
from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    StandardPageFactory,
    StoryPageFactory,
    club_directory,
    region_sections,
)

pytestmark = pytest.mark.django_db


def _subpage_names(model):
    return {m.__name__ for m in model.creatable_subpage_models()}


@pytest.mark.parametrize(
    ("parent", "children"),
    [
        (
            HomePage,
            {
                "ClubIndexPage",
                "StoryIndexPage",
                "EventIndexPage",
                "StandardPage",
                "MaterialLibraryPage",
            },
        ),
        (ClubIndexPage, {"ClubPortraitPage"}),
        (ClubPortraitPage, set()),
        (StoryIndexPage, {"StoryPage"}),
        (StoryPage, set()),
        (EventIndexPage, {"EventPage"}),
        (EventPage, set()),
        (StandardPage, {"StandardPage"}),
    ],
)
def test_editors_create_pages_only_where_they_belong(parent, children):
    assert _subpage_names(parent) == children


def test_second_directory_is_refused_under_the_same_home(regions):
    with schema_context("dortmund"):
        home = region_sections()["home"]
        assert not ClubIndexPage.can_create_at(home)


def test_contact_shown_only_with_recorded_consent(regions, region_client):
    with schema_context("dortmund"):
        clubs = club_directory()
        without = ClubPortraitPageFactory(
            parent=clubs,
            contact_name="Erika Beispiel",
            contact_email="erika@example.org",
        )
        undated = ClubPortraitPageFactory(
            parent=clubs,
            contact_name="Ali Beispiel",
            contact_email="ali@example.org",
            contact_consent=True,
        )
        consented = ClubPortraitPageFactory(
            parent=clubs,
            contact_name="Olga Beispiel",
            contact_email="olga@example.org",
            contact_consent=True,
            contact_consent_date=datetime.date(2026, 3, 1),
        )
        urls = [p.url for p in (without, undated, consented)]
    client = region_client("dortmund")
    body = client.get(urls[0]).content.decode()
    assert "Erika Beispiel" not in body and "erika@example.org" not in body
    body = client.get(urls[1]).content.decode()
    assert "Ali Beispiel" not in body and "ali@example.org" not in body
    body = client.get(urls[2]).content.decode()
    assert "Olga Beispiel" in body and "mailto:olga@example.org" in body


def test_portrait_shows_its_terms_and_the_stories_about_it(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        sport = FieldOfActivity.objects.create(slug="t-sport", name="Testsport")
        portrait = ClubPortraitPageFactory(
            parent=sections["clubs"], fields_of_activity=[sport]
        )
        story = StoryPageFactory(parent=sections["stories"], title="Gemeinsam am Ball")
        story.clubs.add(portrait)
        story.save()
        url = portrait.url
    body = region_client("dortmund").get(url).content.decode()
    assert "Testsport" in body
    assert "Gemeinsam am Ball" in body
    assert body.count("<h1") == 1


def test_directory_filters_by_taxonomy(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        mixed = MigrationReference.objects.create(slug="t-mixed", name="Testgemischt")
        district = District.objects.create(
            slug="t-dortmund-nord", name="Testnord", region=regions["dortmund"]
        )
        ClubPortraitPageFactory(
            parent=sections["clubs"],
            title="Verein Alpha",
            migration_reference=mixed,
            district=district,
        )
        ClubPortraitPageFactory(parent=sections["clubs"], title="Verein Beta")
        url = sections["clubs"].url
    client = region_client("dortmund")
    body = client.get(url).content.decode()
    assert "Verein Alpha" in body and "Verein Beta" in body
    body = client.get(url, {"migration": "t-mixed"}).content.decode()
    assert "Verein Alpha" in body and "Verein Beta" not in body
    body = client.get(url, {"stadtteil": "t-dortmund-nord"}).content.decode()
    assert "Verein Alpha" in body and "Verein Beta" not in body
    assert "Testnord" in body


def test_directory_offers_only_the_regions_districts(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        District.objects.create(
            slug="t-halle-ost", name="Testost", region=regions["halle"]
        )
        url = sections["clubs"].url
    body = region_client("dortmund").get(url).content.decode()
    assert "Testost" not in body


def test_portrait_refuses_a_district_of_another_region(regions):
    halle_district = District.objects.filter(region=regions["halle"]).first()
    dortmund_district = District.objects.filter(region=regions["dortmund"]).first()
    with schema_context("dortmund"):
        portrait = ClubPortraitPageFactory(parent=region_sections()["clubs"])
        portrait.district = halle_district
        with pytest.raises(ValidationError) as error:
            portrait.full_clean()
        assert "anderen Region" in str(error.value.message_dict["district"])
        portrait.district = dortmund_district
        portrait.full_clean()


def test_directory_is_paginated(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        for n in range(14):
            ClubPortraitPageFactory(parent=sections["clubs"], title=f"Verein {n:02d}")
        url = sections["clubs"].url
    client = region_client("dortmund")
    first = client.get(url).content.decode()
    second = client.get(url, {"seite": 2}).content.decode()
    assert "Verein 00" in first and "Verein 13" not in first
    assert "Verein 13" in second and 'rel="prev"' in second


def test_home_page_shows_featured_stories_and_upcoming_events(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        StoryPageFactory(
            parent=sections["stories"], title="Feierabendchor", featured=True
        )
        EventPageFactory(parent=sections["events"], title="Vereinsmesse im Herbst")
        EventPageFactory(
            parent=sections["events"],
            title="Altes Forum",
            start=datetime.datetime(2020, 1, 1, 18, tzinfo=datetime.UTC),
            end=datetime.datetime(2020, 1, 1, 20, tzinfo=datetime.UTC),
        )
        url = sections["home"].url
    response = region_client("dortmund").get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Feierabendchor" in body
    assert "Vereinsmesse im Herbst" in body and "Altes Forum" not in body
    assert 'type="text/calendar"' in body and "/ical/" in body
    assert 'role="search"' in body


def test_footer_links_to_imprint_and_privacy(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        StandardPageFactory(
            parent=sections["home"], title="Impressum", slug="impressum"
        )
        StandardPageFactory(
            parent=sections["home"],
            title="Datenschutz",
            slug="datenschutz",
            kind=StandardPage.Kind.PRIVACY,
        )
    body = region_client("dortmund").get("/").content.decode()
    assert 'href="/impressum/"' in body and 'href="/datenschutz/"' in body


def test_event_needs_a_place_and_an_end_after_its_start(regions):
    with schema_context("dortmund"):
        sections = region_sections()
        event = EventPageFactory.build(
            venue="",
            format=EventPage.Format.ONSITE,
        )
        event.end = event.start - datetime.timedelta(hours=1)
        event.registration = EventPage.Registration.FORM
        with pytest.raises(ValidationError) as error:
            sections["events"].add_child(instance=event)
        assert {"end", "venue", "capacity"} <= set(error.value.message_dict)


def test_sitemap_lists_the_regions_pages_only(regions, region_client):
    with schema_context("dortmund"):
        sections = region_sections()
        ClubPortraitPageFactory(parent=sections["clubs"], slug="dortmunder-verein")
    with schema_context("halle"):
        ClubPortraitPageFactory(
            parent=region_sections()["clubs"], slug="hallescher-verein"
        )
    response = region_client("dortmund").get("/sitemap.xml")
    body = response.content.decode()
    assert response.status_code == 200
    assert "http://dortmund.localhost/vereine/dortmunder-verein/" in body
    assert "hallescher-verein" not in body


def test_pages_load_nothing_from_other_hosts(regions, region_client):
    import re

    with schema_context("dortmund"):
        sections = region_sections()
        portrait = ClubPortraitPageFactory(parent=sections["clubs"])
        event = EventPageFactory(
            parent=sections["events"], registration="form", capacity=3
        )
        urls = [sections["home"].url, sections["clubs"].url, portrait.url, event.url]
        urls += [sections["stories"].url, sections["events"].url]
    client = region_client("dortmund")
    for url in urls:
        body = client.get(url).content.decode()
        # rel="alternate"/"canonical" name a page's addresses; nothing loads them.
        loaded = re.sub(r'<link rel="(?:alternate|canonical)"[^>]*>', "", body)
        assets = re.findall(
            r'<(?:script|img|link|iframe)[^>]*(?:src|href)="([^"]+)"', loaded
        )
        external = [a for a in assets if a.startswith(("http:", "https:", "//"))]
        assert external == [], (url, external)
        assert body.count("<h1") == 1, url
        for field_id in re.findall(r'<(?:input|select)[^>]*id="([^"]+)"', body):
            assert f'for="{field_id}"' in body, (url, field_id)


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        ("clubportraitpage", "clubs"),
        ("storypage", "stories"),
        ("eventpage", "events"),
        ("standardpage", "home"),
        ("clubindexpage", None),
    ],
)
def test_editor_opens_the_add_form_of_each_page_type(
    model, parent, regions, region_client, make_user
):
    editor = make_user("dortmund", "eddi", groups=["Editors"])
    with schema_context("dortmund"):
        sections = region_sections()
        District.objects.create(
            slug="t-nord", name="Testnord", region=regions["dortmund"]
        )
        District.objects.create(
            slug="t-halle", name="Testhalle", region=regions["halle"]
        )
        parent_page = sections[parent] if parent else sections["home"]
    client = region_client("dortmund")
    with schema_context("dortmund"):
        client.force_login(editor)
    response = client.get(f"/admin/pages/add/pages/{model}/{parent_page.pk}/")
    if parent is None:  # the home page already has its one directory
        assert response.status_code in (302, 403)
        return
    assert response.status_code == 200
    body = response.content.decode()
    if model == "clubportraitpage":
        assert "Testnord" in body and "Testhalle" not in body
        assert 'type="checkbox"' in body
