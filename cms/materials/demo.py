"""Demo training materials: a dozen, over the three programme regions and every
scope and status, some translated, each file a tiny PDF generated here.

``materials_demo_load(region=...)`` is idempotent (materials are found by their
region and slug) and also adds the region's library page under its home page.
Authors are invented (surnames Beispiel, Muster, Exempel).
"""

from dataclasses import dataclass, field

from django.db import transaction

from cms.materials.models import Material, Topic
from cms.materials.services import material_create, material_moderate
from cms.taxonomy.models import ClubLanguage
from tenants.context import in_region
from tenants.models import Region

Lines = list[tuple[str, bool]]
S, St, F, L = Material.Scope, Material.Status, Material.Format, Material.Licence


@dataclass(frozen=True)
class DemoMaterial:
    slug: str
    title: str
    summary: str
    format: str
    topics: tuple[str, ...]
    scope: str
    status: str  # what the demo ends with: draft, pending, approved, rejected
    licence: str = L.CC_BY
    languages: tuple[str, ...] = ("de",)
    audience: str = "Vereinsvorstände und Ehrenamtliche"
    duration: int | None = None
    author: str = ""
    organisation: str = ""
    link: str = ""
    description: str = ""
    translations: dict = field(default_factory=dict)
    note: str = ""


