"""Contact requests between clubs and the matching board's decisions (public
schema). Clubs are referred to by ``(region, page id)`` pairs, never by foreign
keys into region schemas (docs/architecture.md, "Schemas")."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactRequest(models.Model):
    """A visitor's (or a regional team's) wish to get in touch with a club.

    The regional teams of the receiving club's region and of the requester's
    region see it in their admin ("Contact requests") with its status and notes.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for email confirmation")
        NEW = "new", _("new")
        FORWARDED = "forwarded", _("forwarded")
        IN_CONTACT = "in_contact", _("in contact")
        AGREED = "agreed", _("cooperation agreed")
        DECLINED = "declined", _("declined")
        WITHDRAWN = "withdrawn", _("withdrawn")

    target_region = models.ForeignKey(
        "tenants.Region",
        verbose_name=_("Region of the club asked"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    target_page_id = models.IntegerField()
    target_title = models.CharField(_("Club asked"), max_length=255)
    requester_region = models.ForeignKey(
        "tenants.Region",
        verbose_name=_("Region of the asking club"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    # set when the asking club has a portrait (a request opened from the board)
    requester_page_id = models.IntegerField(null=True, blank=True)
    requester_name = models.CharField(_("Name"), max_length=200)
    requester_club = models.CharField(_("Club"), max_length=200)
    requester_email = models.EmailField(_("Email"), max_length=254, blank=True)
    message = models.TextField(_("Message"), max_length=2000, blank=True)
    consent = models.BooleanField(default=False)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    notes = models.TextField(_("Notes of the regional teams"), blank=True)
    token_digest = models.CharField(max_length=64, blank=True, db_index=True)
    withdraw_digest = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)
    story_region = models.ForeignKey(
        "tenants.Region",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    story_page_id = models.IntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("Contact request")
        verbose_name_plural = _("Contact requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["target_region", "target_page_id"], name="contact_target"
            ),
            models.Index(fields=["requester_region"], name="contact_requester"),
        ]

    def __str__(self):
        return f"{self.requester_club or '–'} → {self.target_title}"


class BoardDecision(models.Model):
    """What a regional team decided about a candidate pair on the matching board;
    a decided pair does not come back. The pair is stored in a fixed order
    (smaller ``(region id, page id)`` first)."""

    class Decision(models.TextChoices):
        SUGGESTED = "suggested", _("suggested to both")
        NOT_A_FIT = "not_a_fit", _("not a fit")
        REQUESTED = "requested", _("contact request opened")

    region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    a_region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    a_page_id = models.IntegerField()
    b_region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    b_page_id = models.IntegerField()
    decision = models.CharField(max_length=20, choices=Decision.choices)
    decided_by = models.CharField(max_length=150, blank=True)
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "a_region", "a_page_id", "b_region", "b_page_id"],
                name="board_decision_pair",
            )
        ]

    def __str__(self):
        return (
            f"{self.a_region_id}/{self.a_page_id} + {self.b_region_id}/{self.b_page_id}"
        )
