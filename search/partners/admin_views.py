"""The regional team's admin: contact requests touching the region, and the
matching board. Only the team (``TEAM_GROUPS``, or superusers) sees either;
editors do not."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from search.partners.board import board_pairs
from search.partners.models import ContactRequest
from search.partners.presenters import suggestions_present
from search.partners.services import (
    board_contact_open,
    board_decide,
    contact_request_update,
    contact_story_draft,
)
from tenants.context import in_public

# The groups of a region that moderate matching (cms.pages.services.GROUPS).
TEAM_GROUPS = ("Regional admins", "Moderators")


def is_team(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=TEAM_GROUPS).exists()
    )


def _team_only(request):
    if not is_team(request.user):
        raise PermissionDenied


def contact_requests_for(*, region):
    """Confirmed requests whose receiving or asking club is in ``region``."""
    with in_public():
        return (
            ContactRequest.objects.filter(
                Q(target_region=region) | Q(requester_region=region)
            )
            .exclude(status=ContactRequest.Status.PENDING)
            .select_related("target_region", "requester_region")
        )


def contact_request_list(request):
    _team_only(request)
    with in_public():
        rows = list(contact_requests_for(region=request.tenant)[:500])
    return render(request, "partners/admin/requests.html", {"rows": rows})


def contact_request_edit(request, pk: int):
    _team_only(request)
    with in_public():
        contact = contact_requests_for(region=request.tenant).filter(pk=pk).first()
    if contact is None:
        raise Http404
    if request.method == "POST":
        try:
            if "story" in request.POST:
                story = contact_story_draft(
                    contact=contact, region=request.tenant, user=request.user
                )
                messages.success(request, _("Draft story created: %s") % story.title)
            else:
                contact_request_update(
                    contact=contact,
                    status=request.POST.get("status", ""),
                    notes=request.POST.get("notes", "").replace("\x00", ""),
                )
                messages.success(request, _("Contact request saved."))
            return redirect("partners_request", pk=contact.pk)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    statuses = [
        (value, label)
        for value, label in ContactRequest.Status.choices
        if value not in ("pending", "withdrawn")
    ]
    return render(
        request,
        "partners/admin/request.html",
        {"contact": contact, "statuses": statuses},
    )


def board_page(request):
    _team_only(request)
    language = translation.get_language() or "de"
    pairs = board_pairs(region=request.tenant)
    shown = suggestions_present(
        suggestions=[p.b for p in pairs], request=request, language=language
    )
    # ``a`` is the region's own club: its path is on this host
    rows = [
        {
            "pair": pair,
            "b": b,
            "a_key": f"{pair.a.region_id}-{pair.a.page_id}",
            "b_key": f"{pair.b.region_id}-{pair.b.page_id}",
        }
        for pair, b in zip(pairs, shown, strict=True)
    ]
    return render(request, "partners/admin/board.html", {"rows": rows})


def _key(value: str) -> tuple[int, int]:
    region_id, _sep, page_id = value.partition("-")
    if not region_id.isdigit() or not page_id.isdigit():
        raise ValidationError(_("Unknown club. Nothing was changed."))
    return int(region_id), int(page_id)


@require_POST
def board_decide_view(request):
    _team_only(request)
    try:
        a, b = _key(request.POST.get("a", "")), _key(request.POST.get("b", ""))
        decision = request.POST.get("decision", "")
        if decision == "request":
            board_contact_open(region=request.tenant, a=a, b=b, user=request.user)
            messages.success(request, _("Contact request opened."))
        else:
            board_decide(
                region=request.tenant, a=a, b=b, decision=decision, user=request.user
            )
            messages.success(request, _("Decision saved."))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("partners_board")
