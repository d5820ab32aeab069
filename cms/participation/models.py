"""Models of a region's schema for taking part (docs/participation.md)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class ClubSubmission(models.Model):
    """A club's own portrait (new, or a change to a listed one) waiting for the
    submitter to confirm the address (double opt-in). Editors never see it in the
    admin: once confirmed it becomes a draft portrait in moderation, and the row
    only remembers whom to tell when the portrait is published or returned."""

    class Kind(models.TextChoices):
        NEW = "new", _("New portrait")
        CHANGE = "change", _("Change to a portrait")

    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.NEW)
    email = models.EmailField(_("Email"))
    # The form's cleaned data with term ids; the logo's bytes until confirmation.
    data = models.JSONField(default=dict, blank=True)
    logo = models.BinaryField(null=True, blank=True, editable=False)
    logo_name = models.CharField(max_length=100, blank=True)
    # sha256 of the token mailed to the address; the token itself is not stored.
    token_digest = models.CharField(max_length=64, blank=True, editable=False)
    token_sent = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    confirmed = models.DateTimeField(null=True, blank=True)
    portrait = models.ForeignKey(
        "pages.ClubPortraitPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(max_length=8, default="de")

    class Meta:
        ordering = ["created"]
        indexes = [
            models.Index(fields=["token_digest"], name="club_submission_token"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created:%Y-%m-%d})"


class SpeedDating(ClusterableModel):
    """The speed dating of a club fair: editors list the clubs taking part and
    the rounds held so far; the plan of rounds and tables is computed on save."""

    event = models.OneToOneField(
        "pages.EventPage",
        verbose_name=_("Club fair"),
        on_delete=models.CASCADE,
        related_name="speed_dating",
        limit_choices_to={"kind": "fair", "fair_speed_dating": True},
    )
    rounds = models.PositiveSmallIntegerField(
        _("Rounds"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
    )
    minutes_per_round = models.PositiveSmallIntegerField(
        _("Minutes per round"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )
    rounds_held = models.PositiveSmallIntegerField(
        _("Rounds already held"),
        default=0,
        help_text=_("These rounds stay as they were when the participants change."),
    )
    # [[[key_a, key_b or null], ...], ...]: one list of tables per round.
    plan = models.JSONField(default=list, blank=True, editable=False)
    # key -> club name, so a held round keeps the name of a club that left.
    names = models.JSONField(default=dict, blank=True, editable=False)

    panels = [
        FieldPanel("event"),
        FieldRowPanel(
            [
                FieldPanel("rounds"),
                FieldPanel("minutes_per_round"),
                FieldPanel("rounds_held"),
            ]
        ),
        InlinePanel("clubs", label=_("Clubs taking part")),
    ]

    class Meta:
        verbose_name = _("Speed dating")
        verbose_name_plural = _("Speed datings")

    def __str__(self):
        return str(self.event)


class SpeedDatingClub(Orderable):
    """One club at the speed dating: a portrait of the region or a person
    registered for the fair (name and email from the registration)."""

    speed_dating = ParentalKey(
        SpeedDating, on_delete=models.CASCADE, related_name="clubs"
    )
    portrait = models.ForeignKey(
        "pages.ClubPortraitPage",
        verbose_name=_("Club portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration = models.ForeignKey(
        "pages.EventRegistration",
        verbose_name=_("Registration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        # confirmed registrations for a club fair only
        limit_choices_to={"confirmed__isnull": False, "event__kind": "fair"},
    )
    name = models.CharField(
        _("Name"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the portrait's title or the registered name."),
    )
    email = models.EmailField(
        _("Email for the schedule"),
        blank=True,
        help_text=_("Empty: the portrait's consented contact or the registration's."),
    )

    panels = [
        FieldRowPanel([FieldPanel("portrait"), FieldPanel("registration")]),
        FieldRowPanel([FieldPanel("name"), FieldPanel("email")]),
    ]

    def clean(self):
        from django.core.exceptions import ValidationError

        if not (self.portrait_id or self.registration_id or self.name):
            raise ValidationError(
                _("Choose a portrait or a registration, or give a name.")
            )

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        if self.portrait_id:
            return self.portrait.title
        if self.registration_id:
            return self.registration.name
        return "?"

    @property
    def schedule_email(self) -> str:
        if self.email:
            return self.email
        if self.portrait_id and self.portrait.contact_consent:
            return self.portrait.contact_email
        if self.registration_id and self.registration.is_confirmed:
            return self.registration.email
        return ""
