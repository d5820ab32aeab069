"""Taking part: a club's own portrait into moderation; the speed-dating plan.

Submission (double opt-in): ``club_submission_request`` keeps the form's data
with a token digest, the visitor confirms by the mailed link, and
``club_submission_confirm`` turns it into a draft ``ClubPortraitPage`` under the
region's club directory (or a new draft revision of a listed portrait) and
starts the region's moderation workflow. The workflow signals tell the
submitter when the portrait is published or returned.
"""

import csv
import datetime
import hashlib
import io
import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.exports import spreadsheet_cell_neutralise
from cms.participation.models import ClubSubmission, SpeedDating
from cms.participation.planning import BYE, PlanClub, plan_rounds
from cms.participation.scoring import partner_score_function
from tenants.context import current_region, runs_in_region
from tenants.links import region_base_url
from tenants.models import Region

logger = logging.getLogger(__name__)

SUBMITTED_FIELDS = [
    "title",
    "summary",
    "description",
    "organisation_kind",
    "migration_reference",
    "district",
    "website",
    "offers",
    "seeks",
    "contact_name",
    "contact_email",
]
SUBMITTED_TERMS = ["fields_of_activity", "target_groups", "languages"]


def club_submission_token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _serialise(cleaned: dict) -> dict:
    """The form's cleaned data as JSON: terms by id."""
    data = {}
    for name in SUBMITTED_FIELDS:
        value = cleaned.get(name)
        data[name] = getattr(value, "pk", value) if value is not None else None
    for name in SUBMITTED_TERMS:
        data[name] = [term.pk for term in cleaned.get(name) or []]
    return data


def club_submission_request(
    *,
    cleaned: dict,
    email: str,
    logo: bytes | None = None,
    logo_name: str = "",
    portrait=None,
    language: str = "de",
) -> tuple[ClubSubmission, str]:
    """Keep a validated submission until its address is confirmed.

    ``cleaned`` is ``ClubSubmissionForm.cleaned_data`` (already checked:
    districts of this region, logo by content). Returns the row and the token for
    the confirmation link; only the token's digest is stored.
    """
    token = secrets.token_urlsafe(32)
    submission = ClubSubmission(
        kind=ClubSubmission.Kind.CHANGE if portrait else ClubSubmission.Kind.NEW,
        email=email.strip().lower(),
        data=_serialise(cleaned),
        logo=logo,
        logo_name=logo_name[:100],
        token_digest=club_submission_token_digest(token),
        token_sent=timezone.now(),
        portrait=portrait,
        language=language[:8],
    )
    submission.full_clean(exclude=["logo"])
    submission.save()
    return submission, token


def _submission_by_token(token: str, *, lock: bool = True) -> ClubSubmission:
    valid_since = timezone.now() - datetime.timedelta(
        hours=settings.INSIST_REGISTRATION_CONFIRM_HOURS
    )
    queryset = ClubSubmission.objects.filter(
        token_digest=club_submission_token_digest(token or "-"),
        confirmed__isnull=True,
    )
    submission = (queryset.select_for_update() if lock else queryset).first()
    if submission is None or not token:
        raise ValidationError(
            _("This confirmation link is not valid. Nothing was changed.")
        )
    if submission.token_sent is None or submission.token_sent < valid_since:
        raise ValidationError(
            _("This confirmation link has expired. Please send the form again.")
        )
    return submission


def club_index_for(*, language: str = "de"):
    """The region's club directory (the German tree's: drafts are moderated
    there; translations follow as aliases)."""
    from cms.pages.models import ClubIndexPage

    index = (
        ClubIndexPage.objects.filter(locale__language_code=language).first()
        or ClubIndexPage.objects.filter(locale__language_code="de").first()
        or ClubIndexPage.objects.first()
    )
    if index is None:
        raise ValidationError(
            _("This region has no club directory yet. Nothing was changed.")
        )
    return index


def _apply(page, data: dict, *, terms: bool = True) -> None:
    """Copy the submitted data onto ``page`` (in memory); ``terms`` once the
    page has a primary key."""
    for name in SUBMITTED_FIELDS:
        value = data.get(name)
        if name == "description":
            page.description = (
                [{"type": "paragraph", "value": _paragraphs(value)}] if value else []
            )
        elif name in ("organisation_kind", "migration_reference", "district"):
            setattr(page, f"{name}_id", value)
        else:
            setattr(page, name, value or "")
    if terms:
        _apply_terms(page, data)
    page.contact_consent = True
    page.contact_consent_date = timezone.localdate()


def _apply_terms(page, data: dict) -> None:
    for name in SUBMITTED_TERMS:
        getattr(page, name).set(data.get(name) or [])


def _paragraphs(text: str) -> str:
    """Plain text as rich-text paragraphs, every character escaped."""
    from django.utils.html import escape

    parts = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br/>") + "</p>" for p in parts)


