"""Pages render with a fixed number of SQL queries, whatever they show.

Each test warms up with one request (site root paths, locales), counts the
queries of a second one, adds more terms, stories or events, and counts again.
django-tenants' ``SET search_path`` is not counted: it runs once per schema the
connection enters (``TENANT_LIMIT_SET_CALLS``), whatever the page. Content-type
lookups are not counted either: django-tenants clears that cache whenever it
switches schema, so whether they run depends on what ran before, not on the page.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import schema_context

from cms.taxonomy.models import (
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)
from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    StandardPageFactory,
    StoryPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db

# Pinned counts: a change here is a change in how a page reads the database.
HOME_QUERIES = 16  # +1: the link to the region's materials library
PORTRAIT_QUERIES = 22
# The directory filters through the search index (search.selectors.directory_search):
# its statements, SET LOCAL enable_seqscan on and back and the test's savepoint pair.
# Cards not in the fragment cache (always, here) fetch what they show for
# themselves: logo renditions, district, kind and migration reference, fields of
# activity (portraits); image renditions (stories). tests/cache/test_fragments.py
# counts the same pages with their cards cached.
DIRECTORY_QUERIES = 31
STORY_QUERIES = 20
EVENTS_QUERIES = 14
EVENT_QUERIES = 14
FEED_QUERIES = 10

_seq = iter(range(10_000))


def _terms(region, n):
    """``n`` new terms in each vocabulary."""
    made = {}
    for model in (FieldOfActivity, TargetGroup, OrganisationKind, MigrationReference):
        made[model] = [
            model.objects.create(slug=f"q-{next(_seq)}", name=f"Begriff {i}")
            for i in range(n)
        ]
    made[District] = [
        District.objects.create(
            slug=f"q-{next(_seq)}", name=f"Viertel {next(_seq)}", region=region
        )
        for _ in range(n)
    ]
    return made


def _portrait(sections, terms):
    return ClubPortraitPageFactory(
        parent=sections["clubs"],
        organisation_kind=terms[OrganisationKind][0],
        migration_reference=terms[MigrationReference][0],
        district=terms[District][0],
        fields_of_activity=terms[FieldOfActivity],
        target_groups=terms[TargetGroup],
    )


def _story(sections, clubs):
    story = StoryPageFactory(parent=sections["stories"], featured=True)
    story.clubs.set(clubs)
    story.save()
    return story


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return sum(1 for q in queries.captured_queries if _counted(q["sql"]))


def _counted(sql: str) -> bool:
    return not sql.startswith("SET search_path") and '"django_content_type"' not in sql


def _grow_and_count(region_client, url, grow, sizes=(1, 6)):
    client = region_client("dortmund")
    counts = []
    for size in sizes:
        with schema_context("dortmund"):
            grow(size)
        client.get(url)  # warm-up
        counts.append(_count(client, url))
    return counts


@pytest.fixture
def site(regions):
    with schema_context("dortmund"):
        sections = region_sections()
        StandardPageFactory(parent=sections["home"], slug="impressum")
        sections["urls"] = {
            name: sections[name].url for name in ("home", "clubs", "stories", "events")
        }
        sections["urls"]["feed"] = sections["events"].feed_url()
    return sections


def test_home_page_queries_do_not_grow(site, region_client, regions):
    def grow(n):
        terms = _terms(regions["dortmund"], 1)
        clubs = [_portrait(site, terms) for _ in range(n)]
        for _ in range(n):
            _story(site, clubs)
            EventPageFactory(parent=site["events"])

    counts = _grow_and_count(region_client, "/", grow)
    assert counts == [HOME_QUERIES, HOME_QUERIES]


def test_portrait_queries_do_not_grow(site, region_client, regions):
    with schema_context("dortmund"):
        portrait = _portrait(site, _terms(regions["dortmund"], 1))
        url = portrait.url

    def grow(n):
        terms = _terms(regions["dortmund"], n)
        portrait.fields_of_activity.add(*terms[FieldOfActivity])
        portrait.target_groups.add(*terms[TargetGroup])
        portrait.save()
        for _ in range(n):
            _story(site, [portrait])

    counts = _grow_and_count(region_client, url, grow)
    assert counts == [PORTRAIT_QUERIES, PORTRAIT_QUERIES]


def test_directory_queries_do_not_grow(site, region_client, regions):
    def grow(n):
        terms = _terms(regions["dortmund"], n)
        for _ in range(n):
            _portrait(site, terms)

    counts = _grow_and_count(region_client, site["urls"]["clubs"], grow)
    assert counts == [DIRECTORY_QUERIES, DIRECTORY_QUERIES]
    filtered = (
        site["urls"]["clubs"]
        + "?feld="
        + FieldOfActivity.objects.filter(slug__startswith="q-").last().slug
    )
    client = region_client("dortmund")
    client.get(filtered)
    # one more: the search index looks the filter's slug up once
    assert _count(client, filtered) == DIRECTORY_QUERIES + 1


def test_story_queries_do_not_grow(site, region_client, regions):
    with schema_context("dortmund"):
        story = _story(site, [])
        url = story.url

    def grow(n):
        terms = _terms(regions["dortmund"], n)
        story.clubs.add(*[_portrait(site, terms) for _ in range(n)])
        story.save()

    counts = _grow_and_count(region_client, url, grow)
    assert counts == [STORY_QUERIES, STORY_QUERIES]


def test_event_pages_queries_do_not_grow(site, region_client, regions):
    with schema_context("dortmund"):
        event = EventPageFactory(
            parent=site["events"], registration="form", capacity=50
        )
        url = event.url

    def grow(n):
        for i in range(n):
            EventPageFactory(parent=site["events"])
            EventPageFactory(
                parent=site["events"],
                start=datetime.datetime(2024, 1, 1 + i, 18, tzinfo=datetime.UTC),
                end=datetime.datetime(2024, 1, 1 + i, 20, tzinfo=datetime.UTC),
            )

    counts = _grow_and_count(region_client, site["urls"]["events"], grow)
    assert counts == [EVENTS_QUERIES, EVENTS_QUERIES]
    client = region_client("dortmund")
    client.get(url)
    assert _count(client, url) == EVENT_QUERIES
    client.get(site["urls"]["feed"])
    assert _count(client, site["urls"]["feed"]) == FEED_QUERIES
