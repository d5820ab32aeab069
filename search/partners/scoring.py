"""The partner score of two club profiles and its reasons in plain words.

Pure functions over ``Profile`` (no database): the suggestions
(``selectors.partner_suggestions``) build profiles from the search index, other
apps (e.g. speed-dating plans) from whatever they hold. Weights are module
constants so a test or a reader sees them in one place (docs/partners.md).
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from search.text import fold

# Weights: shared terms count per term, capped, so a club ticking every box
# does not outrank one that does the same work in the same quarter.
W_ACTIVITY = 3.0
W_TARGET_GROUP = 2.0
MAX_SHARED = 3
W_OFFER_SEEK = 4.0  # per direction, scaled by the share of sought words offered
W_COMPLEMENT = 5.0  # one club with, one without migration reference
W_SAME_DISTRICT = 4.0
W_SAME_REGION = 1.5
W_LANGUAGE = 0.5
MAX_LANGUAGES = 2

COMPLEMENTARY = {frozenset({"with", "without"})}
_WORD = re.compile(r"\w{4,}")
# Words of a "we look for" sentence that say nothing about what is sought.
_FILLER = {
    "suchen",
    "sucht",
    "bieten",
    "bietet",
    "einen",
    "eine",
    "einer",
    "unsere",
    "unser",
    "unseren",
    "fuer",
    "oder",
    "und",
    "mit",
    "with",
    "look",
    "looking",
    "offer",
    "offers",
    "that",
    "them",
    "other",
    "partner",
    "partners",
    "partnern",
    "verein",
    "vereine",
    "vereinen",
}
STEM = 6


@dataclass(frozen=True)
class Profile:
    """What matching knows of a club: taxonomy ids and two free texts.

    ``migration`` is the slug of its migration reference ("with", "without",
    "mixed" or ""); ``region`` the region slug ("" for a club outside).
    """

    region: str = ""
    slug: str = ""
    page_id: int | None = None
    title: str = ""
    activities: frozenset[int] = frozenset()
    target_groups: frozenset[int] = frozenset()
    languages: frozenset[int] = frozenset()
    district: int | None = None
    migration: str = ""
    offers: str = ""
    seeks: str = ""

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.region, self.page_id)


@dataclass
class Match:
    """A score and what it is made of (names are filled in by ``reasons``)."""

    score: float
    shared_activities: list[int] = field(default_factory=list)
    shared_target_groups: list[int] = field(default_factory=list)
    shared_languages: list[int] = field(default_factory=list)
    they_offer: list[str] = field(default_factory=list)  # what a seeks, b offers
    you_offer: list[str] = field(default_factory=list)  # what b seeks, a offers
    complementary: bool = False
    same_district: bool = False
    same_region: bool = False


@lru_cache(maxsize=8192)
def stems(text: str) -> dict[str, str]:
    """Word stems of ``text`` (folded, lower case, first letters) to a word.
    Cached: one club's texts are compared with hundreds of candidates (the
    answer is shared, never change it)."""
    words: dict[str, str] = {}
    for word in _WORD.findall(fold(text or "")):
        low = word.lower().replace("ß", "ss")
        if low in _FILLER:
            continue
        words.setdefault(low[:STEM], word)
    return words


def _sought_offered(seeks: str, offers: str) -> tuple[float, list[str]]:
    """Share of the sought words the other offers, and those words."""
    sought = stems(seeks)
    if not sought:
        return 0.0, []
    offered = stems(offers)
    hits = [word for stem, word in sought.items() if stem in offered]
    return len(hits) / len(sought), hits


def partner_match(a: Profile, b: Profile) -> Match:
    """How well ``b`` suits ``a`` as a partner, with its parts."""
    activities = sorted(a.activities & b.activities)
    groups = sorted(a.target_groups & b.target_groups)
    languages = sorted(a.languages & b.languages)
    share_ab, they_offer = _sought_offered(a.seeks, b.offers)
    share_ba, you_offer = _sought_offered(b.seeks, a.offers)
    complementary = frozenset({a.migration, b.migration}) in COMPLEMENTARY
    same_district = a.district is not None and a.district == b.district
    same_region = bool(a.region) and a.region == b.region
    score = (
        W_ACTIVITY * min(len(activities), MAX_SHARED)
        + W_TARGET_GROUP * min(len(groups), MAX_SHARED)
        + W_OFFER_SEEK * (share_ab + share_ba)
        + (W_COMPLEMENT if complementary else 0.0)
        + (W_SAME_DISTRICT if same_district else 0.0)
        + (W_SAME_REGION if same_region or same_district else 0.0)
        + W_LANGUAGE * min(len(languages), MAX_LANGUAGES)
    )
    return Match(
        score=round(score, 3),
        shared_activities=activities,
        shared_target_groups=groups,
        shared_languages=languages,
        they_offer=they_offer,
        you_offer=you_offer,
        complementary=complementary,
        same_district=same_district,
        same_region=same_region,
    )


def partner_score(a: Profile, b: Profile) -> float:
    """The partner score of two clubs: higher is a better pair; 0 shares nothing.

    Symmetric in its shared parts (fields, target groups, languages, nearness,
    migration reference); the offer/seek part counts both directions, so
    ``partner_score(a, b) == partner_score(b, a)``.
    """
    return partner_match(a, b).score


_PLAN_MIGRATION = {True: "with", False: "without"}
# The most two fair clubs can score on what the plan knows of them: three shared
# fields of activity and a with/without pair.
_PLAN_MAX = W_ACTIVITY * MAX_SHARED + W_COMPLEMENT


def plan_club_score(a, b) -> float:
    """``partner_score`` for the speed-dating planner (``INSIST_PARTNER_SCORE``),
    scaled to 0..1: two ``cms.participation.planning.PlanClub`` know their fields
    of activity and migration reference only."""

    def profile(club) -> Profile:
        return Profile(
            activities=frozenset(club.activities),
            migration=_PLAN_MIGRATION.get(club.migration_reference, ""),
        )

    return min(partner_score(profile(a), profile(b)) / _PLAN_MAX, 1.0)


def _names(ids: list[int], names: dict[int, str], limit: int = 2) -> str:
    found = [names[i] for i in ids if names.get(i)][:limit]
    return _(" and ").join(found) if len(found) == 2 else "".join(found)


def reasons(
    match: Match,
    *,
    activity_names: dict[int, str],
    group_names: dict[int, str],
    language_names: dict[int, str],
    district_name: str = "",
) -> list[str]:
    """The match in plain words, in the active language (``translation.override``).

    ``*_names`` map taxonomy ids to names in that language; ``district_name`` is
    the shared district's name when both are there.
    """
    out: list[str] = []
    work = _names(match.shared_activities, activity_names)
    if work and match.same_district and district_name:
        out.append(
            _("both are active in %(work)s in %(district)s")
            % {"work": work, "district": district_name}
        )
    elif work:
        out.append(_("both are active in %(work)s") % {"work": work})
    elif match.same_district and district_name:
        out.append(_("both are in %(district)s") % {"district": district_name})
    groups = _names(match.shared_target_groups, group_names)
    if groups:
        out.append(_("both work with %(groups)s") % {"groups": groups})
    if match.they_offer:
        out.append(
            _("you look for %(words)s, they offer it")
            % {"words": ", ".join(match.they_offer[:3])}
        )
    if match.you_offer:
        out.append(
            _("they look for %(words)s, you offer it")
            % {"words": ", ".join(match.you_offer[:3])}
        )
    if match.complementary:
        out.append(_("one with and one without migration background"))
    if match.same_region and not match.same_district:
        out.append(_("in the same region"))
    languages = [
        language_names[i] for i in match.shared_languages if i in language_names
    ]
    if languages:
        out.append(
            ngettext(
                "a shared language: %(languages)s",
                "shared languages: %(languages)s",
                len(languages),
            )
            % {"languages": ", ".join(languages[:3])}
        )
    return out