def _logo_image(submission: ClubSubmission):
    from wagtail.images import get_image_model

    if not submission.logo:
        return None
    image_model = get_image_model()
    image = image_model(title=submission.data.get("title") or "Logo")
    image.file = ImageFile(
        io.BytesIO(bytes(submission.logo)), name=submission.logo_name or "logo.png"
    )
    image.save()
    return image


def club_submission_confirm(*, token: str) -> ClubSubmission:
    """Confirm a submission: a draft portrait (or revision) in moderation.

    Refuses an unknown, used or expired link (nothing changes). The draft goes
    into the workflow that covers the club directory ("Redaktionelle Freigabe");
    it is requested by no user (the submitter has no account).
    """
    from django.utils.text import slugify

    from cms.pages.models import ClubPortraitPage

    with transaction.atomic():
        submission = _submission_by_token(token)
        data = submission.data
        if submission.kind == ClubSubmission.Kind.CHANGE:
            page = submission.portrait.get_latest_revision_as_object()
            _apply(page, data)
            image = _logo_image(submission)
            if image is not None:
                page.logo = image
            revision = page.save_revision(log_action=True)
        else:
            index = club_index_for(language=submission.language)
            page = ClubPortraitPage(live=False)
            _apply(page, data, terms=False)
            page.slug = _slug_free(index, slugify(data.get("title") or "") or "verein")
            image = _logo_image(submission)
            if image is not None:
                page.logo = image
            page.full_clean(exclude=["path", "depth"])
            index.add_child(instance=page)
            _apply_terms(page, data)
            page.save()
            revision = page.save_revision(log_action=True)
            submission.portrait = page
        workflow = page.get_workflow()
        running = page.current_workflow_state
        if running is not None:
            # One workflow per page at a time: a second change replaces the
            # first one's review, so the moderators see the latest revision.
            running.cancel(user=None)
        if workflow is not None:
            workflow.start(page, None)
        else:
            logger.warning("no moderation workflow covers portrait %s", page.pk)
        submission.confirmed = timezone.now()
        submission.token_digest = ""
        # The logo is a Wagtail image now; the submitted copy is not kept.
        submission.logo = None
        submission.save()
    logger.info(
        "club submission %s confirmed (revision %s)", submission.pk, revision.pk
    )
    return submission


def _slug_free(index, slug: str) -> str:
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug[:200], 2
    while candidate in taken:
        candidate = f"{slug[:190]}-{number}"
        number += 1
    return candidate


def club_change_request(*, portrait, email: str) -> str | None:
    """A token for changing ``portrait``, or None when ``email`` is not its
    consented contact address (the visitor sees the same answer either way)."""
    email = email.strip().lower()
    if not (
        portrait.contact_consent
        and portrait.contact_email
        and portrait.contact_email.strip().lower() == email
    ):
        return None
    token = secrets.token_urlsafe(32)
    ClubSubmission.objects.create(
        kind=ClubSubmission.Kind.CHANGE,
        email=email,
        portrait=portrait,
        data={"stage": "change-link"},
        token_digest=club_submission_token_digest(token),
        token_sent=timezone.now(),
    )
    return token


def club_change_link_check(*, token: str) -> ClubSubmission:
    """The waiting change link's row (not yet used), or ValidationError."""
    return _submission_by_token(token, lock=False)


def _notify(workflow_state, *, template: str, subject: str) -> None:
    from cms.pages.models import ClubPortraitPage

    page = workflow_state.content_object
    page = getattr(page, "specific", page)  # the base Page on some paths
    if not isinstance(page, ClubPortraitPage):
        return
    submission = (
        ClubSubmission.objects.filter(portrait_id=page.pk, confirmed__isnull=False)
        .order_by("-confirmed")
        .first()
    )
    if submission is None:
        return
    # A signal has no region argument: the workflow runs in the region's schema.
    base = region_base_url(region=current_region())
    with translation.override(submission.language or "de"):
        body = render_to_string(
            template,
            {
                "title": page.title,
                "url": (base or "") + (page.url or "") if base else "",
            },
        )
        send_mail(subject % {"title": page.title}, body, None, [submission.email])


def club_submission_notify_published(sender, instance, user=None, **kwargs):
    """workflow_approved: the submitter hears the portrait is published."""
    _notify(
        instance,
        template="participation/emails/published.txt",
        subject=_("Your club portrait is published: %(title)s"),
    )


def club_submission_notify_returned(sender, instance, user=None, **kwargs):
    """workflow_rejected: the submitter hears the portrait was returned."""
    _notify(
        instance,
        template="participation/emails/returned.txt",
        subject=_("Your club portrait needs changes: %(title)s"),
    )


# --- Speed dating -----------------------------------------------------------


