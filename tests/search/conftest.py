"""One set of published German club portraits in the three regions, for the
whole search test package (created once, removed at the end).

Besides the clubs of ``clubs.py``: a draft, a view-restricted page, a page
published and unpublished again, an alias, and an English translation.
"""

import pytest
from django.db import connection
from django_tenants.utils import schema_context
from wagtail.models import Locale, PageViewRestriction

from cms.pages.models import ClubIndexPage, ClubPortraitPage
from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)
from search.models import SearchDocument
from tests.cms.factories import region_home
from tests.search.clubs import CLUBS

INDEX_SLUG = "vereine-suche"


def portrait_publish(index, *, key, spec, publish=True):
    (
        _region,
        title,
        summary,
        offers,
        seeks,
        fields,
        groups,
        languages,
        district,
        kind,
        migration,
    ) = spec
    page = ClubPortraitPage(
        title=title,
        slug=key,
        summary=summary,
        offers=offers,
        seeks=seeks,
        district=District.objects.get(name_de=district) if district else None,
        organisation_kind=OrganisationKind.objects.get(slug=kind),
        migration_reference=MigrationReference.objects.get(slug=migration),
        live=False,
    )
    page.fields_of_activity = list(FieldOfActivity.objects.filter(slug__in=fields))
    page.target_groups = list(TargetGroup.objects.filter(slug__in=groups))
    page.languages = list(ClubLanguage.objects.filter(slug__in=languages))
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def directory_ensure(slug: str) -> ClubIndexPage:
    with schema_context(slug):
        index = ClubIndexPage.objects.filter(slug=INDEX_SLUG).first()
        if index is None:
            index = ClubIndexPage(title="Vereine", slug=INDEX_SLUG)
            region_home().add_child(instance=index)
            index.save_revision().publish()
        return index


@pytest.fixture(scope="package")
def search_clubs(django_db_setup, django_db_blocker):
    """``{key: (region slug, page)}`` of every published club, plus the specials."""
    made = {}
    with django_db_blocker.unblock():
        from wagtail.models import Page

        # Everything made here (translated homes included) goes at the end.
        last_ids = {}
        for slug in ("dortmund", "potsdam", "halle"):
            with schema_context(slug):
                last_ids[slug] = Page.objects.order_by("-pk").values_list(
                    "pk", flat=True
                )[0]
        for key, spec in CLUBS.items():
            slug = spec[0]
            index = directory_ensure(slug)
            with schema_context(slug):
                made[key] = (slug, portrait_publish(index, key=key, spec=spec))
        base = CLUBS["schach-brackel"]
        with schema_context("dortmund"):
            index = ClubIndexPage.objects.get(slug=INDEX_SLUG)
            draft = portrait_publish(
                index,
                key="entwurf",
                spec=(
                    *base[:1],
                    "Zauberflöten-Ensemble",
                    "Zauberflöte im Entwurf",
                    *base[3:],
                ),
                publish=False,
            )
            private = portrait_publish(
                index,
                key="privat",
                spec=(
                    *base[:1],
                    "Geheimbund Kennwort",
                    "Kennwortgeschützte Mondscheinsonate",
                    *base[3:],
                ),
            )
            PageViewRestriction.objects.create(
                page=private, restriction_type="password", password="x"
            )
            gone = portrait_publish(
                index,
                key="aufgeloest",
                spec=(
                    *base[:1],
                    "Aufgelöster Nimmermehrverein",
                    "Nimmermehr",
                    *base[3:],
                ),
            )
            gone.unpublish()
            alias = made["schach-brackel"][1].create_alias(update_slug="schach-alias")
            english = made["eltern-nord"][1].copy_for_translation(
                Locale.objects.get(language_code="en"), copy_parents=True
            )
            english.title = "Turkish Parents' Association Dortmund North"
            english.summary = (
                "Parents with Turkish family roots help school children with "
                "their homework and support families on the way to training."
            )
            english.offers = "Homework help in the afternoon and a parents' café."
            english.seeks = "Volunteer learning mentors."
            english.save_revision().publish()
            made["specials"] = {
                "draft": draft,
                "private": private,
                "unpublished": gone,
                "alias": alias,
                "english": english,
            }
        connection.set_schema_to_public()
    yield made
    with django_db_blocker.unblock():
        for slug, last_id in last_ids.items():
            with schema_context(slug):
                for page in Page.objects.filter(pk__gt=last_id).order_by("path"):
                    # a parent deleted first took its descendants with it
                    if Page.objects.filter(pk=page.pk).exists():
                        page.delete()
        SearchDocument.objects.all().delete()
        connection.set_schema_to_public()
