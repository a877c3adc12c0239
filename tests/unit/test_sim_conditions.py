"""Each condition kind read off a shift as it is played, each choice consequence, and the
format-2 objectives with their partial credit."""

from __future__ import annotations

import pytest
from format2 import street, street_text

import game.sim.actions as act
from game.scenario import load_scenario_text
from game.scenario.model import (
    ANY_POLICY,
    Between,
    CallResult,
    CallWas,
    EventAttended,
    FlagIs,
    Measure,
    PolicyBreached,
    ResidentLevel,
    ResidentPresent,
)
from game.sim.conditions import all_hold, holds
from game.sim.simulation import Simulation

PARK = """\
  - id: park-talk
    when: {event: kids-play}
    with: [ana-ortiz, sam-lee]
    start: open
    nodes:
      open:
        text: Ana and Sam argue about the hose.
        choices:
          - say: Side with Ana.
            quality: {ana-ortiz: 0.6, sam-lee: -0.2}
            sets: [sided]
            turns_away: {sam-lee: 45}
          - {say: Hear both., quality: 0.4}
"""


def walk_to_place(sim: Simulation, place: str) -> None:
    if sim.officer.in_car:
        sim.apply(act.GetOut())
        sim.run(until_tick=sim.tick + 4)
    sim.apply(act.WalkTo(*sim.places[place].at))
    while sim.officer.route:
        sim.step()


def run_to(sim: Simulation, minute: float) -> None:
    sim.run(until_tick=round(minute / sim.dt))


def at_the_game(sim: Simulation) -> None:
    """Walk to the park at once (the shop call at 15:30 is next door) and wait for the game."""
    walk_to_place(sim, "pocket-park")
    run_to(sim, 121)


def test_flags_are_set_by_choices_and_read_by_conditions() -> None:
    sim = Simulation(street(encounters=PARK))
    state = sim.state
    assert holds(FlagIs("sided", is_set=False), state) and not holds(FlagIs("sided"), state)
    at_the_game(sim)
    assert sim.open_encounter is not None
    sim.apply(act.Choose(0))
    assert holds(FlagIs("sided"), state) and not holds(FlagIs("sided", is_set=False), state)


def test_a_per_resident_choice_pleases_one_and_insults_the_other_who_turns_away() -> None:
    sim = Simulation(street(encounters=PARK))
    at_the_game(sim)
    before = {rid: float(sim.trust.trust[sim.index[rid]]) for rid in ("ana-ortiz", "sam-lee")}
    sim.apply(act.Choose(0))
    after = {rid: float(sim.trust.trust[sim.index[rid]]) for rid in before}
    assert after["ana-ortiz"] > before["ana-ortiz"] and after["sam-lee"] < before["sam-lee"]
    sam = next(o for o in sim.talk_options("sam-lee") if o.topic == "greet")
    assert not sam.available and "Side with Ana." in sam.reason
    run_to(sim, sim.time + 46)
    assert next(o for o in sim.talk_options("sam-lee") if o.topic == "greet").available


def test_breaches_any_and_named() -> None:
    sim = Simulation(street())
    state = sim.state
    assert holds(PolicyBreached(ANY_POLICY, breached=False), state)
    state.breach("social_media", "posted")
    assert holds(PolicyBreached("social_media"), state) and holds(PolicyBreached(ANY_POLICY), state)
    assert not holds(PolicyBreached("social_media", breached=False), state)


def test_a_call_is_in_time_late_or_missed() -> None:
    sim = Simulation(street())
    state = sim.state
    results = [CallWas("shop-dispute", r) for r in CallResult]
    assert not any(holds(c, state) for c in results)  # not come in yet
    run_to(sim, 90 + 7)  # the 6-minute window has closed, nobody went
    assert [holds(c, state) for c in results] == [False, False, True]
    sim.apply(act.RespondToCall("shop-dispute"))
    while sim.call_state("shop-dispute").arrived_at is None:
        sim.step()
    assert [holds(c, state) for c in results] == [False, True, False]


def test_a_call_reached_in_time() -> None:
    sim = Simulation(street())
    run_to(sim, 91)
    sim.apply(act.RespondToCall("shop-dispute"))
    while sim.call_state("shop-dispute").arrived_at is None:
        sim.step()
    assert holds(CallWas("shop-dispute", CallResult.IN_TIME), sim.state)


def test_a_time_window_is_from_inclusive_to_exclusive() -> None:
    sim = Simulation(street())
    window = Between(60, 90)
    run_to(sim, 59)
    assert not holds(window, sim.state)
    run_to(sim, 60)
    assert holds(window, sim.state)
    run_to(sim, 90)
    assert not holds(window, sim.state)


