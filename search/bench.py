"""Synthetic club portraits for ``manage.py bench_search``.

Realistic German text over the whole taxonomy: each portrait has a theme (a
field of activity) and takes its name, sentences, target groups and languages
from it, so common words ("Verein", "Kinder") are common and rare words rare,
as on the real platform. Deterministic (seeded), written straight into the
index table of a separate benchmark database.
"""

import random

from search.text import compound_parts_text, fold

CITIES = {
    1: (
        "Dortmund",
        [
            "Innenstadt-Nord",
            "Hörde",
            "Eving",
            "Brackel",
            "Scharnhorst",
            "Aplerbeck",
            "Huckarde",
            "Mengede",
            "Lütgendortmund",
            "Hombruch",
        ],
    ),
    2: (
        "Potsdam",
        [
            "Babelsberg",
            "Drewitz",
            "Schlaatz",
            "Waldstadt",
            "Bornstedt",
            "Am Stern",
            "Kirchsteigfeld",
            "Potsdam West",
            "Teltow",
            "Werder",
        ],
    ),
    3: (
        "Halle",
        [
            "Neustadt",
            "Silberhöhe",
            "Paulusviertel",
            "Giebichenstein",
            "Kröllwitz",
            "Südstadt",
            "Heide-Nord",
            "Trotha",
            "Ammendorf",
            "Altstadt",
        ],
    ),
}
ORIGINS = [
    "Türkischer",
    "Syrischer",
    "Kurdischer",
    "Polnischer",
    "Russischsprachiger",
    "Ukrainischer",
    "Vietnamesischer",
    "Afrikanischer",
    "Griechischer",
    "Italienischer",
    "Arabischer",
    "Deutsch-Türkischer",
    "Internationaler",
    "Interkultureller",
    "Eritreischer",
    "Afghanischer",
]
THEMES = {
    "youth": (
        ["Jugendtreff", "Jugendverein", "Jugendinitiative"],
        [
            "Jugendliche treffen sich nach der Schule zum Kickern, Reden und "
            "Planen eigener Projekte.",
            "Wir bieten Ferienfahrten und Jugendaustausch mit Partnerstädten an.",
        ],
        ["young-people", "students"],
    ),
    "culture": (
        ["Kulturverein", "Kulturzentrum", "Kulturforum"],
        [
            "Lesungen, Ausstellungen und Feste zeigen die Kultur unserer "
            "Herkunftsländer.",
            "Wir feiern Neujahrsfeste und laden die Nachbarschaft zu Konzerten ein.",
        ],
        ["families", "seniors"],
    ),
    "sport": (
        ["Sportverein", "Sportgemeinschaft", "Turnverein"],
        [
            "Training für Kinder und Erwachsene, Turniere und Sportfeste im Stadtteil.",
            "Beim Volleyball, Basketball und Schwimmen lernen "
            "sich Menschen aller Herkunft kennen.",
        ],
        ["children", "young-people"],
    ),
    "parents-associations": (
        ["Elternverein", "Elterninitiative", "Elternnetzwerk"],
        [
            "Eltern unterstützen einander bei Fragen zu Kita, Schule und Ausbildung.",
            "Elternabende in mehreren Sprachen und ein Elterncafé am Vormittag.",
        ],
        ["parents", "families"],
    ),
    "education": (
        ["Lernhaus", "Bildungsverein", "Nachhilfe-Netzwerk"],
        [
            "Ehrenamtliche helfen bei den Hausaufgaben und geben "
            "Nachhilfe in Mathematik und Deutsch.",
            "Hausaufgabenhilfe am Nachmittag und Lesepaten für Grundschulkinder.",
        ],
        ["children", "students"],
    ),
    "religion": (
        ["Gemeinde", "Moscheeverein", "Dialogkreis"],
        [
            "Wir laden zum interreligiösen Dialog und zu Besuchen in Kirche, "
            "Moschee und Synagoge ein.",
            "Gemeinsames Fastenbrechen und Gesprächsabende über Glauben im Alltag.",
        ],
        ["families", "seniors"],
    ),
    "women": (
        ["Frauenverein", "Frauencafé", "Frauennetzwerk"],
        [
            "Ein offener Treff für Frauen mit Kinderbetreuung und Beratung.",
            "Nähkurse, Radfahrkurse und Deutsch üben beim gemeinsamen Frühstück.",
        ],
        ["women", "newcomers"],
    ),
    "seniors": (
        ["Seniorentreff", "Seniorenbegegnung", "Erzählcafé"],
        [
            "Gymnastik, Ausflüge und Computerkurse für Seniorinnen und Senioren.",
            "Ein Erzählcafé, in dem Ältere aus ihrem Leben berichten.",
        ],
        ["seniors"],
    ),
    "counselling": (
        ["Beratungsstelle", "Integrationslotsen", "Migrationsberatung"],
        [
            "Wir begleiten Neuzugewanderte zu Ämtern, Ärzten und zum Jobcenter.",
            "Beratung zu Aufenthalt, Arbeit und Wohnungssuche in mehreren Sprachen.",
        ],
        ["newcomers", "refugees"],
    ),
    "environment": (
        ["Umweltgruppe", "Gemeinschaftsgarten", "Naturschutzverein"],
        [
            "Wir pflanzen Bäume, sammeln Müll und gärtnern gemeinsam.",
            "Umweltbildung in Kitas und eine offene Fahrradwerkstatt.",
        ],
        ["families", "children"],
    ),
    "neighbourhood": (
        ["Nachbarschaftsverein", "Stadtteilinitiative", "Quartierstreff"],
        [
            "Hoffeste, eine Tauschbörse und ein Reparaturcafé für alle Nachbarn.",
            "Wir gestalten den Stadtteil mit: Spielplätze, "
            "Feste und ein Treffpunkt an der Ecke.",
        ],
        ["families", "seniors"],
    ),
    "music": (
        ["Chor", "Musikverein", "Musikschule"],
        [
            "Wir singen Lieder aus vielen Ländern und geben Konzerte.",
            "Saz-, Gitarren- und Trommelkurse für Kinder und eine Schülerband.",
        ],
        ["children", "families"],
    ),
    "dance": (
        ["Tanzgruppe", "Tanzverein", "Folkloreensemble"],
        [
            "Volkstänze und Trachten aus unserer Heimat, Auftritte bei Festen.",
            "Tanzkurse für Kinder und Jugendliche, Proben im Stadtteilzentrum.",
        ],
        ["children", "young-people"],
    ),
    "football": (
        ["Fußballverein", "Jugendfußball", "Straßenfußball-Initiative"],
        [
            "Fußballtraining für Mädchen und Jungen, Turniere in den Ferien.",
            "Straßenfußball mit Fair-Play-Regeln bringt Jugendliche zusammen.",
        ],
        ["children", "young-people"],
    ),
    "language-courses": (
        ["Sprachschule", "Sprachcafé", "Sprachkurs-Initiative"],
        [
            "Deutschkurse für Erwachsene und Herkunftssprachen für Kinder.",
            "Ein Sprachcafé, in dem man Deutsch im Gespräch übt.",
        ],
        ["newcomers", "children"],
    ),
}
OFFERS = [
    "Räume für Treffen",
    "Dolmetschen bei Veranstaltungen",
    "Kontakte in die Community",
    "Hilfe beim Organisieren von Festen",
    "Erfahrung mit Förderanträgen",
    "gemeinsame Projekte mit Schulen",
    "ehrenamtliche Helferinnen und Helfer",
    "Auftritte bei Stadtteilfesten",
]
SEEKS = [
    "Partner für ein gemeinsames Projekt",
    "einen Proberaum",
    "Ehrenamtliche",
    "Kooperationen mit Schulen",
    "Sponsoren",
    "Trainerinnen und Trainer",
    "Räume am Wochenende",
    "Unterstützung bei der Öffentlichkeitsarbeit",
]
RARE = [
    "Kalligrafie",
    "Schachturnier",
    "Bienenzucht",
    "Origami",
    "Kampfkunst",
    "Theaterwerkstatt",
    "Imkerei",
    "Streetdance",
    "Capoeira",
    "Stickerei",
]
# one portrait in this many mentions a rare word; one in 50 Düsseldorf
RARE_EVERY = 40


