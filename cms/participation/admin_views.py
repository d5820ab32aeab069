"""The speed-dating plan in the admin: on screen, for print (A4, one page per
round), as CSV, and mailed to each club on the editor's click."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.views import generic

from cms.participation.models import SpeedDating
from cms.participation.services import (
    speed_dating_plan_csv,
    speed_dating_plan_update,
    speed_dating_rounds,
    speed_dating_schedules_send,
)


class PlanRecomputingMixin:
    """Saving the participants recomputes the plan (held rounds stay)."""

    def save_instance(self):
        instance = super().save_instance()
        speed_dating_plan_update(speed_dating=instance)
        return instance

    def get_success_url(self):
        return reverse("participation_speed_dating:plan", args=[self.object.pk])


class SpeedDatingCreateView(PlanRecomputingMixin, generic.CreateView):
    pass


class SpeedDatingEditView(PlanRecomputingMixin, generic.EditView):
    pass


def _speed_dating(request, pk, action="change") -> SpeedDating:
    from cms.participation.wagtail_hooks import speed_dating_viewset

    if not speed_dating_viewset.permission_policy.user_has_permission(
        request.user, action
    ):
        raise PermissionDenied
    return get_object_or_404(SpeedDating.objects.select_related("event"), pk=pk)


def plan_view(request, pk):
    speed_dating = _speed_dating(request, pk, "view")
    return TemplateResponse(
        request,
        "participation/admin/plan.html",
        {
            "speed_dating": speed_dating,
            "rounds": speed_dating_rounds(speed_dating=speed_dating),
            "header_title": str(speed_dating),
        },
    )


def plan_print(request, pk):
    speed_dating = _speed_dating(request, pk, "view")
    return TemplateResponse(
        request,
        "participation/admin/plan_print.html",
        {
            "speed_dating": speed_dating,
            "rounds": speed_dating_rounds(speed_dating=speed_dating),
        },
    )


def plan_csv(request, pk):
    speed_dating = _speed_dating(request, pk, "view")
    response = HttpResponse(
        speed_dating_plan_csv(speed_dating=speed_dating),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="speed-dating-{speed_dating.pk}.csv"'
    )
    return response


@require_POST
def plan_send(request, pk):
    speed_dating = _speed_dating(request, pk, "change")
    sent = speed_dating_schedules_send(speed_dating=speed_dating)
    messages.success(request, _("Schedules sent to %(count)d clubs.") % {"count": sent})
    return redirect("participation_speed_dating:plan", pk)
