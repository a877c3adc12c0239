"""Research-grounded balance, checked with bots on every shipped scenario (docs/trust-model.md).

Walking ends with clearly more neighborhood trust than driving; driving answers
calls faster and reaches at least as many in time; a balanced beat scores at
least as well as either. If the model cannot show this, fix the model.
"""

from __future__ import annotations

import statistics
from functools import cache
from pathlib import Path

import pytest

from game.commands.simulate import simulate_runs
from game.scenario import load_scenario

SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))
SEEDS = 4
WALK_TRUST_MARGIN = 5.0  # points of neighborhood trust


@cache
def runs(path: Path, bot: str) -> list[dict]:
    return simulate_runs(load_scenario(path), bot, first_seed=100, runs=SEEDS)


def mean(path: Path, bot: str, key: str) -> float:
    values = [r[key] for r in runs(path, bot)]
    values = [v for v in values if v is not None]
    return statistics.fmean(values) if values else float("inf")


def test_scenarios_are_shipped():
    assert len(SCENARIOS) >= 4


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_walking_builds_more_trust_than_driving(path):
    assert mean(path, "walk", "trust") >= mean(path, "car", "trust") + WALK_TRUST_MARGIN


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_driving_answers_calls_faster(path):
    if not load_scenario(path).calls:
        pytest.skip("no calls in this scenario")
    assert mean(path, "car", "mean_response_minutes") < mean(path, "walk", "mean_response_minutes")
    assert mean(path, "car", "calls_in_time") >= mean(path, "walk", "calls_in_time")


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_balanced_scores_at_least_as_well_as_either(path):
    balanced = mean(path, "balanced", "score")
    assert balanced >= mean(path, "car", "score")
    assert balanced >= mean(path, "walk", "score")
