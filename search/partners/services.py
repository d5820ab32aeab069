"""Contact requests and board decisions: every write of the matching process.

A visitor's request is stored as ``pending`` and does nothing until the link
mailed to the visitor is followed (double opt-in); then the receiving club's
contact person (only when the portrait has a consented contact address) gets the
request by email, and the regional teams see it in their admin. The requester
never learns the contact person's address.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.pages.models import ClubPortraitPage
from search.models import SearchDocument
from search.partners.models import BoardDecision, ContactRequest
from tenants.context import in_public, in_region
from tenants.links import region_base_url
from tenants.models import Region

ANONYMOUS = "–"


def confirm_hours() -> int:
    return getattr(settings, "INSIST_CONTACT_CONFIRM_HOURS", 48)


def retention_days() -> int:
    return getattr(settings, "INSIST_CONTACT_RETENTION_DAYS", 365)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _portrait_row(*, region: Region, page_id: int | None = None, slug: str = ""):
    with in_public():
        rows = SearchDocument.objects.filter(region=region)
        rows = rows.filter(page_id=page_id) if page_id else rows.filter(slug=slug)
        return rows.order_by("language").first()


def contact_request_ask(
    *,
    target_region: Region,
    target_slug: str,
    requester_region: Region,
    name: str,
    club: str,
    email: str,
    message: str,
    consent: bool,
) -> tuple[ContactRequest, str, str]:
    """Store a visitor's request as pending; returns it with the confirmation
    token and the withdrawal token (only their digests are stored)."""
    if not consent:
        raise ValidationError(
            _(
                "Please agree that we pass your name, club, address and message "
                "on to the club. Nothing was changed."
            )
        )
    if not email.strip() or not message.strip():
        raise ValidationError(
            _("Please give your email address and a message. Nothing was changed.")
        )
    row = _portrait_row(region=target_region, slug=target_slug)
    if row is None:
        raise ValidationError(
            _("This club portrait does not exist (any more). Nothing was changed.")
        )
    token, withdraw = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    contact = ContactRequest(
        target_region=target_region,
        target_page_id=row.page_id,
        target_title=row.title,
        requester_region=requester_region,
        requester_name=name.strip(),
        requester_club=club.strip(),
        requester_email=email.strip().lower(),
        message=message.strip(),
        consent=True,
        token_digest=token_digest(token),
        withdraw_digest=token_digest(withdraw),
    )
    contact.full_clean()
    with in_public():
        contact.save()
    return contact, token, withdraw


def _links(contact: ContactRequest, *, token: str, withdraw: str) -> dict:
    base = region_base_url(region=contact.target_region) or ""
    return {
        "confirm_url": f"{base}/partner/anfrage/bestaetigen/{token}/",
        "withdraw_url": f"{base}/partner/anfrage/zurueckziehen/{withdraw}/",
    }


def contact_request_mail_optin(
    contact: ContactRequest, *, token: str, withdraw: str, language: str
) -> None:
    """The double opt-in mail: the confirmation and the withdrawal link."""
    with translation.override(language):
        send_mail(
            _("Please confirm your contact request to %(club)s")
            % {"club": contact.target_title},
            render_to_string(
                "partners/emails/contact_optin.txt",
                {
                    "contact": contact,
                    "hours": confirm_hours(),
                    **_links(contact, token=token, withdraw=withdraw),
                },
            ),
            None,
            [contact.requester_email],
        )


def _contact_address(contact: ContactRequest) -> str:
    """The receiving club's contact address, if the club consented to it."""
    with in_region(contact.target_region):
        page = (
            ClubPortraitPage.objects.filter(pk=contact.target_page_id)
            .only("contact_email", "contact_consent")
            .first()
        )
    if page is None or not page.contact_consent or not page.contact_email:
        return ""
    return page.contact_email


