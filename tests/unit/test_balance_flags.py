"""What `balance` tells a designer to fix, from the family's figures."""

from __future__ import annotations

import dataclasses
from functools import cache

from builders import street_scenario

from game.bots.par import par_results
from game.bots.strategies import FAMILY
from game.commands.balance import MEASURES, FlagKind, StrategyRow, flags
from game.sim.results import CallOutcome, ShiftResults


@cache
def a_result() -> ShiftResults:
    return par_results(street_scenario(), 1)


def run(seed: int, **figures: float) -> ShiftResults:
    base = dict(trust=50.0, safety=60.0, score=60.0, mean_wait_minutes=3.0)
    return dataclasses.replace(a_result(), seed=seed, **(base | figures))


PURE = ("car", "walk")  # they fall well short of the best in an ordinary family
EXTREMES = (*PURE, "leash-0")  # so do the two ends of the leash ladder (walk is the other)
PURE_SHORTFALL = 15.0
WALK_TRUST_LEAD = 5.0  # walk-only's trust over car-only's, beyond the family's rise
EMERGENCY_MISSED = CallOutcome("e:1", 1, "shop", 30, None, False, status="missed", credit=0.0)


def with_missed_emergency(result: ShiftResults) -> ShiftResults:
    return dataclasses.replace(result, calls=(*result.calls, EMERGENCY_MISSED),
                               calls_total=result.calls_total + 1)


def family(**special: list[ShiftResults]) -> list[StrategyRow]:
    """Every member trading trust for score, two seeds apart on every figure; some overridden.
    The walker misses a priority-1 window every shift, as it should where the car meets them."""
    rows = []
    for k, s in enumerate(FAMILY):
        score = 70.0 - k - (PURE_SHORTFALL if s.name in EXTREMES else 0.0)
        trust = 40.0 + k + (WALK_TRUST_LEAD if s.name == "walk" else 0.0)
        ordinary = [run(1, trust=trust, score=score),
                    run(2, trust=trust + 5.0, score=score + 8.0, safety=65.0, mean_wait_minutes=5.0)]
        if s.name == "walk":
            ordinary = [with_missed_emergency(r) for r in ordinary]
        rows.append(StrategyRow(s.name, s.about, tuple(special.get(s.name.replace("-", "_"),
                                                                    ordinary))))
    return rows


def kinds(rows: list[StrategyRow]) -> set[FlagKind]:
    return {f.kind for f in flags(rows)}


def test_an_ordinary_family_raises_nothing():
    assert flags(family()) == []


def test_a_strategy_best_on_every_measure_is_named():
    star = [run(s, trust=99.0, score=90.0 + s, safety=99.0, mean_wait_minutes=0.5)
            for s in (1, 2)]
    found = flags(family(leash_10=star))
    assert [f.kind for f in found] == [FlagKind.DOMINANT]
    assert found[0].text.startswith("leash-10 ")


def test_more_than_five_percent_of_runs_at_the_ceiling_saturates():
    # 22 runs: one at 100 is 4.5% (fine), two are 9% (too many).
    one = family(car=[run(1, score=100.0), run(2, score=40.0)])
    two = family(car=[run(1, score=100.0), run(2, score=100.0)])
    assert FlagKind.SATURATED not in kinds(one)
    assert FlagKind.SATURATED in kinds(two)


def test_ignoring_calls_scoring_above_answering_them_is_flagged():
    ignoring = [run(1, score=80.0), run(2, score=88.0, trust=41.0)]
    assert FlagKind.IGNORING_PAYS in kinds(family(no_calls=ignoring))


def test_seeds_that_move_no_figure_by_a_unit_are_flagged_by_strategy():
    same = [run(1, trust=50.0), run(2, trust=50.4, score=60.5)]
    found = [f for f in flags(family(leash_10=same)) if f.kind is FlagKind.SEEDS_IRRELEVANT]
    assert len(found) == 1 and "leash-10" in found[0].text and "leash-2" not in found[0].text


def test_walk_only_or_car_only_near_the_best_is_flagged_by_name():
    near = [run(1, trust=41.0, score=68.0), run(2, trust=46.0, score=75.0)]
    found = [f for f in flags(family(walk=near)) if f.kind is FlagKind.PURE_STRATEGY_CLOSE]
    assert len(found) == 1 and found[0].text.startswith("walk ") and "needs_car" in found[0].text
    found = [f for f in flags(family(car=near)) if f.kind is FlagKind.PURE_STRATEGY_CLOSE]
    assert len(found) == 1 and found[0].text.startswith("car ")


def test_a_best_leash_at_either_end_of_the_ladder_is_flagged():
    for end, words in (("leash_0", "staying by the car"), ("walk", "never going back")):
        best = [with_missed_emergency(run(s, score=90.0 + s)) for s in (1, 2)]
        found = [f for f in flags(family(**{end: best})) if f.kind is FlagKind.LEASH_AT_AN_END]
        assert len(found) == 1 and words in found[0].text


def test_a_middle_leash_tied_with_an_end_is_no_flag():
    """On a small street leashes of 5, 10 and 20 tiles play alike; a tie says nothing."""
    rows = family()
    middle = next(r for r in rows if r.name == "balanced")
    rows = [dataclasses.replace(r, runs=middle.runs) if r.name == "leash-0" else r for r in rows]
    assert FlagKind.LEASH_AT_AN_END not in kinds(rows)


def test_a_walker_who_meets_the_emergencies_the_car_meets_is_flagged():
    ordinary = {r.name: r for r in family()}
    on_foot = [dataclasses.replace(r, calls=a_result().calls) for r in ordinary["walk"].runs]
    found = [f for f in flags(family(walk=on_foot)) if f.kind is FlagKind.WALKER_MEETS_EMERGENCIES]
    assert len(found) == 1 and "walk misses 0.0 priority-1 windows" in found[0].text
    # ... but not where the car misses some itself: then the map, not the choice, is at fault.
    car_late = [with_missed_emergency(r) for r in ordinary["car"].runs]
    assert FlagKind.WALKER_MEETS_EMERGENCIES not in kinds(family(walk=on_foot, car=car_late))


def test_walking_that_builds_hardly_more_trust_than_driving_is_flagged():
    ordinary = {r.name: r for r in family()}
    level = [dataclasses.replace(r, trust=c.trust + 1.0)
             for r, c in zip(ordinary["walk"].runs, ordinary["car"].runs, strict=True)]
    found = [f for f in flags(family(walk=level)) if f.kind is FlagKind.WALKING_BUILDS_NO_TRUST]
    assert len(found) == 1 and found[0].text.startswith("walk ends with trust 43.5, car 42.5")


def test_a_street_without_calls_may_be_walked_without_a_flag():
    quiet = dataclasses.replace(a_result(), calls=(), calls_total=0)
    rows = [StrategyRow(row.name, row.about, tuple(dataclasses.replace(r, calls=(), calls_total=0)
                                                   for r in row.runs))
            for row in family(walk=[dataclasses.replace(quiet, seed=s, score=90.0) for s in (1, 2)])]
    assert not kinds(rows) & {FlagKind.PURE_STRATEGY_CLOSE, FlagKind.LEASH_AT_AN_END,
                              FlagKind.WALKER_MEETS_EMERGENCIES}


def test_every_measure_reads_a_number_or_none_from_real_results():
    for measure in MEASURES:
        value = measure.read(a_result())
        assert value is None or isinstance(value, float | int)
