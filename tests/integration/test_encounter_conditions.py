"""Playing format-2 scenes: a condition holds an encounter back until it fits, a scene's line
and its choices follow the shift, a breach brings the sergeant and upsets who saw it, and a
resident who has had enough leaves the event."""

from __future__ import annotations

from pathlib import Path

from format2 import street

import game.sim.actions as act
from game.bots.batch import play_one
from game.scenario import load_scenario
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]

GAME = """\
  - id: water-fight
    when: {event: kids-play}
    with: [ana-ortiz]
    start: open
    requires: [{played: kids-play}]
    nodes:
      open:
        text:
          - {text: "Ana has soaked you twice.", requires: [{flag: asked}]}
          - {text: "Ana laughs at your wet sleeves."}
        choices:
          - {say: Ask her to film it., quality: 0.1, violates: social_media, sets: [posted]}
          - {say: Ask before filming., quality: 0.4, requires: [{not_flag: asked}], sets: [asked]}
          - {say: Back to the game., quality: 0.3, leaves: [ana-ortiz]}
  - id: sergeant
    when: {breach: social_media, after_minutes: 10}
    with: [ana-ortiz]
    start: open
    requires: [{flag: posted}]
    nodes:
      open:
        text: "Sergeant Okafor on the radio: the media office saw the post."
        choices:
          - {say: Own it and take it down., quality: 0.2}
"""
WITNESSES = """\
  social_media: {on_duty_needs_approval: true, text: Ask first., witness_quality: -0.4}
"""


def walk_to(sim: Simulation, place: str) -> None:
    sim.apply(act.GetOut())
    sim.run(until_tick=sim.tick + 4)
    sim.apply(act.WalkTo(*sim.places[place].at))
    while sim.officer.route:
        sim.step()


def until_free(sim: Simulation) -> None:
    while sim.busy and not sim.finished:
        sim.step()


def at_the_game() -> Simulation:
    sim = Simulation(street(encounters=GAME, policies=WITNESSES))
    walk_to(sim, "pocket-park")
    sim.run(until_tick=round(125 / sim.dt))
    until_free(sim)
    return sim


def in_the_fight() -> Simulation:
    """At the game, then joined it: the water fight's scene opens."""
    sim = at_the_game()
    sim.apply(act.JoinPlay())
    until_free(sim)
    sim.step()
    return sim


def test_the_encounter_waits_for_its_condition_then_opens() -> None:
    sim = at_the_game()
    assert sim.state.attended == {"kids-play"} and sim.open_encounter is None
    sim.apply(act.JoinPlay())
    until_free(sim)
    sim.step()
    opened = sim.open_encounter
    assert opened is not None and opened.encounter.id == "water-fight"
    assert opened.text == "Ana laughs at your wet sleeves."
    assert [c.say for c in opened.choices] == ["Ask her to film it.", "Ask before filming.",
                                              "Back to the game."]


def test_a_breach_lands_with_witnesses_and_brings_the_sergeant_later() -> None:
    sim = in_the_fight()
    ana = sim.index["ana-ortiz"]
    sim.apply(act.Choose(0))
    breached_at = sim.time
    seen = [c for c in sim.ledger() if c.cause == "saw you break the social media policy"]
    near = {i for i in range(len(sim.residents))
            if sim.officer.distance_to(*sim.resident_pos(i)) <= sim.tuning.presence_radius}
    assert ana in near and {c.resident for c in seen} == near and all(c.delta < 0 for c in seen)
    assert sim.open_encounter is None
    while sim.time < breached_at + 10 - 1e-9:
        sim.step()
        assert sim.open_encounter is None
    sim.step()
    assert sim.open_encounter is not None and sim.open_encounter.encounter.id == "sergeant"


def test_no_breach_no_sergeant_and_a_resident_who_leaves_goes_home() -> None:
    sim = in_the_fight()
    ana = sim.index["ana-ortiz"]
    sim.apply(act.Choose(2))
    sim.run(until_tick=sim.tick + round(30 / sim.dt))
    assert sim.people.is_home(ana)
    assert all(item.text.find("Okafor") < 0 for item in sim.feed.items)
    assert sim.results().breaches == ()


def test_maple_asks_about_the_water_fight_only_after_one() -> None:
    """The shipped street: a car-bound shift never joins the water fight, so the video
    question is not asked; a shift that walks and plays is asked it."""
    maple = load_scenario(REPO / "scenarios" / "maple-street-summer.yaml")
    video = "At the water fight, what made the video feel harmless, and what made it not?"
    in_the_car, on_foot = play_one(maple, "car", 7), play_one(maple, "balanced", 7)
    assert on_foot.questions is not None and video in on_foot.questions
    assert in_the_car.questions is not None and video not in in_the_car.questions
    assert set(in_the_car.questions) < {q.text for q in maple.debrief}
