"""The six platform languages: catalogs, right-to-left Arabic, the switcher."""

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django_tenants.utils import schema_context
from wagtail.models import Locale

from cms.pages.models import ClubIndexPage
from cms.pages.selectors import home_page

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# What a visitor of the public pages needs in every language.
PUBLIC_STRINGS = [
    "Skip to content",
    "Main navigation",
    "Choose language",
    "Search",
    "Search clubs",
    "Filter clubs",
    "Show clubs",
    "Reset filters",
    "Register",
    "Events",
    "Club directory",
]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_catalog_compiles(compiled, lang):
    mo = compiled / lang / "LC_MESSAGES" / "django.mo"
    assert mo.exists()
    catalog = gettext.GNUTranslations(mo.open("rb"))
    assert catalog.info()["language"] == lang


@pytest.mark.parametrize("lang", ["de", "en"])
def test_german_and_english_catalogs_are_complete(lang):
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "django.po").open("rb") as po:
        catalog = read_po(po, locale=lang)
    messages = [message for message in catalog if message.id]
    incomplete = [
        message.id
        for message in messages
        if message.fuzzy
        or not all(message.string if message.pluralizable else [message.string])
    ]

    assert len(messages) > 50
    assert incomplete == []
    assert list(catalog.check()) == []  # placeholders of id and string agree


@pytest.mark.parametrize("lang", ["tr", "ar", "ru", "uk"])
def test_community_languages_cover_navigation_search_and_forms(compiled, lang):
    mo = compiled / lang / "LC_MESSAGES" / "django.mo"
    catalog = gettext.GNUTranslations(mo.open("rb"))
    untranslated = [s for s in PUBLIC_STRINGS if catalog.gettext(s) == s]
    assert untranslated == []


def test_german_catalog_speaks_german(compiled):
    mo = compiled / "de" / "LC_MESSAGES" / "django.mo"
    catalog = gettext.GNUTranslations(mo.open("rb"))
    assert catalog.gettext("Skip to content") == "Zum Inhalt springen"
    assert catalog.ngettext("%(counter)s club", "%(counter)s clubs", 2) == (
        "%(counter)s Vereine"
    )


def _translate(page, code: str):
    """Translate and publish a page (and its missing parents) into a language."""
    locale, _ = Locale.objects.get_or_create(language_code=code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def dortmund_home(regions):
    return home_page(region=regions["dortmund"], locale="de")


def test_arabic_pages_are_rendered_right_to_left(dortmund_home, region_client):
    with schema_context("dortmund"):
        _translate(dortmund_home, "ar")
    response = region_client("dortmund").get("/ar/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html


def test_german_pages_stay_left_to_right(region_client):
    html = region_client("dortmund").get("/").content.decode()
    assert '<html lang="de" dir="ltr">' in html


def test_switcher_keeps_you_on_the_same_page_where_a_translation_exists(
    dortmund_home, region_client
):
    with schema_context("dortmund"):
        index = ClubIndexPage.objects.child_of(dortmund_home).first()
        if index is None:
            index = dortmund_home.add_child(
                instance=ClubIndexPage(title="Vereine", slug="vereine")
            )
        index.save_revision().publish()
        _translate(index, "en")  # also translates the home page
        index_path = index.url_path.removeprefix(dortmund_home.url_path)

    html = region_client("dortmund").get(f"/{index_path}").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert f'href="/en/{index_path}" lang="en"' in switcher
    # No Turkish translation: the switcher offers the (German) start page.
    assert 'href="/" lang="tr"' in switcher
    assert 'lang="de" hreflang="de" dir="ltr" aria-current="true"' in switcher


def test_translated_pages_announce_each_other_with_hreflang(
    dortmund_home, region_client
):
    with schema_context("dortmund"):
        _translate(dortmund_home, "ar")
        _translate(dortmund_home, "uk")
    html = region_client("dortmund").get("/uk/").content.decode()
    alternates = re.findall(
        r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html
    )
    assert alternates == [
        ("de", "http://dortmund.localhost/"),
        ("ar", "http://dortmund.localhost/ar/"),
        ("uk", "http://dortmund.localhost/uk/"),
        ("x-default", "http://dortmund.localhost/"),
    ]
    assert '<html lang="uk" dir="ltr">' in html


def test_an_untranslated_page_has_no_hreflang_alternates(region_client):
    html = region_client("halle").get("/").content.decode()
    assert 'hreflang="x-default"' not in html
    assert 'class="language-switcher"' in html
