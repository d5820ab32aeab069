"""Invented demo content for one region: clubs, stories, events, standard pages.

Text is put together from word lists, so nothing describes a real club or
person: contact names use the surnames Beispiel, Muster and Exempel, and every
address is at example.org. ``demo_content_load`` is idempotent: pages are found
by their slug and never created twice.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.rich_text import RichText

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
from cms.pages.translations import page_aliases_ensure, page_translation_publish
from cms.taxonomy import models as taxonomy
from cms.taxonomy.selectors import district_list
from tenants.context import in_region
from tenants.models import Region

PORTRAITS = 30
STORIES = 8
EVENTS = 10

# Each kind of club tells one story: what it does, its fields of activity and
# target groups (taxonomy slugs), what it offers partners and what it looks for.
# Search, partner suggestions and the matching board are first judged on the
# demo: random combinations (a music club offering trips for seniors to
# students) make good ranking look wrong.
ARCHETYPES = [
    {
        "kind": "Kulturverein",
        "activity": "Lesungen, Ausstellungen und Kulturabende mit Kunst aus vielen "
        "Ländern",
        "fields": ["culture", "neighbourhood"],
        "groups": ["families", "newcomers"],
        "offers": "Räume für Treffen, Ausstellungen und Proben",
        "seeks": "einen Partnerverein für ein gemeinsames Sommerfest",
    },
    {
        "kind": "Sportverein",
        "activity": "Fußballtraining für Mädchen und Jungen",
        "fields": ["sport", "football", "youth"],
        "groups": ["children", "young-people"],
        "offers": "einen Sportplatz und Erfahrung mit Kinder- und Jugendgruppen",
        "seeks": "Trainerinnen und Trainer, die mehrere Sprachen sprechen",
    },
    {
        "kind": "Elternverein",
        "activity": "Beratung für Eltern beim Schulstart und Elterncafés",
        "fields": ["parents-associations", "counselling", "education"],
        "groups": ["parents", "families"],
        "offers": "ehrenamtliche Übersetzerinnen und Übersetzer für Elterngespräche",
        "seeks": "Unterstützung bei Förderanträgen",
    },
    {
        "kind": "Jugendinitiative",
        "activity": "Theaterprojekte und Medienworkshops mit Jugendlichen",
        "fields": ["youth", "culture"],
        "groups": ["young-people"],
        "offers": "Erfahrung mit Jugendgruppen und eine kleine Bühne",
        "seeks": "Partner für ein Jugendaustauschprojekt",
    },
    {
        "kind": "Frauenverein",
        "activity": "Näh- und Handwerkskurse und ein offenes Frauenfrühstück",
        "fields": ["women", "neighbourhood"],
        "groups": ["women", "newcomers"],
        "offers": "eine Küche und Räume für Frauengruppen",
        "seeks": "Hilfe bei der Öffentlichkeitsarbeit",
    },
    {
        "kind": "Nachbarschaftsverein",
        "activity": "Feste im Stadtteil und Kochabende mit Rezepten aus der Heimat",
        "fields": ["neighbourhood", "culture"],
        "groups": ["families", "seniors"],
        "offers": "Kontakte in die Nachbarschaft und eine Küche für Feste",
        "seeks": "einen Partnerverein für ein gemeinsames Sommerfest",
    },
    {
        "kind": "Bildungsverein",
        "activity": "Hausaufgabenhilfe für Grundschulkinder und Sprachcafés",
        "fields": ["education", "language-courses"],
        "groups": ["children", "newcomers"],
        "offers": "ehrenamtliche Lernbegleiterinnen und Lernbegleiter",
        "seeks": "Räume für die Hausaufgabenhilfe am Nachmittag",
    },
    {
        "kind": "Musikverein",
        "activity": "einen Chor und eine Band mit Liedern aus vielen Ländern",
        "fields": ["music", "culture"],
        "groups": ["young-people", "families"],
        "offers": "Musikerinnen und Musiker für Feste und Veranstaltungen",
        "seeks": "einen Proberaum am Abend",
    },
    {
        "kind": "Seniorentreff",
        "activity": "Ausflüge und Gesprächskreise für Seniorinnen und Senioren",
        "fields": ["seniors", "neighbourhood"],
        "groups": ["seniors"],
        "offers": "Zeit und Lebenserfahrung für Patenschaften",
        "seeks": "junge Menschen für ein Erzählcafé zwischen den Generationen",
    },
    {
        "kind": "Tanzgruppe",
        "activity": "Tanzkurse mit Volkstänzen aus vielen Ländern",
        "fields": ["dance", "culture"],
        "groups": ["young-people", "women"],
        "offers": "Tanzauftritte für Feste und Veranstaltungen",
        "seeks": "einen Saal zum Üben am Wochenende",
    },
    {
        "kind": "Umweltinitiative",
        "activity": "Gemeinschaftsgärten und Aufräumaktionen im Stadtteil",
        "fields": ["environment", "neighbourhood"],
        "groups": ["families", "children"],
        "offers": "Beete und Werkzeug für gemeinsame Gartenprojekte",
        "seeks": "Vereine, die mit uns einen Gemeinschaftsgarten anlegen",
    },
    {
        "kind": "Dialogkreis",
        "activity": "interreligiöse Gespräche und offene Türen in Gemeinderäumen",
        "fields": ["religion", "counselling"],
        "groups": ["families", "refugees"],
        "offers": "Gemeinderäume für Begegnungen",
        "seeks": "Partner für eine Gesprächsreihe über Vielfalt im Stadtteil",
    },
]
CLUB_NAMES = [
    "Brücke",
    "Miteinander",
    "Regenbogen",
    "Zukunft",
    "Horizont",
    "Begegnung",
    "Vielfalt",
    "Sonnenblume",
    "Kompass",
    "Weltoffen",
    "Lindenhof",
    "Morgenrot",
]
FIRST_NAMES = [
    "Aylin",
    "Jonas",
    "Olena",
    "Mehmet",
    "Sofia",
    "Karim",
    "Marie",
    "Dmitri",
    "Leyla",
    "Paul",
    "Fatma",
    "Lukas",
]
SURNAMES = ["Beispiel", "Muster", "Exempel"]
# (title, kind of the first club, kind of the second club or None): each story
# is told by clubs it fits; with two clubs, the second is of another kind.
STORY_SPECS = [
    ("Gemeinsam auf dem Platz: {a} und {b}", "Sportverein", "Elternverein"),
    ("Wie {a} den Stadtteil zum Klingen bringt", "Musikverein", None),
    ("Vom Sprachcafé zur Freundschaft: {a}", "Bildungsverein", None),
    (
        "{a} und {b} kochen für die Nachbarschaft",
        "Nachbarschaftsverein",
        "Frauenverein",
    ),
    ("Ein Fest für alle: {a} lädt ein", "Kulturverein", None),
    ("Gärtnern verbindet: {a} und {b}", "Umweltinitiative", "Seniorentreff"),
    ("Neue Wege in der Jugendarbeit: {a} und {b}", "Jugendinitiative", "Sportverein"),
    ("Zehn Jahre {a}: eine Erfolgsgeschichte", "Tanzgruppe", None),
]
EVENT_SPECS = [
    (EventPage.Kind.FORUM, "Vereinsforum Jugend", "Jugend"),
    (EventPage.Kind.FAIR, "Vereinsmesse", "Markt der Möglichkeiten"),
    (EventPage.Kind.WORKSHOP, "Workshop Fördermittel", "Förderanträge"),
    (EventPage.Kind.TRAINING, "Training interkulturelle Kompetenz", "Kommunikation"),
    (EventPage.Kind.TALK, "Sprechstunde für Vereine", "Beratung"),
    (
        EventPage.Kind.POLITICS,
        "Vereine im Gespräch mit Politik und Verwaltung",
        "Teilhabe",
    ),
    (EventPage.Kind.FORUM, "Vereinsforum Kultur", "Kultur"),
    (EventPage.Kind.FORUM, "Vereinsforum Sport", "Sport"),
    (EventPage.Kind.FORUM, "Vereinsforum Elternvereine", "Elternvereine"),
    (EventPage.Kind.WORKSHOP, "Workshop Öffentlichkeitsarbeit", "Social Media"),
]
VENUES = ["Stadtteilzentrum", "Bürgerhaus", "Begegnungsstätte", "Rathaus, Saal 2"]
# The regional team: invented people (surnames Beispiel, Muster, Exempel) with
# addresses at example.org and numbers from the range reserved for fiction.
TEAM = [
    ("Aylin Beispiel", "Projektleitung", "aylin.beispiel", "+49 30 23125 101"),
    (
        "Jonas Muster",
        "Vereinsberatung und Partnersuche",
        "jonas.muster",
        "+49 30 23125 102",
    ),
    (
        "Olena Exempel",
        "Veranstaltungen und Trainings",
        "olena.exempel",
        "+49 30 23125 103",
    ),
]
DEMO_NOTE = "(Demo-Inhalt: alle Namen, Adressen und Nummern sind erfunden.)"
STANDARD_PAGES = [
    ("projekt", "Über das Projekt", StandardPage.Kind.PROJECT),
    ("mitmachen", "Mitmachen", StandardPage.Kind.PARTICIPATE),
    ("kontakt", "Kontakt", StandardPage.Kind.CONTACT),
    ("impressum", "Impressum", StandardPage.Kind.IMPRINT),
    ("datenschutz", "Datenschutzerklärung", StandardPage.Kind.PRIVACY),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        StandardPage.Kind.ACCESSIBILITY,
    ),
]
MENU_KINDS = (StandardPage.Kind.PROJECT, StandardPage.Kind.PARTICIPATE)


def _team_html(region_slug: str) -> str:
    rows = "".join(
        f"<li><b>{name}</b>, {role}: "
        f'<a href="mailto:{mail}@{region_slug}.example.org">'
        f"{mail}@{region_slug}.example.org</a>, "
        f'<a href="tel:{phone.replace(" ", "")}">{phone}</a></li>'
        for name, role, mail, phone in TEAM
    )
    return f"<ul>{rows}</ul>"


def _standard_texts(*, region, links: dict) -> dict[str, tuple[str, list]]:
    """Introduction and body of each standard page, by slug (German)."""
    team = f"team@{region.schema_name}.example.org"

    def link(key, text):
        page = links.get(key)
        if page is None:
            return text
        return f'<a linktype="page" id="{page.pk}">{text}</a>'

    return {
        "projekt": (
            "INSIST macht das Engagement von Migrantenvereinen sichtbar und bringt "
            "Vereine mit und ohne Migrationsgeschichte zusammen.",
            _paragraphs(
                f"In {region.name} begleitet ein regionales Team die Vereine: mit "
                "Vereinsforen, einer Vereinsmesse, Trainings und der Suche nach "
                "Kooperationspartnern.",
                DEMO_NOTE,
            ),
        ),
        "mitmachen": (
            "So machen Vereine bei INSIST mit: vier Wege, und ein Team, das hilft.",
            _paragraphs(
                f"<b>Vereinsforen:</b> Vereine tauschen sich zu Jugend, Kultur, Sport "
                f"und Elternarbeit aus. Die Termine stehen unter "
                f"{link('events', 'Veranstaltungen')}.",
                "<b>Vereinsmesse:</b> Einmal im Jahr stellen sich die Vereine auf dem "
                "Markt der Möglichkeiten vor; beim Speed-Dating finden sie Partner.",
                "<b>Trainings:</b> Kostenlose Trainings zu interkultureller Kompetenz, "
                "Förderanträgen und Öffentlichkeitsarbeit.",
                f"<b>Partnersuche:</b> Im {link('directory', 'Vereinsverzeichnis')} "
                "zeigen Vereine, was sie bieten und was sie suchen.",
                '<b>Verein eintragen:</b> Ihr Verein fehlt noch? <a href="/mitmachen/'
                'verein-eintragen/">Tragen Sie ihn selbst ein</a>; schon gelistete '
                'Vereine <a href="/mitmachen/verein-aendern/">ändern ihr Porträt '
                "hier</a>. Das Team prüft jeden Eintrag vor der Veröffentlichung.",
                f"<b>Das Team erreichen:</b> per E-Mail an "
                f'<a href="mailto:{team}">{team}</a> oder über die '
                f"{link('contact', 'Kontaktseite')}.",
            ),
        ),
        "kontakt": (
            f"Das regionale INSIST-Team in {region.name} ist für Vereine da.",
            [
                ("paragraph", RichText(_team_html(region.schema_name))),
                *_paragraphs(
                    f'Allgemeine Anfragen: <a href="mailto:{team}">{team}</a>, '
                    "Telefon +49 30 23125 100 (Mo bis Do, 10 bis 16 Uhr).",
                    f"Postanschrift: INSIST {region.name}, Musterstraße 1, "
                    f"00000 {region.name}. {DEMO_NOTE}",
                ),
            ],
        ),
        "impressum": (
            "Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG).",
            _paragraphs(
                f"Anbieter: Trägerverein INSIST {region.name} e. V. (erfunden), "
                f"Musterstraße 1, 00000 {region.name}.",
                f"Vertreten durch den Vorstand: {TEAM[0][0]}. "
                f'E-Mail: <a href="mailto:{team}">{team}</a>, '
                "Telefon +49 30 23125 100.",
                "Registergericht: Amtsgericht Musterstadt, VR 00000 (erfunden).",
                "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV: "
                f"{TEAM[0][0]}, Anschrift wie oben.",
                DEMO_NOTE,
            ),
        ),
        "datenschutz": (
            "Was diese Seite über Sie speichert, warum und wie lange.",
            _paragraphs(
                "<b>Keine fremden Server:</b> Diese Seite lädt keine Schriften, "
                "Skripte, Karten oder Videos von anderen Anbietern. Es gibt keine "
                "Statistik- oder Werbe-Cookies.",
                "<b>Cookies:</b> <i>csrftoken</i> wird gesetzt, wenn Sie ein Formular "
                "öffnen (Anmeldung zu einer Veranstaltung); es schützt das Formular "
                "vor Missbrauch durch andere Seiten und enthält keine Angaben über "
                "Sie. <i>messages</i> trägt nach einer Anmeldung die Bestätigung "
                "bis zur "
                "nächsten Seite und wird dann gelöscht. <i>sessionid</i> wird nur "
                "gesetzt, wenn sich ein Redaktionsmitglied anmeldet; es endet nach "
                "zwei Wochen.",
                "<b>Anmeldung zu Veranstaltungen:</b> Wir speichern Ihren Namen, Ihre "
                "E-Mail-Adresse und den Zeitpunkt der Anmeldung, um die Plätze zu "
                "verwalten und Sie bei Änderungen zu informieren (Art. 6 Abs. 1 "
                "lit. b DSGVO). Nur das regionale Team sieht diese Angaben. Sie "
                "werden 90 Tage nach der Veranstaltung gelöscht.",
                "<b>Kontaktdaten von Vereinen:</b> Name und E-Mail einer "
                "Ansprechperson erscheinen nur mit ihrer dokumentierten "
                "Einwilligung, die jederzeit "
                "widerrufen werden kann.",
                f"<b>Ihre Rechte:</b> Auskunft, Berichtigung, Löschung, Einschränkung, "
                f'Widerspruch: <a href="mailto:{team}">{team}</a>. Sie können sich bei '
                "einer Datenschutzaufsichtsbehörde beschweren.",
                DEMO_NOTE,
            ),
        ),
        "barrierefreiheit": (
            "Diese Erklärung gilt für die Seiten von INSIST "
            f"{region.name} (Barrierefreie-Informationstechnik-Verordnung, BITV 2.0).",
            _paragraphs(
                "<b>Stand der Vereinbarkeit:</b> Die Seiten sind weitgehend mit der "
                "BITV 2.0 vereinbar. Geprüft wurde durch eine Selbstbewertung und "
                "automatische Tests (axe-core) jeder Seitenart auf Deutsch und "
                "Arabisch.",
                "<b>Nicht barrierefreie Inhalte:</b> Seiten, die noch nicht übersetzt "
                "sind, erscheinen in anderen Sprachen auf Deutsch (sie sind als "
                "deutscher Text ausgezeichnet). Dokumente der Vereine (PDF) sind "
                "nicht immer barrierefrei.",
                f"<b>Feedback und Kontakt:</b> Barrieren melden Sie an "
                f'<a href="mailto:barrierefreiheit@{region.schema_name}.example.org">'
                f"barrierefreiheit@{region.schema_name}.example.org</a> oder "
                f"telefonisch an {TEAM[0][0]}, {TEAM[0][3]}. Wir antworten innerhalb "
                "von zwei Wochen.",
                "<b>Schlichtungsverfahren:</b> Bleibt Ihre Anfrage ohne befriedigende "
                "Antwort, können Sie die Schlichtungsstelle nach § 16 "
                "Behindertengleichstellungsgesetz (BGG) anrufen.",
                "Erstellt am 26. November 2026. " + DEMO_NOTE,
            ),
        ),
    }


def _paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def _child(parent, model, slug, **fields):
    """The child page with ``slug`` under ``parent``, created when missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, live=True, **fields)
    parent.add_child(instance=page)
    return page, True


