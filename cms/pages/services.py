"""What lives inside a region's schema when it is provisioned."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from cms.pages.models import EventPage, EventRegistration, HomePage
from cms.pages.selectors import home_page
from tenants.context import runs_in_region
from tenants.models import Region

WORKFLOW_NAME = "Redaktionelle Freigabe"
MODERATION_TASK_NAME = "Freigabe durch die Moderation"

# Group name -> (Django permissions "app_label.codename", Wagtail page permissions)
_PAGE_EDIT = ["add_page", "change_page"]
_PAGE_PUBLISH = [*_PAGE_EDIT, "publish_page", "lock_page", "unlock_page"]
_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
MEDIA_APPS = {"wagtailimages", "wagtaildocs"}
# Event registrations hold personal data: the regional team, not every editor.
_REGISTRATIONS = ["pages.view_eventregistration", "pages.delete_eventregistration"]
# The club fair's speed dating lists registrations: the same people (cms.participation).
_SPEED_DATING = [
    f"participation.{action}_speeddating"
    for action in ("add", "change", "delete", "view")
]
GROUPS = {
    "Regional admins": (
        [
            "wagtailadmin.access_admin",
            *_MEDIA,
            "wagtailimages.delete_image",
            "wagtaildocs.delete_document",
            "auth.add_user",
            "auth.change_user",
            "auth.delete_user",
            "auth.add_group",
            "auth.change_group",
            "auth.delete_group",
            "wagtailredirects.add_redirect",
            "wagtailredirects.change_redirect",
            "wagtailredirects.delete_redirect",
            *_REGISTRATIONS,
            *_SPEED_DATING,
        ],
        [*_PAGE_PUBLISH, "bulk_delete_page"],
    ),
    "Moderators": (
        ["wagtailadmin.access_admin", *_MEDIA, *_REGISTRATIONS, *_SPEED_DATING],
        _PAGE_PUBLISH,
    ),
    "Editors": (["wagtailadmin.access_admin", *_MEDIA], _PAGE_EDIT),
}


def _permissions(names) -> dict[str, Permission]:
    """``{"app_label.codename": Permission}`` for ``names``, in one query."""
    names = set(names)
    pairs = [name.split(".") for name in names]
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type").filter(
            content_type__app_label__in={app for app, _ in pairs},
            codename__in={codename for _, codename in pairs},
        )
    }
    missing = names - set(found)
    if missing:
        raise Permission.DoesNotExist(f"No such permission: {', '.join(missing)}")
    return {name: found[name] for name in names}


@runs_in_region
@transaction.atomic
def region_site_ensure(
    *, region: Region, domain: str, **kwargs
) -> list[tuple[str, bool]]:
    """Receiver of ``region_ready``: home page, Wagtail site and groups.

    Runs in ``region``'s schema, whatever the caller's. Returns ``(line, changed)``
    pairs.
    """
    lines = []
    root = Page.get_first_root_node()
    home = home_page(region=region)
    if home is None:
        # The template carries Wagtail's "Welcome" page and a default site;
        # the region's own home page takes their place.
        Site.objects.all().delete()
        for page in root.get_children():
            page.delete()
        home = root.add_child(
            instance=HomePage(title=region.name, slug="home", live=True)
        )
        home.save_revision().publish()
        lines.append(("home page created", True))
    else:
        lines.append(("home page already there", False))

    site = Site.objects.filter(hostname=domain).first()
    if site is None:
        Site.objects.create(
            hostname=domain,
            port=80,
            root_page=home,
            site_name=region.name,
            is_default_site=not Site.objects.filter(is_default_site=True).exists(),
        )
        lines.append((f"Wagtail site for '{domain}' created", True))
    else:
        lines.append((f"Wagtail site for '{domain}' already there", False))

    permission = _permissions(
        [
            *(p for perms, _page_perms in GROUPS.values() for p in perms),
            *(f"wagtailcore.{c}" for _perms, codes in GROUPS.values() for c in codes),
        ]
    )
    root_collection = Collection.get_first_root_node()
    for name, (permissions, page_permissions) in GROUPS.items():
        group, created = Group.objects.get_or_create(name=name)
        group.permissions.add(*[permission[p] for p in permissions])
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=permission[f"wagtailcore.{codename}"],
            )
        # Wagtail checks images and documents per collection, not by the model
        # permission alone: the group's media rights hold on the whole tree.
        for perm_name in permissions:
            if perm_name.split(".")[0] in MEDIA_APPS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission[perm_name],
                )
        lines.append(
            (f"group '{name}' {'created' if created else 'up to date'}", created)
        )

    lines.append(region_workflow_ensure(region=region, home=home))
    lines.append(region_locales_ensure(region=region))
    return lines


@runs_in_region
def region_locales_ensure(*, region: Region) -> tuple[str, bool]:
    """Every platform language as a Wagtail locale, so editors can translate.

    Wagtail's migration creates only the default language's locale.
    """
    created = [
        code
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if Locale.objects.get_or_create(language_code=code)[1]
    ]
    if created:
        return (f"locales added: {', '.join(created)}", True)
    return ("locales up to date", False)


@runs_in_region
def region_workflow_ensure(*, region: Region, home: Page) -> tuple[str, bool]:
    """Editors submit, moderators approve: one workflow on ``region``'s whole site."""
    moderators = Group.objects.get(name="Moderators")
    workflow, created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    task = GroupApprovalTask.objects.filter(name=MODERATION_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=MODERATION_TASK_NAME)
        created = True
    task.groups.add(moderators)
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        created = True
    if not WorkflowPage.objects.filter(page=home).exists():
        WorkflowPage.objects.create(page=home, workflow=workflow)
        created = True
    state = "set up" if created else "already there"
    return (f"moderation workflow {state}", created)


