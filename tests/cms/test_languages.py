"""The six platform languages: catalogs, right-to-left Arabic, the switcher."""

import gettext
import http.server
import io
import json
import re
import threading
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context
from wagtail.models import Locale, Page

from cms.pages.models import HomePage
from cms.pages.selectors import home_page
from cms.pages.translations import (
    language_machine_translate,
    language_po_export,
    language_po_import,
    page_aliases_ensure,
    page_translation_publish,
    translation_state_list,
)
from tests.cms.factories import (
    ClubIndexPageFactory,
    ClubPortraitPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _german_after_each_test():
    """A request leaves its language active in this thread; translated
    vocabulary lookups in the next module must not see it."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# A python-format placeholder (%(name)s, %s, %d, ...) or a str.format one ({name}).
PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*[a-zA-Z]|\{[\w.]*\}"
)


def _read_catalog(lang: str):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "django.po").open("rb") as po:
        return read_po(po, locale=lang)


def _messages(catalog) -> dict:
    """(context, id) -> message, without the header."""
    return {
        (message.context, message.id[0] if message.pluralizable else message.id): (
            message
        )
        for message in catalog
        if message.id
    }


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_catalog_compiles(compiled, lang):
    mo = compiled / lang / "LC_MESSAGES" / "django.mo"
    assert mo.exists()
    catalog = gettext.GNUTranslations(mo.open("rb"))
    assert catalog.info()["language"] == lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalog_translates_every_message_of_the_german_one(lang):
    """A string added to one catalog is added to all six, translated."""
    german = _messages(_read_catalog("de"))
    catalog = _read_catalog(lang)
    messages = _messages(catalog)
    strings = {
        key: message.string if message.pluralizable else [message.string]
        for key, message in messages.items()
    }

    assert len(german) > 400
    assert sorted(german.keys() - messages.keys(), key=str) == []  # missing
    assert sorted(messages.keys() - german.keys(), key=str) == []  # not in German
    assert [key for key, message in messages.items() if message.fuzzy] == []
    assert [key for key, forms in strings.items() if not all(forms)] == []
    assert all(
        len(forms) == catalog.num_plurals
        for key, forms in strings.items()
        if messages[key].pluralizable
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_the_placeholders_of_their_message(lang):
    """%(name)s and {name} survive translation, or the page shows a raw
    placeholder or raises. A plural form may leave the number out (Arabic
    says "two hours" in one word), but adds none of its own."""
    wrong = []
    for key, message in _messages(_read_catalog(lang)).items():
        if message.pluralizable:
            allowed = set(_placeholders(" ".join(message.id)))
            if any(not set(_placeholders(form)) <= allowed for form in message.string):
                wrong.append(key)
            if _placeholders(message.string[-1]) != _placeholders(message.id[1]):
                wrong.append(key)
        elif _placeholders(message.string) != _placeholders(message.id):
            wrong.append(key)

    assert wrong == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_message_is_in_a_catalog_twice(lang):
    """GNU msgfmt (compilemessages) refuses a catalog with a duplicate; Babel
    silently keeps the last one."""
    text = (LOCALE_DIR / lang / "LC_MESSAGES" / "django.po").read_text("utf-8")
    entries = re.findall(r"^msgid ", text, flags=re.MULTILINE)
    assert len(entries) == len(_messages(_read_catalog(lang))) + 1  # the header


def test_german_catalog_speaks_german(compiled):
    mo = compiled / "de" / "LC_MESSAGES" / "django.mo"
    catalog = gettext.GNUTranslations(mo.open("rb"))
    assert catalog.gettext("Skip to content") == "Zum Inhalt springen"
    assert catalog.ngettext("%(counter)s club", "%(counter)s clubs", 2) == (
        "%(counter)s Vereine"
    )


def _translate(page, code: str, **fields):
    """Translate and publish a page into a language (the alias becomes a page)."""
    translated, _changed = page_translation_publish(
        page=page, language=code, fields=fields
    )
    return translated


@pytest.fixture
def dortmund_home(regions):
    return home_page(region=regions["dortmund"], locale="de")


@pytest.fixture
def dortmund_directory(dortmund_home, regions):
    """A directory with one portrait, mirrored into every language."""
    with schema_context("dortmund"):
        index = ClubIndexPageFactory(parent=dortmund_home)
        portrait = ClubPortraitPageFactory(
            parent=index, title="Musikverein Weltoffen Eving e.V.", slug="weltoffen"
        )
        page_aliases_ensure(region=regions["dortmund"])
    return index, portrait


def _switcher(html: str) -> str:
    switcher = html[html.index('class="language-switcher"') :]
    return switcher[: switcher.index("</nav>")]


def test_every_page_exists_in_every_language_as_an_alias(
    dortmund_directory, region_client
):
    with schema_context("dortmund"):
        _index, portrait = dortmund_directory
        versions = Page.objects.filter(translation_key=portrait.translation_key)
        assert sorted(versions.values_list("locale__language_code", flat=True)) == (
            sorted(LANGUAGES)
        )
    client = region_client("dortmund")
    for code in LANGUAGES:
        prefix = "" if code == "de" else f"/{code}"
        response = client.get(f"{prefix}/vereine/weltoffen/")
        assert response.status_code == 200, code


def test_aliases_are_made_once(dortmund_directory, regions):
    with schema_context("dortmund"):
        before = Page.objects.count()
    lines = page_aliases_ensure(region=regions["dortmund"])
    with schema_context("dortmund"):
        assert Page.objects.count() == before
    assert lines == [("page aliases in other languages: all present", False)]


def test_provisioning_gives_the_home_page_every_language(regions):
    with schema_context("halle"):
        home = HomePage.objects.get(depth=2, locale__language_code="de")
        codes = Page.objects.filter(translation_key=home.translation_key).values_list(
            "locale__language_code", flat=True
        )
        assert sorted(codes) == sorted(LANGUAGES)


def test_arabic_pages_are_rendered_right_to_left(dortmund_home, region_client):
    with schema_context("dortmund"):
        _translate(dortmund_home, "ar", title="إنسيست دورتموند")
    response = region_client("dortmund").get("/ar/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "إنسيست دورتموند" in html


def test_german_pages_stay_left_to_right(region_client):
    html = region_client("dortmund").get("/").content.decode()
    assert '<html lang="de" dir="ltr">' in html


def test_switcher_keeps_you_on_the_same_page_in_every_language(
    dortmund_directory, region_client
):
    with schema_context("dortmund"):
        _index, portrait = dortmund_directory
        _translate(portrait, "en", summary="An invented club.")

    html = region_client("dortmund").get("/ar/vereine/weltoffen/").content.decode()
    switcher = _switcher(html)
    for code in LANGUAGES:
        prefix = "" if code == "de" else f"/{code}"
        assert f'href="{prefix}/vereine/weltoffen/" lang="{code}"' in switcher
    assert 'lang="ar" hreflang="ar" dir="rtl" aria-current="true"' in switcher


def test_an_arabic_visitor_stays_in_arabic_urls(dortmund_directory, region_client):
    html = region_client("dortmund").get("/ar/vereine/").content.decode()
    main = html[html.index("<main") :]
    links = re.findall(r'(?:href|action)="(/[^"]*)"', main)
    assert links
    assert [link for link in links if not link.startswith("/ar/")] == []
    assert 'action="/ar/vereine/"' in main
    assert 'href="/ar/vereine/weltoffen/"' in main


def test_untranslated_content_is_marked_german(dortmund_directory, region_client):
    html = region_client("dortmund").get("/ar/vereine/weltoffen/").content.decode()
    assert '<h1 lang="de" dir="ltr">Musikverein Weltoffen Eving e.V.</h1>' in html
    assert 'class="untranslated-note"' in html
    # German in German needs no mark.
    german = region_client("dortmund").get("/vereine/weltoffen/").content.decode()
    assert 'lang="de" dir="ltr">Musikverein' not in german
    assert "untranslated-note" not in german


def test_translated_content_carries_no_german_mark(dortmund_directory, region_client):
    with schema_context("dortmund"):
        _index, portrait = dortmund_directory
        _translate(portrait, "ar", title="جمعية الموسيقى", summary="جمعية للعرض.")
    html = region_client("dortmund").get("/ar/vereine/weltoffen/").content.decode()
    assert "<h1>جمعية الموسيقى</h1>" in html
    assert "untranslated-note" not in html


def test_hreflang_names_every_language_with_the_served_host_and_port(
    dortmund_directory, regions
):
    client = Client(HTTP_HOST="dortmund.localhost:8000")
    html = client.get("/uk/vereine/weltoffen/").content.decode()
    alternates = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html
    )
    base = "http://dortmund.localhost:8000"
    assert alternates == [
        ("de", f"{base}/vereine/weltoffen/"),
        ("en", f"{base}/en/vereine/weltoffen/"),
        ("tr", f"{base}/tr/vereine/weltoffen/"),
        ("ar", f"{base}/ar/vereine/weltoffen/"),
        ("ru", f"{base}/ru/vereine/weltoffen/"),
        ("uk", f"{base}/uk/vereine/weltoffen/"),
        ("x-default", f"{base}/vereine/weltoffen/"),
    ]
    assert f'<link rel="canonical" href="{base}/uk/vereine/weltoffen/">' in html
    assert '<html lang="uk" dir="ltr">' in html


def test_stories_link_the_portrait_in_the_same_language(
    dortmund_directory, dortmund_home, regions, region_client
):
    with schema_context("dortmund"):
        _index, portrait = dortmund_directory
        stories = StoryIndexPageFactory(parent=dortmund_home)
        story = StoryPageFactory(parent=stories, slug="fest")
        story.clubs.set([portrait])
        story.save_revision().publish()
        page_aliases_ensure(region=regions["dortmund"])
    client = region_client("dortmund")
    story_html = client.get("/ar/geschichten/fest/").content.decode()
    assert 'href="/ar/vereine/weltoffen/"' in story_html
    portrait_html = client.get("/ar/vereine/weltoffen/").content.decode()
    assert 'href="/ar/geschichten/fest/"' in portrait_html


def test_po_export_and_import_round_trip(dortmund_directory, regions, region_client):
    po = language_po_export(region=regions["dortmund"], language="ar")
    catalog = read_po(io.BytesIO(po), locale="ar")
    entries = {message.context: message for message in catalog if message.id}
    with schema_context("dortmund"):
        _index, portrait = dortmund_directory
        key = f"{portrait.translation_key}:summary"
    assert entries[key].id == "Ein erfundener Verein für Tests."
    assert entries[key].string == ""

    entries[key].string = "جمعية وهمية للاختبارات."
    out = io.BytesIO()
    write_po(out, catalog)
    out.seek(0)
    done = language_po_import(region=regions["dortmund"], language="ar", po_file=out)
    assert done
    html = region_client("dortmund").get("/ar/vereine/weltoffen/").content.decode()
    assert "جمعية وهمية للاختبارات." in html
    rows = translation_state_list(region=regions["dortmund"], language="ar")
    states = {row.source.pk: row.state for row in rows}
    assert states[portrait.pk] == "current"


def test_po_import_with_an_unknown_page_changes_nothing(dortmund_directory, regions):
    with schema_context("dortmund"):
        before = Page.objects.filter(alias_of__isnull=True).count()
    text = (
        'msgctxt "00000000-0000-0000-0000-000000000000:title"\n'
        'msgid "Gibt es nicht"\nmsgstr "غير موجود"\n'
    )
    with pytest.raises(ValidationError, match="Nothing was changed"):
        language_po_import(
            region=regions["dortmund"],
            language="ar",
            po_file=io.BytesIO(text.encode()),
        )
    with pytest.raises(ValidationError, match="Unknown language"):
        language_po_export(region=regions["dortmund"], language="xx")
    with schema_context("dortmund"):
        assert Page.objects.filter(alias_of__isnull=True).count() == before


def test_translation_report_lists_untranslated_pages(
    dortmund_directory, make_user, region_client
):
    user = make_user("dortmund", "chef", superuser=True)
    client = region_client("dortmund")
    with schema_context("dortmund"):
        client.force_login(user)
    response = client.get("/admin/translations/?language=ar")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Musikverein Weltoffen Eving e.V." in html
    assert "untranslated" in html or "nicht übersetzt" in html
    export = client.get("/admin/translations/export/ar/")
    assert export.status_code == 200
    assert b'msgid "Musikverein Weltoffen Eving e.V."' in export.content


class _FakeLibreTranslate(http.server.BaseHTTPRequestHandler):
    """A LibreTranslate stand-in on 127.0.0.1: prefixes each text."""

    calls: list = []

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).calls.append(body)
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        answer = {"translatedText": [f"[{body['target']}] {text}" for text in texts]}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def libretranslate(settings):
    server = http.server.HTTPServer(("127.0.0.1", 0), _FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _FakeLibreTranslate.calls = []
    settings.INSIST_MACHINE_TRANSLATION_URL = f"http://127.0.0.1:{server.server_port}"
    yield _FakeLibreTranslate.calls
    server.shutdown()


def test_machine_translation_is_marked_until_an_editor_publishes(
    dortmund_directory, regions, region_client, libretranslate, make_user
):
    done = language_machine_translate(region=regions["dortmund"], language="tr")
    assert "[tr] Musikverein Weltoffen Eving e.V." in done
    assert libretranslate and libretranslate[0]["source"] == "de"
    client = region_client("dortmund")
    html = client.get("/tr/vereine/weltoffen/").content.decode()
    assert "[tr] Ein erfundener Verein für Tests." in html
    assert "machine-translated" in html

    editor = make_user("dortmund", "redakteurin", superuser=True)
    with schema_context("dortmund"):
        _index, portrait = dortmund_directory
        turkish = portrait.get_translation(Locale.objects.get(language_code="tr"))
        turkish.specific.save_revision(user=editor).publish(user=editor)
    html = client.get("/tr/vereine/weltoffen/").content.decode()
    assert "machine-translated" not in html


def test_without_a_service_nothing_is_machine_translated(
    dortmund_directory, regions, settings
):
    settings.INSIST_MACHINE_TRANSLATION_URL = ""
    with pytest.raises(ValidationError, match="Nothing was changed"):
        language_machine_translate(region=regions["dortmund"], language="tr")
    with schema_context("dortmund"):
        assert not Page.objects.filter(
            locale__language_code="tr", alias_of__isnull=True, depth__gt=2
        ).exists()


def test_admin_shows_page_labels_in_german_or_english(
    dortmund_directory, make_user, region_client
):
    from wagtail.users.models import UserProfile

    index, _portrait = dortmund_directory
    user = make_user("dortmund", "redaktion", superuser=True)
    client = region_client("dortmund")
    with schema_context("dortmund"):
        client.force_login(user)
    url = f"/admin/pages/add/pages/clubportraitpage/{index.pk}/"
    german = client.get(url).content.decode()
    assert "Kurzbeschreibung" in german
    assert "Name und E-Mail erscheinen nur mit dokumentierter Einwilligung." in german

    with schema_context("dortmund"):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
    english = client.get(url).content.decode()
    assert "Short description" in english
    assert "Kurzbeschreibung" not in english


def test_po_import_with_an_invalid_text_changes_nothing(dortmund_directory, regions):
    po = language_po_export(region=regions["dortmund"], language="ru")
    catalog = read_po(io.BytesIO(po), locale="ru")
    with schema_context("dortmund"):
        index, portrait = dortmund_directory
        before = Page.objects.filter(alias_of__isnull=True).count()
    for message in catalog:
        if message.context == f"{index.translation_key}:title":
            message.string = "Каталог"
        if message.context == f"{portrait.translation_key}:title":
            message.string = "Я" * 300  # longer than a title may be
    out = io.BytesIO()
    write_po(out, catalog)
    out.seek(0)
    with pytest.raises(ValidationError, match="Nothing was changed"):
        language_po_import(region=regions["dortmund"], language="ru", po_file=out)
    with schema_context("dortmund"):
        assert Page.objects.filter(alias_of__isnull=True).count() == before
