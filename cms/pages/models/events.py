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
        verbose_name = "Veranstaltungen"

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

    kind = models.CharField("Art", max_length=16, choices=Kind.choices)
    theme = models.CharField(
        "Thema",
        max_length=120,
        blank=True,
        help_text="z. B. Jugend, Kultur, Sport, Elternvereine",
    )
    fair_market = models.BooleanField("Markt der Möglichkeiten", default=False)
    fair_speed_dating = models.BooleanField("Speed-Dating", default=False)
    start = models.DateTimeField("Beginn")
    end = models.DateTimeField("Ende")
    format = models.CharField(
        "Format", max_length=8, choices=Format.choices, default=Format.ONSITE
    )
    venue = models.CharField("Ort", max_length=200, blank=True)
    address = models.CharField("Adresse", max_length=300, blank=True)
    online_url = models.URLField("Online-Zugang", blank=True)
    teaser = models.TextField("Anreißer", max_length=400)
    body = StreamField(BodyBlock(), blank=True, verbose_name="Beschreibung")
    registration = models.CharField(
        "Anmeldung",
        max_length=8,
        choices=Registration.choices,
        default=Registration.NONE,
    )
    registration_url = models.URLField("Link zur Anmeldung", blank=True)
    capacity = models.PositiveIntegerField("Plätze", null=True, blank=True)

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
            heading="Ort",
        ),
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldPanel("registration_url"),
                FieldPanel("capacity"),
            ],
            heading="Anmeldung",
        ),
    ]
    parent_page_types = ["pages.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "Veranstaltung"

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "Das Ende liegt vor dem Beginn."
        if self.format != self.Format.ONLINE and not self.venue:
            errors["venue"] = "Bitte einen Ort angeben (oder Format „online“ wählen)."
        if self.format != self.Format.ONSITE and not self.online_url:
            errors["online_url"] = "Bitte den Online-Zugang angeben."
        if self.registration == self.Registration.LINK and not self.registration_url:
            errors["registration_url"] = "Bitte den Link zur Anmeldung angeben."
        if self.registration == self.Registration.FORM and not self.capacity:
            errors["capacity"] = "Ein Anmeldeformular braucht eine Zahl an Plätzen."
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
