"""Every page in every platform language: aliases, translation status, PO files.

A region's German page tree is mirrored into each other locale with Wagtail's
aliases (``wagtail.contrib.simple_translation`` with
``WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE``): until an editor translates a page,
``/ar/vereine/<slug>/`` shows the German text, kept in step with every German
publish, and marked ``lang="de"`` by the templates. ``docs/languages.md`` says
why this and not wagtail-localize.

Services (writes) and selectors (reads) for translations live here together so
the whole translation flow reads in one file.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page

from tenants.context import runs_in_region

# Plain text fields an outside translator gets in the PO file, per page type
# (title, SEO title and description for every page). Rich text and StreamField
# bodies are translated in the admin, where their structure is visible.
TEXT_FIELDS = {
    "homepage": ["intro"],
    "clubindexpage": ["intro"],
    "storyindexpage": ["intro"],
    "eventindexpage": ["intro"],
    "clubportraitpage": ["summary", "offers", "seeks"],
    "storypage": ["teaser"],
    "eventpage": ["theme", "teaser", "venue"],
    "standardpage": ["intro"],
}
PAGE_FIELDS = ["title", "seo_title", "search_description"]


def _locales_ensure() -> list[Locale]:
    return [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]


@runs_in_region
@transaction.atomic
def page_aliases_ensure(*, region, **kwargs) -> list[tuple[str, bool]]:
    """Give every German page an alias in each locale that lacks one.

    Also the receiver of ``region_ready`` (provisioning) and called by the demo
    content; idempotent. Pages created in the admin get their aliases from
    simple_translation's ``after_create_page`` hook; pages written by code
    (imports, the demo) from here. Returns ``(line, changed)`` pairs.
    """
    locales = _locales_ensure()
    default = Locale.get_default()
    sources = list(
        Page.objects.filter(locale=default, depth__gt=1).order_by("path").specific()
    )
    present = set(
        Page.objects.filter(
            translation_key__in=[page.translation_key for page in sources]
        ).values_list("translation_key", "locale_id")
    )
    created = 0
    for page in sources:
        for locale in locales:
            if locale.pk == default.pk or (page.translation_key, locale.pk) in present:
                continue
            # Parents come first (ordered by path), so copy_parents only matters
            # for a tree another process changed meanwhile.
            alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
            present.add((alias.translation_key, locale.pk))
            created += 1
    if created:
        return [(f"page aliases in other languages: {created} created", True)]
    return [("page aliases in other languages: all present", False)]


@dataclass(frozen=True)
class TranslationState:
    """One page in one language: ``untranslated`` (an alias of German),
    ``outdated`` (translated, but German was published after it) or ``current``."""

    source: Page
    language: str
    page: Page | None
    state: str


@runs_in_region
def translation_state_list(*, region, language: str | None = None) -> list:
    """Every German page with its state in each other language (or ``language``),
    for the editors' translation report."""
    default = Locale.get_default()
    sources = list(Page.objects.filter(locale=default, depth__gt=1).order_by("path"))
    others = Page.objects.filter(
        translation_key__in=[page.translation_key for page in sources]
    ).exclude(locale=default)
    if language:
        others = others.filter(locale__language_code=language)
    by_key = {}
    for page in others.select_related("locale"):
        by_key[(page.translation_key, page.locale.language_code)] = page
    codes = [
        code
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != default.language_code and (not language or code == language)
    ]
    rows = []
    for source in sources:
        for code in codes:
            page = by_key.get((source.translation_key, code))
            if page is None or page.alias_of_id is not None:
                state = "untranslated"
            elif (
                source.last_published_at
                and page.last_published_at
                and page.last_published_at < source.last_published_at
            ):
                state = "outdated"
            else:
                state = "current"
            rows.append(
                TranslationState(source=source, language=code, page=page, state=state)
            )
    return rows


def page_translation_publish(*, page, language: str, fields: dict, replace=True):
    """Publish ``page``'s translation into ``language`` with ``fields`` set.

    An alias becomes a page of its own (as "Convert to ordinary page" in the
    admin does); a missing translation is copied from ``page`` first. With
    ``replace=False`` an existing real translation is left as it is (the demo
    content is loaded more than once). Runs in the caller's region.
    """
    locale = Locale.objects.get(language_code=language)
    target = page.get_translation_or_none(locale)
    if target is None:
        target = page.copy_for_translation(locale, copy_parents=True)
    target = target.specific
    if target.alias_of_id is None and not replace and target.live:
        return target, False
    if target.alias_of_id is not None:
        target.alias_of_id = None
        target.save(update_fields=["alias_of"], clean=False)
    for field, value in fields.items():
        setattr(target, field, value)
    target.full_clean()
    target.save_revision(log_action=False).publish(log_action=False)
    return target, True


def _language_check(language: str) -> None:
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if language not in codes[1:]:
        raise ValidationError(
            f"Unknown language '{language}': choose one of {', '.join(codes[1:])}. "
            "Nothing was changed."
        )


