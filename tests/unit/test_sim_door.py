"""The one door is all or nothing: a refused action leaves the whole shift exactly as it was.

The snapshot is the complete simulation pickled (every array, the officer, the
feed, the ledger, calls, encounters, the random generator's state), minus
only what is immutable or a cache: scenario objects (recorded by identity) and
the route-finding grid.
"""

from __future__ import annotations

import io
import pickle

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from game.bots import make_bot
from game.scenario.model import Scenario
from game.sessions import Recording
from game.sessions.replay import rerun
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.grid import Grid
from game.sim.simulation import Simulation
from tests.builders import street_scenario

SCENARIO = street_scenario()


class _Snapshot(pickle.Pickler):
    def persistent_id(self, obj: object) -> str | None:
        if isinstance(obj, Grid):
            return "grid"  # its route cache fills on read-only questions too
        if type(obj).__module__ == Scenario.__module__:
            return f"scenario:{id(obj)}"  # immutable scenario data: which one, not its contents
        return None


def snapshot(sim: Simulation) -> bytes:
    buffer = io.BytesIO()
    _Snapshot(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(sim)
    return buffer.getvalue()


def actions_for(sim: Simulation) -> st.SearchStrategy[act.Action]:
    """Any action, valid or not, with arguments drawn from this shift's own ids and map."""
    w, h = sim.grid.width, sim.grid.height
    rid = st.sampled_from([r.id for r in sim.residents] + ["nobody"])
    calls = st.sampled_from([c.call.id for c in sim.calls] + ["no-call"])
    concern = st.sampled_from([None, *(c.id for r in sim.residents for c in r.concerns)])
    return st.one_of(
        st.builds(act.DriveTo, st.integers(-2, w + 2), st.integers(-2, h + 2)),
        st.builds(act.WalkTo, st.integers(-2, w + 2), st.integers(-2, h + 2)),
        st.sampled_from([act.Park(), act.GetOut(), act.GetIn(), act.Stop(), act.JoinPlay()]),
        st.builds(act.RespondToCall, calls),
        st.builds(act.Talk, rid, st.sampled_from([*act.TALK_TOPICS, "dance"]), concern),
        st.builds(act.SocialMedia, st.sampled_from([*act.SOCIAL_MEDIA_DECISIONS, "shout"])),
        st.builds(act.Choose, st.integers(-1, 3)),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_refused_action_changes_nothing(data: st.DataObject) -> None:
    """From states a bot reaches (on a porch while a call waits, mid-encounter, in the car...)."""
    seed = data.draw(st.integers(0, 5), label="seed")
    sim = Simulation(SCENARIO, seed=seed)
    bot = make_bot(data.draw(st.sampled_from(["balanced", "walk", "car"]), label="bot"), seed)
    refused = accepted = 0
    for _ in range(data.draw(st.integers(5, 40), label="turns")):
        for _ in range(data.draw(st.integers(0, 40), label="ticks")):
            bot.act(sim)
            sim.step()
        action = data.draw(actions_for(sim), label="action")
        before, logged = snapshot(sim), len(sim.action_log)
        try:
            sim.apply(action)
        except ActionError:
            refused += 1
            assert snapshot(sim) == before, f"refused {action} changed the shift"
        else:
            accepted += 1
            assert sim.action_log[logged:] == [(sim.tick, action)]  # and what is done is recorded
    assert refused + accepted > 0


def _busy_in_conversation_when_a_call_waits() -> Simulation:
    """A shift where the officer sits on a porch while call c1 waits (the radio may interrupt)."""
    sim = Simulation(SCENARIO, seed=3)
    sim.apply(act.GetOut())
    sim.run(until_tick=sim.tick + 4)
    home = sim.places[sim.residents[0].home].at
    sim.apply(act.WalkTo(*home))
    while sim.officer.route:
        sim.step()
    call = SCENARIO.calls[0]
    while sim.time < call.at - 2:
        sim.step()
    sim.apply(act.Talk("r0", "porch"))
    while not sim.active_calls():
        sim.step()
    assert sim.busy and sim.state.interruptible
    return sim


def test_a_refused_call_response_does_not_end_the_conversation() -> None:
    sim = _busy_in_conversation_when_a_call_waits()
    busy_until = sim.officer.busy_until
    before = snapshot(sim)
    for refused in (act.RespondToCall("no-call"), act.RespondToCall("c2")):  # unknown, not in yet
        with pytest.raises(ActionError):
            sim.apply(refused)
    assert sim.officer.busy_until == busy_until and snapshot(sim) == before
    sim.apply(act.RespondToCall("c1"))  # the real call does cut the porch visit short
    assert not sim.busy and sim.officer.route


def test_a_shift_with_refused_actions_replays_exactly() -> None:
    sim = _busy_in_conversation_when_a_call_waits()
    for refused in (act.RespondToCall("c2"), act.GetIn(), act.Talk("r0", "dance")):
        with pytest.raises(ActionError):
            sim.apply(refused)
    sim.apply(act.RespondToCall("c1"))
    sim.run(until_tick=sim.tick + 200)
    replayed, refusals = rerun(SCENARIO, sim.seed, sim.action_log, sim.tick)
    assert refusals == []
    assert Recording.of(sim).differences(Recording.of(replayed)) == []
