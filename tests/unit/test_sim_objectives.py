"""Objective checks and the score."""

from __future__ import annotations

import pytest

from game.scenario.model import CallsInTime, Objective, StoriesHeard, TrustAtLeast
from game.sim.results import CallOutcome, evaluate_objectives

CALLS = (CallOutcome("c1", 1, "shop", 10, 4.0, True), CallOutcome("c2", 1, "shop", 90, None, False),
         CallOutcome("c3", 2, "park", 50, 3.0, True))
OBJECTIVES = (
    Objective("stories", "Hear 3", StoriesHeard(3), 2.0),
    Objective("calls", "P1 half in time", CallsInTime(1, 0.5), 3.0),
    Objective("trust", "Trust 60", TrustAtLeast(60.0), 5.0),
)


def test_score_is_the_weighted_share_of_objectives_met():
    results, score = evaluate_objectives(OBJECTIVES, trust=59.9, stories_heard=3, calls=CALLS)
    assert [r.met for r in results] == [True, True, False]
    assert score == pytest.approx(100 * 5 / 10)
    assert results[1].detail == "1 of 2 priority-1 calls in time"


def test_a_full_share_needs_every_call():
    (result,), score = evaluate_objectives((Objective("c", "all", CallsInTime(1, 1.0), 1.0),),
                                           trust=0, stories_heard=0, calls=CALLS)
    assert not result.met and score == 0


def test_without_objectives_the_score_is_the_final_trust():
    assert evaluate_objectives((), trust=63.5, stories_heard=0, calls=()) == ((), 63.5)
