"""Writes of the materials library: create, share, moderate, delete, count.

Materials live in the public schema, so every write here runs inside
``in_public()`` whatever region the caller is in. Status rules:

- ``draft``: only the owning region's editors see it, in their admin.
- Made ready with scope "own region": ``approved`` at once (no one else sees it).
- Made ready with scope "all regions" or "public": ``pending`` until a platform
  moderator approves (``approved``) or rejects it (``rejected``, with a note).
  Pending and rejected materials stay visible in the owning region.
- An approved shared material goes back to ``pending`` when its scope widens or
  its files or link change: what others see has been checked.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.db import connection, transaction
from django.utils import timezone

from cms.materials import vocabulary
from cms.materials.models import (
    Material,
    MaterialDownload,
    MaterialFile,
    MaterialTombstone,
    Topic,
)
from cms.materials.uploads import upload_check
from tenants.context import in_public, in_region, is_public, runs_in_public
from tenants.models import Region

Lines = list[tuple[str, bool]]

SCOPE_WIDTH = {
    Material.Scope.REGION: 0,
    Material.Scope.ALL_REGIONS: 1,
    Material.Scope.PUBLIC: 2,
}

# Who may add, change and delete their region's materials in its Wagtail admin.
MATERIAL_GROUPS = ("Editors", "Moderators", "Regional admins")
MATERIAL_PERMISSIONS = ("add_material", "change_material", "delete_material")


@runs_in_public
@transaction.atomic
def topics_defaults_load() -> Lines:
    """The default topics in every language; fills gaps, never overwrites."""
    changed = 0
    for order, (slug, names) in enumerate(vocabulary.TOPICS, start=1):
        translated = {
            f"name_{lang}": name
            for lang, name in zip(vocabulary.LANGS, names, strict=True)
        }
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            topic = Topic(slug=slug, sort_order=order * 10, **translated)
            topic.full_clean()
            topic.save()
            changed += 1
            continue
        missing = {k: v for k, v in translated.items() if not getattr(topic, k)}
        if missing:
            for key, value in missing.items():
                setattr(topic, key, value)
            topic.save(update_fields=list(missing))
            changed += 1
    total = len(vocabulary.TOPICS)
    if changed:
        return [(f"material topics: {changed} of {total} created or completed", True)]
    return [(f"material topics: all {total} present", False)]


def materials_region_ready(*, region: Region, **kwargs) -> Lines:
    """Receiver of ``region_ready``: default topics, and the region's editor groups
    may add, change and delete materials (their own region's only: the admin
    views narrow that further)."""
    lines = topics_defaults_load()
    with in_region(region):
        return [*lines, _materials_permissions_grant()]


def _materials_permissions_grant() -> tuple[str, bool]:
    """The region's groups (inside its schema) get the material permissions."""
    granted = 0
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="materials", codename__in=MATERIAL_PERMISSIONS
        )
    )
    if len(permissions) != len(MATERIAL_PERMISSIONS):
        return ("material permissions missing in this schema", False)
    for name in MATERIAL_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        missing = [p for p in permissions if not group.permissions.filter(pk=p.pk)]
        group.permissions.add(*missing)
        granted += len(missing)
    state = "granted" if granted else "already granted"
    return (f"material permissions {state}", bool(granted))


def _status_for(
    *, material: Material, ready: bool, previous_scope: str | None, changed: bool
) -> str:
    St = Material.Status
    if not ready:
        return St.DRAFT
    if material.scope == Material.Scope.REGION:
        return St.APPROVED
    widened = previous_scope is None or (
        SCOPE_WIDTH[material.scope] > SCOPE_WIDTH[previous_scope]
    )
    if material.status == St.APPROVED and not widened and not changed:
        return St.APPROVED
    if material.status == St.REJECTED and not widened and not changed:
        return St.REJECTED
    return St.PENDING


@runs_in_public
@transaction.atomic
def material_status_update(
    *,
    material: Material,
    ready: bool,
    previous_scope: str | None = None,
    content_changed: bool = False,
) -> Material:
    """Set the status after an editor saved: draft, approved (own region only) or
    waiting for moderation. ``previous_scope`` is None for a new material."""
    status = _status_for(
        material=material,
        ready=ready,
        previous_scope=previous_scope,
        changed=content_changed,
    )
    if status != material.status:
        material.status = status
        if status == Material.Status.PENDING:
            material.moderation_note = ""
        Material.objects.filter(pk=material.pk).update(
            status=status, moderation_note=material.moderation_note
        )
    return material


