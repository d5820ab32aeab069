"""The speed-dating plan's rules over random participant sets (hypothesis).

No database: the planner works on plain records (cms/participation/planning.py).
"""

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cms.participation.planning import (
    BYE,
    PlanClub,
    pair_is_complementary,
    plan_rounds,
    plan_rounds_possible,
)
from cms.participation.scoring import club_pair_score

SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def club_sets(draw, min_size=2, max_size=60):
    size = draw(st.integers(min_size, max_size))
    refs = draw(
        st.lists(st.sampled_from([True, False, None]), min_size=size, max_size=size)
    )
    activities = draw(
        st.lists(
            st.frozensets(st.integers(1, 8), max_size=3), min_size=size, max_size=size
        )
    )
    return [
        PlanClub(key=i + 1, name=f"Club {i + 1}", migration_reference=r, activities=a)
        for i, (r, a) in enumerate(zip(refs, activities, strict=True))
    ]


def _pairs(plan):
    return [frozenset(t) for r in plan for t in r if t[1] is not BYE]


def _assert_rules(plan, clubs, rounds_from=0):
    keys = {c.key for c in clubs}
    pairs = _pairs(plan)
    assert len(pairs) == len(set(pairs)), "a pair meets twice"
    for number, round_ in enumerate(plan[rounds_from:], start=rounds_from + 1):
        seated = [k for t in round_ for k in t if k is not BYE]
        assert len(seated) == len(set(seated)), f"a club sits twice in {number}"
        assert set(seated) == keys, f"round {number} leaves a club out"
        assert sum(1 for t in round_ if t[1] is BYE) == len(keys) % 2


@SETTINGS
@given(clubs=club_sets(), rounds=st.integers(1, 8))
def test_plan_seats_every_club_each_round_and_no_pair_meets_twice(clubs, rounds):
    plan = plan_rounds(clubs=clubs, rounds=rounds, score=club_pair_score)
    assert len(plan) == min(rounds, plan_rounds_possible(clubs=len(clubs)))
    _assert_rules(plan, clubs)


def test_six_clubs_get_every_possible_round_where_greedy_rounds_would_stall():
    clubs = [
        PlanClub(key=k, name=str(k), migration_reference=bool(k % 2))
        for k in range(1, 7)
    ]
    plan = plan_rounds(clubs=clubs, rounds=5, score=club_pair_score)
    assert len(plan) == 5
    _assert_rules(plan, clubs)


@SETTINGS
@given(clubs=club_sets(min_size=3), rounds=st.integers(1, 8))
def test_pauses_are_spread_fairly_when_the_number_is_odd(clubs, rounds):
    plan = plan_rounds(clubs=clubs, rounds=rounds, score=club_pair_score)
    pauses = Counter(t[0] for r in plan for t in r if t[1] is BYE)
    counts = [pauses[c.key] for c in clubs]
    assert max(counts) - min(counts) <= 1


@SETTINGS
@given(clubs=club_sets())
def test_first_round_pairs_as_many_clubs_with_and_without_migration_reference_as_exist(
    clubs,
):
    plan = plan_rounds(clubs=clubs, rounds=1, score=club_pair_score)
    by_key = {c.key: c for c in clubs}
    mixed = sum(
        1
        for a, b in plan[0]
        if b is not BYE and pair_is_complementary(by_key[a], by_key[b])
    )
    with_ref = sum(1 for c in clubs if c.migration_reference is True)
    without = sum(1 for c in clubs if c.migration_reference is False)
    assert mixed == min(with_ref, without)


@SETTINGS
@given(
    clubs=club_sets(min_size=4, max_size=40),
    held=st.integers(1, 3),
    leave=st.integers(0, 3),
    join=st.integers(0, 3),
)
def test_changing_participants_keeps_held_rounds_and_still_repeats_no_pair(
    clubs, held, leave, join
):
    first = plan_rounds(clubs=clubs, rounds=held + 3, score=club_pair_score)
    kept = first[:held]
    changed = clubs[leave:] + [
        PlanClub(key=1000 + i, name=f"New {i}", migration_reference=bool(i % 2))
        for i in range(join)
    ]
    plan = plan_rounds(clubs=changed, rounds=held + 3, score=club_pair_score, held=kept)
    assert plan[:held] == kept
    pairs = _pairs(plan)
    assert len(pairs) == len(set(pairs))
    if len(changed) >= 2:
        _assert_rules(plan, changed, rounds_from=held)


def test_four_clubs_have_three_rounds_and_meet_everyone_once():
    clubs = [PlanClub(key=k, name=str(k)) for k in range(1, 5)]
    plan = plan_rounds(clubs=clubs, rounds=6, score=club_pair_score)
    assert len(plan) == 3
    assert set(_pairs(plan)) == {
        frozenset((a, b)) for a in range(1, 5) for b in range(a + 1, 5)
    }


def test_higher_score_pairs_meet_in_the_first_round():
    clubs = [
        PlanClub(key=1, name="a", activities=frozenset({1})),
        PlanClub(key=2, name="b", activities=frozenset({2})),
        PlanClub(key=3, name="c", activities=frozenset({1})),
        PlanClub(key=4, name="d", activities=frozenset({2})),
    ]
    plan = plan_rounds(clubs=clubs, rounds=1, score=club_pair_score)
    assert sorted(plan[0]) == [(1, 3), (2, 4)]
