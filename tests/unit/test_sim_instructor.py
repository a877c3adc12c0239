"""The instructor's actions: an injected call comes in and is played like any other, a flag
changes nothing, both replay exactly, and a refused one leaves the shift as it was."""

from __future__ import annotations

from pathlib import Path

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from game.bots import make_bot, run_shift
from game.report.instructor import MomentKind, instructor_moments
from game.scenario import load_scenario
from game.sessions import Recording, SessionStore
from game.sessions.replay import rerun
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.calls import CallStatus
from game.sim.instructor import MAX_NOTE_CHARS, call_pool
from game.sim.simulation import Simulation
from tests.unit.test_sim_door import snapshot

REPO = Path(__file__).resolve().parents[2]
SCENARIO = load_scenario(REPO / "scenarios" / "first-day.yaml")
POOL = call_pool(SCENARIO.calls, SCENARIO.radio)


def _inject(entry) -> act.InjectCall:
    return act.InjectCall(entry.source, entry.call_kind, entry.place)


def test_the_pool_holds_every_scripted_call_and_every_radio_kind_and_place() -> None:
    scripted = {c.id for c in SCENARIO.calls}
    assert scripted <= {e.source for e in POOL}
    for generator in SCENARIO.radio:
        offered = {(e.call_kind, e.place) for e in POOL if e.source == generator.id}
        assert offered == {(k.kind, p) for k in generator.kinds for p in generator.places}


def test_an_injected_call_comes_in_on_the_radio_and_can_be_answered() -> None:
    sim = Simulation(SCENARIO, 3)
    sim.run(40)
    entry = next(e for e in POOL if e.call_kind)
    sim.apply(_inject(entry))
    sim.step()
    injected = [c for c in sim.active_calls() if ":instructor-1" in c.call.id]
    assert len(injected) == 1 and injected[0].call.place == entry.place
    assert injected[0].status is CallStatus.WAITING
    kind = next(k for g in SCENARIO.radio if g.id == entry.source for k in g.kinds
                if k.kind == entry.call_kind)
    call = injected[0].call
    assert (call.priority, call.window_minutes, call.needs_car) == (kind.priority, kind.window_minutes,
                                                                    kind.needs_car)
    sim.apply(act.RespondToCall(injected[0].call.id))  # the trainee answers it like any call


def test_instructor_actions_are_taken_while_the_trainee_is_busy() -> None:
    sim = Simulation(SCENARIO, 3)
    bot = make_bot("balanced", 3)
    while not sim.busy and not sim.finished:
        bot.act(sim)
        sim.step()
    assert sim.busy
    sim.apply(act.Flag("watch how this talk goes"))
    sim.apply(_inject(POOL[0]))
    assert [type(a) for _, a in sim.action_log[-2:]] == [act.Flag, act.InjectCall]


@pytest.mark.parametrize("bad", [
    act.InjectCall("no-such-call"),
    act.InjectCall(POOL[0].source, "medical"),
    act.InjectCall(next(e.source for e in POOL if e.call_kind), "no-such-kind", "market"),
    act.InjectCall(next(e.source for e in POOL if e.call_kind),
                   next(e.call_kind for e in POOL if e.call_kind), "nowhere"),
    act.InjectEvent("no-such-event"),  # first-day has no events at all
    act.Flag("   "),
    act.Flag("x" * (MAX_NOTE_CHARS + 1)),
])
def test_a_refused_instructor_action_changes_nothing(bad: act.Action) -> None:
    sim = Simulation(SCENARIO, 3)
    sim.run(20)
    before = snapshot(sim)
    with pytest.raises(ActionError):
        sim.apply(bad)
    assert snapshot(sim) == before and sim.action_log == []


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(marks=st.lists(st.tuples(st.integers(0, 700), st.integers(0, len(POOL)), st.text(max_size=20)),
                      max_size=4))
def test_a_shift_with_injections_and_flags_replays_exactly(marks, tmp_path_factory) -> None:
    sim = Simulation(SCENARIO, 11)
    bot = make_bot("balanced", 11)
    due = sorted(marks)
    while not sim.finished:
        while due and due[0][0] <= sim.tick:
            _, pick, note = due.pop(0)
            action = _inject(POOL[pick]) if pick < len(POOL) else act.Flag(f"note {note}")
            sim.apply(action)
        bot.act(sim)
        sim.step()
    with SessionStore.open(tmp_path_factory.mktemp("db") / "s.db") as store:
        session = store.get(store.save(sim))
    replayed, refused = rerun(SCENARIO, 11, session.recording.action_log(), session.recording.ticks)
    assert refused == []
    assert session.recording.differences(Recording.of(replayed)) == []
    moments = instructor_moments(session.recording.action_log(), SCENARIO)
    assert [m.kind for m in moments] == [MomentKind.CALL if p < len(POOL) else MomentKind.FLAG
                                         for _, p, _ in sorted(marks)]


def test_the_report_shows_the_flag_and_the_call(tmp_path: Path) -> None:
    from game.report.session_report import session_report

    sim = Simulation(SCENARIO, 5)
    sim.run(100)
    sim.apply(act.Flag("<b>parked</b> too long"))
    sim.apply(_inject(POOL[0]))
    run_shift(sim, make_bot("walk", 5))
    with SessionStore.open(tmp_path / "s.db") as store:
        page = session_report(store.get(store.save(sim)), SCENARIO)
    assert "The instructor&#x27;s flags and calls" in page or "The instructor's flags" in page
    assert "&lt;b&gt;parked&lt;/b&gt; too long" in page and "<b>parked" not in page
    assert SCENARIO.shift.clock(100 * sim.dt) in page