def contact_request_forward(*, contact: ContactRequest) -> bool:
    """Mail the request to the receiving club's contact person; False (and the
    request stays ``new`` for the regional team) when there is none."""
    address = _contact_address(contact)
    if not address:
        return False
    with translation.override("de"):
        send_mail(
            _("A club would like to cooperate with you: %(club)s")
            % {"club": contact.requester_club},
            render_to_string(
                "partners/emails/contact_forward.txt", {"contact": contact}
            ),
            None,
            [address],
            fail_silently=False,
        )
    contact.status = ContactRequest.Status.FORWARDED
    contact.forwarded_at = timezone.now()
    with in_public():
        contact.save(update_fields=["status", "forwarded_at"])
    return True


def contact_request_confirm(*, token: str) -> ContactRequest:
    """Follow the mailed link: the request becomes ``new`` and is forwarded.
    Confirming twice is harmless; an unknown or expired link is refused."""
    digest = token_digest(token or "")
    valid_since = timezone.now() - datetime.timedelta(hours=confirm_hours())
    with in_public(), transaction.atomic():
        contact = (
            ContactRequest.objects.select_for_update()
            .select_related("target_region", "requester_region")
            .filter(token_digest=digest)
            .first()
            if token
            else None
        )
        if contact is None or contact.status == ContactRequest.Status.WITHDRAWN:
            raise ValidationError(
                _("This confirmation link is not valid. Nothing was changed.")
            )
        if contact.status != ContactRequest.Status.PENDING:
            return contact
        if contact.created_at < valid_since:
            raise ValidationError(
                _(
                    "This confirmation link has expired. Please ask again. "
                    "Nothing was changed."
                )
            )
        contact.status = ContactRequest.Status.NEW
        contact.confirmed_at = timezone.now()
        contact.save(update_fields=["status", "confirmed_at"])
    contact_request_forward(contact=contact)
    return contact


def contact_request_anonymise(*, contact: ContactRequest) -> None:
    """Keep the fact of the request (club pair, status, dates), not the person."""
    contact.requester_name = ANONYMOUS
    contact.requester_email = ""
    contact.message = ""
    contact.token_digest = ""
    contact.withdraw_digest = ""
    contact.anonymised_at = timezone.now()
    with in_public():
        contact.save(
            update_fields=[
                "requester_name",
                "requester_email",
                "message",
                "token_digest",
                "withdraw_digest",
                "anonymised_at",
            ]
        )


def contact_request_withdraw(*, token: str) -> ContactRequest:
    """The requester takes the request back: withdrawn and anonymised at once."""
    digest = token_digest(token or "")
    with in_public(), transaction.atomic():
        contact = (
            ContactRequest.objects.select_for_update()
            .filter(withdraw_digest=digest)
            .first()
            if token
            else None
        )
        if contact is None:
            raise ValidationError(
                _("This link is not valid (any more). Nothing was changed.")
            )
        contact.status = ContactRequest.Status.WITHDRAWN
        contact.save(update_fields=["status"])
        contact_request_anonymise(contact=contact)
    return contact


def contact_requests_purge(*, now=None) -> dict[str, int]:
    """Delete pending requests whose link expired; anonymise requests older
    than ``INSIST_CONTACT_RETENTION_DAYS``. Returns the numbers."""
    now = now or timezone.now()
    with in_public(), transaction.atomic():
        expired = ContactRequest.objects.filter(
            status=ContactRequest.Status.PENDING,
            created_at__lt=now - datetime.timedelta(hours=confirm_hours()),
        ).delete()[0]
        old = list(
            ContactRequest.objects.filter(
                anonymised_at__isnull=True,
                created_at__lt=now - datetime.timedelta(days=retention_days()),
            )
        )
        for contact in old:
            contact_request_anonymise(contact=contact)
    return {"deleted": expired, "anonymised": len(old)}


def contact_request_update(
    *, contact: ContactRequest, status: str, notes: str
) -> ContactRequest:
    """A regional team sets status and notes (never back to ``pending``)."""
    if status not in ContactRequest.Status.values or status in (
        ContactRequest.Status.PENDING,
        ContactRequest.Status.WITHDRAWN,
    ):
        raise ValidationError(_("Choose one of the statuses. Nothing was changed."))
    if contact.status in (
        ContactRequest.Status.PENDING,
        ContactRequest.Status.WITHDRAWN,
    ):
        raise ValidationError(
            _("This request is not confirmed or was withdrawn. Nothing was changed.")
        )
    contact.status = status
    contact.notes = notes[:5000]
    contact.full_clean()
    with in_public():
        contact.save(update_fields=["status", "notes"])
    return contact


