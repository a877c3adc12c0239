"""Objectives with partial credit, and the score made of parts."""

from __future__ import annotations

import dataclasses

import pytest
from builders import street_scenario

from game.scenario.model import (
    CallsInTime,
    Choice,
    Encounter,
    Node,
    Objective,
    Policy,
    StoriesHeard,
    Trigger,
    TrustAtLeast,
)
from game.sim.score import (
    CallJudgement,
    evaluate_objectives,
    logistic_part,
    score_parts,
    total_score,
)
from game.sim.simulation import Simulation
from game.tuning import Tuning

CALLS = (CallJudgement(1, 1.0, True, True), CallJudgement(1, 0.0, False, False),
         CallJudgement(2, 1.0, True, True))
OBJECTIVES = (
    Objective("stories", "Hear 3", StoriesHeard(3), 2.0),
    Objective("calls", "P1 half in time", CallsInTime(1, 0.5), 3.0),
    Objective("trust", "Trust 60", TrustAtLeast(60.0), 5.0),
)


def parts(**overrides):
    figures = dict(trust_gain=0.0, safety_gain=0.0, calls=CALLS, breaches=0, concerns_heard=2,
                   concerns_followed_up=1, concerns_on_street=4, objectives=())
    figures.update(overrides)
    return {p.key: p for p in score_parts(Tuning(), **figures)}


def test_objectives_are_met_or_earn_partial_credit():
    results = evaluate_objectives(OBJECTIVES, trust=54.0, stories_heard=2, calls=CALLS)
    assert [r.met for r in results] == [False, True, False]
    assert [r.credit for r in results] == pytest.approx([2 / 3, 1.0, 54 / 60])
    assert results[1].detail == "1 of 2 priority-1 calls in time"


def test_a_calls_objective_is_not_met_before_any_call_came_in():
    (result,) = evaluate_objectives((Objective("c", "all", CallsInTime(1, 1.0), 1.0),),
                                    trust=0, stories_heard=0, calls=())
    assert not result.met and "no priority-1 call came in" in result.detail


def test_every_part_lies_in_0_to_1_and_the_score_is_their_weighted_mean():
    found = parts(objectives=evaluate_objectives(OBJECTIVES, trust=54.0, stories_heard=2, calls=CALLS))
    assert set(found) == {"trust", "safety", "policy", "response", "resolved", "follow_through",
                          "objectives"}
    assert all(0.0 <= p.value <= 1.0 for p in found.values())
    weight = sum(p.weight for p in found.values())
    assert total_score(list(found.values())) == pytest.approx(
        100 * sum(p.weight * p.value for p in found.values()) / weight)


def test_no_change_earns_half_marks_and_gains_never_quite_saturate():
    assert logistic_part(0.0, 8.0) == pytest.approx(0.5)
    assert 0.5 < logistic_part(10.0, 8.0) < logistic_part(30.0, 8.0) < 1.0


def test_priority_one_calls_count_more_and_lower_priorities_still_count():
    p1_missed = parts(calls=(CallJudgement(1, 0.0, False, False), CallJudgement(3, 1.0, True, True)))
    p3_missed = parts(calls=(CallJudgement(1, 1.0, True, True), CallJudgement(3, 0.0, False, False)))
    assert p1_missed["response"].value < p3_missed["response"].value < 1.0


def test_parts_with_nothing_to_judge_drop_out():
    quiet = parts(calls=(), concerns_on_street=0, objectives=())
    assert set(quiet) == {"trust", "safety", "policy"}
    assert set(parts(calls=(), concerns_on_street=0, objectives=(), policy_at_stake=False)) == {
        "trust", "safety"}


def policy_scored(scenario) -> bool:
    sim = Simulation(scenario, 0)
    sim.run()
    return "policy" in {p.key for p in sim.results().score_parts}


def test_keeping_to_policy_is_scored_only_where_the_shift_offers_a_way_to_break_it():
    """Free marks for every strategy would only flatten the differences between them."""
    street = street_scenario()  # an event (the social-media moment) and posting needs approval
    assert policy_scored(street)
    assert not policy_scored(dataclasses.replace(street, events=()))
    relaxed = {"social_media": Policy("social_media", on_duty_needs_approval=False)}
    assert not policy_scored(dataclasses.replace(street, policies=relaxed))
    tempted = Encounter("bribe", Trigger("call", "c1"), ("r0",), "open", {"open": Node(
        "open", "He offers cash.", (Choice("Take it.", -0.5, ("bias",), violates="social_media"),))})
    assert policy_scored(dataclasses.replace(street, events=(), encounters=(tempted,)))


def test_each_breach_costs_the_policy_part():
    assert parts(breaches=0)["policy"].value > parts(breaches=1)["policy"].value > \
        parts(breaches=2)["policy"].value > 0
