"""The partner score and its reasons, as plain functions (no database)."""

from django.utils import translation

from search.partners.scoring import Profile, partner_match, partner_score, reasons

YOUTH, FOOTBALL, MUSIC = 1, 2, 3
YOUNG, SENIORS = 11, 12
TURKISH, GERMAN = 21, 22
NORD, WEST = 31, 32

NAMES = {
    "de": {
        "activity": {YOUTH: "Jugend", FOOTBALL: "Fußball", MUSIC: "Musik"},
        "group": {YOUNG: "Jugendliche", SENIORS: "Senioren"},
        "language": {TURKISH: "Türkisch", GERMAN: "Deutsch"},
        "district": "Innenstadt-Nord",
    },
    "en": {
        "activity": {YOUTH: "Youth", FOOTBALL: "Football", MUSIC: "Music"},
        "group": {YOUNG: "Young people", SENIORS: "Seniors"},
        "language": {TURKISH: "Turkish", GERMAN: "German"},
        "district": "Innenstadt-Nord",
    },
}


def club(**fields) -> Profile:
    base = {
        "region": "dortmund",
        "activities": frozenset({YOUTH}),
        "target_groups": frozenset({YOUNG}),
        "languages": frozenset({GERMAN}),
        "district": NORD,
        "migration": "with",
        "offers": "Räume am Nachmittag",
        "seeks": "Sporttrainer für Jugendliche",
    }
    base.update(fields)
    return Profile(**base)


def test_sharing_a_field_of_activity_scores_higher_than_sharing_none():
    me = club()
    assert partner_score(me, club(activities=frozenset({YOUTH}))) > partner_score(
        me, club(activities=frozenset({MUSIC}))
    )


def test_a_partner_offering_what_i_seek_scores_higher():
    me = club()
    offering = club(offers="Wir bieten Sporttrainer und eine Halle")
    not_offering = club(offers="Wir bieten Konzerte")
    assert partner_score(me, offering) > partner_score(me, not_offering)
    assert partner_match(me, offering).they_offer == ["Sporttrainer"]


def test_offer_and_seek_count_in_both_directions_so_the_score_is_symmetric():
    a = club(offers="Dolmetscher", seeks="Sporttrainer")
    b = club(offers="Sporttrainer", seeks="Dolmetscherinnen", migration="without")
    assert partner_score(a, b) == partner_score(b, a)
    assert partner_match(a, b).you_offer == ["Dolmetscherinnen"]


def test_with_and_without_migration_reference_earns_the_bonus_mixed_does_not():
    me = club(migration="with")
    assert partner_match(me, club(migration="without")).complementary
    assert not partner_match(me, club(migration="with")).complementary
    assert not partner_match(me, club(migration="mixed")).complementary
    assert partner_score(me, club(migration="without")) > partner_score(
        me, club(migration="with")
    )


def test_same_district_beats_same_region_beats_other_region():
    me = club()
    district = partner_score(me, club())
    region = partner_score(me, club(district=WEST))
    other = partner_score(me, club(region="halle", district=99))
    assert district > region > other


def test_shared_languages_add_to_the_score():
    me = club(languages=frozenset({TURKISH, GERMAN}))
    assert partner_score(me, club(languages=frozenset({TURKISH}))) > partner_score(
        me, club(languages=frozenset())
    )


def test_clubs_sharing_nothing_score_zero():
    me = club()
    stranger = Profile(region="halle", offers="Konzerte", seeks="Noten")
    assert partner_score(me, stranger) == 0


def _reasons(language: str, match) -> list[str]:
    names = NAMES[language]
    with translation.override(language):
        return reasons(
            match,
            activity_names=names["activity"],
            group_names=names["group"],
            language_names=names["language"],
            district_name=names["district"],
        )


def test_reasons_in_english_name_field_district_and_what_is_sought():
    match = partner_match(
        club(), club(offers="Sporttrainer und Turnhalle", migration="without")
    )
    text = _reasons("en", match)
    assert text[0] == "both are active in Youth in Innenstadt-Nord"
    assert "both work with Young people" in text
    assert "you look for Sporttrainer, they offer it" in text
    assert "one with and one without migration background" in text
    assert "a shared language: German" in text


def test_reasons_in_german_read_german():
    match = partner_match(
        club(), club(offers="Sporttrainer und Turnhalle", migration="without")
    )
    text = _reasons("de", match)
    assert text[0] == "beide engagieren sich für Jugend in Innenstadt-Nord"
    assert "beide arbeiten mit Jugendliche" in text
    assert "ihr sucht Sporttrainer, sie bieten es an" in text
    assert "ein Verein mit und einer ohne Migrationsbezug" in text
    assert "eine gemeinsame Sprache: Deutsch" in text


def test_reasons_for_another_region_say_nothing_of_nearness():
    match = partner_match(club(), club(region="halle", district=99))
    text = _reasons("en", match)
    assert text[0] == "both are active in Youth"
    assert "in the same region" not in text


def test_the_speed_dating_plan_pairs_clubs_by_the_partner_score():
    """The platform wires the partner finder's score into the planner: a pair
    with and without migration reference sharing fields outranks a pair that
    only shares fields, and the score stays within 0..1."""
    from cms.participation.planning import PlanClub
    from cms.participation.scoring import partner_score_function
    from search.partners.scoring import plan_club_score

    score = partner_score_function()
    assert score is plan_club_score
    with_ = PlanClub(key=1, name="A", migration_reference=True, activities={1, 2})
    without = PlanClub(key=2, name="B", migration_reference=False, activities={1, 2})
    also_with = PlanClub(key=3, name="C", migration_reference=True, activities={1, 2})
    stranger = PlanClub(key=4, name="D", migration_reference=True, activities={9})
    assert 0 <= score(with_, stranger) < score(with_, also_with)
    assert score(with_, also_with) < score(with_, without) <= 1
