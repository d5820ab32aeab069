"""Reads for the regional pages.

Each returns querysets or lists whose size does not change the number of SQL
queries: related terms, images and renditions are fetched in bulk.
"""

from django.conf import settings
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)
from cms.taxonomy.selectors import district_list
from tenants.context import runs_in_region
from tenants.models import Region

CARD_RENDITION = "fill-480x270"
LOGO_RENDITION = "max-240x240"
HOME_STORIES = 3
HOME_EVENTS = 4

# GET parameter -> (portrait lookup, vocabulary, label)
# The labels are translated here: the shared taxonomy's verbose names are the
# portal admin's German.
DIRECTORY_FILTERS = {
    "feld": ("fields_of_activity", FieldOfActivity, _("Field of activity")),
    "zielgruppe": ("target_groups", TargetGroup, _("Target group")),
    "sprache": ("languages", ClubLanguage, _("Club language")),
    "form": ("organisation_kind", OrganisationKind, _("Kind of organisation")),
    "migration": ("migration_reference", MigrationReference, _("Migration reference")),
    "stadtteil": ("district", District, _("District")),
}


@runs_in_region
def home_page(*, region: Region, locale: Locale | str | None = None):
    """``region``'s home page in ``locale`` (a Locale or a language code; default:
    the default language), or None while the region has none in that language.

    Every region has one page tree per language, each under its own home page at
    depth 2: the locale picks the tree. Use the page inside ``in_region(region)``.
    """
    from cms.pages.models import HomePage

    if locale is None:
        code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    else:
        code = locale.language_code if isinstance(locale, Locale) else locale
    return HomePage.objects.filter(depth=2, locale__language_code=code).first()


def _images(*filters):
    return get_image_model().objects.prefetch_renditions(*filters)


def _portrait_cards(queryset):
    # What a card shows beyond the page row is fetched by cards_prefetch, for the
    # cards the fragment cache does not hold.
    return queryset


def _story_cards(queryset):
    return queryset.order_by("-date", "-pk")


def cards_prefetch(*, kind: str, pages: list) -> None:
    """Fetch in bulk what the cards of ``pages`` show (``{% cards %}``): a
    portrait's logo rendition, district, kind, migration reference and fields of
    activity; a story's image rendition; an event needs nothing more."""
    if kind == "portrait":
        lookups = [
            Prefetch("logo", queryset=_images(LOGO_RENDITION)),
            "district",
            "organisation_kind",
            "migration_reference",
            "fields_of_activity",
        ]
    elif kind == "story":
        lookups = [Prefetch("image", queryset=_images(CARD_RENDITION))]
    else:
        return
    prefetch_related_objects(pages, *lookups)


def home_sections(*, home) -> dict:
    """Featured stories, upcoming events and the section pages under ``home``."""
    from cms.pages.models import (
        ClubIndexPage,
        EventIndexPage,
        EventPage,
        StoryIndexPage,
        StoryPage,
    )

    # Wagtail's public() reads the view restrictions on each call: read them once.
    private = Page.objects.private_q()
    stories = StoryPage.objects.live().exclude(private).descendant_of(home)
    featured = list(_story_cards(stories.filter(featured=True))[:HOME_STORIES])
    if not featured:
        featured = list(_story_cards(stories)[:HOME_STORIES])
    sections = {
        model: model.objects.live().exclude(private).child_of(home).first()
        for model in (ClubIndexPage, StoryIndexPage, EventIndexPage)
    }
    return {
        "featured_stories": featured,
        "upcoming_events": list(
            EventPage.objects.live()
            .exclude(private)
            .descendant_of(home)
            .filter(end__gte=timezone.now())
            .order_by("start")[:HOME_EVENTS]
        ),
        "directory": sections[ClubIndexPage],
        "story_index": sections[StoryIndexPage],
        "event_index": sections[EventIndexPage],
    }


def directory_filters_from(params) -> dict[str, str]:
    """The directory filters in ``params`` (a QueryDict), known keys only."""
    return {
        key: params[key].strip()[:120]
        for key in ("q", *DIRECTORY_FILTERS)
        if params.get(key, "").strip()
    }