@runs_in_public
@transaction.atomic
def material_create(
    *,
    region: Region,
    title: str,
    summary: str,
    format: str,
    licence: str,
    scope: str = Material.Scope.REGION,
    ready: bool = True,
    topics: Iterable[Topic] = (),
    languages: Iterable = (),
    files: Sequence[tuple[str, bytes | File]] = (),
    translations: dict[str, dict[str, str]] | None = None,
    **fields,
) -> Material:
    """A new material of ``region`` with its files, validated before anything is
    written: a refused file raises ``ValidationError`` and nothing is stored."""
    if is_public(region):
        raise ValidationError(
            "Materials belong to a region; the portal cannot own one. "
            "Nothing was changed."
        )
    # Translated fields are set per language: the plain name would write to
    # whatever language happens to be active.
    for name in ("description", "audience"):
        if name in fields:
            fields[f"{name}_de"] = fields.pop(name)
    material = Material(
        region=region,
        title_de=title,
        summary_de=summary,
        format=format,
        licence=licence,
        scope=scope,
        **fields,
    )
    for language, texts in (translations or {}).items():
        for field, text in texts.items():
            setattr(material, f"{field}_{language}", text)
    material.full_clean(exclude=["region"])
    if Material.objects.filter(region=region, slug=material.slug).exists():
        raise ValidationError(
            {
                "slug": f"'{material.slug}' is already used by another material of "
                "this region: choose another title or slug. Nothing was changed."
            }
        )
    if not files and not material.link:
        raise ValidationError(
            "A material needs at least one file or a link. Nothing was changed."
        )
    uploads = [_as_file(name, content) for name, content in files]
    for upload in uploads:
        # Every file is checked before the first one is written.
        upload_check(file=upload, name=upload.name)
    material.save()
    material.topics.set(topics)
    material.languages.set(languages)
    stored: list[MaterialFile] = []
    try:
        for order, upload in enumerate(uploads):
            stored.append(
                material_file_add(
                    material=material, name=upload.name, content=upload, order=order
                )
            )
    except Exception:
        # The rows roll back with the transaction; the bytes must go by hand.
        for material_file in stored:
            material_file.file.storage.delete(material_file.file.name)
        raise
    material_status_update(material=material, ready=ready, previous_scope=None)
    return material


def _as_file(name: str, content: bytes | File) -> File:
    if isinstance(content, bytes | bytearray):
        return ContentFile(bytes(content), name=name)
    content.name = name
    return content


@runs_in_public
@transaction.atomic
def material_file_add(
    *, material: Material, name: str, content: bytes | File, order: int | None = None
) -> MaterialFile:
    """Check and store one more file of ``material`` (refusals store nothing)."""
    upload = _as_file(name, content)
    material_file = MaterialFile(material=material, file=upload)
    if order is None:
        order = material.files.count()
    material_file.sort_order = order
    material_file.full_clean(exclude=["material"])
    material_file.save()
    return material_file


@runs_in_public
@transaction.atomic
def material_file_replace(
    *, material_file: MaterialFile, name: str, content: bytes | File
) -> MaterialFile:
    """New bytes for an existing file: its download address stays the same; a
    shared material waits for moderation again."""
    material_file.file = _as_file(name, content)
    material_file.full_clean(exclude=["material"])
    material_file.save()
    material = material_file.material
    if material.status != Material.Status.DRAFT:
        material_status_update(
            material=material,
            ready=True,
            previous_scope=material.scope,
            content_changed=True,
        )
    return material_file


@runs_in_public
@transaction.atomic
def material_moderate(*, material: Material, approve: bool, note: str = "") -> Material:
    """A platform moderator's decision on a material shared beyond its region."""
    if material.status == Material.Status.DRAFT:
        raise ValidationError(
            f"'{material}' is still a draft: its region has not made it ready. "
            "Nothing was changed."
        )
    if not approve and not note.strip():
        raise ValidationError(
            "Say why the material is rejected: its region reads the note. "
            "Nothing was changed."
        )
    material.status = Material.Status.APPROVED if approve else Material.Status.REJECTED
    material.moderation_note = note.strip()
    material.moderated_at = timezone.now()
    Material.objects.filter(pk=material.pk).update(
        status=material.status,
        moderation_note=material.moderation_note,
        moderated_at=material.moderated_at,
    )
    return material


def material_used_elsewhere(*, material: Material) -> list[str]:
    """Why deleting ``material`` affects other regions: empty if nothing does."""
    reasons = []
    if material.shared:
        reasons.append(
            "it is shared with all regions"
            if material.scope == Material.Scope.ALL_REGIONS
            else "it is public"
        )
    with in_public():
        others = list(
            MaterialDownload.objects.filter(material=material)
            .exclude(region_id=material.region_id)
            .values_list("region__name", flat=True)
            .distinct()
        )
    if others:
        reasons.append("it was downloaded from " + ", ".join(sorted(others)))
    return reasons


@runs_in_public
@transaction.atomic
def material_delete(*, material: Material, confirm_shared: bool = False) -> None:
    """Delete a material and its files, leaving a tombstone (links answer 410).

    A material other regions use is deleted only with ``confirm_shared=True``.
    """
    reasons = material_used_elsewhere(material=material)
    if reasons and not confirm_shared:
        raise ValidationError(
            f"'{material}' is used by other regions ({'; '.join(reasons)}): "
            "confirm that it should be deleted for everyone. Nothing was changed."
        )
    MaterialTombstone.objects.update_or_create(
        material_id=material.pk,
        defaults={
            "title": material.title_de or material.title,
            "scope": material.scope
            if material.status == Material.Status.APPROVED
            else Material.Scope.REGION,
            "region_id": material.region_id,
        },
    )
    # The files' bytes go once the deletion is committed (post_delete receiver).
    material.delete()


def material_download_record(
    *, material: Material, region: Region, day: datetime.date | None = None
) -> None:
    """Count one download of ``material`` from ``region``'s host (the portal is a
    region row too). One upsert; no personal data."""
    day = day or timezone.localdate()
    table = MaterialDownload._meta.db_table
    with in_public(), connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {table} (material_id, region_id, day, count)
            VALUES (%s, %s, %s, 1)
            ON CONFLICT (material_id, region_id, day)
            DO UPDATE SET count = {table}.count + 1
            """,
            [material.pk, region.pk, day],
        )
