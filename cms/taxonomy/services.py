"""Changes to the shared taxonomy: default vocabulary, merging and deleting terms.

A term is used by regional pages (in every region's schema) and by shared models
(in the public schema). Merging moves every use in every region in one
transaction; deleting a term that is used anywhere is refused.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.taxonomy import vocabulary as defaults
from cms.taxonomy.models import (
    ClubLanguage,
    District,
    FieldOfActivity,
    MigrationReference,
    OrganisationKind,
    TargetGroup,
    Term,
)
from cms.taxonomy.selectors import (
    TermUse,
    term_usage,
    term_usage_text,
    term_use_regions,
    term_uses,
)
from cms.taxonomy.signals import terms_changed_send
from cms.textsearch import german_slug
from tenants.context import in_public, in_region, runs_in_public
from tenants.models import Region

Lines = list[tuple[str, bool]]


@runs_in_public
def term_create(*, vocabulary: type[Term], slug: str, name: str, **fields) -> Term:
    """A new term, validated first: a taken slug or a missing region is refused."""
    term = vocabulary(slug=slug, name=name, **fields)
    term.full_clean()
    term.save()
    return term


def _known(vocabulary: type[Term], **filters) -> dict[str, Term]:
    """The terms there are, by slug: one query instead of one per default term."""
    return {term.slug: term for term in vocabulary.objects.filter(**filters)}


def _ensure(
    vocabulary: type[Term], *, slug: str, names, known: dict[str, Term], **fields
) -> bool:
    """Create the term if missing and fill empty translations; True if changed.

    ``known`` holds the vocabulary's terms by slug (see ``_known``) and learns the
    ones created here. What an administrator wrote is never overwritten.
    """
    translated = {
        f"name_{lang}": value
        for lang, value in zip(defaults.LANGS, names, strict=False)
        if value
    }
    descriptions = fields.pop("descriptions", ())
    translated.update(
        {
            f"description_{lang}": value
            for lang, value in zip(defaults.LANGS, descriptions, strict=False)
            if value
        }
    )
    term = known.get(slug)
    if term is None:
        term = vocabulary(slug=slug, **fields, **translated)
        term.full_clean()
        term.save()
        known[slug] = term
        return True
    missing = {k: v for k, v in translated.items() if not getattr(term, k)}
    if missing:
        for key, value in missing.items():
            setattr(term, key, value)
        term.save(update_fields=list(missing))
        return True
    return False


@runs_in_public
@transaction.atomic
def taxonomy_defaults_load() -> Lines:
    """The default vocabularies (all but districts); idempotent."""
    lines: Lines = []

    def report(label: str, changed: int, total: int) -> None:
        if changed:
            lines.append(
                (f"{label}: {changed} of {total} terms created or completed", True)
            )
        else:
            lines.append((f"{label}: all {total} terms present", False))

    changed = 0
    fields = _known(FieldOfActivity)
    top = [f for f in defaults.FIELDS_OF_ACTIVITY if f[2] is None]
    subs = [f for f in defaults.FIELDS_OF_ACTIVITY if f[2] is not None]
    for order, (slug, names, _parent) in enumerate(top, start=1):
        changed += _ensure(
            FieldOfActivity,
            slug=slug,
            names=names,
            known=fields,
            sort_order=order * 10,
        )
    for order, (slug, names, parent) in enumerate(subs, start=1):
        changed += _ensure(
            FieldOfActivity,
            slug=slug,
            names=names,
            known=fields,
            sort_order=order,
            parent=fields[parent],
        )
    report("fields of activity", changed, len(defaults.FIELDS_OF_ACTIVITY))

    for model, label, rows in (
        (TargetGroup, "target groups", defaults.TARGET_GROUPS),
        (OrganisationKind, "kinds of organisation", defaults.ORGANISATION_KINDS),
    ):
        known = _known(model)
        changed = sum(
            _ensure(model, slug=slug, names=names, known=known, sort_order=order * 10)
            for order, (slug, names) in enumerate(rows, start=1)
        )
        report(label, changed, len(rows))

    known = _known(ClubLanguage)
    changed = sum(
        _ensure(
            ClubLanguage,
            slug=code,
            names=names,
            known=known,
            native_name=native,
            sort_order=order * 10,
        )
        for order, (code, native, names) in enumerate(defaults.CLUB_LANGUAGES, start=1)
    )
    report("club languages", changed, len(defaults.CLUB_LANGUAGES))

    known = _known(MigrationReference)
    changed = sum(
        _ensure(
            MigrationReference,
            slug=slug,
            names=names,
            known=known,
            descriptions=descriptions,
            sort_order=order * 10,
        )
        for order, (slug, names, descriptions) in enumerate(
            defaults.MIGRATION_REFERENCES, start=1
        )
    )
    report("migration references", changed, len(defaults.MIGRATION_REFERENCES))
    return lines


def district_slug(*, region: Region, name: str) -> str:
    """``halle-kroellwitz``: ASCII, umlauts folded the German way."""
    folded = german_slug(name)
    return f"{region.slug}-{folded}"


@runs_in_public
@transaction.atomic
def region_districts_load(*, region: Region) -> Lines:
    """The real districts (and surrounding municipalities) of a programme region.

    Districts are shared rows (public schema) that name their region.
    """
    city, surrounding = defaults.DISTRICTS.get(region.slug, ([], []))
    if not city and not surrounding:
        return [(f"no default districts for '{region.slug}'", False)]
    changed = 0
    rows = [(name, False) for name in city] + [(name, True) for name in surrounding]
    known = _known(District)
    for order, (name, is_surrounding) in enumerate(rows, start=1):
        changed += _ensure(
            District,
            slug=district_slug(region=region, name=name),
            names=(name,),
            known=known,
            region=region,
            is_surrounding=is_surrounding,
            sort_order=order * 10,
        )
    if changed:
        return [(f"districts: {changed} of {len(rows)} created or completed", True)]
    return [(f"districts: all {len(rows)} present", False)]


def taxonomy_region_ready(*, region: Region, **kwargs) -> Lines:
    """Receiver of ``tenants.signals.region_ready``: vocabulary and districts.

    Both are shared tables: written in the public schema, whoever sends.
    """
    with in_public():
        return taxonomy_defaults_load() + region_districts_load(region=region)


def _refuse_merge(source: Term, target: Term) -> None:
    names = {
        "source": source,
        "target": target,
        "source_vocabulary": source._meta.verbose_name,
        "target_vocabulary": target._meta.verbose_name,
    }
    if type(source) is not type(target):
        raise ValidationError(
            _(
                "'%(source)s' (%(source_vocabulary)s) cannot be merged into "
                "'%(target)s' (%(target_vocabulary)s): terms of different "
                "vocabularies are never merged."
            )
            % names
        )
    if source.pk == target.pk:
        raise ValidationError(_("'%(source)s' cannot be merged into itself.") % names)
    if isinstance(source, District) and source.region_id != target.region_id:
        raise ValidationError(
            _(
                "'%(source)s' and '%(target)s' belong to different regions: "
                "districts are merged only within one region."
            )
            % names
        )
    if (
        isinstance(source, FieldOfActivity)
        and target.parent_id is not None
        and source.children.exists()
    ):
        raise ValidationError(
            _(
                "'%(source)s' has sub-fields and '%(target)s' is a sub-field "
                "itself: merge it into a top-level field."
            )
            % names
        )


@runs_in_public
@transaction.atomic
def term_merge(*, source: Term, target: Term) -> dict[str, dict[str, int]]:
    """Move every use of ``source`` in every region to ``target``, then delete it.

    Returns the moved uses per schema and model. One transaction: an error
    anywhere leaves every region as it was.
    """
    _refuse_merge(source, target)
    moved: dict[str, dict[str, int]] = {}
    for use in term_uses(vocabulary=type(source)):
        for region in term_use_regions(use=use):
            with in_region(region):
                manager = use.model._base_manager
                rows = manager.filter(**{use.field_name: source.pk})
                if use.m2m_other:
                    # A page that had both terms keeps one row, not two.
                    has_target = manager.filter(**{use.field_name: target.pk}).values(
                        use.m2m_other
                    )
                    count, _ = rows.filter(
                        **{f"{use.m2m_other}__in": has_target}
                    ).delete()
                else:
                    count = 0
                count += rows.update(**{use.field_name: target.pk})
                if use.regional:
                    _revisions_follow(use=use, source=source, target=target)
            if count:
                moved.setdefault(region.slug, {})[use.label] = count
    _term_remove(source)
    # Copies of the uses (the search index) follow, in this transaction.
    terms_changed_send(vocabulary=type(source), term_ids=[source.pk, target.pk])
    return moved


def _revisions_follow(*, use: TermUse, source: Term, target: Term) -> None:
    """Point drafts and old revisions of pages at the target too.

    A draft saved before the merge would otherwise bring the deleted term back
    (and fail) when it is published or reverted to.
    """
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Revision, RevisionMixin

    if not issubclass(use.owner, RevisionMixin):
        return
    key = use.owner_field
    content_type = ContentType.objects.get_for_model(use.owner)
    revisions = Revision.objects.filter(content_type=content_type)
    if use.m2m_other:
        revisions = revisions.filter(**{f"content__{key}__contains": [source.pk]})
    else:
        revisions = revisions.filter(**{f"content__{key}": source.pk})
    for revision in revisions.iterator():
        value = revision.content.get(key)
        if isinstance(value, list):
            value = list(
                dict.fromkeys(target.pk if v == source.pk else v for v in value)
            )
        else:
            value = target.pk
        revision.content[key] = value
        revision.save(update_fields=["content"])


@runs_in_public
@transaction.atomic
def term_delete(*, term: Term) -> None:
    """Delete a term that nothing uses; a used term is refused (merge it instead)."""
    usage = term_usage(term=term)
    if usage:
        raise ValidationError(
            _(
                "'%(term)s' is still in use and cannot be deleted (%(uses)s). "
                "Merge it into another term instead."
            )
            % {"term": term, "uses": term_usage_text(usage=usage)}
        )
    _term_remove(term)


def _term_remove(term: Term) -> None:
    """Delete the row only, once no use is left.

    ``Model.delete()`` would collect related rows of regional tables in the
    public schema, where those tables do not exist; the caller has checked or
    moved every use, and the database's foreign keys still guard the rest.
    """
    queryset = type(term)._base_manager.filter(pk=term.pk)
    queryset._raw_delete(queryset.db)