def portraits(*, count: int, vocab: dict, seed: int = 7):
    """Yield ``(region_id, page_id, title, summary, body, facet ids per facet)``.

    ``vocab``: facet -> {slug: id} of the whole taxonomy (districts per region
    as names).
    """
    rng = random.Random(seed)
    themes = list(THEMES)
    for n in range(count):
        region_id = n % 3 + 1
        city, districts = CITIES[region_id]
        theme = themes[rng.randrange(len(themes))]
        names, sentences, groups = THEMES[theme]
        extra = rng.sample(themes, rng.choice((0, 1, 1, 2)))
        district = rng.choice(districts)
        origin = rng.choice(ORIGINS)
        title = f"{origin} {rng.choice(names)} {district} {n // 3 + 1}"
        summary = rng.choice(sentences)
        body = [rng.choice(s) for _n, s, _g in (THEMES[t] for t in extra)]
        body.append(f"Wir bieten {rng.choice(OFFERS)} und {rng.choice(OFFERS)}.")
        body.append(f"Wir suchen {rng.choice(SEEKS)}.")
        if n % RARE_EVERY == 0:
            body.append(f"Neu im Programm: {rng.choice(RARE)} für alle.")
        if n % 50 == 0:
            body.append("Partnerschaft mit einem Verein in Düsseldorf.")
        if n % 7 == 0:
            body.append(f"Unser Treffpunkt liegt an der {district}er Straße.")
        activities = [vocab["activity"][t] for t in [theme, *extra]]
        targets = [vocab["target_group"][g] for g in groups]
        languages = rng.sample(list(vocab["language"].values()), rng.choice((1, 2, 3)))
        yield {
            "region_id": region_id,
            "page_id": n + 1,
            "title": title,
            "summary": summary,
            "body": " ".join(body),
            "terms": {
                "activity": activities,
                "target_group": targets,
                "language": languages,
                "district": [vocab["district"][(region_id, district)]],
                "organisation_type": [
                    rng.choice(list(vocab["organisation_type"].values()))
                ],
                "migration": [rng.choice(list(vocab["migration"].values()))],
            },
            "city": city,
        }


def vector_texts(*, title: str, summary: str, body: str, term_text: str) -> tuple:
    """The four weighted texts, exactly as ``search.documents.page_row`` makes them."""
    return (
        f"{fold(title)} {compound_parts_text(title)}",
        fold(f"{summary} {term_text}"),
        fold(body),
        compound_parts_text(f"{title} {summary} {term_text} {body}"),
    )