@runs_in_region
def language_po_export(*, region, language: str) -> bytes:
    """The texts of every page as a PO file for a translator of ``language``.

    ``msgctxt`` is ``<translation key>:<field>``; ``msgid`` the German text;
    ``msgstr`` the present translation (empty for untranslated pages).
    """
    _language_check(language)
    default = Locale.get_default()
    catalog = Catalog(
        locale=language,
        project=f"INSIST {region.name}",
        charset="utf-8",
        fuzzy=False,
    )
    sources = Page.objects.filter(locale=default, depth__gt=1).order_by("path")
    translated = {
        page.translation_key: page
        for page in Page.objects.filter(
            locale__language_code=language, alias_of__isnull=True
        )
        .filter(translation_key__in=sources.values("translation_key"))
        .specific()
    }
    for source in sources.specific():
        target = translated.get(source.translation_key)
        for field in _fields_of(source):
            text = getattr(source, field, "") or ""
            if not text.strip():
                continue
            catalog.add(
                text,
                string=(getattr(target, field, "") or "") if target else "",
                context=f"{source.translation_key}:{field}",
                locations=[(source.url_path, 0)],
            )
    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False)
    return out.getvalue()


def _fields_of(page) -> list[str]:
    return PAGE_FIELDS + TEXT_FIELDS.get(page._meta.model_name, [])


@runs_in_region
def language_po_import(*, region, language: str, po_file) -> list[str]:
    """Take a translator's PO file back: every page with a translated entry
    becomes (or stays) a translation in ``language`` and is published.

    All or nothing: a file with an unknown page or field changes nothing.
    """
    _language_check(language)
    try:
        catalog = read_po(po_file, locale=language)
    except Exception as error:  # Babel raises several kinds on a broken file
        raise ValidationError(
            f"This is not a readable PO file ({error}). Nothing was changed."
        ) from error
    default = Locale.get_default()
    updates: dict[str, dict[str, str]] = {}
    for message in catalog:
        if not message.id or not message.string or not message.context:
            continue
        key, _sep, field = message.context.rpartition(":")
        updates.setdefault(key, {})[field] = message.string
    sources = {
        str(page.translation_key): page
        for page in Page.objects.filter(
            locale=default, translation_key__in=list(updates)
        ).specific()
    }
    unknown = sorted(set(updates) - set(sources))
    if unknown:
        raise ValidationError(
            f"The file names {len(unknown)} page(s) this region does not have "
            f"(e.g. {unknown[0]}). Nothing was changed."
        )
    for key, fields in updates.items():
        wrong = set(fields) - set(_fields_of(sources[key]))
        if wrong:
            raise ValidationError(
                f"The file names unknown fields ({', '.join(sorted(wrong))}) for "
                f"'{sources[key].title}'. Nothing was changed."
            )
    done = []
    with transaction.atomic():
        for key, fields in updates.items():
            try:
                page, _changed = page_translation_publish(
                    page=sources[key], language=language, fields=fields
                )
            except ValidationError as error:
                raise ValidationError(
                    f"'{sources[key].title}': {' '.join(error.messages)} "
                    "Nothing was changed."
                ) from error
            done.append(page.title)
    return done


# --- Machine translation (optional) -------------------------------------------
MACHINE_TIMEOUT = 20


def machine_translation_enabled() -> bool:
    return bool(settings.INSIST_MACHINE_TRANSLATION_URL)


def _machine_translate(texts: list[str], *, language: str) -> list[str]:
    """``texts`` from German into ``language`` by the configured service
    (LibreTranslate's ``POST /translate``). Raises ``ValidationError``."""
    base = settings.INSIST_MACHINE_TRANSLATION_URL
    if not base:
        raise ValidationError(
            "No machine-translation service is configured "
            "(INSIST_MACHINE_TRANSLATION_URL). Nothing was changed."
        )
    payload = {"q": texts, "source": "de", "target": language, "format": "text"}
    if settings.INSIST_MACHINE_TRANSLATION_KEY:
        payload["api_key"] = settings.INSIST_MACHINE_TRANSLATION_KEY
    request = urllib.request.Request(
        base.rstrip("/") + "/translate",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=MACHINE_TIMEOUT) as response:
            answer = json.load(response)
        translated = answer["translatedText"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ValidationError(
            f"The machine-translation service at {urlsplit(base).netloc} did not "
            f"answer as expected ({error}). Nothing was changed."
        ) from error
    if isinstance(translated, str):
        translated = [translated]
    if len(translated) != len(texts):
        raise ValidationError(
            "The machine-translation service answered with the wrong number of "
            "texts. Nothing was changed."
        )
    return [str(text) for text in translated]


@runs_in_region
def language_machine_translate(*, region, language: str) -> list[str]:
    """Machine-translate every page still untranslated in ``language`` (its
    title and short texts), publish it and mark it "machine translated" until
    an editor publishes it again. All or nothing."""
    from cms.pages.models import MachineTranslation

    _language_check(language)
    service = urlsplit(settings.INSIST_MACHINE_TRANSLATION_URL).netloc
    plans = []
    for row in translation_state_list(region=region, language=language):
        if row.state != "untranslated":
            continue
        source = row.source.specific
        fields = [
            field
            for field in _fields_of(source)
            if (getattr(source, field, "") or "").strip()
        ]
        plans.append((source, fields))
    texts = [getattr(source, field) for source, fields in plans for field in fields]
    translated = iter(_machine_translate(texts, language=language) if texts else [])
    done = []
    with transaction.atomic():
        for source, fields in plans:
            values = {field: next(translated) for field in fields}
            page, _changed = page_translation_publish(
                page=source, language=language, fields=values
            )
            MachineTranslation.objects.update_or_create(
                page_id=page.pk, defaults={"service": service}
            )
            done.append(page.title)
    return done


def machine_translation_reviewed(sender, instance, revision=None, **kwargs):
    """Receiver of ``page_published``: an editor's publish is the review."""
    from cms.pages.models import MachineTranslation

    if revision is not None and revision.user_id is not None:
        MachineTranslation.objects.filter(page_id=instance.pk).delete()
