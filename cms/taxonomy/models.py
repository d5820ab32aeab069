"""The shared club taxonomy: vocabularies every region describes its clubs with.

The tables live in the public schema; regional pages point at them (a region's
``search_path`` is ``<region>, public``). Names and descriptions are translated
with django-modeltranslation (``translation.py``), falling back to German.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Term(models.Model):
    """One entry of a vocabulary: a stable slug, a translated name, an order."""

    slug = models.SlugField(
        pgettext_lazy("field", "Slug"),
        max_length=80,
        unique=True,
        help_text=_("Stable across regions; used in URLs, filters and the API."),
        error_messages={
            "unique": _(
                "This slug is already taken by another term of this "
                "vocabulary: choose another one, or merge the two terms."
            )
        },
    )
    name = models.CharField(pgettext_lazy("field", "Name"), max_length=120)
    description = models.TextField(pgettext_lazy("field", "Description"), blank=True)
    sort_order = models.PositiveIntegerField(pgettext_lazy("field", "Order"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def vocabulary_key(cls) -> str:
        """The vocabulary's key in the API (``fields_of_activity``, ...)."""
        return VOCABULARY_KEYS[cls]


class FieldOfActivity(Term):
    """A field of activity (Tätigkeitsfeld) such as youth work or sport.

    Optionally a sub-field of one top-level field.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("Parent field"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta(Term.Meta):
        verbose_name = _("Field of activity")
        verbose_name_plural = _("Fields of activity")

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.pk is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A field cannot be its own sub-field.")})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": _("Sub-fields have one level only: pick a top-level field.")}
            )
        if self.pk is not None and self.children.exists():
            raise ValidationError(
                {"parent": _("This field has sub-fields, so it must stay top-level.")}
            )


class TargetGroup(Term):
    """A group of people a club works with (children, parents, seniors, ...)."""

    class Meta(Term.Meta):
        verbose_name = _("Target group")
        verbose_name_plural = _("Target groups")


class ClubLanguage(Term):
    """A language a club works in; the slug is its ISO 639-1 code."""

    native_name = models.CharField(
        _("Native name"),
        max_length=80,
        help_text=_("The language's name in itself, e.g. Türkçe, العربية."),
    )

    class Meta(Term.Meta):
        verbose_name = _("Club language")
        verbose_name_plural = _("Club languages")

    def clean(self):
        super().clean()
        if self.slug and not (len(self.slug) == 2 and self.slug.isalpha()):
            raise ValidationError(
                {"slug": _("Use the two-letter ISO 639-1 code, e.g. 'tr' or 'ar'.")}
            )


class OrganisationKind(Term):
    """The legal or organisational form of a club (e.V., initiative, ...)."""

    class Meta(Term.Meta):
        verbose_name = _("Kind of organisation")
        verbose_name_plural = _("Kinds of organisation")


class MigrationReference(Term):
    """Whether a club has a migration background: with, without or mixed.

    Matching brings clubs with and without migration background together.
    """

    class Meta(Term.Meta):
        verbose_name = _("Migration reference")
        verbose_name_plural = _("Migration references")


class District(Term):
    """A district (Stadtteil, Quartier) or surrounding municipality of one region."""

    region = models.ForeignKey(
        "tenants.Region",
        verbose_name=pgettext_lazy("field", "Region"),
        on_delete=models.PROTECT,
        related_name="districts",
        error_messages={
            "null": _("A district belongs to one region: choose its region."),
            "blank": _("A district belongs to one region: choose its region."),
        },
    )
    is_surrounding = models.BooleanField(
        _("Surrounding area"),
        default=False,
        help_text=_("A municipality around the city rather than a part of it."),
    )

    class Meta(Term.Meta):
        verbose_name = _("District")
        verbose_name_plural = _("Districts")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"], name="taxonomy_district_name_per_region"
            )
        ]


# Order and keys of the vocabularies in the API and the admin.
VOCABULARY_KEYS: dict[type[Term], str] = {
    FieldOfActivity: "fields_of_activity",
    TargetGroup: "target_groups",
    ClubLanguage: "languages",
    OrganisationKind: "organisation_kinds",
    MigrationReference: "migration_references",
    District: "districts",
}
VOCABULARIES: tuple[type[Term], ...] = tuple(VOCABULARY_KEYS)