def _plan_club(participant) -> PlanClub:
    portrait = participant.portrait
    reference, activities = None, frozenset()
    if portrait is not None:
        slug = portrait.migration_reference.slug if portrait.migration_reference else ""
        reference = {"with": True, "without": False}.get(slug)
        activities = frozenset(portrait.fields_of_activity.values_list("pk", flat=True))
    return PlanClub(
        key=participant.pk,
        name=participant.display_name,
        migration_reference=reference,
        activities=activities,
        portrait_id=participant.portrait_id,
    )


def speed_dating_plan_update(*, speed_dating: SpeedDating) -> SpeedDating:
    """Recompute the plan from the clubs taking part, keeping the rounds held."""
    participants = list(
        speed_dating.clubs.select_related(
            "portrait__migration_reference", "registration"
        )
    )
    if speed_dating.rounds_held > len(speed_dating.plan):
        raise ValidationError(
            _("Only %(count)d rounds are planned. Nothing was changed.")
            % {"count": len(speed_dating.plan)}
        )
    held = [
        [(table[0], table[1]) for table in round_]
        for round_ in speed_dating.plan[: speed_dating.rounds_held]
    ]
    clubs = [_plan_club(p) for p in participants]
    plan = plan_rounds(
        clubs=clubs,
        rounds=speed_dating.rounds,
        score=partner_score_function(),
        held=held,
    )
    names = {str(k): v for k, v in speed_dating.names.items()}
    names.update({str(c.key): c.name for c in clubs})
    speed_dating.plan = [[list(t) for t in round_] for round_ in plan]
    speed_dating.names = names
    speed_dating.save(update_fields=["plan", "names"])
    return speed_dating


def speed_dating_rounds(*, speed_dating: SpeedDating) -> list[dict]:
    """The plan for reading: rounds with numbered tables and club names."""
    names = speed_dating.names
    result = []
    for number, round_ in enumerate(speed_dating.plan, start=1):
        tables, pauses = [], []
        for a, b in round_:
            if b is BYE:
                pauses.append(names.get(str(a), "?"))
            else:
                tables.append(
                    {
                        "table": len(tables) + 1,
                        "a": names.get(str(a), "?"),
                        "b": names.get(str(b), "?"),
                    }
                )
        result.append(
            {
                "number": number,
                "held": number <= speed_dating.rounds_held,
                "tables": tables,
                "pauses": pauses,
            }
        )
    return result


def speed_dating_plan_csv(*, speed_dating: SpeedDating) -> str:
    """The plan as CSV (round, table, club, club); cells cannot be formulas."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_("Round"), _("Table"), _("Club"), _("Club")])
    for round_ in speed_dating_rounds(speed_dating=speed_dating):
        for table in round_["tables"]:
            writer.writerow(
                [
                    round_["number"],
                    table["table"],
                    spreadsheet_cell_neutralise(table["a"]),
                    spreadsheet_cell_neutralise(table["b"]),
                ]
            )
        for name in round_["pauses"]:
            writer.writerow(
                [round_["number"], "", spreadsheet_cell_neutralise(name), _("pause")]
            )
    return out.getvalue()


def speed_dating_schedule_of(*, speed_dating: SpeedDating, key: int) -> list[dict]:
    """One club's rounds: table and partner, or a pause."""
    names = speed_dating.names
    schedule = []
    for number, round_ in enumerate(speed_dating.plan, start=1):
        table_number = 0
        for a, b in round_:
            if b is not BYE:
                table_number += 1
            if key not in (a, b):
                continue
            if b is BYE:
                schedule.append({"round": number, "table": None, "partner": None})
            else:
                other = b if a == key else a
                partner = names.get(str(other), "?")
                schedule.append(
                    {"round": number, "table": table_number, "partner": partner}
                )
    return schedule


def speed_dating_schedules_send(*, speed_dating: SpeedDating) -> int:
    """Mail each club with an address its own schedule; returns how many."""
    sent = 0
    for participant in speed_dating.clubs.select_related("portrait", "registration"):
        email = participant.schedule_email
        if not email:
            continue
        body = render_to_string(
            "participation/emails/schedule.txt",
            {
                "event": speed_dating.event,
                "club": participant.display_name,
                "minutes": speed_dating.minutes_per_round,
                "schedule": speed_dating_schedule_of(
                    speed_dating=speed_dating, key=participant.pk
                ),
            },
        )
        send_mail(
            _("Your speed-dating schedule: %(title)s")
            % {"title": speed_dating.event.title},
            body,
            None,
            [email],
        )
        sent += 1
    return sent


@runs_in_region
def club_submissions_purge(*, region: Region, now=None) -> int:
    """Erase ``region``'s submissions whose confirmation or change link expired
    unused (their data and logo were never confirmed). Returns how many."""
    now = now or timezone.now()
    expired_before = now - datetime.timedelta(
        hours=settings.INSIST_REGISTRATION_CONFIRM_HOURS
    )
    erased, _details = ClubSubmission.objects.filter(
        confirmed__isnull=True, token_sent__lt=expired_before
    ).delete()
    return erased
