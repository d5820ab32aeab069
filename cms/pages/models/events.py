from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
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
        from cms.pages.forms import EventRegistrationForm
        from cms.pages.services import event_registration_create

        form = None
        if self.registration == self.Registration.FORM:
            form = EventRegistrationForm(request.POST or None)
            if request.method == "POST" and form.is_valid():
                try:
                    event_registration_create(
                        event=self,
                        name=form.cleaned_data["name"],
                        email=form.cleaned_data["email"],
                    )
                except ValidationError as error:
                    for message in error.messages:
                        form.add_error(None, message)
                else:
                    messages.success(
                        request,
                        gettext("Thank you! Your registration has been received."),
                    )
                    return redirect(self.get_url(request))
        context = self.get_context(request)
        context["form"] = form
        status = 400 if form is not None and form.errors else 200
        return TemplateResponse(
            request, self.get_template(request), context, status=status
        )

    @path("ical/", name="ical")
    def ical(self, request):
        from cms.pages.ical import calendar_for_events

        body = calendar_for_events(events=[self], request=request, name=self.title)
        response = HttpResponse(body, content_type=CALENDAR_TYPE)
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
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
    """One person's registration for an event with a registration form."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField("Name", max_length=200)
    email = models.EmailField("E-Mail")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Anmeldung"
        verbose_name_plural = "Anmeldungen"
        ordering = ["created"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="event_registration_unique_email"
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.event_id}"