def demo_content_load(*, region: Region, now=None) -> list[tuple[str, bool]]:
    """Fill ``region`` with invented content, in one transaction. Idempotent."""
    with in_region(region), transaction.atomic():
        return _demo_content_load(region=region, now=now or timezone.now())


def _demo_content_load(*, region: Region, now) -> list[tuple[str, bool]]:
    rng = random.Random(region.slug)
    home = home_page(region=region, locale="de")
    if home is None:
        raise HomePage.DoesNotExist(f"Region '{region.slug}' has no German home page.")
    created = {"portraits": 0, "stories": 0, "events": 0, "pages": 0}

    if not home.intro:
        home.intro = (
            f"<p>Willkommen bei INSIST {region.name}! Hier stellen sich Vereine vor, "
            "die sich für ihre Nachbarschaft engagieren, und finden Partner für "
            "gemeinsame Projekte.</p>"
        )
        home.save_revision(log_action=False).publish(log_action=False)

    clubs, _ = _child(
        home,
        ClubIndexPage,
        "vereine",
        title="Vereinsverzeichnis",
        show_in_menus=True,
        intro="Alle Vereine der Region, nach Themen filterbar.",
    )
    stories, _ = _child(
        home,
        StoryIndexPage,
        "geschichten",
        title="Vereinsgeschichten",
        show_in_menus=True,
    )
    events, _ = _child(
        home,
        EventIndexPage,
        "veranstaltungen",
        title="Veranstaltungen",
        show_in_menus=True,
    )
    standard = {}
    for slug, title, kind in STANDARD_PAGES:
        standard[slug], made = _child(
            home,
            StandardPage,
            slug,
            title=title,
            kind=kind,
            show_in_menus=kind in MENU_KINDS,
        )
        if made:
            # Written once the pages exist, so the texts can link to them.
            created["pages"] += 1
    texts = _standard_texts(
        region=region,
        links={
            "directory": clubs,
            "events": events,
            "contact": standard["kontakt"],
        },
    )
    for slug, page in standard.items():
        if not page.intro:
            page.intro, page.body = texts[slug]
            page.save_revision(log_action=False).publish(log_action=False)

    fields = {term.slug: term for term in taxonomy.FieldOfActivity.objects.all()}
    groups = {term.slug: term for term in taxonomy.TargetGroup.objects.all()}
    languages = list(taxonomy.ClubLanguage.objects.all())
    german = [lang for lang in languages if lang.slug == "de"]
    others = [lang for lang in languages if lang.slug != "de"]
    kinds = list(taxonomy.OrganisationKind.objects.all())
    references = list(taxonomy.MigrationReference.objects.all())
    districts = list(district_list(region=region))

    portraits = []
    for n in range(PORTRAITS):
        district = districts[n % len(districts)] if districts else None
        club = ARCHETYPES[n % len(ARCHETYPES)]
        name = (
            f"{club['kind']} "
            f"{CLUB_NAMES[(n * 7) % len(CLUB_NAMES)]}"
            f"{' ' + district.name if district else ''} e.V."
        )
        slug = slugify(name.replace("ß", "ss"))[:60] or f"verein-{n}"
        consent = n % 2 == 0
        activity = club["activity"]
        portrait, made = _child(
            clubs,
            ClubPortraitPage,
            slug,
            title=name,
            summary=f"Wir bieten {activity} und laden alle Interessierten ein.",
            description=_paragraphs(
                f"Der {name} wurde von Menschen aus der Nachbarschaft gegründet. "
                f"Heute bieten wir {activity}.",
                "Bei uns engagieren sich Menschen mit vielen Sprachen und "
                "Geschichten. Neue Mitglieder sind herzlich willkommen.",
            ),
            founding_year=1975 + (n * 3) % 48,
            member_count=15 + (n * 37) % 300,
            website=f"https://{slug}.example.org/",
            offers=club["offers"],
            seeks=club["seeks"],
            contact_name=(
                f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {SURNAMES[n % len(SURNAMES)]}"
            ),
            contact_email=f"kontakt@{slug}.example.org",
            contact_consent=consent,
            contact_consent_date=(now.date() - datetime.timedelta(days=30 + n))
            if consent
            else None,
            organisation_kind=kinds[n % len(kinds)] if kinds else None,
            migration_reference=references[n % len(references)] if references else None,
            district=district,
        )
        if made:
            portrait.fields_of_activity.set(
                [fields[slug] for slug in club["fields"] if slug in fields]
            )
            portrait.target_groups.set(
                [groups[slug] for slug in club["groups"] if slug in groups]
            )
            if languages:
                portrait.languages.set(
                    german + rng.sample(others, k=min(len(others), n % 3))
                )
            portrait.links.create(
                label="Instagram", url=f"https://instagram.example.org/{slug}"
            )
            portrait.save()
            created["portraits"] += 1
        portraits.append(portrait)

    story_kinds = list(StoryPage.Kind)
    by_kind: dict[str, list] = {}
    for n, portrait in enumerate(portraits):
        by_kind.setdefault(ARCHETYPES[n % len(ARCHETYPES)]["kind"], []).append(portrait)
    for n, (template, kind_a, kind_b) in enumerate(STORY_SPECS[:STORIES]):
        # A smaller demo (the browser tests load 3 portraits) lacks some kinds.
        a = (by_kind.get(kind_a) or portraits)[0]
        b = (by_kind.get(kind_b) or portraits)[-1] if kind_b else None
        if b == a:
            b = None
        title = template.format(a=a.title, b=b.title if b else "")
        story, made = _child(
            stories,
            StoryPage,
            f"geschichte-{n + 1}",
            title=title[:250],
            kind=story_kinds[n % len(story_kinds)],
            date=now.date() - datetime.timedelta(days=12 * n + 3),
            teaser=f"{a.title} zeigt, was Engagement im Stadtteil bewegt.",
            body=_paragraphs(
                f"{a.title} und {b.title} haben sich bei einem Vereinsforum "
                "kennengelernt."
                if b
                else f"{a.title} hat beim Vereinsforum neue Partner gefunden.",
                "Seitdem planen sie gemeinsame Angebote, teilen Räume und Wissen.",
            ),
            featured=n < 3,
        )
        if made:
            story.clubs.set([a, b] if b else [a])
            story.save()
            created["stories"] += 1

    today = now.astimezone(timezone.get_default_timezone()).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    for n, (kind, title, theme) in enumerate(EVENT_SPECS):
        start = today + datetime.timedelta(days=(n - 4) * 17, hours=17 + n % 3)
        online = n % 4 == 3
        form = n % 3 == 0
        _event, made = _child(
            events,
            EventPage,
            f"termin-{n + 1}",
            title=title,
            kind=kind,
            theme=theme,
            fair_market=kind == EventPage.Kind.FAIR,
            fair_speed_dating=kind == EventPage.Kind.FAIR,
            start=start,
            end=start + datetime.timedelta(hours=2 + n % 3),
            format=EventPage.Format.ONLINE if online else EventPage.Format.ONSITE,
            venue="" if online else VENUES[n % len(VENUES)],
            address="" if online else f"Musterstraße {n + 3}, {region.name}",
            online_url="https://treffen.example.org/insist" if online else "",
            teaser=f"{title}: Austausch, Kontakte und neue Ideen für Vereine.",
            body=_paragraphs("Die Teilnahme ist kostenlos. Für Getränke ist gesorgt."),
            registration=EventPage.Registration.FORM
            if form
            else EventPage.Registration.LINK,
            registration_url="" if form else "https://anmeldung.example.org/insist",
            capacity=40 if form else None,
        )
        created["events"] += made

    lines = [
        (f"{label}: {count} created" if count else f"{label}: all present", bool(count))
        for label, count in created.items()
    ]
    lines += page_aliases_ensure(region=region)
    lines.append(
        _translations(
            region=region,
            home=home,
            sections={"clubs": clubs, "stories": stories, "events": events},
            standard=standard,
            portrait=portraits[0],
            story=StoryPage.objects.child_of(stories).get(slug="geschichte-1"),
            event=EventPage.objects.child_of(events).get(slug="termin-7"),
        )
    )
    return lines