def directory_filter_fields(*, filters: dict[str, str], region: Region) -> list[dict]:
    """One select per vocabulary: its terms (districts: ``region``'s own) and the
    selected slug."""
    fields = []
    for key, (_lookup, model, label) in DIRECTORY_FILTERS.items():
        if model is District:
            terms = district_list(region=region)
        else:
            terms = model.objects.all()
        fields.append(
            {
                "key": key,
                "label": label,
                "terms": list(terms),
                "selected": filters.get(key, ""),
            }
        )
    return fields


def _directory_search():
    """The search index's directory filter (``INSIST_DIRECTORY_SEARCH``), if set.

    cms never imports search: the platform's settings name the function.
    """
    path = getattr(settings, "INSIST_DIRECTORY_SEARCH", "")
    return import_string(path) if path else None


class _RankedPortraits:
    """Portraits in the order the search index ranked them, read page by page."""

    def __init__(self, queryset, keys):
        self.queryset, self.keys = queryset, keys

    def __len__(self):
        return len(self.keys)

    def count(self):
        return len(self.keys)

    def __getitem__(self, window):
        keys = self.keys[window]
        found = {
            p.translation_key: p for p in self.queryset.filter(translation_key__in=keys)
        }
        return [found[k] for k in keys if k in found]


def portraits_for_directory(*, index, filters: dict[str, str], region=None):
    from cms.pages.models import ClubPortraitPage

    portraits = ClubPortraitPage.objects.live().public().child_of(index)
    hook = _directory_search() if region is not None else None
    if hook is not None:
        # One code path and one ranking with the cross-region search.
        keys = hook(region=region, language=index.locale.language_code, filters=filters)
        return _RankedPortraits(_portrait_cards(portraits), keys)
    if filters.get("q"):
        # A plain name filter; the cross-region search lives in search/.
        portraits = portraits.filter(
            Q(title__icontains=filters["q"]) | Q(summary__icontains=filters["q"])
        )
    for key, value in filters.items():
        if key == "q":
            continue
        lookup, _model, _label = DIRECTORY_FILTERS[key]
        portraits = portraits.filter(**{f"{lookup}__slug": value})
    return _portrait_cards(portraits).order_by("title")


def portrait_details(*, portrait) -> dict:
    """Terms, links and published stories of one portrait."""
    from cms.pages.models import StoryPage

    # Stories name the German portraits; show the ones in this portrait's language.
    stories = (
        StoryPage.objects.live()
        .public()
        .filter(
            clubs__translation_key=portrait.translation_key,
            locale_id=portrait.locale_id,
        )
        .distinct()
    )
    return {
        "fields_of_activity": list(portrait.fields_of_activity.all()),
        "target_groups": list(portrait.target_groups.all()),
        "languages": list(portrait.languages.all()),
        "links": list(portrait.links.all()),
        "stories": list(_story_cards(stories)),
    }


def stories_for_index(*, index):
    from cms.pages.models import StoryPage

    return list(
        _story_cards(
            StoryPage.objects.live().public().child_of(index)
        ).prefetch_related("clubs")
    )


def clubs_of_story(*, story):
    from cms.pages.models import ClubPortraitPage

    # ``story.clubs`` is an in-memory set in previews: ask for the live pages.
    ids = [club.pk for club in story.clubs.all()]
    # The story names German portraits: link their versions in its language.
    portraits = (
        ClubPortraitPage.objects.live()
        .public()
        .filter(
            translation_key__in=Page.objects.filter(pk__in=ids).values(
                "translation_key"
            ),
            locale_id=story.locale_id,
        )
    )
    return list(_portrait_cards(portraits).order_by("title"))


def events_for_index(*, index) -> dict:
    from cms.pages.models import EventPage

    events = EventPage.objects.live().public().child_of(index)
    now = timezone.now()
    return {
        "upcoming_events": list(events.filter(end__gte=now).order_by("start")),
        "past_events": list(events.filter(end__lt=now).order_by("-start")[:20]),
    }


def events_for_feed(*, index):
    from cms.pages.models import EventPage

    return list(EventPage.objects.live().public().child_of(index).order_by("start"))


def event_details(*, event) -> dict:
    if event.registration != event.Registration.FORM:
        return {"places_left": None}
    taken = event.registrations.count()
    return {"places_left": max((event.capacity or 0) - taken, 0)}
