"""The public side of taking part, on every region host and in every language.

Every valid form gets the same answer ("check your mail"); a honeypot and rate
limits per client address and per email address keep bots out (as event
registration does, docs/security.md). A refused form says why and stores nothing.
"""

import html
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.participation.forms import ClubChangeRequestForm, ClubSubmissionForm
from cms.participation.services import (
    club_change_link_check,
    club_change_request,
    club_submission_confirm,
    club_submission_request,
)
from tenants.links import region_base_url
from tenants.throttle import client_address, rate_limit_exceeded, refusal

logger = logging.getLogger(__name__)
TEMPLATE = "participation/club_form.html"


def _render(request, context, *, status=200):
    return TemplateResponse(request, TEMPLATE, context, status=status)


def _link(request, name: str, token: str) -> str:
    path = reverse(name, args=[token])
    base = region_base_url(region=request.tenant)
    return (base + path) if base else request.build_absolute_uri(path)


def _mail(*, to: str, subject: str, template: str, context: dict) -> None:
    send_mail(subject, render_to_string(template, context), None, [to])


def _sent(request, *, heading: str):
    return _render(
        request,
        {
            "heading": heading,
            "sent": True,
            "hours": settings.INSIST_REGISTRATION_CONFIRM_HOURS,
        },
    )


def _limited(request) -> bool:
    return rate_limit_exceeded(
        name="club-submission-ip", subject=client_address(request)
    )


def _portrait_initial(portrait) -> dict:
    initial = {
        name: getattr(portrait, name)
        for name in (
            "title",
            "summary",
            "website",
            "offers",
            "seeks",
            "contact_name",
            "contact_email",
        )
    }
    # Rich text back to the plain paragraphs the form takes.
    initial["description"] = "\n\n".join(
        html.unescape(strip_tags(str(getattr(block.value, "source", block.value))))
        for block in portrait.description
        if block.block_type == "paragraph"
    )
    for name in ("organisation_kind", "migration_reference", "district"):
        initial[name] = getattr(portrait, f"{name}_id")
    for name in ("fields_of_activity", "target_groups", "languages"):
        initial[name] = [term.pk for term in getattr(portrait, name).all()]
    return initial


def club_submit(request, token: str | None = None):
    """The portrait form; with ``token`` (a change link) prefilled from the
    listed portrait, and its POST becomes a new revision in moderation."""
    heading = _("Enter your club in the directory")
    change = None
    if token is not None:
        heading = _("Change your club's portrait")
        try:
            change = club_change_link_check(token=token)
        except ValidationError as error:
            return _render(
                request, {"heading": heading, "errors": error.messages}, status=400
            )
    if request.method != "POST":
        # The latest revision: a change still in moderation is the base.
        initial = (
            _portrait_initial(change.portrait.get_latest_revision_as_object())
            if change
            else None
        )
        form = ClubSubmissionForm(initial=initial, region=request.tenant)
        return _render(request, {"form": form, "heading": heading})
    form = ClubSubmissionForm(request.POST, request.FILES, region=request.tenant)
    if _limited(request):
        form.is_valid()
        message, status = refusal(
            _("Too many submissions from your connection. Please try later.")
        )
        form.add_error(None, message)
        return _render(request, {"form": form, "heading": heading}, status=status)
    if not form.is_valid():
        return _render(request, {"form": form, "heading": heading}, status=400)
    if form.is_bot:
        logger.info("club submission honeypot filled")
        return _sent(request, heading=heading)
    if change is not None:
        # The link came to the consented address: the change goes straight
        # into moderation (the address is confirmed by the link itself).
        submission, new_token = club_submission_request(
            cleaned=form.cleaned_data,
            email=change.email,
            logo=form.logo_content,
            logo_name=form.logo_name,
            portrait=change.portrait,
            language=get_language() or "de",
        )
        change.delete()
        club_submission_confirm(token=new_token)
        return _render(
            request,
            {
                "heading": heading,
                "done": _(
                    "Thank you: the regional team will review your changes. "
                    "We will tell you by email when they are published."
                ),
            },
        )
    email = form.cleaned_data["contact_email"]
    submission, new_token = club_submission_request(
        cleaned=form.cleaned_data,
        email=email,
        logo=form.logo_content,
        logo_name=form.logo_name,
        language=get_language() or "de",
    )
    if not rate_limit_exceeded(name="club-submission-email", subject=email.lower()):
        _mail(
            to=submission.email,
            subject=_("Please confirm your club portrait: %(title)s")
            % {"title": form.cleaned_data["title"]},
            template="participation/emails/confirm.txt",
            context={
                "title": form.cleaned_data["title"],
                "url": _link(request, "participation-confirm", new_token),
                "hours": settings.INSIST_REGISTRATION_CONFIRM_HOURS,
            },
        )
    return _sent(request, heading=heading)


def club_confirm(request, token: str):
    """GET shows a button; POST confirms (mail scanners follow links)."""
    heading = _("Confirm your club portrait")
    if request.method != "POST":
        return _render(request, {"heading": heading, "confirm_token": token})
    try:
        club_submission_confirm(token=token)
    except ValidationError as error:
        return _render(
            request, {"heading": heading, "errors": error.messages}, status=400
        )
    return _render(
        request,
        {
            "heading": heading,
            "done": _(
                "Thank you: your portrait is with the regional team now. We will "
                "tell you by email when it is published."
            ),
        },
    )


def club_change(request):
    """A listed club asks for a change link; the same answer for any address."""
    heading = _("Change your club's portrait")
    if request.method != "POST":
        return _render(request, {"form": ClubChangeRequestForm(), "heading": heading})
    form = ClubChangeRequestForm(request.POST)
    if _limited(request):
        form.is_valid()
        message, status = refusal(
            _("Too many requests from your connection. Please try later.")
        )
        form.add_error(None, message)
        return _render(request, {"form": form, "heading": heading}, status=status)
    if not form.is_valid():
        return _render(request, {"form": form, "heading": heading}, status=400)
    if form.is_bot:
        return _sent(request, heading=heading)
    email = form.cleaned_data["email"].strip().lower()
    token = club_change_request(portrait=form.cleaned_data["portrait"], email=email)
    if token and not rate_limit_exceeded(
        name="club-submission-email", subject=email.lower()
    ):
        _mail(
            to=email,
            subject=_("Change your club portrait: %(title)s")
            % {"title": form.cleaned_data["portrait"].title},
            template="participation/emails/change.txt",
            context={
                "title": form.cleaned_data["portrait"].title,
                "url": _link(request, "participation-change-form", token),
                "hours": settings.INSIST_REGISTRATION_CONFIRM_HOURS,
            },
        )
    return _sent(request, heading=heading)