def _translations(
    *, region, home, sections, standard, portrait, story, event
) -> tuple[str, bool]:
    """Every page type in English, most of them in Arabic too; the rest stays
    an alias of German, so both states show on the demo."""
    team = f"team@{region.schema_name}.example.org"
    plans = [
        (
            home,
            {
                "en": {
                    "title": f"INSIST {region.name}",
                    "intro": "<p>Welcome to INSIST! Clubs introduce themselves "
                    "here, show how they engage in their neighbourhoods and find "
                    "partners for joint projects.</p>",
                },
                "ar": {
                    "title": f"إنسيست {region.name}",
                    "intro": "<p>أهلاً بكم في إنسيست! تعرّف الجمعيات هنا بنفسها، "
                    "وتعرض نشاطها في الأحياء، وتجد شركاء لمشاريع مشتركة.</p>",
                },
            },
        ),
        (
            sections["clubs"],
            {
                "en": {
                    "title": "Club directory",
                    "intro": "All clubs of the region, filterable by topic.",
                },
                "ar": {
                    "title": "دليل الجمعيات",
                    "intro": "جميع جمعيات المنطقة، مع إمكانية التصفية حسب الموضوع.",
                },
            },
        ),
        (sections["stories"], {"en": {"title": "Club stories"}}),
        (
            sections["events"],
            {
                "en": {"title": "Events"},
                "ar": {"title": "الفعاليات"},
            },
        ),
        (
            portrait,
            {
                "en": {
                    "summary": "We offer homework help for primary school children "
                    "and welcome everyone who is interested.",
                    "offers": "Rooms for meetings and rehearsals",
                    "seeks": "A partner club for a joint summer festival",
                    "description": _paragraphs(
                        "The club was founded by people from the neighbourhood. "
                        "Today we offer homework help for primary school children.",
                    ),
                },
                "ar": {
                    "summary": "نقدّم المساعدة في الواجبات المدرسية لأطفال المرحلة "
                    "الابتدائية، ونرحّب بكل المهتمين.",
                    "offers": "قاعات للقاءات والتدريبات",
                    "seeks": "جمعية شريكة لمهرجان صيفي مشترك",
                    "description": _paragraphs(
                        "أسّس الجمعيةَ أشخاصٌ من الحيّ. نقدّم اليوم المساعدة في "
                        "الواجبات المدرسية لأطفال المرحلة الابتدائية.",
                    ),
                },
            },
        ),
        (
            story,
            {
                "en": {
                    "title": "Together on the pitch",
                    "teaser": "Two clubs show what engagement in the neighbourhood "
                    "can achieve.",
                    "body": _paragraphs(
                        "The two clubs met at a club forum. Since then they plan "
                        "joint offers and share rooms and knowledge.",
                    ),
                },
            },
        ),
        (
            event,
            {
                "en": {
                    "title": "Club forum on culture",
                    "theme": "Culture",
                    "teaser": "Club forum on culture: exchange, contacts and new "
                    "ideas for clubs.",
                    "body": _paragraphs("Taking part is free. Drinks are provided."),
                },
                "ar": {
                    "title": "منتدى الجمعيات: الثقافة",
                    "theme": "الثقافة",
                    "teaser": "منتدى الجمعيات حول الثقافة: تبادل وتواصل وأفكار جديدة.",
                    "body": _paragraphs("المشاركة مجانية، والمشروبات متوفرة."),
                },
            },
        ),
        (
            standard["mitmachen"],
            {
                "en": {
                    "title": "Take part",
                    "intro": "Four ways for clubs to take part in INSIST, and a team "
                    "that helps.",
                    "body": _paragraphs(
                        "<b>Club forums:</b> clubs exchange ideas on youth, culture, "
                        "sport and parents' work.",
                        "<b>Club fair:</b> once a year clubs present themselves at "
                        "the market of opportunities; speed dating finds partners.",
                        "<b>Trainings:</b> free trainings in intercultural "
                        "competence, funding applications and public relations.",
                        "<b>Partner search:</b> in the club directory clubs show what "
                        "they offer and what they look for.",
                        f'<b>Reach the team:</b> <a href="mailto:{team}">{team}</a>.',
                    ),
                },
                "ar": {
                    "title": "شارك معنا",
                    "intro": "أربع طرق لمشاركة الجمعيات في إنسيست، وفريق يساعدك.",
                    "body": _paragraphs(
                        "<b>منتديات الجمعيات:</b> تتبادل الجمعيات الخبرات حول "
                        "الشباب والثقافة والرياضة وعمل أولياء الأمور.",
                        "<b>معرض الجمعيات:</b> مرة في السنة تعرّف الجمعيات بنفسها "
                        "في سوق الفرص.",
                        "<b>الدورات التدريبية:</b> دورات مجانية في الكفاءة "
                        "بين الثقافات.",
                        "<b>البحث عن شركاء:</b> في دليل الجمعيات تعرض الجمعيات ما "
                        "تقدّمه وما تبحث عنه.",
                        f'<b>تواصل مع الفريق:</b> <a href="mailto:{team}">{team}</a>',
                    ),
                },
            },
        ),
        (
            standard["kontakt"],
            {
                "en": {
                    "title": "Contact",
                    "intro": f"The regional INSIST team in {region.name} is there "
                    "for clubs.",
                    "body": [
                        ("paragraph", RichText(_team_html(region.schema_name))),
                        *_paragraphs(
                            f'General enquiries: <a href="mailto:{team}">{team}</a>, '
                            "phone +49 30 23125 100 (Monday to Thursday, 10 am to "
                            "4 pm). (Demo content: every name is invented.)"
                        ),
                    ],
                },
            },
        ),
        (
            standard["impressum"],
            {
                "en": {
                    "title": "Imprint",
                    "intro": "Information according to § 5 of the German Digital "
                    "Services Act (DDG).",
                },
            },
        ),
        (
            standard["datenschutz"],
            {
                "en": {
                    "title": "Privacy notice",
                    "intro": "What this site stores about you, why and for how long.",
                    "body": _paragraphs(
                        "<b>No third-party servers:</b> no fonts, scripts, maps or "
                        "videos from other providers; no statistics or advertising "
                        "cookies.",
                        "<b>Cookies:</b> <i>csrftoken</i> is set when you open a form "
                        "and protects it against misuse by other sites. "
                        "<i>messages</i> carries the confirmation of a registration "
                        "to the next "
                        "page and is then deleted. <i>sessionid</i> is set only when "
                        "an editor logs in.",
                        "<b>Event registration:</b> we store your name, your email "
                        "address and the time of registration to manage the places. "
                        "Only the regional team sees them. They are deleted 90 days "
                        "after the event.",
                        f'<b>Your rights:</b> <a href="mailto:{team}">{team}</a>.',
                    ),
                },
            },
        ),
        (
            standard["barrierefreiheit"],
            {
                "en": {
                    "title": "Accessibility statement",
                    "intro": "This statement covers the INSIST pages of "
                    f"{region.name} (German BITV 2.0).",
                    "body": _paragraphs(
                        "<b>Compliance:</b> the pages are largely compliant with BITV "
                        "2.0, checked by self-assessment and automated tests.",
                        "<b>Not accessible:</b> pages not yet translated are shown in "
                        "German (and marked as German text).",
                        '<b>Feedback:</b> <a href="mailto:barrierefreiheit@'
                        f'{region.schema_name}.example.org">barrierefreiheit@'
                        f"{region.schema_name}.example.org</a>, {TEAM[0][3]}.",
                        "<b>Conciliation:</b> the conciliation body under § 16 of "
                        "the German Disability Equality Act (BGG).",
                    ),
                },
            },
        ),
    ]
    made = 0
    for page, languages in plans:
        for language, fields in languages.items():
            _translated, changed = page_translation_publish(
                page=page, language=language, fields=fields, replace=False
            )
            made += changed
    if made:
        return (f"translations (English, Arabic): {made} published", True)
    return ("translations (English, Arabic): all present", False)
