"""Mails about the moderation of shared materials.

- A material waits for moderation (an editor made it ready to share beyond its
  region, or widened its scope, or changed its files): the platform moderators
  hear of it, with a link to it in the portal's admin. Moderators are the
  portal's active users with an address who may change materials
  (``materials.change_material``, or superusers).
- A moderator approved or rejected it: the editors of its region who may
  change materials hear of it, with the note and a link to it in their
  region's admin. No other region hears of it.

The edges call these (the region admin's views, the portal admin's actions):
the services stay silent, so the demo content and the tests that moderate do
not send mail. Mails go once the transaction has committed; a mail that fails
is logged and never undoes the save or the decision.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cms.materials.models import Material
from tenants.context import in_public, in_region
from tenants.links import portal_base_url, region_base_url

logger = logging.getLogger(__name__)


def _can_change_materials() -> list[str]:
    """Addresses of the active users (in the current schema) who may change
    materials."""
    from django.contrib.auth.models import Permission

    permission = Permission.objects.filter(
        codename="change_material", content_type__app_label="materials"
    )
    users = (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .distinct()
    )
    return sorted(users.values_list("email", flat=True))


def _send(*, template: str, recipients: list[str], context: dict) -> None:
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"materials/emails/{template}_subject.txt", context)
        body = render_to_string(f"materials/emails/{template}.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, recipients)
    except Exception:
        logger.exception("material mail %s not sent", template)


def moderation_requested_notify(*, material: Material) -> None:
    """After an editor's save that left ``material`` waiting for moderation."""
    if material.status != Material.Status.PENDING:
        return

    def send():
        with in_public():
            recipients = _can_change_materials()
        base = portal_base_url() or ""
        path = reverse(
            "admin:materials_material_change",
            args=[material.pk],
            urlconf=settings.PUBLIC_SCHEMA_URLCONF,
        )
        _send(
            template="moderation_requested",
            recipients=recipients,
            context={"material": material, "url": base + path},
        )

    transaction.on_commit(send)


def moderation_decided_notify(*, material: Material) -> None:
    """After a moderator approved or rejected ``material``."""
    if material.status not in (Material.Status.APPROVED, Material.Status.REJECTED):
        return

    def send():
        region = material.region
        with in_region(region):
            recipients = _can_change_materials()
        path = reverse(
            "materials:edit", args=[material.pk], urlconf=settings.ROOT_URLCONF
        )
        _send(
            template="moderation_decided",
            recipients=recipients,
            context={
                "material": material,
                "approved": material.status == Material.Status.APPROVED,
                "url": (region_base_url(region=region) or "") + path,
            },
        )

    transaction.on_commit(send)
