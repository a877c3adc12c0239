"""The research the trust model stands on, each finding a test named after it.

docs/trust-model.md explains each equation; game/tuning.py cites each constant.
"""

from __future__ import annotations

import dataclasses
from types import MappingProxyType

import numpy as np
import pytest
from builders import have_talk, street_scenario, walk_home_to
from hypothesis import given, settings
from hypothesis import strategies as st

import game.sim.actions as act
from game.scenario.model import CallGenerator, CallKind, Escalation, RateBand, Resident, Tie
from game.sim.feed import FeedEvent
from game.sim.ledger import Source, SourceKind
from game.sim.simulation import Simulation
from game.sim.trust import TrustModel
from game.tuning import Tuning

CONTACT = Source(SourceKind.ENCOUNTER, "test")


def one_resident(openness: float, familiarity: float, ties: tuple[Tie, ...] = (),
                 others: int = 0) -> TrustModel:
    residents = [Resident(id=f"r{k}", name=f"R{k}", home="h", trust=50.0,
                          openness=openness if k == 0 else 0.5) for k in range(1 + others)]
    model = TrustModel(residents, ties, {r.id: k for k, r in enumerate(residents)}, Tuning())
    model.familiarity[0] = familiarity
    return model


def effective_asymmetry(openness: float, familiarity: float, quality: float = 0.5) -> float:
    """|bad| / good for one equal and opposite contact from the same starting point."""
    good = one_resident(openness, familiarity).contact(0.0, 0, quality, "good", CONTACT).delta
    bad = one_resident(openness, familiarity).contact(0.0, 0, -quality, "bad", CONTACT).delta
    return -bad / good


@pytest.mark.parametrize("familiarity", [0.0, 0.05, 0.1])
def test_skogan_2006_a_bad_first_contact_weighs_4_to_14_good_ones(familiarity: float) -> None:
    assert 4.0 <= effective_asymmetry(0.5, familiarity) <= 14.0


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0), st.floats(0.05, 0.8))
def test_skogan_2006_asymmetry_stays_within_2_to_20x_for_anyone(openness: float, familiarity: float,
                                                                 quality: float) -> None:
    assert 2.0 <= effective_asymmetry(openness, familiarity, quality) <= 20.0


def porch_gain(minutes: float) -> float:
    """Trust a porch visit of ``minutes`` moves, with familiarity held apart from it."""
    sim = Simulation(street_scenario(tuning={"porch_minutes": minutes, "backfire_chance": 0.0,
                                             "familiarity_per_talk_minute": 1e-9,
                                             "presence_per_minute": 1e-9}), 0)
    walk_home_to(sim)
    return have_talk(sim, "r0", "porch")


def test_mazerolle_2015_a_just_conversation_levels_off_after_about_two_minutes() -> None:
    gains = {m: porch_gain(m) for m in (0.5, 1.0, 2.0, 4.0, 10.0)}
    assert gains[0.5] < gains[1.0] < gains[2.0] <= gains[10.0]
    assert gains[1.0] <= 0.75 * gains[10.0]  # still rising in the first minute
    assert gains[2.0] >= 0.85 * gains[10.0]  # most of it is done by two minutes
    assert gains[10.0] - gains[4.0] < 0.05 * gains[10.0]  # the rest adds next to nothing


def heard_and(followed_up: bool | None) -> float:
    """r0's trust long after a hello and (maybe) hearing a worry: None = never listened."""
    sim = Simulation(street_scenario(tuning={"backfire_chance": 0.0}), 1)
    walk_home_to(sim)
    have_talk(sim, "r0", "greet")
    if followed_up is not None:
        have_talk(sim, "r0", "listen")
        if followed_up:  # the worry has no follow-up errand in this test: report back at once
            sim.talk.to_look_into.clear()
            sim.known[0].concerns_checked.add("c0")
            have_talk(sim, "r0", "follow_up", "c0")
    deadline = sim.time + sim.tuning.follow_up_deadline_minutes + 1
    while sim.time < deadline:
        sim.step()
    return float(sim.trust.trust[0])


def test_blair_2021_worries_heard_and_never_followed_up_bring_no_trust() -> None:
    never_heard, let_down, kept = heard_and(None), heard_and(False), heard_and(True)
    assert let_down <= never_heard + 0.05
    assert kept > never_heard + 1.0


def test_rosenbaum_2005_hearing_of_a_neighbours_bad_contact_lowers_trust() -> None:
    model = one_resident(0.5, 0.0, ties=(Tie("r0", "r1", 0.6),), others=1)
    model.contact(0.0, 0, -0.5, "bad", CONTACT)
    for _ in range(480):
        model.step(0.25)
    assert model.trust[1] < 50.0 - 0.5


def test_rosenbaum_2005_a_well_connected_residents_contact_spreads_further() -> None:
    hub = one_resident(0.5, 0.0, ties=tuple(Tie("r0", f"r{k}", 0.6) for k in range(1, 5)), others=4)
    loner = one_resident(0.5, 0.0, ties=(Tie("r0", "r1", 0.6),), others=4)
    for model in (hub, loner):
        model.contact(0.0, 0, -0.5, "bad", CONTACT)
        for _ in range(480):
            model.step(0.25)
    heard = [float(50.0 * 4 - m.trust[1:].sum()) for m in (hub, loner)]
    assert heard[0] > 2 * heard[1] > 0


