from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.pages import selectors
from cms.pages.blocks import BodyBlock
from cms.pages.models.base import SectionIndexPage

CALENDAR_TYPE = "text/calendar; charset=utf-8"


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """The region's events: upcoming first, then past ones, and the region's
    calendar feed (``ical/``) that calendar apps can subscribe to."""

    subpage_types = ["pages.EventPage"]

    class Meta:
        verbose_name = _("Events")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.events_for_index(index=self))
        return context

    @path("ical/", name="feed")
    def feed(self, request):
        from cms.pages.ical import calendar_for_events

        events = selectors.events_for_feed(index=self)
        body = calendar_for_events(events=events, request=request, name=self.title)
        response = HttpResponse(body, content_type=CALENDAR_TYPE)
        response["Content-Disposition"] = 'inline; filename="veranstaltungen.ics"'
        return response

    def feed_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("feed")


class EventPage(RoutablePageMixin, Page):
    """One event: a club forum, the club fair (Vereinsmesse), a workshop, a
    training, a one-to-one talk or a meeting with local politics. Editors set
    date, place or online link, and either a registration link or a form with a
    capacity."""

    class Kind(models.TextChoices):
        FORUM = "forum", _("Club forum")
        FAIR = "fair", _("Club fair")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "training", _("Intercultural competence training")
        TALK = "talk", _("One-to-one talk")
        POLITICS = "politics", _("Exchange with politics and administration")

    class Format(models.TextChoices):
        ONSITE = "onsite", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("hybrid")

    class Registration(models.TextChoices):
        NONE = "none", _("no registration needed")
        LINK = "link", _("registration via a link")
        FORM = "form", _("registration form on this page")

    kind = models.CharField(_("Kind"), max_length=16, choices=Kind.choices)
    theme = models.CharField(
        _("Theme"),
        max_length=120,
        blank=True,
        help_text=_("e.g. youth, culture, sport, parents' associations"),
    )
    fair_market = models.BooleanField(_("Market of opportunities"), default=False)
    fair_speed_dating = models.BooleanField(_("Speed dating"), default=False)
    start = models.DateTimeField(_("Start"))
    end = models.DateTimeField(_("End"))
    format = models.CharField(
        _("Format"), max_length=8, choices=Format.choices, default=Format.ONSITE
    )
    venue = models.CharField(_("Venue"), max_length=200, blank=True)
    address = models.CharField(_("Address"), max_length=300, blank=True)
    online_url = models.URLField(_("Online access"), blank=True)
    teaser = models.TextField(_("Teaser"), max_length=400)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Description"))
    registration = models.CharField(
        _("Registration"),
        max_length=8,
        choices=Registration.choices,
        default=Registration.NONE,
    )
    registration_url = models.URLField(_("Registration link"), blank=True)
    capacity = models.PositiveIntegerField(_("Places"), null=True, blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("theme"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("theme")]),
        FieldRowPanel([FieldPanel("fair_market"), FieldPanel("fair_speed_dating")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("address")]),
                FieldPanel("online_url"),
            ],
            heading=_("Place"),
        ),
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading=_("Registration"),
        ),
    ]
    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Event")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end lies before the start.")
        if self.format != self.Format.ONLINE and not self.venue:
            errors["venue"] = _("Please give a venue (or choose the format “online”).")
        if self.format != self.Format.ONSITE and not self.online_url:
            errors["online_url"] = _("Please give the online access.")
        if self.registration == self.Registration.LINK and not self.registration_url:
            errors["registration_url"] = _("Please give the registration link.")
        if self.registration == self.Registration.FORM and not self.capacity:
            errors["capacity"] = _("A registration form needs a number of places.")
        if errors:
            raise ValidationError(errors)

    @property
    def location_text(self) -> str:
        if self.format == self.Format.ONLINE:
            return f"online: {self.online_url}"
        place = ", ".join(part for part in (self.venue, self.address) if part)
        if self.format == self.Format.HYBRID:
            return f"{place} und online"
        return place

    def ical_url(self, request=None) -> str:
        return self.get_url(request) + self.reverse_subpage("ical")

    @path("", name="detail")
    def detail(self, request):
        from cms.pages.registration import registration_page

        return registration_page(self, request)

    @path("anmeldung/<str:token>/", name="confirm")
    def confirm(self, request, token):
        from cms.pages.registration import registration_confirm_page

        return registration_confirm_page(self, request, token=token)

    @cached_property
    def registration_event(self) -> "EventPage":
        """The version of this event that holds its registrations and places: the
        default language's. Aliases and translations in the other languages
        share its places, so six language versions cannot book it six times."""
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if self.locale_id is None or self.locale.language_code == default:
            return self
        source = (
            EventPage.objects.filter(
                translation_key=self.translation_key, locale__language_code=default
            )
            .exclude(pk=self.pk)
            .first()
        )
        return source or self

    def registration_has_begun(self, now=None) -> bool:
        """Registration closes when the event has begun."""
        return self.start <= (now or timezone.now())

    @path("ical/", name="ical")
    def ical(self, request):
        from cms.pages.ical import calendar_for_events

        body = calendar_for_events(events=[self], request=request, name=self.title)
        response = HttpResponse(body, content_type=CALENDAR_TYPE)
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.registration == self.Registration.FORM:
            from cms.pages.registration import registration_state

            # Places count confirmed registrations only (double opt-in).
            context.update(registration_state(event=self))
        else:
            context.update(selectors.event_details(event=self))
        return context

    ATTENDANCE_MODES = {
        "onsite": "https://schema.org/OfflineEventAttendanceMode",
        "online": "https://schema.org/OnlineEventAttendanceMode",
        "hybrid": "https://schema.org/MixedEventAttendanceMode",
    }

    def structured_data(self, request=None, context=None) -> dict:
        """schema.org JSON-LD of the event: dates, attendance mode, where,
        and whether places are still available."""
        from cms.pages.seo import absolute, region_organisation

        url = absolute(request, self.get_url(request))
        locations = []
        if self.format != self.Format.ONLINE and self.venue:
            place = {"@type": "Place", "name": self.venue}
            if self.address:
                place["address"] = self.address
            locations.append(place)
        if self.format != self.Format.ONSITE and self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        organiser = region_organisation(request)
        organiser.pop("areaServed")
        if context is None:
            context = selectors.event_details(event=self)
        if self.registration == self.Registration.FORM and not context["places_left"]:
            availability = "https://schema.org/SoldOut"
        else:
            availability = "https://schema.org/InStock"
        offer_url = (
            self.registration_url
            if self.registration == self.Registration.LINK and self.registration_url
            else url
        )
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.teaser,
            "url": url,
            "startDate": self.start.isoformat(),
            "endDate": self.end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": self.ATTENDANCE_MODES[self.format],
            "organizer": organiser,
            "isAccessibleForFree": True,
            "offers": {
                "@type": "Offer",
                "price": "0",
                "priceCurrency": "EUR",
                "availability": availability,
                "url": offer_url,
            },
        }
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        return data


class EventRegistration(models.Model):
    """One person's registration for an event with a registration form.

    It counts (takes a place, appears as confirmed) only once the person has
    followed the link mailed to the address (double opt-in). Registrations are
    erased ``INSIST_REGISTRATION_RETENTION_DAYS`` after the event.
    """

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField("Name", max_length=200)
    email = models.EmailField("E-Mail")
    created = models.DateTimeField(auto_now_add=True)
    confirmed = models.DateTimeField("Bestätigt am", null=True, blank=True)
    # sha256 of the token mailed to the address; the token itself is not stored.
    token_digest = models.CharField(max_length=64, blank=True, editable=False)
    token_sent = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "Anmeldung"
        verbose_name_plural = "Anmeldungen"
        ordering = ["created"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="event_registration_unique_email"
            )
        ]
        indexes = [
            models.Index(fields=["token_digest"], name="event_registration_token")
        ]

    def __str__(self):
        return f"{self.name} – {self.event_id}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed is not None
