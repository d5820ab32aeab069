"""Translated fields of the materials library (django-modeltranslation).

German is required; every other language falls back to German when empty.
"""

from modeltranslation.translator import TranslationOptions, register

from cms.materials.models import Material, Topic


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "audience")
    required_languages = ("de",)
