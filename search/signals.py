"""Keep the index in step with publishing: no command run by anyone.

Each receiver runs in the publishing request's transaction and region, so the
index row is written (or removed) together with the page change, and with it
the Elasticsearch outbox entry. The receivers are the boundary where the region
comes from the connection (the signal carries no request); below them, every
service takes ``region=``.
"""

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from cms.taxonomy.signals import terms_changed
from search import services
from tenants.context import current_region, is_public

logger = logging.getLogger(__name__)


def _region():
    """The region a page signal fired in (None on the portal): a page row has no
    region column, so the schema it is written to is its region."""
    region = current_region()
    return None if is_public(region) else region


def on_page_published(sender, instance, **kwargs):
    region = _region()
    if region is not None:
        services.page_sync(region=region, page=instance)


def on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A page written whole (imports, code, factories) counts as published when
    it is live. Saves of some fields only (``save_revision`` stores a draft that
    way, with the draft's values still in memory) are left to the signals
    above, so a draft never reaches the index."""
    if raw or update_fields is not None:
        return
    if not isinstance(instance, Page) or not hasattr(instance, "search_document"):
        return
    region = _region()
    if region is not None:
        services.page_sync(region=region, page=instance)


def on_page_unpublished(sender, instance, **kwargs):
    region = _region()
    if region is not None:
        services.documents_remove(region=region, page_ids=[instance.pk])


def on_page_deleted(sender, instance, **kwargs):
    if not isinstance(instance, Page):
        return
    region = _region()
    if region is not None:
        services.documents_remove(region=region, page_ids=[instance.pk])


def on_subtree_changed(sender, instance, **kwargs):
    """A page moved or changed its slug: its and its descendants' URLs changed."""
    region = _region()
    if region is not None:
        services.subtree_sync(region=region, page=instance)


def on_page_moved(sender, instance, **kwargs):
    on_subtree_changed(sender, instance)


def on_restriction_changed(sender, instance, **kwargs):
    """A view restriction added or removed: the pages below become private or
    public again."""
    region = _region()
    if region is not None:
        try:
            page = instance.page
        except Page.DoesNotExist:
            return
        services.subtree_sync(region=region, page=page)


def on_terms_changed(sender, facet, term_ids, **kwargs):
    """A term renamed or merged (cms.taxonomy.signals.terms_changed)."""
    from search.models import facet_key

    services.terms_reindex(facet_keys=[facet_key(facet, pk) for pk in term_ids])


def on_term_saved(sender, instance, created, **kwargs):
    if created:
        return
    from search.documents import FACET_VOCABULARIES

    for facet, model in FACET_VOCABULARIES.items():
        if isinstance(instance, model):
            on_terms_changed(sender, facet=facet, term_ids=[instance.pk])


def on_region_ready(sender, region=None, **kwargs):
    """A region provisioned or restored from a backup (``tenants.signals``): its
    live pages go into the index, stale rows (a restore over an old state) out.
    A new region has nothing to index; a restored one would otherwise be
    missing from the search until someone ran ``search_rebuild``."""
    stats = services.region_reindex(region=region)
    line = (
        f"search index: {stats['indexed']} pages indexed, "
        f"{stats['removed']} stale rows removed"
    )
    return [(line, bool(stats["indexed"] or stats["removed"]))]


def connect():
    from wagtail.signals import post_page_move

    from search.documents import FACET_VOCABULARIES
    from tenants.signals import region_ready

    page_published.connect(on_page_published, dispatch_uid="search-published")
    post_save.connect(on_page_saved, dispatch_uid="search-saved")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search-unpublished")
    post_delete.connect(on_page_deleted, dispatch_uid="search-deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="search-moved")
    page_slug_changed.connect(on_subtree_changed, dispatch_uid="search-slug")
    for signal in (post_save, post_delete):
        signal.connect(
            on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"search-restriction-{id(signal)}",
        )
    terms_changed.connect(on_terms_changed, dispatch_uid="search-terms")
    region_ready.connect(on_region_ready, dispatch_uid="search-region-ready")
    # A rename in the portal admin is a plain save of the term.
    for model in FACET_VOCABULARIES.values():
        post_save.connect(
            on_term_saved, sender=model, dispatch_uid=f"search-term-{model.__name__}"
        )