def test_present_and_absent_follow_the_officer() -> None:
    sim = Simulation(street())
    ana = ResidentPresent("ana-ortiz")
    assert not holds(ana, sim.state) and holds(ResidentPresent("ana-ortiz", False), sim.state)
    walk_to_place(sim, "ortiz-porch")
    assert holds(ana, sim.state)


@pytest.mark.parametrize(("measure", "low", "high"), [(Measure.TRUST, 40.0, 40.0),
                                                      (Measure.FAMILIARITY, 0.0, 0.0)])
def test_levels_compare_with_the_bounds_given(measure: Measure, low: float, high: float) -> None:
    state = Simulation(street()).state  # Ana starts at trust 40, familiarity 0
    assert holds(ResidentLevel("ana-ortiz", measure, at_least=low), state)
    assert holds(ResidentLevel("ana-ortiz", measure, at_most=high), state)
    assert not holds(ResidentLevel("ana-ortiz", measure, at_least=high + 1), state)
    assert not holds(ResidentLevel("ana-ortiz", measure, at_most=low - 0.5), state)


def test_attended_and_played_an_event() -> None:
    sim = Simulation(street())
    attended, played = EventAttended("kids-play"), EventAttended("kids-play", played=True)
    at_the_game(sim)
    assert holds(attended, sim.state) and not holds(played, sim.state)
    sim.apply(act.JoinPlay())
    assert holds(played, sim.state)
    assert all_hold((attended, played), sim.state) and all_hold((), sim.state)


OBJECTIVES = """\
  - {id: clean, text: No breaches, check: {no_breaches: true}}
  - {id: ana, text: Hear Ana's story, check: {story_of: ana-ortiz}}
  - {id: ana-trust, text: Ana at 80, check: {trust_of: {resident: ana-ortiz, at_least: 80}}}
  - {id: park, text: Go to the game, check: {attended: kids-play}}
  - {id: speed, text: Report back on speeding, check: {followed_up: speeding}}
"""


def test_format_2_objectives_earn_partial_credit() -> None:
    sim = Simulation(street(objectives=OBJECTIVES))
    sim.state.breach("social_media", "posted")
    sim.state.breach("social_media", "posted again")
    at_the_game(sim)
    by_id = {o.id: o for o in sim.results().objectives}
    assert (by_id["clean"].met, by_id["clean"].credit) == (False, pytest.approx(0.25))
    assert (by_id["ana"].credit, by_id["ana"].detail) == (0.0, "0 of 2 parts of the story")
    trust = float(sim.trust.trust[sim.index["ana-ortiz"]])
    assert by_id["ana-trust"].credit == pytest.approx(trust / 80)
    assert (by_id["park"].met, by_id["park"].credit) == (True, 1.0)
    clean = Simulation(street(objectives=OBJECTIVES))
    (early,) = [o for o in clean.results().objectives if o.id == "clean"]
    assert (early.met, early.credit, early.detail) == (False, 1.0, "no breaches yet")
    clean.run()
    (done,) = [o for o in clean.results().objectives if o.id == "clean"]
    assert (done.met, done.detail) == (True, "no breaches")
    assert (by_id["speed"].credit, by_id["speed"].detail) == (0.0, "not heard")
    part = {p.key: p for p in sim.results().score_parts}["objectives"]
    assert 0.0 < part.value < 1.0


def test_debrief_questions_are_asked_only_if_their_scene_happened() -> None:
    debrief = """\
  - Always asked?
  - {text: "What did the game teach you?", requires: [{attended: kids-play}]}
"""
    sim = Simulation(street(debrief=debrief))
    assert sim.results().questions == ("Always asked?",)
    at_the_game(sim)
    assert sim.results().questions == ("Always asked?", "What did the game teach you?")


def test_a_resident_has_their_own_line_for_a_built_in_talk_chosen_by_state() -> None:
    text = street_text().replace("    name: Ana Ortiz\n", """\
    name: Ana Ortiz
    says:
      - topic: greet
        text: "'Back from the park? The kids still talk about it.'"
        requires: [{attended: kids-play}]
      - {topic: greet, text: "'Afternoon, Officer.'"}
""", 1)
    sim = Simulation(load_scenario_text(text, "street.yaml"))
    walk_to_place(sim, "ortiz-porch")
    sim.apply(act.Talk("ana-ortiz", "greet"))
    said = [item.text for item in sim.feed.items if item.text.startswith("Ana Ortiz: ")]
    assert said == ["Ana Ortiz: 'Afternoon, Officer.'"]
    sim.state.attended.add("kids-play")
    run_to(sim, sim.time + 10)
    sim.apply(act.Talk("ana-ortiz", "greet"))
    said = [item.text for item in sim.feed.items if item.text.startswith("Ana Ortiz: ")]
    assert said[-1] == "Ana Ortiz: 'Back from the park? The kids still talk about it.'"
