"""Reads of the shared taxonomy: vocabularies for the API, uses of a term."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models

from cms.taxonomy.models import VOCABULARY_KEYS, District, FieldOfActivity, Term
from tenants.context import in_region
from tenants.models import Region
from tenants.selectors import portal_get, region_list


@dataclass(frozen=True)
class TermUse:
    """How a model refers to terms: by a foreign key, or through an M2M table."""

    model: type[models.Model]
    field_name: str  # the column on ``model`` that holds the term
    m2m_other: str | None = None  # M2M only: the through table's other column
    owner: type[models.Model] | None = None  # the model that declares the field
    owner_field: str = ""  # its name there (the key in a page revision)

    @property
    def regional(self) -> bool:
        """True when the model's table lives in each region's schema."""
        return _is_tenant_app(self.model._meta.app_config.name)

    @property
    def label(self) -> str:
        return self.model._meta.label


def _is_tenant_app(app_name: str) -> bool:
    return app_name in settings.TENANT_APPS and app_name not in settings.SHARED_APPS


def district_list(*, region: Region):
    """The districts (and surrounding municipalities) of ``region``, in order."""
    return District.objects.filter(region__schema_name=region.schema_name)


def term_uses(*, vocabulary: type[Term]) -> list[TermUse]:
    """Every foreign key and many-to-many that points at terms of a vocabulary.

    Found from the model relations, so that page types added later (portraits,
    events, materials) are covered without registering them here.
    """
    uses = []
    # include_hidden: a relation declared with related_name="+" is a use too.
    rels = [
        rel
        for rel in vocabulary._meta.get_fields(include_hidden=True)
        if rel.auto_created and not rel.concrete and rel.is_relation
    ]
    # A through table's own foreign key is handled with its many-to-many.
    throughs = {rel.through for rel in rels if rel.many_to_many}
    for rel in rels:
        if not rel.many_to_many and rel.related_model in throughs:
            continue
        if rel.many_to_many:
            uses.append(
                TermUse(
                    rel.through,
                    rel.field.m2m_reverse_field_name(),
                    rel.field.m2m_field_name(),
                    owner=rel.related_model,
                    owner_field=rel.field.name,
                )
            )
        elif rel.one_to_many or rel.one_to_one:
            uses.append(
                TermUse(
                    rel.related_model,
                    rel.field.name,
                    owner=rel.related_model,
                    owner_field=rel.field.name,
                )
            )
    return uses


def term_use_regions(*, use: TermUse) -> list[Region]:
    """Where the table of a use lives: every region, or the portal (public schema).

    ``in_region(portal)`` works on the public schema, so callers loop over both
    alike.
    """
    if use.regional:
        return list(region_list())
    return [portal_get()]


def term_usage(*, term: Term) -> dict[str, dict[str, int]]:
    """Where a term is used: ``{schema: {model label: count}}``, no zero counts."""
    usage: dict[str, dict[str, int]] = {}
    for use in term_uses(vocabulary=type(term)):
        for region in term_use_regions(use=use):
            with in_region(region):
                count = use.model._base_manager.filter(
                    **{use.field_name: term.pk}
                ).count()
            if count:
                usage.setdefault(region.slug, {})[use.label] = count
    return usage


def term_usage_text(*, usage: dict[str, dict[str, int]]) -> str:
    """``"dortmund: 3 × pages.ClubPortraitPage; public: 1 × taxonomy.District"``."""
    return "; ".join(
        f"{schema}: "
        + ", ".join(f"{count} × {label}" for label, count in sorted(uses.items()))
        for schema, uses in sorted(usage.items())
    )


def taxonomy_vocabularies(*, language: str) -> dict[str, list[dict]]:
    """Every vocabulary, its terms in order, names in ``language`` (German fallback).

    One query per vocabulary (districts join their region), however many terms.
    """
    from django.utils import translation

    result: dict[str, list[dict]] = {}
    with translation.override(language):
        for model, key in VOCABULARY_KEYS.items():
            queryset = model.objects.all()
            if model is District:
                queryset = queryset.select_related("region")
            elif model is FieldOfActivity:
                queryset = queryset.select_related("parent")
            result[key] = [_term_data(term) for term in queryset]
    return result


def _term_data(term: Term) -> dict:
    data = {
        "slug": term.slug,
        "name": term.name,
        "description": term.description or "",
        "sort_order": term.sort_order,
    }
    if hasattr(term, "parent"):
        data["parent"] = term.parent.slug if term.parent_id else None
    if hasattr(term, "native_name"):
        data["native_name"] = term.native_name
    if hasattr(term, "region"):
        data["region"] = term.region.slug
        data["is_surrounding"] = term.is_surrounding
    return data
