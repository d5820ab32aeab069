"""Translated fields of the taxonomy (django-modeltranslation, German fallback)."""

from modeltranslation.translator import TranslationOptions, register

from cms.taxonomy.models import VOCABULARIES


@register(list(VOCABULARIES))
class TermTranslationOptions(TranslationOptions):
    fields = ("name", "description")
