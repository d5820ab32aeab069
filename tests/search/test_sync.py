"""The index follows publishing with no command run: publish, draft, unpublish,
delete, move, view restrictions, translations, aliases, term rename and merge."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tenants.utils import schema_context
from wagtail.models import Locale, PageViewRestriction

from cms.pages.models import ClubIndexPage
from cms.taxonomy.models import FieldOfActivity, TargetGroup
from cms.taxonomy.services import term_merge
from search.models import SearchDocument, facet_key
from search.selectors import SearchQuery, search
from tenants.models import Region
from tests.cms.factories import region_home
from tests.search.clubs import CLUBS
from tests.search.conftest import directory_ensure, portrait_publish

pytestmark = pytest.mark.django_db

SPEC = CLUBS["schach-brackel"]


def _spec(title, summary="Ein Verein zum Testen der Suche."):
    """A portrait with no district (districts belong to one region)."""
    return (SPEC[0], title, summary, *SPEC[3:8], None, *SPEC[9:])


def _rows(region_slug, page):
    region = Region.objects.get(schema_name=region_slug)
    return SearchDocument.objects.filter(region=region, page_id=page.pk)


def _titles(text):
    return [hit.title for hit in search(SearchQuery(text=text)).hits]


def test_publishing_indexes_and_a_draft_stays_out():
    index = directory_ensure("dortmund")
    with schema_context("dortmund"):
        draft = portrait_publish(
            index,
            key="sync-entwurf",
            spec=_spec("Quastenflosser Verein"),
            publish=False,
        )
        assert not _rows("dortmund", draft).exists()
        draft.get_latest_revision().publish()
    assert _titles("Quastenflosser") == ["Quastenflosser Verein"]


def test_a_draft_of_a_published_page_stays_out_until_published():
    index = directory_ensure("potsdam")
    with schema_context("potsdam"):
        page = portrait_publish(index, key="sync-draft", spec=_spec("Laternenumzug"))
        page.title = "Kürbisschnitzen"
        page.save_revision()
    assert _titles("Kürbisschnitzen") == []
    assert _titles("Laternenumzug") == ["Laternenumzug"]
    with schema_context("potsdam"):
        page.get_latest_revision().publish()
    assert _titles("Kürbisschnitzen") == ["Kürbisschnitzen"]
    assert _titles("Laternenumzug") == []


def test_unpublishing_and_deleting_remove_the_row():
    index = directory_ensure("halle")
    with schema_context("halle"):
        one = portrait_publish(index, key="sync-weg-1", spec=_spec("Seifenkisten eins"))
        two = portrait_publish(index, key="sync-weg-2", spec=_spec("Seifenkisten zwei"))
        one.unpublish()
        two.delete()
    assert not _rows("halle", one).exists()
    assert not _rows("halle", two).exists()
    assert _titles("Seifenkisten") == []


def test_moving_a_page_changes_its_url_in_the_index():
    index = directory_ensure("dortmund")
    with schema_context("dortmund"):
        other = ClubIndexPage(title="Andere Vereine", slug="andere-vereine")
        region_home().add_child(instance=other)
        other.save_revision().publish()
        page = portrait_publish(index, key="sync-umzug", spec=_spec("Umzugshelfer"))
        page.move(other, pos="last-child")
    assert _rows("dortmund", page).get().path == "/andere-vereine/sync-umzug/"


def test_a_view_restriction_removes_the_page_and_lifting_it_restores_it():
    index = directory_ensure("dortmund")
    with schema_context("dortmund"):
        page = portrait_publish(index, key="sync-privat", spec=_spec("Flüsterkreis"))
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type="password", password="geheim"
        )
    assert _titles("Flüsterkreis") == []
    with schema_context("dortmund"):
        restriction.delete()
    assert _titles("Flüsterkreis") == ["Flüsterkreis"]


def test_a_published_translation_is_indexed_in_its_language_and_an_alias_never():
    index = directory_ensure("halle")
    with schema_context("halle"):
        page = portrait_publish(
            index, key="sync-uebersetzt", spec=_spec("Brückenbauer")
        )
        alias = page.create_alias(update_slug="sync-alias")
        turkish = page.copy_for_translation(
            Locale.objects.get(language_code="tr"), copy_parents=True
        )
        turkish.title = "Köprü Kurucuları"
        turkish.summary = "Mahalle için kültür ve dil kursları."
        turkish.save_revision().publish()
    assert not _rows("halle", alias).exists()
    row = _rows("halle", turkish).get()
    assert (row.language, row.config) == ("tr", "public.insist_tr")
    assert row.path.startswith("/tr/")
    hits = search(SearchQuery(text="kursları", language="tr")).hits
    assert [h.title for h in hits] == ["Köprü Kurucuları"]


def test_renaming_a_term_updates_the_index(search_clubs):
    football = FieldOfActivity.objects.get(slug="football")
    football.name_de = "Bolzplatzkicken"
    football.save()
    titles = _titles("Bolzplatzkicken")
    assert "Mädchenfußball Halle" in titles
    assert "Jugendfußball Hörde 09" in titles


def test_merging_terms_moves_the_facet_in_the_index():
    source = TargetGroup.objects.create(slug="sync-quelle", name="Quellgruppe")
    target = TargetGroup.objects.create(slug="sync-ziel", name="Zielgruppe Ziel")
    index = directory_ensure("potsdam")
    with schema_context("potsdam"):
        page = portrait_publish(index, key="sync-merge", spec=_spec("Zusammenleger"))
        page.target_groups = [source]
        page.save_revision().publish()
    assert (
        facet_key("target_group", source.pk) in _rows("potsdam", page).get().facet_keys
    )
    term_merge(source=source, target=target)
    keys = _rows("potsdam", page).get().facet_keys
    assert facet_key("target_group", target.pk) in keys
    assert facet_key("target_group", source.pk) not in keys


def test_unpublished_private_draft_and_alias_pages_never_appear(search_clubs):
    for word in ("Zauberflöte", "Mondscheinsonate", "Nimmermehr"):
        assert search(SearchQuery(text=word)).count == 0, word
    # the alias of the chess club is not a second result
    assert _titles("Schachclub") == ["Schachclub Brackel"]


def test_rebuild_restores_lost_rows_of_one_region(search_clubs):
    dortmund = Region.objects.get(schema_name="dortmund")
    before = SearchDocument.objects.filter(region=dortmund).count()
    SearchDocument.objects.filter(region=dortmund).delete()
    call_command(
        "search_rebuild", "--region", "dortmund", stdout=open("/dev/null", "w")
    )
    assert SearchDocument.objects.filter(region=dortmund).count() == before


def test_rebuild_refuses_an_unknown_region():
    with pytest.raises(CommandError, match="Unknown region 'atlantis'"):
        call_command("search_rebuild", "--region", "atlantis")
