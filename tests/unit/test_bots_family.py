"""The strategy family: each member does what its name says, through the action API only."""

from __future__ import annotations

import dataclasses
from functools import cache

import numpy as np
import pytest
from builders import street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import game.sim.actions as act
from game.bots import BOTS, make_bot, run_shift
from game.bots.strategies import FAMILY
from game.bots.tactics import crowd_sizes
from game.sim.simulation import Simulation

SEED = 4
# The street's two calls, the priority-2 one while the bots are at the kids' game in the far east park.
CALLS = (street_scenario().calls[0],
         dataclasses.replace(street_scenario().calls[1], at=150))


@cache
def played(bot: str) -> Simulation:
    return run_shift(Simulation(street_scenario(calls=CALLS), SEED), make_bot(bot, SEED))


def actions(bot: str, kind: type) -> list:
    return [a for _, a in played(bot).action_log if isinstance(a, kind)]


def priority(sim: Simulation, call_id: str) -> int:
    state = sim.call_state(call_id)
    assert state is not None
    return state.call.priority


def test_the_four_original_bots_keep_their_names_and_balance_plays_the_family():
    assert list(BOTS)[:4] == ["car", "walk", "balanced", "random"]
    assert {s.name for s in FAMILY} >= {"car", "walk", "balanced", "leash-0", "leash-2", "leash-10",
                                        "leash-20", "p1-calls", "no-calls", "porch-camp",
                                        "greet-spam"}
    assert "random" not in {s.name for s in FAMILY}


@pytest.mark.parametrize("bot", BOTS)
def test_every_member_plays_a_whole_shift_and_is_named(bot):
    sim = played(bot)
    assert sim.finished and sim.action_log
    assert make_bot(bot, 1).name == bot


def test_answering_all_calls_responds_to_every_priority():
    sim = played("balanced")
    assert {priority(sim, a.call) for a in actions("balanced", act.RespondToCall)} == {1, 2}


def test_priority_1_only_never_responds_to_lower_priorities():
    sim = played("p1-calls")
    answered = {priority(sim, a.call) for a in actions("p1-calls", act.RespondToCall)}
    assert answered == {1}


def test_no_calls_never_responds():
    assert actions("no-calls", act.RespondToCall) == []
    assert actions("balanced", act.RespondToCall) != []


def test_porch_camper_sits_with_one_host_over_and_over():
    talks = actions("porch-camp", act.Talk)
    assert len(talks) >= 3
    assert {(t.resident, t.topic) for t in talks} == {(talks[0].resident, "porch")}


def test_greeting_spammer_greets_everyone_before_anyone_twice_and_from_the_car():
    sim = played("greet-spam")
    talks = actions("greet-spam", act.Talk)
    assert {t.topic for t in talks} == {"greet"}
    greeted: dict[str, int] = {}
    for talk in talks:
        everyone_greeted = len(greeted) == len(sim.residents)
        floor = min(greeted.values()) if everyone_greeted else 0
        assert greeted.get(talk.resident, 0) == floor, talk
        greeted[talk.resident] = greeted.get(talk.resident, 0) + 1
    assert max(greeted.values()) >= 2  # round after round
    assert any(change.through_car_window for change in sim.ledger())


def test_a_tighter_leash_keeps_the_officer_nearer_the_car():
    def farthest_on_foot(bot: str) -> float:
        sim = Simulation(street_scenario(calls=()), SEED)
        bot_ = make_bot(bot, SEED)
        farthest = 0.0
        while not sim.finished:
            bot_.act(sim)
            sim.step()
            if not sim.officer.in_car:
                farthest = max(farthest, sim.officer.distance_to_car())
        return farthest

    assert farthest_on_foot("leash-2") < farthest_on_foot("leash-20")


@settings(max_examples=200, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 40), st.just(2)),
              elements=st.floats(-30, 30, allow_subnormal=False)),
       st.floats(0, 15))
def test_crowd_sizes_match_the_full_pairwise_count(points, radius):
    d2 = ((points[:, None, :] - points[None, :, :]) ** 2).sum(axis=2)
    assert crowd_sizes(points, radius).tolist() == (d2 <= radius ** 2).sum(axis=1).tolist()


def test_par_is_the_best_bot_on_the_same_shift_whatever_the_trainee_did():
    from game.bots.par import PAR_BOT, par_results

    scenario = street_scenario()
    trainee = Simulation(scenario, SEED)
    trainee.run()  # a trainee who never leaves the start
    par = par_results(scenario, SEED)
    assert par == run_shift(Simulation(scenario, SEED), make_bot(PAR_BOT, SEED)).results()
    assert (par.scenario, par.seed) == (trainee.results().scenario, trainee.results().seed)
    assert par.trust > trainee.results().trust