def board_pair(a: tuple[int, int], b: tuple[int, int]) -> tuple:
    return (a, b) if a <= b else (b, a)


def board_decide(
    *, region: Region, a: tuple[int, int], b: tuple[int, int], decision: str, user=None
) -> BoardDecision:
    """Remember a team's decision about the pair ``a``/``b`` (region id, page id)."""
    if decision not in BoardDecision.Decision.values:
        raise ValidationError(_("Unknown decision. Nothing was changed."))
    (ar, ap), (br, bp) = board_pair(a, b)
    with in_public():
        found, _created = BoardDecision.objects.update_or_create(
            region=region,
            a_region_id=ar,
            a_page_id=ap,
            b_region_id=br,
            b_page_id=bp,
            defaults={
                "decision": decision,
                "decided_by": getattr(user, "get_username", lambda: "")(),
            },
        )
    return found


def board_contact_open(
    *, region: Region, a: tuple[int, int], b: tuple[int, int], user
) -> ContactRequest:
    """A team member opens a request for club ``a`` to club ``b``: confirmed at
    once (the team vouches for it), forwarded like a visitor's."""
    with in_public():
        regions = Region.objects.in_bulk([a[0], b[0]])
    asking = _portrait_row(region=regions[a[0]], page_id=a[1])
    asked = _portrait_row(region=regions[b[0]], page_id=b[1])
    if asking is None or asked is None:
        raise ValidationError(_("One of the clubs is gone. Nothing was changed."))
    contact = ContactRequest(
        target_region=regions[b[0]],
        target_page_id=b[1],
        target_title=asked.title,
        requester_region=regions[a[0]],
        requester_page_id=a[1],
        requester_name=user.get_full_name() or user.get_username(),
        requester_club=asking.title,
        requester_email=user.email or "team@invalid.example",
        message=_(
            "The regional team suggests that %(a)s and %(b)s get to know each other."
        )
        % {"a": asking.title, "b": asked.title},
        consent=True,
        status=ContactRequest.Status.NEW,
        confirmed_at=timezone.now(),
    )
    contact.full_clean()
    with in_public():
        contact.save()
    board_decide(region=region, a=a, b=b, decision="requested", user=user)
    contact_request_forward(contact=contact)
    return contact


def contact_story_draft(*, contact: ContactRequest, region: Region, user):
    """An agreed cooperation as a draft club story in ``region`` (the editor's),
    linked to the clubs of that region; the other club is named in the text."""
    from cms.pages.models import StoryIndexPage, StoryPage

    if contact.status != ContactRequest.Status.AGREED:
        raise ValidationError(
            _("Only an agreed cooperation becomes a story. Nothing was changed.")
        )
    mine = [
        page_id
        for region_id, page_id in (
            (contact.target_region_id, contact.target_page_id),
            (contact.requester_region_id, contact.requester_page_id),
        )
        if region_id == region.pk and page_id
    ]
    with in_region(region):
        parent = StoryIndexPage.objects.live().first() or StoryIndexPage.objects.first()
        if parent is None:
            raise ValidationError(
                _("This region has no stories section yet. Nothing was changed.")
            )
        clubs = list(ClubPortraitPage.objects.filter(pk__in=mine))
        title = _("Cooperation: %(a)s and %(b)s") % {
            "a": contact.requester_club,
            "b": contact.target_title,
        }
        story = StoryPage(
            title=title[:255],
            kind=StoryPage.Kind.COOPERATION,
            teaser=_(
                "%(a)s and %(b)s agreed to work together. (Draft: please write "
                "the story.)"
            )
            % {"a": contact.requester_club, "b": contact.target_title},
            live=False,
            owner=user,
        )
        story.clubs = clubs
        parent.add_child(instance=story)
        story.save_revision(user=user)
    contact.story_region = region
    contact.story_page_id = story.pk
    with in_public():
        contact.save(update_fields=["story_region", "story_page_id"])
    return story
