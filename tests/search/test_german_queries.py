"""German queries and the clubs they must find (tests/search/clubs.py).

Each case names clubs that must be among the results; where it matters, clubs
that must not be. Stemming, umlauts and ß in both spellings, compounds, typos,
phrases, operators, and a translated portrait searched in its own language.
"""

import pytest

from search.selectors import SearchQuery, search
from tenants.models import Region

pytestmark = pytest.mark.django_db

CASES = [
    # (query, must find, must not find)
    ("Hausaufgabenhilfe", {"eltern-nord", "hausaufgaben-silberhoehe"}, set()),
    ("Hausaufgabenhilfr", {"eltern-nord"}, set()),
    ("Hausaufgaben", {"eltern-nord", "hausaufgaben-silberhoehe"}, set()),
    (
        "Fußball",
        {"jugendfussball-hoerde", "strassenfussball", "maedchenfussball-halle"},
        {"chor-der-kulturen"},
    ),
    (
        "Fussball",
        {"jugendfussball-hoerde", "strassenfussball", "maedchenfussball-halle"},
        set(),
    ),
    ("Jugendfußball", {"jugendfussball-hoerde"}, {"gospelchor-halle"}),
    ("Duesseldorf", {"partnerschaft-duesseldorf"}, set()),
    ("Düsseldorf", {"partnerschaft-duesseldorf"}, set()),
    ("Großbeerenstraße", {"grossbeerenstrasse"}, set()),
    ("Grossbeerenstrasse", {"grossbeerenstrasse"}, set()),
    ("Chöre", {"chor-der-kulturen"}, set()),
    ("Chor", {"chor-der-kulturen"}, set()),
    ("Vereine", {"dachverband-dortmund"}, set()),
    (
        "Jugendlichen",
        {"strassenfussball", "volleyball-waldstadt", "boxclub-halle"},
        set(),
    ),
    ("Jugend", {"partnerschaft-duesseldorf", "strassenfussball"}, set()),
    ("Mädchen", {"jugendfussball-hoerde", "maedchenfussball-halle"}, set()),
    ("Maedchen", {"jugendfussball-hoerde", "maedchenfussball-halle"}, set()),
    ("Kinderbetreuung", {"afrikanische-frauen", "frauencafe-am-stern"}, set()),
    ("Betreuung", {"afrikanische-frauen", "hausaufgaben-silberhoehe"}, set()),
    ("Geflüchtete", {"ukrainischer-verein", "volleyball-waldstadt"}, set()),
    ("Gefluechtete", {"ukrainischer-verein", "volleyball-waldstadt"}, set()),
    ("Nachhilfe", {"nachhilfe-babelsberg"}, set()),
    ("Volkstänze", {"polnischer-tanzverein", "tanzgruppe-anadolu"}, set()),
    ("Tanz", {"polnischer-tanzverein", "tanzgruppe-anadolu"}, set()),
    ("Kochkurse", {"vietnamesischer-kulturverein"}, set()),
    ("kochen", {"garten-am-hafen", "vietnamesischer-kulturverein"}, set()),
    ("Fahrrad", {"fahrradwerkstatt", "grossbeerenstrasse"}, set()),
    ("Werkstatt", {"fahrradwerkstatt"}, set()),
    ("Beratung Schule", {"eltern-nord"}, {"gruene-oase"}),
    ('"arabischer Literatur"', {"arabisches-kulturzentrum"}, set()),
    ("Russisch", {"seniorentreff-luetgendortmund", "russischer-elternverein"}, set()),
    (
        "Fußball -Mädchen",
        {"strassenfussball"},
        {"maedchenfussball-halle", "jugendfussball-hoerde"},
    ),
    ("Volleyball OR Schach", {"volleyball-waldstadt", "schach-brackel"}, set()),
    ("Moschee", {"interreligioeser-dialog"}, set()),
    ("Wohnungssuche", {"ukrainischer-verein"}, set()),
    ("Saale", {"seniorenbegegnung-kroellwitz"}, set()),
    ("Kroellwitz", {"seniorenbegegnung-kroellwitz"}, set()),
    ("Hoerde", {"jugendfussball-hoerde"}, set()),
    ("Kalligrafie", {"syrischer-kulturverein"}, set()),
    ("Elterncafe", {"eltern-nord"}, set()),
    ("Café", {"eltern-nord", "frauencafe-am-stern", "ukrainischer-verein"}, set()),
    ("Gymnastik Senioren", {"seniorentreff-luetgendortmund"}, {"schach-brackel"}),
    ("Theater", {"russischer-elternverein"}, set()),
    ("Sprachcafé", {"ukrainischer-verein"}, set()),
    ("Proberaum", {"chor-der-kulturen"}, set()),
    ("Trainerinnen", {"jugendfussball-hoerde", "maedchenfussball-halle"}, set()),
]


def _found(result, clubs) -> set[str]:
    """The keys of the clubs found (page ids repeat across regions)."""
    regions = dict(Region.objects.values_list("pk", "schema_name"))
    keys = {(v[0], v[1].pk): key for key, v in clubs.items() if key != "specials"}
    return {
        keys.get((regions[hit.region_id], hit.page_id), f"?{hit.title}")
        for hit in result.hits
    }


def german_query_check(clubs, text, must, must_not) -> None:
    """``text`` finds every club of ``must`` and none of ``must_not``."""
    found = _found(search(SearchQuery(text=text, page_size=50)), clubs)
    assert must <= found, f"{text!r} missed {must - found}; found {found}"
    assert not (must_not & found), f"{text!r} wrongly found {must_not & found}"


@pytest.mark.parametrize(("text", "must", "must_not"), CASES, ids=[c[0] for c in CASES])
def test_german_query_finds_the_right_clubs(search_clubs, text, must, must_not):
    german_query_check(search_clubs, text, must, must_not)


def test_there_are_at_least_thirty_german_queries():
    assert len(CASES) >= 30


def test_best_match_comes_first_for_a_title_word(search_clubs):
    result = search(SearchQuery(text="Schachclub"))
    assert result.hits[0].title == "Schachclub Brackel"


def test_typo_is_corrected_only_when_nothing_matches(search_clubs):
    typo = search(SearchQuery(text="Hausaufgabenhilfr"))
    assert typo.corrected == "hausaufgabenhilfe"
    exact = search(SearchQuery(text="Hausaufgabenhilfe"))
    assert exact.corrected == ""


def test_english_visitor_finds_the_english_translation(search_clubs):
    english = search_clubs["specials"]["english"]
    result = search(SearchQuery(text="homework", language="en"))
    assert [hit.page_id for hit in result.hits] == [english.pk]
    assert result.hits[0].path.startswith("/en/")


def test_english_visitor_gets_one_result_per_club_in_english(search_clubs):
    """German text matched too, but the club is listed once, in English."""
    english = search_clubs["specials"]["english"]
    result = search(SearchQuery(text="Elterncafé", language="en", page_size=50))
    keys = [hit.translation_key for hit in result.hits]
    assert len(keys) == len(set(keys))
    hit = next(h for h in result.hits if h.translation_key == english.translation_key)
    assert hit.path.startswith("/en/")


def test_german_visitor_does_not_get_english_rows(search_clubs):
    result = search(SearchQuery(text="homework", language="de"))
    assert result.count == 0


def test_highlight_marks_both_spellings(search_clubs):
    result = search(SearchQuery(text="Duesseldorf"))
    assert "<mark>Düsseldorf</mark>" in result.hits[0].snippet
