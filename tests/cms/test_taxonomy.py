"""The shared club taxonomy: default vocabulary, merging, deleting, bad input."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_tenants.utils import schema_context

from cms.pages.models import ClubIndexPage, ClubPortraitPage, HomePage
from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    TargetGroup,
)
from cms.taxonomy.services import (
    region_districts_load,
    taxonomy_defaults_load,
    term_create,
    term_delete,
    term_merge,
)

pytestmark = pytest.mark.django_db


def _portrait(slug: str, title: str, **fields) -> ClubPortraitPage:
    """A published club portrait in a region, under its club directory."""
    with schema_context(slug):
        home = HomePage.objects.get(depth=2, locale__language_code="de")
        index = ClubIndexPage.objects.child_of(home).first()
        if index is None:
            index = home.add_child(
                instance=ClubIndexPage(title="Vereine", slug="vereine")
            )
        m2m = {k: fields.pop(k) for k in list(fields) if isinstance(fields[k], list)}
        page = index.add_child(
            instance=ClubPortraitPage(title=title, summary=f"{title}.", **fields)
        )
        for name, terms in m2m.items():
            getattr(page, name).set(terms)
        page.save_revision().publish()
        return page


def _fields_of(slug: str, page_id: int) -> list[str]:
    """The slugs of a portrait's fields of activity, read in its region."""
    with schema_context(slug):
        page = ClubPortraitPage.objects.get(pk=page_id)
        return sorted(f.slug for f in page.fields_of_activity.all())


def test_default_vocabulary_is_there_with_every_region_set_up():
    assert (
        FieldOfActivity.objects.filter(
            slug__in=["youth", "culture", "sport", "parents-associations", "religion"]
        ).count()
        == 5
    )
    assert FieldOfActivity.objects.get(slug="music").parent.slug == "culture"
    assert set(MigrationReference.objects.values_list("slug", flat=True)) == {
        "with",
        "without",
        "mixed",
    }
    assert ClubLanguage.objects.get(slug="ar").native_name == "العربية"
    dortmund = District.objects.filter(region__schema_name="dortmund")
    assert dortmund.count() == 12
    assert dortmund.get(slug="dortmund-hoerde").name == "Hörde"
    halle_umland = District.objects.filter(
        region__schema_name="halle", is_surrounding=True
    )
    assert set(halle_umland.values_list("name", flat=True)) == {
        "Landsberg",
        "Teutschenthal",
        "Kabelsketal",
        "Salzatal",
        "Petersberg",
    }
    assert District.objects.filter(
        region__schema_name="potsdam", name="Werder (Havel)", is_surrounding=True
    ).exists()


def test_loading_the_defaults_again_changes_nothing_and_keeps_renames(regions):
    youth = FieldOfActivity.objects.get(slug="youth")
    youth.name_de = "Jugendarbeit"
    youth.save()
    lines = taxonomy_defaults_load() + region_districts_load(region=regions["halle"])
    assert not any(changed for _line, changed in lines)
    youth.refresh_from_db()
    assert youth.name_de == "Jugendarbeit"


def test_load_taxonomy_command_reports_each_region(capsys):
    call_command("load_taxonomy", "halle", "dortmund")
    out = capsys.readouterr().out
    assert "ok: halle: districts: all 15 present" in out
    assert "ok: dortmund: districts: all 12 present" in out


def test_translated_names_fall_back_to_german():
    from django.utils import translation

    term = term_create(vocabulary=TargetGroup, slug="grandparents", name="Großeltern")
    term.name_en = "Grandparents"
    term.save()
    term = TargetGroup.objects.get(pk=term.pk)
    with translation.override("en"):
        assert term.name == "Grandparents"
    with translation.override("uk"):
        assert term.name == "Großeltern"


def test_duplicate_slug_is_refused_with_a_clear_message():
    count = TargetGroup.objects.count()
    with pytest.raises(ValidationError) as error:
        term_create(vocabulary=TargetGroup, slug="children", name="Kinder (neu)")
    assert "slug is already taken" in str(error.value)
    assert TargetGroup.objects.count() == count


def test_district_without_region_is_refused_with_a_clear_message():
    count = District.objects.count()
    with pytest.raises(ValidationError) as error:
        term_create(vocabulary=District, slug="nowhere", name="Nirgendwo")
    assert error.value.message_dict["region"] == [
        "A district belongs to one region: choose its region."
    ]
    assert District.objects.count() == count


def test_district_names_are_unique_per_region_only(regions):
    term_create(
        vocabulary=District,
        slug="potsdam-altstadt",
        name="Altstadt",
        region=regions["potsdam"],
    )
    with pytest.raises(ValidationError):
        term_create(
            vocabulary=District,
            slug="halle-altstadt-2",
            name="Altstadt",
            region=regions["halle"],
        )