DEMO = {
    "dortmund": [
        DemoMaterial(
            "konflikte-im-verein-loesen",
            "Methodenkarte: Konflikte im Verein gemeinsam lösen",
            "Eine Schritt-für-Schritt-Methode, mit der Vorstände Konflikte zwischen "
            "Mitgliedern moderieren, bevor sie eskalieren.",
            F.METHOD_CARD,
            ("conflicts", "intercultural-communication"),
            S.PUBLIC,
            St.APPROVED,
            languages=("de", "en", "tr"),
            duration=90,
            author="Ayşe Beispiel",
            organisation="INSIST Dortmund",
            description="Die Karte führt durch vier Schritte: Anliegen sammeln, "
            "Interessen klären, Lösungen suchen, Vereinbarung festhalten.",
            translations={
                "en": {
                    "title": "Method card: resolving conflicts in a club together",
                    "summary": "A step-by-step method for boards to moderate "
                    "conflicts between members before they escalate.",
                },
                "tr": {
                    "title": "Yöntem kartı: Dernekte çatışmaları birlikte çözmek",
                    "summary": "Yönetim kurullarının üyeler arasındaki çatışmaları "
                    "büyümeden yönetmesi için adım adım bir yöntem.",
                },
            },
        ),
        DemoMaterial(
            "checkliste-diskriminierungssensible-feste",
            "Checkliste: Diskriminierungssensible Vereinsfeste",
            "Woran ein Vereinsfest denken sollte, damit sich alle willkommen fühlen: "
            "Einladung, Essen, Sprache, Barrieren.",
            F.CHECKLIST,
            ("anti-discrimination", "club-management"),
            S.ALL_REGIONS,
            St.APPROVED,
            licence=L.CC_BY_SA,
            author="Jonas Muster",
            organisation="INSIST Dortmund",
        ),
        DemoMaterial(
            "foerdermittel-nrw",
            "Handout: Fördermittel für Migrantenorganisationen in NRW",
            "Landes- und Kommunalprogramme, Fristen und Ansprechstellen in Dortmund "
            "auf zwei Seiten.",
            F.HANDOUT,
            ("funding",),
            S.REGION,
            St.APPROVED,
            licence=L.ALL_RIGHTS,
            organisation="INSIST Dortmund",
        ),
        DemoMaterial(
            "generationenwechsel-im-vorstand",
            "Präsentation: Generationenwechsel im Vorstand",
            "Folien für einen Workshopabend: wie junge Mitglieder Verantwortung "
            "übernehmen und Erfahrene ihr Wissen weitergeben.",
            F.SLIDES,
            ("club-management", "volunteering"),
            S.ALL_REGIONS,
            St.PENDING,
            duration=120,
            author="Mehmet Exempel",
        ),
    ],
    "potsdam": [
        DemoMaterial(
            "kooperationsvereinbarungen",
            "Leitfaden: Kooperationsvereinbarungen zwischen Vereinen",
            "Was zwei Vereine vor einem gemeinsamen Projekt klären und schriftlich "
            "festhalten sollten, mit Mustervereinbarung.",
            F.GUIDE,
            ("cooperation", "club-management"),
            S.PUBLIC,
            St.APPROVED,
            languages=("de", "en", "ru", "uk"),
            author="Olena Beispiel",
            organisation="INSIST Potsdam",
            translations={
                "en": {
                    "title": "Guide: cooperation agreements between clubs",
                    "summary": "What two clubs should settle and write down before "
                    "a joint project, with a model agreement.",
                },
                "uk": {
                    "title": "Посібник: угоди про співпрацю між об'єднаннями",
                    "summary": "Що двом об'єднанням варто узгодити й записати перед "
                    "спільним проєктом, зі зразком угоди.",
                },
            },
        ),
        DemoMaterial(
            "ehrenamtliche-gewinnen",
            "Arbeitsblatt: Ehrenamtliche gewinnen und halten",
            "Fragen, mit denen ein Verein herausfindet, was Ehrenamtliche brauchen, "
            "um dabeizubleiben.",
            F.WORKSHEET,
            ("volunteering",),
            S.ALL_REGIONS,
            St.APPROVED,
            duration=45,
            organisation="INSIST Potsdam",
        ),
        DemoMaterial(
            "sprachmittlung-elternabend",
            "Methodenkarte: Sprachmittlung beim Elternabend",
            "Wie Elternvereine Sprachmittlerinnen und Sprachmittler einbinden, "
            "damit alle Eltern mitreden können.",
            F.METHOD_CARD,
            ("intercultural-communication", "participation"),
            S.REGION,
            St.APPROVED,
            languages=("de", "ar", "ru"),
            author="Lea Muster",
        ),
        DemoMaterial(
            "interkulturelle-teams-im-sport",
            "Video: Interkulturelle Teams im Sport",
            "Ein kurzer Film über Trainerinnen und Trainer, die Mannschaften aus "
            "vielen Herkunftsländern begleiten.",
            F.VIDEO,
            ("intercultural-communication",),
            S.PUBLIC,
            St.REJECTED,
            link="https://video.example.org/insist/teams-im-sport",
            note="Bitte die Einwilligungen der gezeigten Jugendlichen ergänzen.",
        ),
    ],
    "halle": [
        DemoMaterial(
            "antidiskriminierungsberatung",
            "Handout: Antidiskriminierungsberatung – wer hilft?",
            "Beratungsstellen in Halle und Sachsen-Anhalt, was sie anbieten und wie "
            "Vereine Betroffene begleiten können.",
            F.HANDOUT,
            ("anti-discrimination",),
            S.PUBLIC,
            St.APPROVED,
            languages=("de", "ar"),
            organisation="INSIST Halle",
            translations={
                "ar": {
                    "title": "نشرة: الاستشارة ضد التمييز – من يساعد؟",
                    "summary": "مراكز الاستشارة في هاله وساكسونيا-أنهالت وما تقدمه "
                    "وكيف يمكن للجمعيات مرافقة المتضررين.",
                },
            },
        ),
        DemoMaterial(
            "perspektivwechsel-vorurteile",
            "Übung: Perspektivwechsel – Vorurteile erkennen",
            "Eine Gruppenübung für Vereinsforen, in der Teilnehmende eigene Bilder "
            "von anderen Gruppen entdecken und hinterfragen.",
            F.METHOD_CARD,
            ("intercultural-communication", "anti-discrimination"),
            S.ALL_REGIONS,
            St.APPROVED,
            duration=60,
            author="Sami Exempel",
            translations={
                "en": {
                    "title": "Exercise: changing perspective – recognising prejudice",
                    "summary": "A group exercise for club forums in which participants "
                    "discover and question their own images of other groups.",
                },
            },
        ),
        DemoMaterial(
            "foerderantrag-schritt-fuer-schritt",
            "Checkliste: Förderantrag Schritt für Schritt",
            "Von der Projektidee bis zum Verwendungsnachweis: was wann zu tun ist.",
            F.CHECKLIST,
            ("funding",),
            S.REGION,
            St.DRAFT,
        ),
        DemoMaterial(
            "oeffentlichkeitsarbeit-kleine-vereine",
            "Leitfaden: Öffentlichkeitsarbeit für kleine Vereine",
            "Pressemitteilung, Social Media, Aushang: was mit wenig Zeit wirkt.",
            F.GUIDE,
            ("public-relations",),
            S.PUBLIC,
            St.PENDING,
            organisation="INSIST Halle",
        ),
    ],
}


