"""The instructor starts one of the scenario's events now: it is under way at its place for as
long as it lasts in the scenario, it is in the log, replay reproduces it exactly, the console's
messages carry it, and the debrief names it by place and what the scenario says of it."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from game.bots import make_bot
from game.report.instructor import MomentKind, instructor_moments
from game.scenario import load_scenario
from game.sessions import Recording, SessionStore
from game.sessions.replay import rerun
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.instructor import event_pool
from game.sim.simulation import Simulation
from game.station.protocol import CONSOLE_MESSAGES, hello, instructor_action, parse
from tests.unit.test_sim_door import snapshot

REPO = Path(__file__).resolve().parents[2]
SCENARIO = load_scenario(REPO / "scenarios" / "low-trust-block.yaml")
EVENT = SCENARIO.events[-1]  # the block club, late in the shift


def test_the_pool_offers_every_event_of_the_scenario() -> None:
    assert [e.event for e in event_pool(SCENARIO.events, SCENARIO.places_by_id)] == [
        ev.id for ev in SCENARIO.events]
    assert event_pool((), SCENARIO.places_by_id) == []


def test_an_injected_event_is_under_way_now_at_its_place_for_its_length() -> None:
    sim = Simulation(SCENARIO, 4)
    sim.run(30)
    assert sim.time < EVENT.start  # not yet under way by the scenario's clock
    sim.apply(act.InjectEvent(EVENT.id))
    started = [ev for ev in sim.events if ev.id == EVENT.id and ev.start <= sim.time <= ev.end]
    assert len(started) == 1 and started[0].place == EVENT.place
    assert started[0].end - started[0].start == EVENT.end - EVENT.start
    assert sim.scenario.events == SCENARIO.events  # the scenario itself is untouched
    # An officer on foot at its place finds it under way.
    sim.state.officer.in_car = False
    sim.state.officer.x, sim.state.officer.y = map(float, sim.places[EVENT.place].at)
    assert [ev.id for ev in sim.events_here()] == [EVENT.id]


def test_an_event_already_under_way_is_refused() -> None:
    """(An unknown event is refused with the other refused actions, in test_sim_instructor.)"""
    sim = Simulation(SCENARIO, 4)
    sim.run(10)
    sim.apply(act.InjectEvent(EVENT.id))
    before = snapshot(sim)
    with pytest.raises(ActionError, match="already under way"):
        sim.apply(act.InjectEvent(EVENT.id))
    assert snapshot(sim) == before and len(sim.action_log) == 1


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.integers(0, 400),
       more=st.lists(st.tuples(st.integers(0, 1400), st.sampled_from([ev.id for ev in SCENARIO.events])),
                     max_size=2))
def test_a_shift_with_injected_events_replays_exactly(first, more, tmp_path_factory) -> None:
    sim = Simulation(SCENARIO, 8)
    bot = make_bot("balanced", 8)
    due = sorted([(first, EVENT.id), *more])  # the block club, long before it is due
    while not sim.finished:
        while due and due[0][0] <= sim.tick:
            with contextlib.suppress(ActionError):  # already under way: refused, not logged
                sim.apply(act.InjectEvent(due.pop(0)[1]))
        bot.act(sim)
        sim.step()
    injected = [a for _, a in sim.action_log if isinstance(a, act.InjectEvent)]
    assert injected
    with SessionStore.open(tmp_path_factory.mktemp("db") / "s.db") as store:
        session = store.get(store.save(sim))
    replayed, refused = rerun(SCENARIO, 8, session.recording.action_log(), session.recording.ticks)
    assert refused == []
    assert replayed.events == sim.events
    assert session.recording.differences(Recording.of(replayed)) == []
    moments = instructor_moments(session.recording.action_log(), SCENARIO)
    assert [m.kind for m in moments] == [MomentKind.EVENT] * len(injected)
    place = SCENARIO.places_by_id[next(ev for ev in SCENARIO.events if ev.id == injected[0].event).place]
    assert moments[0].text.startswith(f"{place.name}: ")


def test_the_console_and_the_game_carry_an_injected_event() -> None:
    sim = Simulation(SCENARIO, 1)
    offered = hello(sim, "Ana", "link-1")["events"]
    assert [e["event"] for e in offered] == [ev.id for ev in SCENARIO.events]
    raw = json.dumps({"type": "inject_event", "target": "*", "event": EVENT.id})
    message = parse(raw, CONSOLE_MESSAGES)
    assert message["event"] == EVENT.id
    assert instructor_action({"kind": "inject_event", "event": EVENT.id}) == act.InjectEvent(EVENT.id)
    with pytest.raises(Exception, match="unexpected"):
        instructor_action({"kind": "inject_event", "event": EVENT.id, "start": 3})
