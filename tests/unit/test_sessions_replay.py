"""Exact replay: every bot, many seeds, results and ledger identical; and a changed world is caught."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from builders import street_scenario

import game.sim.actions as act
from game.bots import BOTS, make_bot, run_shift
from game.scenario.model import Scenario, Shift
from game.sessions import Recording, SessionStore, replay
from game.sessions.replay import rerun
from game.sim.simulation import Simulation

SEEDS = range(8)


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return street_scenario(shift=Shift(16 * 60, 150, 1.0))  # call c1 and the kids' game fall inside


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    with SessionStore.open(tmp_path_factory.mktemp("db") / "s.db") as opened:
        yield opened


@pytest.mark.parametrize("bot", BOTS)
def test_replay_of_a_stored_session_is_identical(bot: str, scenario: Scenario,
                                                 store: SessionStore) -> None:
    for seed in SEEDS:
        played = run_shift(Simulation(scenario, seed), make_bot(bot, seed))
        session = store.get(store.save(played, bot=bot))
        outcome = replay(session, scenario)
        assert outcome.matches, (bot, seed, outcome.differences)
        again = outcome.sim
        assert again.results() == played.results()
        assert again.ledger() == played.ledger()
        assert again.history == played.history
        assert again.action_log == played.action_log


def test_a_shift_ended_early_replays_to_the_same_tick(scenario: Scenario) -> None:
    sim = Simulation(scenario, 2)
    sim.run(until_tick=40)
    sim.apply(act.GetOut())  # the player quits right after this, before another step
    recording = Recording.of(sim)
    again, refused = rerun(scenario, 2, recording.action_log(), recording.ticks)
    assert refused == []
    assert again.tick == 40
    assert recording.differences(Recording.of(again)) == []


def test_a_changed_scenario_shows_as_differences(scenario: Scenario, store: SessionStore) -> None:
    played = run_shift(Simulation(scenario, 1), make_bot("walk", 1))
    session = store.get(store.save(played))
    residents = tuple(dataclasses.replace(r, trust=r.trust + 5) for r in scenario.residents)
    outcome = replay(session, dataclasses.replace(scenario, residents=residents))
    assert not outcome.matches
    assert any(d.startswith("results.trust:") for d in outcome.differences)


def test_tampered_recording_is_reported_not_hidden(scenario: Scenario, tmp_path: Path) -> None:
    played = run_shift(Simulation(scenario, 3), make_bot("balanced", 3))
    with SessionStore.open(tmp_path / "s.db") as store:
        session_id = store.save(played)
        store._conn.execute("UPDATE sessions SET ledger = '[]' WHERE id = ?", (session_id,))
        outcome = replay(store.get(session_id), scenario)
    assert not outcome.matches
    assert any(d.startswith("ledger: recorded 0 entries") for d in outcome.differences)


def test_an_action_the_world_refuses_is_named(scenario: Scenario) -> None:
    sim, refused = rerun(scenario, 0, [(3, act.GetIn())], 10)  # already in the car
    assert sim.tick == 10
    assert len(refused) == 1 and refused[0].startswith("tick 3: get_in was refused: ")
