"""Translated fields of the taxonomy (django-modeltranslation, German fallback)."""

from modeltranslation.translator import TranslationOptions, register

from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
)


@register(
    [
        FieldOfActivity,
        TargetGroup,
        ClubLanguage,
        OrganisationKind,
        MigrationReference,
        District,
    ]
)
class TermTranslationOptions(TranslationOptions):
    fields = ("name", "description")