def test_merge_moves_every_use_in_every_region_and_deletes_the_source():
    source = term_create(
        vocabulary=FieldOfActivity, slug="kids-sport", name="Kindersport"
    )
    target = FieldOfActivity.objects.get(slug="sport")
    youth = FieldOfActivity.objects.get(slug="youth")
    sub = term_create(
        vocabulary=FieldOfActivity, slug="kids-judo", name="Judo", parent=source
    )
    pages = {
        "dortmund": _portrait(
            "dortmund", "Kinderturnen Eving", fields_of_activity=[source]
        ),
        "potsdam": _portrait(
            "potsdam", "SV Drewitz", fields_of_activity=[source, target]
        ),
        "halle": _portrait("halle", "Jugendclub Trotha", fields_of_activity=[youth]),
    }

    moved = term_merge(source=source, target=target)

    assert not FieldOfActivity.objects.filter(pk=source.pk).exists()
    assert _fields_of("dortmund", pages["dortmund"].pk) == ["sport"]
    assert _fields_of("potsdam", pages["potsdam"].pk) == ["sport"]
    assert _fields_of("halle", pages["halle"].pk) == ["youth"]
    assert FieldOfActivity.objects.get(pk=sub.pk).parent == target
    assert set(moved) == {"dortmund", "potsdam", "public"}
    with schema_context("dortmund"):
        draft = ClubPortraitPage.objects.get(pk=pages["dortmund"].pk)
        assert draft.get_latest_revision().content["fields_of_activity"] == [target.pk]


def test_merge_moves_foreign_key_uses_too():
    source = term_create(vocabulary=MigrationReference, slug="partly", name="Teils")
    target = MigrationReference.objects.get(slug="mixed")
    page = _portrait("halle", "Kulturverein Neustadt", migration_reference=source)

    term_merge(source=source, target=target)

    with schema_context("halle"):
        assert (
            ClubPortraitPage.objects.get(pk=page.pk).migration_reference_id == target.pk
        )


def test_deleting_a_term_used_in_one_region_is_refused():
    language = ClubLanguage.objects.get(slug="vi")
    _portrait("potsdam", "Vietnamesischer Kulturverein", languages=[language])

    with pytest.raises(ValidationError) as error:
        term_delete(term=language)

    assert "still in use" in str(error.value)
    assert "potsdam: 1 × pages.ClubPortraitPage_languages" in str(error.value)
    assert ClubLanguage.objects.filter(pk=language.pk).exists()


def test_deleting_an_unused_term_works():
    term = term_create(vocabulary=TargetGroup, slug="pupils", name="Schüler")
    term_delete(term=term)
    assert not TargetGroup.objects.filter(slug="pupils").exists()


def test_deleting_a_field_with_sub_fields_is_refused():
    culture = FieldOfActivity.objects.get(slug="culture")
    with pytest.raises(ValidationError):
        term_delete(term=culture)
    assert FieldOfActivity.objects.filter(slug="music").exists()


def test_merge_into_itself_is_refused_and_changes_nothing():
    term = FieldOfActivity.objects.get(slug="youth")
    with pytest.raises(ValidationError) as error:
        term_merge(source=term, target=term)
    assert "cannot be merged into itself" in str(error.value)
    assert FieldOfActivity.objects.filter(pk=term.pk).exists()


def test_merge_across_vocabularies_is_refused_and_changes_nothing():
    women_field = FieldOfActivity.objects.get(slug="women")
    women_group = TargetGroup.objects.get(slug="women")
    page = _portrait("dortmund", "Frauentreff Nord", fields_of_activity=[women_field])
    with pytest.raises(ValidationError) as error:
        term_merge(source=women_field, target=women_group)
    assert "different vocabularies" in str(error.value)
    assert FieldOfActivity.objects.filter(pk=women_field.pk).exists()
    assert _fields_of("dortmund", page.pk) == ["women"]


def test_merge_of_districts_of_two_regions_is_refused():
    with pytest.raises(ValidationError):
        term_merge(
            source=District.objects.get(slug="halle-altstadt"),
            target=District.objects.get(slug="dortmund-eving"),
        )
    assert District.objects.filter(slug="halle-altstadt").exists()


def test_a_rename_shows_in_every_region_at_once(region_client, portal_client):
    sport = FieldOfActivity.objects.get(slug="sport")
    sport.name_de = "Sport und Bewegung"
    sport.save()
    for client in [portal_client, *(region_client(s) for s in ("dortmund", "halle"))]:
        data = client.get("/api/taxonomy?lang=de").json()
        names = {
            t["slug"]: t["name"] for t in data["vocabularies"]["fields_of_activity"]
        }
        assert names["sport"] == "Sport und Bewegung"


def test_regional_pages_are_not_a_place_to_edit_the_vocabulary():
    # Regions pick terms; no taxonomy snippet is registered for editing there.
    from wagtail.snippets.models import get_snippet_models

    assert not [m for m in get_snippet_models() if m._meta.app_label == "taxonomy"]
