"""The resident-side view's figures: windshield contacts and porch contacts, from the shift itself."""

from __future__ import annotations

import pytest
from builders import street_scenario

import game.sim.actions as act
from game.app.porch_story import direct_contacts, featured_resident, porch_story, short_name
from game.sim.simulation import Simulation


def walk_up(sim: Simulation, i: int) -> None:
    x, y = sim.resident_pos(i)
    sim.apply(act.WalkTo(round(x), round(y)))
    while not sim.can_reach(i) or sim.busy:
        sim.step()


@pytest.fixture
def met() -> tuple[Simulation, int]:
    """Resident 0 greeted through the car window, then visited on foot twice."""
    sim = Simulation(street_scenario(), seed=3)
    i = 0
    x, y = sim.resident_pos(i)
    sim.apply(act.DriveTo(round(x), round(y) + 2))
    while sim.officer.route:
        sim.step()
    sim.apply(act.Talk("r0", "greet"))
    while sim.busy:
        sim.step()
    sim.apply(act.GetOut())
    while sim.busy:
        sim.step()
    walk_up(sim, i)
    sim.apply(act.Talk("r0", "listen"))
    while sim.busy:
        sim.step()
    sim.apply(act.Talk("r0", "porch"))
    while sim.busy:
        sim.step()
    return sim, i


def test_contacts_split_into_car_window_and_face_to_face(met):
    sim, i = met
    car, foot = direct_contacts(sim, i)
    assert [c.source for c in car] == ["talk:greet"]
    assert [c.source for c in foot] == ["talk:listen", "talk:porch"]
    story = porch_story(sim, i)
    assert story.car_contacts == 1 and story.foot_contacts == 2
    assert story.car_trust == pytest.approx(car[0].delta)
    assert story.foot_trust == pytest.approx(sum(c.delta for c in foot))
    assert story.foot_trust > story.car_trust > 0
    assert story.car_minutes > 0 and story.foot_minutes > 0
    assert set(story.foot_causes) == {"listened", "sat on the porch"}
    assert not story.finished


def test_word_of_mouth_is_not_a_contact(met):
    sim, _ = met
    for _ in range(240):
        sim.step()
    neighbour = porch_story(sim, 1)  # tied to r0: heard about the officer, never met them
    assert neighbour.car_contacts == neighbour.foot_contacts == 0


def test_the_featured_resident_is_the_one_met_most(met):
    sim, i = met
    assert featured_resident(sim) == i
    assert featured_resident(sim, prefer=3) == 3
    fresh = Simulation(street_scenario(), seed=3)
    assert featured_resident(fresh) is not None  # nobody met yet: whoever is nearest


@pytest.mark.parametrize(("name", "short"), [
    ("Loretta Jones", "Loretta"), ('Guadalupe "Lupe" Soto', "Lupe"), ("Rev. Grace Adeyemi", "Grace"),
    ("Deacon Marcus Reed", "Marcus"), ('Walter "Pop" Simmons', "Pop"), ("Cher", "Cher"),
])
def test_short_names(name, short):
    assert short_name(name) == short
