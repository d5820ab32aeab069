"""Signals of the shared taxonomy, for apps that keep copies of term names.

``terms_changed`` is sent after terms were renamed or merged, with ``facet``
(``activity``, ``target_group``, ``language``, ``district``,
``organisation_type`` or ``migration``) and ``term_ids`` (the ids whose uses
changed: for a merge, source and target). The search index listens to it; cms.taxonomy
knows nothing of its receivers.
"""

from django.dispatch import Signal

terms_changed = Signal()

# The facet name each vocabulary is sent under.
FACETS = {
    "FieldOfActivity": "activity",
    "TargetGroup": "target_group",
    "ClubLanguage": "language",
    "District": "district",
    "OrganisationKind": "organisation_type",
    "MigrationReference": "migration",
}


def terms_changed_send(*, vocabulary, term_ids: list[int]) -> None:
    """Tell the receivers that these terms' names or uses changed."""
    terms_changed.send(
        sender=vocabulary, facet=FACETS[vocabulary.__name__], term_ids=term_ids
    )
