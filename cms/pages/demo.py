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
from wagtail.models import Locale
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
from cms.taxonomy import models as taxonomy
from cms.taxonomy.selectors import district_list
from tenants.context import in_region
from tenants.models import Region

PORTRAITS = 30
STORIES = 8
EVENTS = 10

CLUB_KINDS = [
    "Kulturverein",
    "Sportverein",
    "Elternverein",
    "Jugendinitiative",
    "Frauenverein",
    "Nachbarschaftsverein",
    "Bildungsverein",
    "Musikverein",
    "Freundeskreis",
    "Tanzgruppe",
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
ACTIVITIES = [
    "Hausaufgabenhilfe für Grundschulkinder",
    "einen Chor mit Liedern aus vielen Ländern",
    "Fußballtraining für Mädchen und Jungen",
    "Sprachcafés am Wochenende",
    "Beratung für Eltern beim Schulstart",
    "Kochabende mit Rezepten aus der Heimat",
    "Theaterprojekte mit Jugendlichen",
    "Ausflüge für Seniorinnen und Senioren",
    "Näh- und Handwerkskurse",
    "Feste im Stadtteil",
]
OFFERS = [
    "Räume für Treffen und Proben",
    "ehrenamtliche Übersetzerinnen und Übersetzer",
    "Erfahrung mit Kinder- und Jugendgruppen",
    "eine Küche für Feste",
    "Kontakte in die Nachbarschaft",
    "Musikerinnen und Musiker für Veranstaltungen",
]
SEEKS = [
    "einen Partnerverein für ein gemeinsames Sommerfest",
    "Unterstützung bei Förderanträgen",
    "Trainerinnen und Trainer",
    "einen Sportplatz am Wochenende",
    "Partner für ein Jugendaustauschprojekt",
    "Hilfe bei der Öffentlichkeitsarbeit",
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
STORY_TITLES = [
    "Gemeinsam auf dem Platz: {a} und {b}",
    "Wie {a} den Stadtteil zum Klingen bringt",
    "Vom Sprachcafé zur Freundschaft: {a}",
    "{a} und {b} kochen für die Nachbarschaft",
    "Ein Fest für alle: {a} lädt ein",
    "Hausaufgabenhilfe mit Herz bei {a}",
    "Neue Wege in der Jugendarbeit: {a} und {b}",
    "Zehn Jahre {a}: eine Erfolgsgeschichte",
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
STANDARD_PAGES = [
    (
        "projekt",
        "Über das Projekt",
        StandardPage.Kind.PROJECT,
        "INSIST macht das Engagement von Migrantenvereinen sichtbar und bringt Vereine "
        "mit und ohne Migrationsgeschichte zusammen.",
    ),
    (
        "kontakt",
        "Kontakt",
        StandardPage.Kind.CONTACT,
        "Das regionale Team erreichen Sie unter team@example.org.",
    ),
    (
        "impressum",
        "Impressum",
        StandardPage.Kind.IMPRINT,
        "Angaben gemäß § 5 DDG. (Demo-Inhalt: hier steht der Anbieter der Seite.)",
    ),
    (
        "datenschutz",
        "Datenschutzerklärung",
        StandardPage.Kind.PRIVACY,
        "Diese Seite lädt keine Inhalte von fremden Servern. (Demo-Inhalt.)",
    ),
]


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
    for slug, title, kind, text in STANDARD_PAGES:
        _page, made = _child(
            home,
            StandardPage,
            slug,
            title=title,
            kind=kind,
            intro=text,
            show_in_menus=kind == StandardPage.Kind.PROJECT,
            body=_paragraphs(text),
        )
        created["pages"] += made

    fields = list(taxonomy.FieldOfActivity.objects.filter(parent__isnull=True))
    groups = list(taxonomy.TargetGroup.objects.all())
    languages = list(taxonomy.ClubLanguage.objects.all())
    german = [lang for lang in languages if lang.slug == "de"]
    others = [lang for lang in languages if lang.slug != "de"]
    kinds = list(taxonomy.OrganisationKind.objects.all())
    references = list(taxonomy.MigrationReference.objects.all())
    districts = list(district_list(region=region))

    portraits = []
    for n in range(PORTRAITS):
        district = districts[n % len(districts)] if districts else None
        name = (
            f"{CLUB_KINDS[n % len(CLUB_KINDS)]} "
            f"{CLUB_NAMES[(n * 7) % len(CLUB_NAMES)]}"
            f"{' ' + district.name if district else ''} e.V."
        )
        slug = slugify(name.replace("ß", "ss"))[:60] or f"verein-{n}"
        consent = n % 2 == 0
        activity = ACTIVITIES[n % len(ACTIVITIES)]
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
            offers=OFFERS[n % len(OFFERS)],
            seeks=SEEKS[(n * 5) % len(SEEKS)],
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
            if fields:
                portrait.fields_of_activity.set(
                    rng.sample(fields, k=min(len(fields), 1 + n % 3))
                )
            if groups:
                portrait.target_groups.set(
                    rng.sample(groups, k=min(len(groups), 1 + n % 2))
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
    for n in range(STORIES):
        a, b = (
            portraits[(n * 3) % len(portraits)],
            portraits[(n * 3 + 1) % len(portraits)],
        )
        title = STORY_TITLES[n].format(a=a.title, b=b.title)
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
                "kennengelernt.",
                "Seitdem planen sie gemeinsame Angebote, teilen Räume und Wissen.",
            ),
            featured=n < 3,
        )
        if made:
            story.clubs.set([a, b] if "{b}" in STORY_TITLES[n] else [a])
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

    translated = _english_home(home)
    lines = [
        (f"{label}: {count} created" if count else f"{label}: all present", bool(count))
        for label, count in created.items()
    ]
    lines.append(translated)
    return lines


def _english_home(home) -> tuple[str, bool]:
    locale, _ = Locale.objects.get_or_create(language_code="en")
    if home.get_translation_or_none(locale) is not None:
        return ("English home page already there", False)
    english = home.copy_for_translation(locale)
    english.title = home.title
    english.intro = (
        "<p>Welcome to INSIST! Clubs introduce themselves here, show how they "
        "engage in their neighbourhoods and find partners for joint projects.</p>"
    )
    english.save_revision(log_action=False).publish(log_action=False)
    return ("English home page created", True)