def _event_locked(*, event: EventPage) -> EventPage:
    """The event's row, locked until the transaction ends: places are counted
    under this lock, so two people cannot both take the last place."""
    return (
        EventPage.objects.select_for_update(of=("self",))
        .only("pk", "registration", "capacity", "start")
        .get(pk=event.pk)
    )


def _event_registration_check_open(*, locked: EventPage) -> None:
    """Refuse when the event takes no registrations now.

    Nothing here depends on who registers: the answer reveals nothing about an
    address.
    """
    if locked.registration != EventPage.Registration.FORM:
        raise ValidationError(_("This event has no registration."))
    if locked.registration_has_begun():
        raise ValidationError(_("Registration is closed: the event has begun."))
    confirmed = EventRegistration.objects.filter(
        event_id=locked.pk, confirmed__isnull=False
    ).count()
    if confirmed >= (locked.capacity or 0):
        raise ValidationError(_("Sorry, this event is fully booked."))


def event_registration_token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def event_registration_create(*, event: EventPage, name: str, email: str):
    """Register ``email`` for ``event`` as confirmed, or raise ``ValidationError``.

    For the regional team and the demo (an address they vouch for); visitors go
    through ``event_registration_request`` and ``event_registration_confirm``.
    The event row is locked while places are counted, so two last-minute
    registrations cannot both take the last place; nothing is saved on error.
    """
    email = email.strip().lower()
    registration = EventRegistration(
        event_id=event.pk, name=name.strip(), email=email, confirmed=timezone.now()
    )
    try:
        with transaction.atomic():
            locked = _event_locked(event=event)
            _event_registration_check_open(locked=locked)
            if EventRegistration.objects.filter(
                event_id=event.pk, email=email
            ).exists():
                raise ValidationError(
                    _("You are already registered with this email address.")
                )
            registration.full_clean()
            registration.save()
    except IntegrityError as error:
        raise ValidationError(
            _("You are already registered with this email address.")
        ) from error
    return registration


def event_registration_request(
    *, event: EventPage, name: str, email: str
) -> tuple[EventRegistration, str | None]:
    """A visitor asks to register: an unconfirmed registration and its token.

    Returns ``(registration, token)``; the token goes into the confirmation
    link mailed to the address. When the address is already confirmed the token
    is None (the caller mails a notice instead); the visitor sees the same answer
    in both cases. Asking again replaces the name and the token. Refuses (the
    same for every address) when the event takes no registrations now.
    An unconfirmed registration holds no place: places are taken on confirmation.
    """
    email = email.strip().lower()
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    with transaction.atomic():
        locked = _event_locked(event=event)
        _event_registration_check_open(locked=locked)
        registration = EventRegistration.objects.filter(
            event_id=event.pk, email=email
        ).first()
        if registration is not None and registration.is_confirmed:
            return registration, None
        if registration is None:
            registration = EventRegistration(event_id=event.pk, email=email)
        registration.name = name.strip()
        registration.token_digest = event_registration_token_digest(token)
        registration.token_sent = now
        registration.full_clean()
        registration.save()
    return registration, token


def event_registration_confirm(*, event: EventPage, token: str) -> EventRegistration:
    """Confirm the registration whose mailed token is ``token``.

    Refuses an unknown or expired link, an event that has begun and an event
    whose places were all taken meanwhile; confirming twice is harmless.
    """
    digest = event_registration_token_digest(token)
    valid_since = timezone.now() - datetime.timedelta(
        hours=settings.INSIST_REGISTRATION_CONFIRM_HOURS
    )
    with transaction.atomic():
        locked = _event_locked(event=event)
        registration = (
            EventRegistration.objects.select_for_update()
            .filter(event_id=event.pk, token_digest=digest)
            .first()
            if token
            else None
        )
        if registration is None:
            raise ValidationError(
                _("This confirmation link is not valid. Nothing was changed.")
            )
        if registration.is_confirmed:
            return registration
        if registration.token_sent is None or registration.token_sent < valid_since:
            raise ValidationError(
                _(
                    "This confirmation link has expired. Please register again. "
                    "Nothing was changed."
                )
            )
        _event_registration_check_open(locked=locked)
        registration.confirmed = timezone.now()
        registration.save(update_fields=["confirmed"])
    return registration


@runs_in_region
def event_registrations_purge(*, region, now=None) -> dict[str, int]:
    """Erase the region's registrations of events that ended more than
    ``INSIST_REGISTRATION_RETENTION_DAYS`` ago, and unconfirmed ones whose link
    has expired. Returns the numbers erased."""
    now = now or timezone.now()
    ended_before = now - datetime.timedelta(
        days=settings.INSIST_REGISTRATION_RETENTION_DAYS
    )
    expired_before = now - datetime.timedelta(
        hours=settings.INSIST_REGISTRATION_CONFIRM_HOURS
    )
    with transaction.atomic():
        past, _kinds = EventRegistration.objects.filter(
            event__end__lt=ended_before
        ).delete()
        unconfirmed, _kinds = EventRegistration.objects.filter(
            confirmed__isnull=True, token_sent__lt=expired_before
        ).delete()
    return {"past_events": past, "unconfirmed": unconfirmed}