def radio_street(trust: float, **tuning: float) -> Simulation:
    """A street whose only calls are fights nobody must report (a radio with needs_reporter)."""
    base = street_scenario(tuning=tuning)
    kind = CallKind("fight", 2, 10.0, ("A fight on the corner.",), needs_reporter=True,
                    escalation=Escalation(20, "assault", "Someone is hurt.", 1, 6.0))
    radio = (CallGenerator("corner", (RateBand(0, 300, 4.0),), MappingProxyType({"shop": 1.0}),
                           (kind,)),)
    residents = tuple(dataclasses.replace(r, trust=trust) for r in base.residents)
    return Simulation(dataclasses.replace(base, calls=(), encounters=(), residents=residents,
                                          radio=radio), 0)


def unreported_share(trust: float) -> float:
    """Share of each shift's first fight that nobody called in (before any call went unanswered)."""
    scenario = radio_street(trust).scenario
    unreported = 0
    for seed in range(40):
        sim = Simulation(scenario, seed)
        first = next(c for c in sim.calls if c.call.needs_reporter)
        while first.status.value == "pending":
            sim.step()
        unreported += first.status.value == "unreported"
    return unreported / 40


def test_gill_2014_a_low_trust_block_under_reports_and_the_problem_returns_worse() -> None:
    low, high = unreported_share(20.0), unreported_share(80.0)
    assert low > 0.5 > 0.1 > high
    sim = Simulation(radio_street(20.0).scenario, 3)
    sim.run()
    quiet = [c for c in sim.calls if c.status.value == "unreported" and c.worse is not None
             and c.worse.call.at < sim.scenario.shift.minutes]
    assert quiet and all(c.worse.status.came_in for c in quiet)
    assert all(c.worse.call.priority < c.call.priority for c in quiet)


def help_share(trust: float) -> float:
    helped = reached = 0
    for seed in range(10):
        sim = Simulation(radio_street(trust).scenario, seed)
        while not sim.finished:
            waiting = [c for c in sim.active_calls() if not sim.officer.route]
            if waiting and not sim.busy:
                sim.apply(act.RespondToCall(waiting[0].call.id))
            sim.step()
        for c in sim.calls:
            if c.reached:
                reached += 1
                helped += bool(c.helped_by)
    return helped / reached


def test_weisburd_2022_people_who_trust_the_police_help_resolve_calls() -> None:
    assert help_share(80.0) > help_share(35.0) + 0.3


def safety_after_minutes_at_a_porch(minutes: float, on_foot: bool) -> float:
    """Perceived safety gained standing (or parked) at resident 0's porch for ``minutes``,
    nothing else happening (no calls, no talk)."""
    sim = Simulation(street_scenario(calls=(), encounters=()), 0)
    if on_foot:
        walk_home_to(sim)
    else:
        sim.apply(act.DriveTo(*sim.places[sim.residents[0].home].at))
        while sim.officer.route:
            sim.step()
    before = sim.safety
    sim.run(until_tick=sim.tick + int(minutes / sim.dt))
    return sim.safety - before


def test_pate_1981_foot_patrol_makes_the_street_feel_safer_where_driving_past_hardly_does() -> None:
    on_foot = safety_after_minutes_at_a_porch(10, on_foot=True)
    assert on_foot > 5 * safety_after_minutes_at_a_porch(10, on_foot=False) > 0
    # A mean over the street, and saturating: a whole afternoon with one porch's family
    # reassures only the few who live or pass there, never the whole street's worth.
    assert on_foot < safety_after_minutes_at_a_porch(240, on_foot=True) < Tuning().foot_patrol_safety / 2


def test_the_feed_says_once_why_safety_climbs_while_the_officer_walks() -> None:
    sim = Simulation(street_scenario(calls=(), encounters=()), 0)
    walk_home_to(sim)
    sim.run()
    said = [item for item in sim.feed.items if item.event is FeedEvent.REASSURED]
    assert len(said) == 1 and "safer for seeing you about" in said[0].text


def test_skogan_2006_after_a_bad_contact_they_will_not_talk_for_a_while() -> None:
    sim = Simulation(street_scenario(), 0)
    walk_home_to(sim)
    sim.state.contact(0, -0.5, "threatened them", CONTACT, refusal="you threatened them")
    options = sim.talk_options("r0")
    assert not any(o.available for o in options)
    assert all("threatened them" in o.reason for o in options)
    sim.run(until_tick=sim.tick + int((sim.tuning.refusal_minutes + 1) / sim.dt))
    assert any(o.available for o in sim.talk_options("r0")) or not sim.can_reach(0)


def test_pressing_a_wary_stranger_can_backfire_and_the_feed_says_why() -> None:
    outcomes = []
    for seed in range(20):
        sim = Simulation(street_scenario(), seed)
        sim.apply(act.GetOut())
        while sim.busy:
            sim.step()
        i = sim.index["r0"]
        sim.trust.trust[i] = 25.0
        x, y = sim.resident_pos(i)
        sim.apply(act.WalkTo(round(x), round(y)))
        while sim.officer.route:
            sim.step()
        sim.trust.familiarity[i] = 0.0
        before = len(sim.feed.items)
        sim.apply(act.Talk("r0", "listen"))  # no hello first
        said = [item.text for item in sim.feed.items[before:]]
        outcomes.append(any("didn't want to share their worries" in text for text in said))
    assert 0 < sum(outcomes) < len(outcomes)  # a risk, drawn from the seed, not a certainty
    assert np.mean(outcomes) > 0.3
