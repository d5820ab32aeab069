"""``/partner/``: the partner finder, on every region host and the portal.

Opened from a portrait (``?club=<region>:<slug>``) or filled in by a club
without an account (the profile fields of ``params.partner_params_read``). A
GET form: nothing is stored, so it needs no token, honeypot or rate limit.
"""

import logging

from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from search.partners.forms import ContactRequestForm
from search.partners.params import partner_params_read
from search.partners.presenters import suggestions_present
from search.partners.services import (
    contact_request_ask,
    contact_request_confirm,
    contact_request_mail_optin,
    contact_request_withdraw,
)
from search.selectors import facet_names
from tenants.context import in_public, is_public
from tenants.models import Region
from tenants.selectors import region_get, region_list
from tenants.throttle import client_address, rate_limit_exceeded, refusal

logger = logging.getLogger(__name__)

CHOICES = ("activity", "target_group", "language", "district", "migration")


def partner_page(request):
    """Suggestions for a club, the form describing a club, and the filters."""
    language = translation.get_language() or "de"
    asked = bool(request.GET)
    read = partner_params_read(request.GET) if asked else None
    results = []
    if read is not None and read.profile is not None and not read.problems:
        results = suggestions_present(
            suggestions=read.suggestions(),
            request=request,
            language=language,
        )
    with in_public():
        regions = list(region_list())
    names = facet_names(language=language, regions=regions)
    chosen = {key: request.GET.getlist(key) for key in request.GET}
    options = {
        facet: [
            {
                "slug": slug,
                "name": name,
                "selected": slug in chosen.get(facet, [])
                or slug in chosen.get(f"only_{facet}", []),
            }
            for _pk, (slug, name) in sorted(names[facet].items(), key=lambda i: i[1][1])
        ]
        for facet in (*CHOICES, "region")
    }
    return render(
        request,
        "partners/finder.html",
        {
            "club": request.GET.get("club", "")[:300].replace("\x00", ""),
            "offers": request.GET.get("offers", "")[:1000].replace("\x00", ""),
            "seeks": request.GET.get("seeks", "")[:1000].replace("\x00", ""),
            "options": options,
            "problems": read.problems if read else [],
            "results": results,
            "asked": asked and read is not None and not read.problems,
        },
        status=400 if read is not None and read.problems else 200,
    )


# --- Contact requests: ask, confirm (double opt-in), withdraw -------------------


def _contact_render(request, context, *, status=200):
    return render(request, "partners/contact.html", context, status=status)


def contact_request_page(request):
    """POST from a portrait's contact form; every valid form gets the same
    answer ("check your mail"), whether a mail went out or not."""
    if request.method != "POST":
        return _contact_render(
            request,
            {"club": request.GET.get("club", "")[:300].replace("\x00", "")},
        )
    form = ContactRequestForm(request.POST)
    if rate_limit_exceeded(name="contact-request-ip", subject=client_address(request)):
        message, status = refusal(
            _("Too many requests from your connection. Please try again later.")
        )
        return _contact_render(request, {"problems": [message]}, status=status)
    if not form.is_valid():
        problems = [e for errors in form.errors.values() for e in errors]
        # The form again, with what the visitor typed: only the mistakes to mend.
        return _contact_render(
            request,
            {
                "problems": problems,
                "club": form.data.get("club", "")[:300].replace("\x00", ""),
                "values": {
                    name: form.data.get(name, "").replace("\x00", "")
                    for name in ("name", "club_name", "email", "message")
                },
                "consent": bool(form.data.get("consent")),
                "invalid": set(form.errors),
            },
            status=400,
        )
    if form.is_bot:
        logger.info("contact request honeypot filled")
        return _contact_render(request, {"sent": True})
    data = form.cleaned_data
    region_slug, _sep, slug = data["club"].partition(":")
    try:
        with in_public():
            target = region_get(slug=region_slug)
            requester = (
                region_get(slug=data["region"])
                if data["region"]
                else (target if is_public(request.tenant) else request.tenant)
            )
        contact, token, withdraw = contact_request_ask(
            target_region=target,
            target_slug=slug,
            requester_region=requester,
            name=data["name"],
            club=data["club_name"],
            email=data["email"],
            message=data["message"],
            consent=data["consent"],
        )
    except Region.DoesNotExist:
        return _contact_render(
            request, {"problems": [_("This region does not exist.")]}, status=400
        )
    except ValidationError as error:
        return _contact_render(request, {"problems": error.messages}, status=400)
    # Past the per-address limit the answer stays the same, but no more mail
    # goes to that inbox.
    if not rate_limit_exceeded(name="contact-request-email", subject=data["email"]):
        contact_request_mail_optin(
            contact,
            token=token,
            withdraw=withdraw,
            language=translation.get_language() or "de",
        )
    return _contact_render(request, {"sent": True})


def contact_confirm_page(request, token: str):
    """GET shows a button; POST confirms (mail scanners only GET)."""
    if request.method == "POST":
        try:
            contact_request_confirm(token=token)
        except ValidationError as error:
            return _contact_render(request, {"problems": error.messages}, status=400)
        return _contact_render(request, {"confirmed": True})
    return _contact_render(request, {"confirm_token": token})


def contact_withdraw_page(request, token: str):
    """GET shows a button; POST withdraws and erases the requester's details."""
    if request.method == "POST":
        try:
            contact_request_withdraw(token=token)
        except ValidationError as error:
            return _contact_render(request, {"problems": error.messages}, status=400)
        return _contact_render(request, {"withdrawn": True})
    return _contact_render(request, {"withdraw_token": token})
