"""The partner score the speed-dating plan pairs clubs by.

cms never imports search (imports point down: docs/architecture.md). The
partner finder plugs its score in through the setting ``INSIST_PARTNER_SCORE``:
a dotted path to a callable ``score(a: PlanClub, b: PlanClub) -> float`` in
0..1 (``PlanClub.portrait_id`` names the portrait where there is one). Without
the setting, ``club_pair_score`` below decides.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from cms.participation.planning import PlanClub, Score, pair_is_complementary


def club_pair_score(a: PlanClub, b: PlanClub) -> float:
    """Shared fields of activity (Jaccard, up to 0.5) plus 0.5 for a pair of a
    club with and one without migration reference."""
    union = a.activities | b.activities
    shared = len(a.activities & b.activities) / len(union) if union else 0.0
    return 0.5 * shared + (0.5 if pair_is_complementary(a, b) else 0.0)


def partner_score_function() -> Score:
    """The configured score, or ``club_pair_score``."""
    path = getattr(settings, "INSIST_PARTNER_SCORE", "")
    return import_string(path) if path else club_pair_score
