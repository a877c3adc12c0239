"""The dilemma, checked with the bot family on every shipped scenario and on streets others
wrote to the guide (docs/trust-model.md).

The research directions: walking ends with clearly more neighborhood trust than
driving; driving answers calls faster; a balanced beat scores best. And the
choice must stay a choice: no saturated score, seeds that matter, ignoring
calls never pays, the best leash is neither 0 nor unlimited, staying in the
car costs at least ten points. If the model cannot show this, fix the model.
"""

from __future__ import annotations

import os
import statistics
from functools import cache
from pathlib import Path

import pytest

from game.bots.batch import play_many
from game.scenario import load_scenario
from game.sim.results import ShiftResults

REPO = Path(__file__).resolve().parents[2]
SCENARIOS = sorted((REPO / "scenarios").glob("*.yaml"))
# Streets written to the guide by others: the rules are about the model, not about four files.
COMMUNITY = sorted((REPO / "tests" / "fixtures" / "scenarios" / "community").glob("*.yaml"))
SEEDS = range(100, 110)  # ten seeds, as the balance checks are specified
STRATEGIES = ("car", "walk", "balanced", "random", "leash-0", "leash-10", "leash-20", "no-calls",
              "porch-camp", "greet-spam")
WALK_TRUST_MARGIN = 2.0  # points of neighborhood trust: clearly more than seed-to-seed noise
CAR_SCORE_MARGIN = 10.0  # points of score under the best strategy, for car-only and walk-only
MAX_SATURATED_SHARE = 0.05  # runs at the maximum score
MIN_SEED_SPREAD = 5.0  # points of score between the balanced bot's best and worst seed


@cache
def runs(path: Path) -> dict[str, list[ShiftResults]]:
    """Every strategy over every seed, played once per scenario on all the cores there are."""
    plays = [(bot, seed) for bot in STRATEGIES for seed in SEEDS]
    results = play_many(load_scenario(path), plays, jobs=os.cpu_count() or 1)
    return {bot: results[k * len(SEEDS):(k + 1) * len(SEEDS)] for k, bot in enumerate(STRATEGIES)}


def mean(path: Path, bot: str, figure: str) -> float:
    values = [getattr(r, figure) for r in runs(path)[bot]]
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else float("inf")


def priority_one_missed(path: Path, bot: str) -> float:
    """Priority-1 windows missed per shift, on average."""
    return statistics.fmean(sum(1 for c in r.calls if c.priority == 1 and not c.in_time)
                            for r in runs(path)[bot])


def has_radio(path: Path) -> bool:
    return bool(load_scenario(path).radio)


shipped = pytest.mark.parametrize("path", SCENARIOS + COMMUNITY, ids=lambda p: p.stem)


def test_scenarios_are_shipped_and_others_written():
    assert len(SCENARIOS) >= 4 and len(COMMUNITY) >= 4


@shipped
def test_walking_builds_more_trust_than_driving(path):
    assert mean(path, "walk", "trust") >= mean(path, "car", "trust") + WALK_TRUST_MARGIN


@shipped
def test_driving_answers_calls_faster(path):
    """Callers wait less for the car; a call the walker never reaches counts until it closed."""
    assert mean(path, "car", "mean_wait_minutes") < mean(path, "walk", "mean_wait_minutes")


@shipped
def test_balanced_scores_at_least_as_well_as_either(path):
    balanced = mean(path, "balanced", "score")
    assert balanced >= mean(path, "car", "score")
    assert balanced >= mean(path, "walk", "score")


@shipped
@pytest.mark.parametrize("pure", ["car", "walk"])
def test_staying_in_the_car_or_never_using_it_costs_at_least_ten_points(path, pure):
    best = max(mean(path, bot, "score") for bot in STRATEGIES)
    assert mean(path, pure, "score") <= best - CAR_SCORE_MARGIN


@shipped
def test_the_best_leash_is_neither_zero_nor_unlimited(path):
    leashes = {"leash-0": 0, "balanced": 5, "leash-10": 10, "leash-20": 20, "walk": None}
    best = max(leashes, key=lambda bot: mean(path, bot, "score"))
    assert leashes[best] not in (0, None), best


@shipped
def test_ignoring_calls_scores_below_answering_them(path):
    assert mean(path, "no-calls", "score") < mean(path, "balanced", "score")
    assert mean(path, "no-calls", "safety") < mean(path, "balanced", "safety")


@shipped
@pytest.mark.parametrize("exploit", ["porch-camp", "greet-spam", "car"])
def test_porch_camping_greeting_spam_and_car_window_hellos_stay_poor(path, exploit):
    assert mean(path, exploit, "score") <= mean(path, "balanced", "score") - CAR_SCORE_MARGIN


@shipped
def test_walking_misses_a_priority_one_window_where_the_car_reaches_them_all(path):
    if priority_one_missed(path, "car") > 0:
        pytest.skip("the car misses some itself here")
    assert priority_one_missed(path, "walk") >= 1.0


@shipped
def test_the_score_rarely_reaches_its_maximum(path):
    scores = [r.score for bot in ("car", "walk", "balanced", "random") for r in runs(path)[bot]]
    assert sum(s >= 100.0 - 1e-9 for s in scores) <= MAX_SATURATED_SHARE * len(scores)


@shipped
def test_seeds_make_different_shifts_where_a_radio_plays(path):
    if not has_radio(path):
        pytest.skip("no radio: scripted calls only")
    scores = [r.score for r in runs(path)["balanced"]]
    assert max(scores) - min(scores) >= MIN_SEED_SPREAD
