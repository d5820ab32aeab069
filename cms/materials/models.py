"""The shared training-materials library (public schema).

A material belongs to the region whose editors wrote it and is shared by its
``scope``: that region only, every region, or the public as well. Sharing beyond
the owning region needs a platform moderator's approval (``status``). Files live
in a private storage (``cms.materials.storage``) and are only ever served by the
download view, which checks the scope against the requesting host's region.

Title, summary, description and audience are translated with
django-modeltranslation (``translation.py``), falling back to German.
"""

import uuid

from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel

from cms.materials.storage import material_file_path, materials_storage
from cms.materials.uploads import upload_check
from cms.taxonomy.models import Term


class Topic(Term):
    """A topic of training materials (intercultural communication, conflicts,
    anti-discrimination, ...): one shared vocabulary for every region."""

    class Meta(Term.Meta):
        verbose_name = "Thema"
        verbose_name_plural = "Themen"


class Material(ClusterableModel):
    """A training material (method card, handout, slides, ...): its description,
    one or more files and/or a link, who may see it and its moderation status."""

    class Format(models.TextChoices):
        HANDOUT = "handout", _("Handout")
        SLIDES = "slides", _("Slides")
        METHOD_CARD = "method-card", _("Method card")
        CHECKLIST = "checklist", _("Checklist")
        GUIDE = "guide", _("Guide")
        VIDEO = "video", _("Video")
        WORKSHEET = "worksheet", _("Worksheet")

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", "CC BY 4.0"
        CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
        CC0 = "cc0-1.0", "CC0 1.0"
        ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")

    class Scope(models.TextChoices):
        REGION = "region", _("Own region only")
        ALL_REGIONS = "all-regions", _("All regions")
        PUBLIC = "public", _("Public (portal and all regions)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    uid = models.UUIDField(
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text="Names the material's folder in the private storage.",
    )
    title = models.CharField("Titel", max_length=200)
    slug = models.SlugField(
        "Kürzel",
        max_length=80,
        blank=True,
        help_text="Part of the material's address; made from the title if empty.",
    )
    summary = models.TextField("Kurzbeschreibung", max_length=500)
    description = models.TextField("Beschreibung", blank=True)
    audience = models.CharField(
        "Zielgruppe",
        max_length=200,
        blank=True,
        help_text="Who the material is for, e.g. club boards, volunteers.",
    )
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="materials", verbose_name="Themen"
    )
    format = models.CharField("Format", max_length=20, choices=Format.choices)
    languages = ParentalManyToManyField(
        "taxonomy.ClubLanguage",
        blank=True,
        related_name="+",
        verbose_name="Sprachen",
    )
    duration_minutes = models.PositiveIntegerField(
        "Dauer (Minuten)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(60 * 24 * 14)],
        help_text="How long working with the material takes, if it says.",
    )
    licence = models.CharField("Lizenz", max_length=30, choices=Licence.choices)
    author = models.CharField("Autorin oder Autor", max_length=200, blank=True)
    organisation = models.CharField("Organisation", max_length=200, blank=True)
    link = models.URLField(
        "Link", blank=True, help_text="A video or web page, instead of or with files."
    )
    scope = models.CharField(
        "Freigabe für",
        max_length=20,
        choices=Scope.choices,
        default=Scope.REGION,
        help_text="All regions and the public need a platform moderator's approval.",
    )
    region = models.ForeignKey(
        "tenants.Region",
        verbose_name="Region",
        on_delete=models.PROTECT,
        related_name="materials",
        editable=False,
    )
    status = models.CharField(
        "Status",
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
    )
    moderation_note = models.TextField("Hinweis der Moderation", blank=True)
    moderated_at = models.DateTimeField("Moderiert am", null=True, blank=True)
    created_at = models.DateTimeField("Angelegt am", auto_now_add=True)
    updated_at = models.DateTimeField("Geändert am", auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = "Schulungsmaterial"
        verbose_name_plural = "Schulungsmaterialien"
        constraints = [
            models.UniqueConstraint(
                fields=["region", "slug"], name="materials_slug_per_region"
            )
        ]
        indexes = [models.Index(fields=["scope", "status"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = material_slug(self.title_de or self.title or "")

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def shared(self) -> bool:
        """Other regions see it: shared beyond its region and approved."""
        return self.scope != self.Scope.REGION and self.status == self.Status.APPROVED


def material_slug(title: str) -> str:
    """``konflikte-im-verein``: German umlauts folded, at most 80 characters."""
    for umlaut, folded in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        title = title.replace(umlaut, folded).replace(umlaut.upper(), folded.title())
    return slugify(title)[:80].strip("-") or "material"


def validate_material_upload(value) -> None:
    """A newly uploaded file must pass the content, size and name checks."""
    if value and not getattr(value, "_committed", True):
        upload_check(file=value.file, name=value.name)


LICENCE_URLS = {
    Material.Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Material.Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Material.Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Material.Licence.ALL_RIGHTS: "",
}


class MaterialFile(models.Model):
    """One file of a material (a PDF, slides, an image, a video), kept in the
    private storage; its download address stays the same when it is replaced."""

    material = ParentalKey(Material, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        "Datei",
        storage=materials_storage,
        upload_to=material_file_path,
        max_length=300,
        validators=[validate_material_upload],
    )
    name = models.CharField(
        "Dateiname", max_length=120, editable=False, help_text="The safe name."
    )
    content_type = models.CharField(max_length=120, editable=False)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    sort_order = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = "Datei"
        verbose_name_plural = "Dateien"

    def __str__(self):
        return self.name or self.file.name

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # Checked again here: code that saves without full_clean (imports,
            # the demo) gets the same refusals as the admin form.
            checked = upload_check(file=self.file.file, name=self.file.name)
            self.name, self.content_type = checked.name, checked.content_type
            self.size = checked.size
            replaced = None
            if self.pk is not None:
                replaced = (
                    MaterialFile.objects.filter(pk=self.pk)
                    .values_list("file", flat=True)
                    .first()
                )
            try:
                super().save(*args, **kwargs)
            except Exception:
                # The file was written before the row failed: leave nothing behind.
                if self.file.name:
                    self.file.storage.delete(self.file.name)
                raise
            if replaced and replaced != self.file.name:
                # The row (and so its download address) stays; the old bytes go.
                storage = self.file.storage
                transaction.on_commit(lambda: storage.delete(replaced))
            return
        super().save(*args, **kwargs)


class MaterialTombstone(models.Model):
    """What is left of a deleted material: its old id and title, so that links
    to it answer 410 Gone with a clear page instead of a broken download."""

    material_id = models.BigIntegerField(unique=True)
    title = models.CharField(max_length=200)
    scope = models.CharField(max_length=20, choices=Material.Scope.choices)
    region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Gelöschtes Material"
        verbose_name_plural = "Gelöschte Materialien"

    def __str__(self):
        return self.title


class MaterialDownload(models.Model):
    """How often a material was downloaded from one region's host on one day.

    Counts only: no user, no address, no time of day.
    """

    material = models.ForeignKey(
        Material, on_delete=models.CASCADE, related_name="downloads"
    )
    region = models.ForeignKey(
        "tenants.Region", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "Downloads"
        verbose_name_plural = "Downloads"
        constraints = [
            models.UniqueConstraint(
                fields=["material", "region", "day"],
                name="materials_download_per_region_day",
            )
        ]

    def __str__(self):
        return f"{self.material_id} · {self.region_id} · {self.day}: {self.count}"


@receiver(post_delete, sender=MaterialFile)
def _material_file_bytes_delete(sender, instance: MaterialFile, **kwargs) -> None:
    """A removed file row (or a deleted material) takes its bytes along, once the
    deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
