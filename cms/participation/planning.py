"""The speed-dating plan of a club fair: rounds of tables, two clubs per table.

Pure functions over plain records (no database), so the rules can be tested with
random participant sets (tests/participation/test_planning.py):

- no pair of clubs meets twice, held rounds included;
- every club sits at a table in every round while the clubs' unused pairs allow a
  full seating (with an odd number, one club pauses per round, and a club pauses
  again only when every other club has paused as often);
- pairs of a club with and a club without migration reference come first, then
  pairs with the higher partner score;
- rounds already held are kept exactly as they were.

Each round is a maximum-weight matching (networkx, Edmonds' blossom algorithm)
among the pairs that have not met yet, with maximum cardinality, so a round
seats everyone whenever the unused pairs make that possible at all. A pause is a
table with the placeholder ``BYE``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import networkx as nx

BYE = None
# A complementary pair (with / without migration reference) outweighs any sum of
# scores: scores are scaled to at most SCORE_SCALE per pair.
COMPLEMENTARY_WEIGHT = 10**9
SCORE_SCALE = 1000
_BYE_NODE = "__bye__"


@dataclass(frozen=True)
class PlanClub:
    """One club at the fair as the planner sees it.

    ``key`` is stable across recomputations (the participant row's id);
    ``migration_reference`` is True (with), False (without) or None (not said).
    """

    key: int
    name: str
    migration_reference: bool | None = None
    activities: frozenset[int] = field(default_factory=frozenset)
    portrait_id: int | None = None


Table = tuple[int, int | None]
Round = list[Table]
Score = Callable[[PlanClub, PlanClub], float]


def pair_is_complementary(a: PlanClub, b: PlanClub) -> bool:
    """One club with, the other without migration reference."""
    refs = {a.migration_reference, b.migration_reference}
    return refs == {True, False}


def _pair(a, b) -> frozenset:
    return frozenset((a, b))


def plan_rounds(
    *,
    clubs: Sequence[PlanClub],
    rounds: int,
    score: Score,
    held: Sequence[Round] = (),
) -> list[Round]:
    """The whole plan: ``held`` unchanged, then new rounds up to ``rounds`` in all.

    Fewer rounds come back when the clubs have no full seating left without a
    repeated pair (for instance four clubs have only three rounds). Clubs that
    left after a held round stay in that round; clubs that joined start in the
    first new round. Tables with a higher weight come first in each round.
    """
    by_key = {club.key: club for club in clubs}
    if len(by_key) != len(clubs):
        raise ValueError("Each club may take part only once.")
    plan: list[Round] = [list(r) for r in held]
    met: set[frozenset] = set()
    byes: Counter = Counter()
    for held_round in held:
        for a, b in held_round:
            if b is BYE:
                byes[a] += 1
            else:
                met.add(_pair(a, b))
    if len(by_key) < 2:
        return plan
    weights: dict[frozenset, int] = {}
    keys = sorted(by_key)
    for i, ka in enumerate(keys):
        for kb in keys[i + 1 :]:
            a, b = by_key[ka], by_key[kb]
            value = max(0.0, min(1.0, float(score(a, b))))
            weights[_pair(ka, kb)] = int(value * SCORE_SCALE) + (
                COMPLEMENTARY_WEIGHT if pair_is_complementary(a, b) else 0
            )
    odd = len(keys) % 2 == 1
    greedy = _greedy_rounds(
        plan=plan,
        keys=keys,
        weights=weights,
        met=met,
        byes=byes,
        odd=odd,
        rounds=rounds,
    )
    target = min(rounds, len(held) + plan_rounds_possible(clubs=len(keys)))
    if len(greedy) < target and not held:
        # Round by round, a maximum matching can leave pairs that no longer
        # seat everyone (six clubs: two triangles after three rounds). The
        # circle method always reaches every possible round; its rounds are
        # put in order of weight, the most complementary first.
        circle = _circle_rounds(keys=keys, by_key=by_key, weights=weights)
        circle.sort(key=lambda r: -sum(weights.get(_pair(*t), 0) for t in r))
        return circle[:rounds]
    return greedy


def _greedy_rounds(*, plan, keys, weights, met, byes, odd, rounds) -> list[Round]:
    while len(plan) < rounds:
        new_round = _round_next(keys=keys, weights=weights, met=met, byes=byes, odd=odd)
        if new_round is None:
            break
        for a, b in new_round:
            if b is BYE:
                byes[a] += 1
            else:
                met.add(_pair(a, b))
        plan.append(new_round)
    return plan


def _circle_rounds(*, keys, by_key, weights) -> list[Round]:
    """Every round of a round robin (circle method), clubs ordered so that the
    first round pairs clubs with and without migration reference."""
    order = sorted(
        keys,
        key=lambda k: {True: 0, None: 1, False: 2}[by_key[k].migration_reference],
    )
    if len(order) % 2:
        # The pause sits where the smaller group ends, off the mixed pairs.
        with_ref = sum(1 for k in order if by_key[k].migration_reference is True)
        without = sum(1 for k in order if by_key[k].migration_reference is False)
        order.insert(with_ref if with_ref >= without else len(order) - without, BYE)
    size = len(order)
    result: list[Round] = []
    arrangement = list(order)
    for _ in range(size - 1):
        tables: Round = []
        pause: Round = []
        for i in range(size // 2):
            a, b = arrangement[i], arrangement[size - 1 - i]
            if a is BYE or b is BYE:
                pause.append((b if a is BYE else a, BYE))
            else:
                tables.append((min(a, b), max(a, b)))
        tables.sort(key=lambda t: (-weights[_pair(*t)], t))
        result.append(tables + pause)
        arrangement = [arrangement[0], arrangement[-1], *arrangement[1:-1]]
    return result


def _round_next(*, keys, weights, met, byes, odd) -> Round | None:
    """One round seating every club, or None when no full seating is left."""
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    for pair, weight in weights.items():
        if pair not in met:
            a, b = tuple(pair)
            # +1 keeps a pair of score 0 preferable to leaving both unseated
            graph.add_edge(a, b, weight=weight + 1)
    if odd:
        # Only the clubs that paused least may pause now: pauses stay fair.
        fewest = min(byes[key] for key in keys)
        for key in keys:
            if byes[key] == fewest:
                graph.add_edge(key, _BYE_NODE, weight=1)
    matching = nx.max_weight_matching(graph, maxcardinality=True)
    expected = (len(keys) + (1 if odd else 0)) // 2
    if len(matching) < expected:
        return None
    tables: Round = []
    pause: Round = []
    for a, b in matching:
        if _BYE_NODE in (a, b):
            pause.append((b if a == _BYE_NODE else a, BYE))
        else:
            tables.append((min(a, b), max(a, b)))
    tables.sort(key=lambda t: (-weights[_pair(*t)], t))
    return tables + pause


def plan_rounds_possible(*, clubs: int) -> int:
    """How many rounds ``clubs`` clubs can have with no pair meeting twice."""
    if clubs < 2:
        return 0
    return clubs - 1 if clubs % 2 == 0 else clubs
