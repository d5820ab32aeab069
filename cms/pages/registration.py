"""The public side of event registration: the form, the mail, the confirmation.

Double opt-in: a visitor's registration counts only after the link mailed to
the address has been followed. Every visitor who sends a valid form sees the same
answer ("check your mail"), whether the address is new, waiting for confirmation
or already registered; only the mail differs, and only the address's owner reads
it. Unconfirmed registrations hold no place, so made-up addresses cannot book an
event out; places are counted under a row lock when a link is followed.

Abuse: a honeypot field, and rate limits per client address and per email address
over the region-keyed cache (``INSIST_RATE_LIMITS``).
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db.models import Q
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from cms.pages.forms import EventRegistrationForm
from cms.pages.models import EventRegistration
from cms.pages.services import (
    event_registration_confirm,
    event_registration_request,
)
from tenants.throttle import client_address, rate_limit_exceeded, refusal

logger = logging.getLogger(__name__)


def registration_state(*, event) -> dict:
    """What the registration box shows: places left (confirmed registrations
    count), whether registration has closed, the retention period."""
    # Every language version counts the default language's registrations (see
    # EventPage.registration_event), in the one query the count needs anyway.
    default_language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    taken = EventRegistration.objects.filter(
        Q(event_id=event.pk)
        | Q(
            event__translation_key=event.translation_key,
            event__locale__language_code=default_language,
        ),
        confirmed__isnull=False,
    ).count()
    places_left = max((event.capacity or 0) - taken, 0)
    closed = event.registration_has_begun()
    return {
        "places_left": places_left,
        "registration_closed": closed,
        "registration_open": not closed and places_left > 0,
        "retention_days": settings.INSIST_REGISTRATION_RETENTION_DAYS,
        "confirm_hours": settings.INSIST_REGISTRATION_CONFIRM_HOURS,
    }


def _sent_message() -> str:
    return _(
        "Almost done: we have sent you an email. Please follow the link in it "
        "within %(hours)d hours to confirm your registration."
    ) % {"hours": settings.INSIST_REGISTRATION_CONFIRM_HOURS}


def _render(event, request, form, *, status=200, extra=None):
    context = event.get_context(request)
    context["form"] = form
    context.update(extra or {})
    return TemplateResponse(
        request, event.get_template(request), context, status=status
    )


def _mail(event, request, *, registration, token) -> None:
    """The confirmation link, or a notice that the address is registered."""
    context = {
        "event": event,
        "name": registration.name,
        "event_url": request.build_absolute_uri(event.url),
        "hours": settings.INSIST_REGISTRATION_CONFIRM_HOURS,
    }
    if token:
        path = event.url + event.reverse_subpage("confirm", args=[token])
        context["confirm_url"] = request.build_absolute_uri(path)
        template = "pages/emails/registration_confirm.txt"
        subject = _("Please confirm your registration: %(title)s")
    else:
        template = "pages/emails/registration_known.txt"
        subject = _("You are registered: %(title)s")
    send_mail(
        subject % {"title": event.title},
        render_to_string(template, context, request=request),
        None,
        [registration.email],
    )


def registration_page(event, request):
    """The event page; on POST, a registration request from its form."""
    if event.registration != event.Registration.FORM:
        return _render(event, request, None)
    if request.method != "POST":
        return _render(event, request, EventRegistrationForm())

    form = EventRegistrationForm(request.POST)
    if rate_limit_exceeded(name="registration-ip", subject=client_address(request)):
        form.is_valid()
        message, status = refusal(
            _("Too many registrations from your connection. Please try again later.")
        )
        form.add_error(None, message)
        return _render(event, request, form, status=status)
    if not form.is_valid():
        return _render(event, request, form, status=400)
    if form.is_bot:
        # Told the same as a person, so the bot learns nothing.
        logger.info("registration honeypot filled for event %s", event.pk)
        messages.success(request, _sent_message())
        return redirect(event.url)
    email = form.cleaned_data["email"]
    try:
        registration, token = event_registration_request(
            event=event.registration_event,
            name=form.cleaned_data["name"],
            email=email,
        )
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        return _render(event, request, form, status=400)
    # Past the per-address limit the answer stays the same, but no more mail
    # goes to that inbox.
    if not rate_limit_exceeded(name="registration-email", subject=email):
        try:
            _mail(event, request, registration=registration, token=token)
        except Exception:  # the mail server: the visitor must hear of it
            logger.exception("registration mail for event %s failed", event.pk)
            form.add_error(
                None,
                _(
                    "We could not send you the confirmation email. Please try "
                    "again later."
                ),
            )
            return _render(event, request, form, status=503)
    messages.success(request, _sent_message())
    return redirect(event.url)


def registration_confirm_page(event, request, *, token: str):
    """GET shows a button; POST confirms. Mail scanners that open links do not
    confirm anyone's registration by following it."""
    if request.method == "POST":
        try:
            event_registration_confirm(event=event.registration_event, token=token)
        except ValidationError as error:
            return _render(
                event,
                request,
                None,
                status=400,
                extra={"confirm_errors": error.messages},
            )
        messages.success(
            request, _("Your registration is confirmed. Thank you, see you there!")
        )
        return redirect(event.url)
    return _render(
        event,
        request,
        None,
        extra={"confirm_token": token},
    )
