"""Calls that need the car on scene, and lateness that costs most where minutes matter most.

Some windows are the car's: a collapse needs the defibrillator in the trunk, a collision
needs its lights and flares. On foot the officer can only go back for it, so a beat walked
far from the car pays on the radio (the dilemma, docs/trust-model.md).
"""

from __future__ import annotations

import pytest
from builders import street_scenario
from hypothesis import given
from hypothesis import strategies as st

import game.sim.actions as act
from game.scenario.model import Call, CallKind, Escalation
from game.sim.calls import CallState
from game.sim.feed import FeedEvent
from game.sim.radio import draw_calls, radio_rng
from game.sim.simulation import Simulation
from game.tuning import Tuning

COLLAPSE = Call("collapse", 40, "shop", 1, "medical", "A man collapsed outside the shop.", 6.0,
                needs_car=True)


def car_call_street(seed: int = 0) -> Simulation:
    return Simulation(street_scenario(calls=(COLLAPSE,), encounters=()), seed)


def run_minutes(sim: Simulation, minutes: float) -> None:
    sim.run(until_tick=sim.tick + int(minutes / sim.dt))


def walk_to_the_shop(sim: Simulation) -> None:
    sim.apply(act.GetOut())
    run_minutes(sim, 1)
    sim.apply(act.WalkTo(*sim.places["shop"].at))
    while sim.officer.route:
        sim.step()


def test_a_call_that_needs_the_car_is_not_reached_on_foot_and_says_so_once():
    sim = car_call_street()
    walk_to_the_shop(sim)
    run_minutes(sim, 40 - sim.time + 3)  # the call is in and the officer stands at the shop
    state = sim.call_state("collapse")
    assert state.active and not state.reached
    notes = [item for item in sim.feed.items if item.event is FeedEvent.CALL_NEEDS_CAR]
    assert len(notes) == 1 and "needs the car" in notes[0].text


def test_a_call_that_needs_the_car_is_reached_by_car():
    sim = car_call_street()
    run_minutes(sim, 40 - sim.time + 0.5)
    sim.apply(act.RespondToCall("collapse"))
    while sim.call_state("collapse").active and not sim.finished:
        sim.step()
    state = sim.call_state("collapse")
    assert state.in_time
    assert not any(item.event is FeedEvent.CALL_NEEDS_CAR for item in sim.feed.items)


def test_the_walking_bot_leaves_car_calls_to_be_missed_and_the_balanced_bot_drives_to_them():
    from game.bots import make_bot, run_shift

    walked = run_shift(car_call_street(), make_bot("walk", 0)).results()
    balanced = run_shift(car_call_street(), make_bot("balanced", 0)).results()
    assert [c.in_time for c in walked.calls] == [False]
    assert [c.in_time for c in balanced.calls] == [True]
    assert balanced.safety > walked.safety


def test_radio_kinds_and_escalations_carry_the_need_for_the_car():
    worse = Escalation(5, "cardiac-arrest", "He stopped breathing.", 1, 3.0, needs_car=True)
    kind = CallKind("medical", 2, 4.0, ("A man feels faint.",), needs_car=False, escalation=worse)
    from game.scenario.model import CallGenerator, RateBand

    radio = (CallGenerator("corner", (RateBand(0, 120, 30.0),), {"shop": 1.0}, (kind,)),)
    calls = draw_calls(radio, 120, radio_rng(7))
    assert calls and not any(c.needs_car for c in calls)
    assert all(c.escalated().needs_car for c in calls)


@given(minutes_late=st.floats(0.01, 120), priority=st.integers(1, 2))
def test_lateness_costs_a_priority_one_call_more_than_a_lower_one(minutes_late, priority):
    tuning = Tuning()
    def late_by(p: int) -> float:
        call = Call("c", 0, "shop", p, "k", "t", 5.0)
        return CallState(call, arrived_at=5.0 + minutes_late, late=True).credit(tuning)
    assert 0.0 < late_by(priority) < late_by(priority + 1) <= tuning.late_credit


@pytest.mark.parametrize("priority", [1, 2, 3])
def test_late_always_beats_never_and_in_time_beats_late(priority):
    tuning = Tuning()
    call = Call("c", 0, "shop", priority, "k", "t", 5.0)
    never = CallState(call).credit(tuning)
    late = CallState(call, arrived_at=9.0, late=True).credit(tuning)
    on_time = CallState(call, arrived_at=4.0).credit(tuning)
    assert never == 0.0 < late < on_time == 1.0
