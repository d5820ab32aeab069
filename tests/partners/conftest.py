"""A handful of published portraits whose best partners are known, made once
per module and rolled back after it (``shared_by_module``)."""

import pytest
from django_tenants.utils import schema_context

from tests.conftest import shared_by_module
from tests.search.conftest import directory_ensure, portrait_publish

# key: region, title, summary, offers, seeks, fields, groups, languages,
# district, kind, migration
PARTNER_CLUBS = {
    "jugendtreff-nord": (
        "dortmund",
        "Jugendtreff Nordstadt",
        "Ein Treff für Jugendliche aus vielen Herkunftsländern.",
        "Räume am Nachmittag und Dolmetscher für Türkisch und Arabisch.",
        "Sporttrainer für Jugendliche.",
        ["youth"],
        ["young-people"],
        ["tr", "de"],
        "Innenstadt-Nord",
        "registered-association",
        "with",
    ),
    "sportverein-nord": (
        "dortmund",
        "Sportverein Nordstadt 1920",
        "Fußball und Leichtathletik für alle Altersgruppen.",
        "Sporttrainer und eine Turnhalle am Wochenende.",
        "Dolmetscher für Elternabende.",
        ["youth", "football"],
        ["young-people"],
        ["de"],
        "Innenstadt-Nord",
        "registered-association",
        "without",
    ),
    "seniorenchor-west": (
        "dortmund",
        "Seniorenchor West",
        "Wir singen Volkslieder.",
        "Konzerte.",
        "Notenständer.",
        ["music"],
        ["seniors"],
        ["de"],
        "Innenstadt-West",
        "registered-association",
        "mixed",
    ),
    "jugendsport-halle": (
        "halle",
        "Jugendsport Halle-Neustadt",
        "Sport für Jugendliche in Halle-Neustadt.",
        "Sporttrainer für Basketball.",
        "Räume für den Winter.",
        ["youth"],
        ["young-people"],
        ["de"],
        "Neustadt",
        "registered-association",
        "without",
    ),
}


@pytest.fixture(scope="module")
def partner_clubs(django_db_setup, django_db_blocker):
    """``{key: (region slug, page)}``; the index rows are written on publish."""
    made = {}
    with shared_by_module(django_db_blocker):
        for key, spec in PARTNER_CLUBS.items():
            index = directory_ensure(spec[0])
            with schema_context(spec[0]):
                made[key] = (spec[0], portrait_publish(index, key=key, spec=spec))
        yield made