def demo_pdf(*, title: str) -> bytes:
    """A tiny valid one-page PDF showing ``title`` (Latin-1 text, correct xref)."""
    text = (
        title.encode("latin-1", "replace")
        .replace(b"\\", b"\\\\")
        .replace(b"(", b"\\(")
        .replace(b")", b"\\)")
    )
    stream = b"BT /F1 14 Tf 50 780 Td (" + text[:90] + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _library_page(region: Region) -> tuple[str, bool]:
    from cms.pages.models import MaterialLibraryPage
    from cms.pages.selectors import home_page

    with in_region(region):
        home = home_page(region=region)
        if home is None:
            return ("no home page: library page skipped", False)
        page = MaterialLibraryPage.objects.child_of(home).first()
        created = page is None
        if created:
            page = home.add_child(
                instance=MaterialLibraryPage(
                    title="Materialbibliothek",
                    slug="materialien",
                    show_in_menus=True,
                    intro="Schulungsmaterialien zu interkulturellen Kompetenzen – "
                    "aus unserer Region und aus den anderen INSIST-Regionen.",
                )
            )
            page.save_revision(log_action=False).publish(log_action=False)
        # Every translated home gets the library too (an alias until translated):
        # the materials' own texts follow the URL's language.
        aliases = 0
        for translated_home in home.get_translations():
            if page.get_translation_or_none(translated_home.locale) is None:
                page.copy_for_translation(translated_home.locale, alias=True)
                aliases += 1
    if created or aliases:
        return (f"library page created ({aliases} language aliases)", True)
    return ("library page already there", False)


@transaction.atomic
def materials_demo_load(*, region: Region) -> Lines:
    """The region's demo materials and its library page; idempotent."""
    lines = [_library_page(region)]
    specs = DEMO.get(region.slug, [])
    if not specs:
        return [*lines, (f"no demo materials for '{region.slug}'", False)]
    topics = {t.slug: t for t in Topic.objects.all()}
    languages = {lang.slug: lang for lang in ClubLanguage.objects.all()}
    created = 0
    for spec in specs:
        if Material.objects.filter(region=region, slug=spec.slug).exists():
            continue
        material = material_create(
            region=region,
            title=spec.title,
            summary=spec.summary,
            description=spec.description,
            format=spec.format,
            licence=spec.licence,
            scope=spec.scope,
            ready=spec.status != St.DRAFT,
            slug=spec.slug,
            audience=spec.audience,
            duration_minutes=spec.duration,
            author=spec.author,
            organisation=spec.organisation,
            link=spec.link,
            topics=[topics[slug] for slug in spec.topics if slug in topics],
            languages=[languages[c] for c in spec.languages if c in languages],
            files=[]
            if spec.link
            else [(f"{spec.slug}.pdf", demo_pdf(title=spec.title))],
            translations=spec.translations,
        )
        if spec.status in (St.APPROVED, St.REJECTED) and spec.scope != S.REGION:
            material_moderate(
                material=material,
                approve=spec.status == St.APPROVED,
                note=spec.note,
            )
        created += 1
    if created:
        return [*lines, (f"materials: {created} of {len(specs)} created", True)]
    return [*lines, (f"materials: all {len(specs)} present", False)]
