"""The simulation through its action API: legality, calls, encounters, determinism."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from builders import have_talk, street_scenario

import game.sim.actions as act
from game.bots import make_bot, run_shift
from game.sim.actions import ActionError
from game.sim.ledger import Source, SourceKind
from game.sim.simulation import Simulation


def walk_to_resident(sim: Simulation, rid: str) -> int:
    i = sim.index[rid]
    x, y = sim.resident_pos(i)
    sim.apply(act.WalkTo(round(x), round(y)))
    while sim.officer.route:
        sim.step()
    return i


def on_foot(seed: int = 0, **tuning: float) -> Simulation:
    sim = Simulation(street_scenario(tuning=tuning), seed)
    sim.apply(act.GetOut())
    while sim.busy:
        sim.step()
    return sim


def test_sim_and_bots_never_import_pygame():
    code = ("import sys, game.sim.simulation, game.bots, game.commands.simulate; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(("action", "message"), [
    (act.WalkTo(3, 3), "in the car"),
    (act.GetIn(), "already in the car"),
    (act.Talk("r5", "listen"), "too far"),
    (act.Talk("nobody", "greet"), "nobody called"),
    (act.Choose(0), "No conversation"),
    (act.RespondToCall("c1"), "not waiting"),
    (act.JoinPlay(), "no kids' game"),
    (act.DriveTo(-5, 2), "off the map"),
])
def test_illegal_actions_say_why(action, message):
    sim = Simulation(street_scenario())
    with pytest.raises(ActionError, match=message):
        sim.apply(action)
    assert sim.action_log == []


def test_getting_out_needs_a_parked_car():
    sim = Simulation(street_scenario())
    sim.apply(act.DriveTo(20, 3))
    sim.step()
    with pytest.raises(ActionError, match="Park the car first"):
        sim.apply(act.GetOut())
    sim.apply(act.Park())
    sim.apply(act.GetOut())
    assert sim.officer.mode == "on_foot"


def test_driving_is_faster_than_walking():
    car, foot = Simulation(street_scenario()), on_foot()
    car.apply(act.DriveTo(25, 3))
    foot.apply(act.WalkTo(25, 2))
    car_ticks = foot_ticks = 0
    while car.officer.route:
        car.step()
        car_ticks += 1
    while foot.officer.route:
        foot.step()
        foot_ticks += 1
    assert car_ticks * 3 < foot_ticks


def test_listening_reveals_a_concern_and_following_it_up_pays_most():
    sim = on_foot()
    i = walk_to_resident(sim, "r0")
    have_talk(sim, "r0", "greet")  # a hello first: asking a stranger's worries can backfire
    listen = have_talk(sim, "r0", "listen")
    assert sim.known[i].concerns_heard == ["c0"]
    assert not any(o.topic == "follow_up" for o in sim.talk_options("r0"))
    shop = sim.places["shop"].at
    sim.apply(act.WalkTo(*shop))
    while sim.officer.route:
        sim.step()
    sim.step()
    assert "c0" in sim.known[i].concerns_checked
    walk_to_resident(sim, "r0")
    follow = have_talk(sim, "r0", "follow_up", "c0")
    assert follow > 0 and sim.trust.ledger[-1].cause == "followed up"
    assert follow > listen > 0 and sim.known[i].concerns_done == {"c0"}


def test_stories_unlock_with_familiarity():
    sim = on_foot(backfire_chance=0.0)
    i = walk_to_resident(sim, "r0")
    sim.trust.familiarity[i] = 0.0
    story = next(o for o in sim.talk_options("r0") if o.topic == "story")
    assert story.available and "don't know you well" in story.hint
    have_talk(sim, "r0", "story")  # too soon: they change the subject
    assert sim.known[i].stories_heard == 0
    have_talk(sim, "r0", "porch")  # ten minutes on the porch: familiarity grows
    have_talk(sim, "r0", "story")
    assert sim.known[i].stories_heard == 1 and sim.stories_heard() == 1


def test_repeating_the_same_small_talk_is_worth_less():
    sim = on_foot()
    walk_to_resident(sim, "r0")
    deltas = [have_talk(sim, "r0", "greet") for _ in range(3)]
    assert deltas[0] > deltas[1] > deltas[2] > 0


def test_car_reaches_a_call_in_time_and_the_encounter_opens():
    sim = Simulation(street_scenario())
    sim.run(until_tick=int(40 / sim.dt) + 1)
    assert [c.call.id for c in sim.active_calls()] == ["c1"]
    sim.apply(act.RespondToCall("c1"))
    while sim.open_encounter is None and not sim.finished:
        sim.step()
    state = sim.call_state("c1")
    assert state.in_time and state.response_minutes < state.call.window_minutes
    assert sim.open_encounter.encounter.id == "shop-argument"
    with pytest.raises(ActionError, match="Finish the conversation"):
        sim.apply(act.DriveTo(1, 3))
    r0 = sim.index["r0"]
    before = sim.trust.trust[r0]
    sim.apply(act.Choose(0))  # hear both sides
    assert sim.trust.trust[r0] > before
    assert sim.trust.ledger[-1].tags == ("voice", "neutrality")
    sim.apply(act.Choose(0))
    assert sim.open_encounter is None


def test_a_priority_one_call_never_answered_costs_the_caller_and_safety():
    sim = on_foot()
    sim.run(until_tick=int(60 / sim.dt))
    state = sim.call_state("c1")
    assert state.late and not state.reached
    sim.run(until_tick=int((state.deadline + sim.tuning.cleared_after_minutes + 1) / sim.dt))
    assert state.status.value == "cleared"
    missed = [c for c in sim.trust.ledger if c.source == Source(SourceKind.CALL, "c1")]
    assert len(missed) == 1 and missed[0].delta < 0 and missed[0].cause == "nobody came"
    assert sim.safety < sim.tuning.safety_start


def test_posting_without_approval_is_a_breach_and_consent_matters():
    sim = on_foot()
    sim.run(until_tick=int(110 / sim.dt))
    sim.apply(act.WalkTo(*sim.places["park"].at))
    while sim.officer.route or sim.busy:
        sim.step()
    while sim.open_encounter is not None:
        sim.apply(act.Choose(0))
    sim.apply(act.SocialMedia("post_now"))
    assert [b.policy for b in sim.breaches] == ["social_media"]
    causes = {c.cause for c in sim.trust.ledger}
    assert "posted them without asking" in causes
    while sim.busy:
        sim.step()
    with pytest.raises(ActionError, match="already made your decision"):
        sim.apply(act.SocialMedia("dont_post"))


def run_bot(bot: str, seed: int) -> Simulation:
    return run_shift(Simulation(street_scenario(), seed), make_bot(bot, seed))


@pytest.mark.parametrize("bot", ["car", "walk", "balanced", "random"])
def test_same_seed_same_shift(bot):
    a, b = run_bot(bot, 4), run_bot(bot, 4)
    assert a.results() == b.results()
    assert a.ledger() == b.ledger()
    assert a.action_log == b.action_log


@pytest.mark.parametrize("bot", ["walk", "random"])
def test_replaying_the_action_log_reproduces_the_shift(bot):
    played = run_bot(bot, 9)
    replay = Simulation(street_scenario(), 9)
    pending = list(played.action_log)
    while not replay.finished:
        while pending and pending[0][0] == replay.tick:
            replay.apply(pending.pop(0)[1])
        replay.step()
    assert replay.results() == played.results()
    assert np.array_equal(replay.trust.trust, played.trust.trust)


def test_actions_round_trip_through_dicts():
    for action in (act.DriveTo(3, 4), act.Talk("r1", "follow_up", "c1"), act.Choose(2),
                   act.SocialMedia("ask_consent"), act.GetOut()):
        assert act.action_from_dict(action.to_dict()) == action


@pytest.mark.parametrize("bot", ["car", "walk", "balanced", "random"])
def test_invariants_hold_through_a_shift(bot):
    sim = Simulation(street_scenario(), 2)
    b = make_bot(bot, 2)
    while not sim.finished:
        b.act(sim)
        sim.step()
        assert sim.trust.trust.min() >= 0 and sim.trust.trust.max() <= 100
        assert 0 <= sim.officer.x < sim.grid.width and 0 <= sim.officer.y < sim.grid.height
        pos = sim.people.pos
        assert pos[:, 0].min() > -1 and pos[:, 0].max() < sim.grid.width
        assert pos[:, 1].min() > -1 and pos[:, 1].max() < sim.grid.height
    results = sim.results()
    assert 0 <= results.score <= 100 and 0 <= results.safety <= 100


def test_the_ledger_explains_every_residents_change():
    sim = run_bot("balanced", 5)
    totals = np.zeros(len(sim.residents))
    for change in sim.ledger():
        totals[change.resident] += change.delta
    assert np.allclose(totals, sim.trust.trust - sim.trust.start_trust, atol=0.05)


def test_a_call_can_cut_a_conversation_short_but_not_a_car_door():
    sim = on_foot()
    walk_to_resident(sim, "r0")
    sim.run(until_tick=int(39 / sim.dt))
    sim.apply(act.Talk("r0", "porch"))
    sim.run(until_tick=int(41 / sim.dt))
    assert sim.busy and sim.active_calls()
    with pytest.raises(ActionError, match="still busy"):
        sim.apply(act.WalkTo(5, 2))
    sim.apply(act.RespondToCall("c1"))
    assert not sim.busy and sim.officer.route
    assert sim.feed.items[-1].text == "You excuse yourself to take the call."


def test_lines_answered_in_quick_succession_each_take_their_minutes():
    sim = Simulation(street_scenario())
    sim.run(until_tick=int(40 / sim.dt) + 1)
    sim.apply(act.RespondToCall("c1"))
    while sim.open_encounter is None:
        sim.step()
    start = max(sim.time, sim.officer.busy_until)  # still on scene when the encounter opens
    sim.apply(act.Choose(0))
    sim.apply(act.Choose(0))
    assert sim.officer.busy_until == pytest.approx(start + 2 * sim.tuning.choice_minutes)
