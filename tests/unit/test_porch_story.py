"""The resident-side view's figures: windshield contacts and porch contacts, from the shift itself."""

from __future__ import annotations

import pygame
import pytest
from builders import have_talk, street_scenario

import game.sim.actions as act
from game.report.porch_story import direct_contacts, featured_resident, porch_story, short_name
from game.sim.simulation import Simulation


def walk_up(sim: Simulation, i: int) -> None:
    x, y = sim.resident_pos(i)
    sim.apply(act.WalkTo(round(x), round(y)))
    while not sim.can_reach(i) or sim.busy:
        sim.step()


@pytest.fixture
def met() -> tuple[Simulation, int]:
    """Resident 0 greeted through the car window, then visited on foot twice."""
    sim = Simulation(street_scenario(tuning={"backfire_chance": 0.0}), seed=3)
    i = 0
    x, y = sim.resident_pos(i)
    sim.apply(act.DriveTo(round(x), round(y) + 2))
    while sim.officer.route:
        sim.step()
    have_talk(sim, "r0", "greet")
    sim.apply(act.GetOut())
    while sim.busy:
        sim.step()
    walk_up(sim, i)
    have_talk(sim, "r0", "listen")
    have_talk(sim, "r0", "porch")
    return sim, i


def test_contacts_split_into_car_window_and_face_to_face(met):
    sim, i = met
    car, foot = direct_contacts(sim, i)
    assert [str(c.source) for c in car] == ["talk:greet"]
    assert [str(c.source) for c in foot] == ["talk:listen", "talk:porch"]
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


def test_the_porch_view_draws_both_pictures_with_the_shift_figures(met):
    """A resident met through the car window and on foot: two street pictures, both figures shown."""
    from game.app.context import App, LaunchOptions
    from game.app.scenes.porch import PorchScene, car_lines, foot_lines
    from game.app.ui.audio import SoundManager
    from game.app.ui.settings import Settings

    sim, i = met
    pygame.display.init()
    pygame.font.init()
    try:
        app = App(LaunchOptions(), Settings(text_scale=1.5), SoundManager(init_mixer=False))
        back = object()
        scene = PorchScene(app, sim, i, back)  # type: ignore[arg-type]
        surface = pygame.Surface((1280, 720))
        scene.update(1.0)
        scene.draw(surface)
        story = scene.story
        assert car_lines(story)[1] == pytest.approx(story.car_trust)
        assert foot_lines(story)[2].startswith("2 contacts face to face: ")
        half = surface.get_width() // 2
        for x0 in (0, half):  # each picture is a painted street, not a blank panel
            picture = surface.subsurface((x0 + 40, 120, half - 80, 200))
            colours = {picture.get_at((x, y))[:3] for x in range(0, picture.get_width(), 7)
                       for y in range(0, picture.get_height(), 7)}
            assert len(colours) > 150
        escape = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0, unicode="", scancode=0)
        assert scene.handle_event(escape) is back
    finally:
        pygame.display.quit()


def test_the_pause_menu_opens_the_porch_view_and_returns_to_it(met):
    from game.app.context import App, LaunchOptions
    from game.app.scenes.pause import PauseScene
    from game.app.scenes.play import PlayScene
    from game.app.scenes.porch import PorchScene
    from game.app.ui.audio import SoundManager
    from game.app.ui.settings import Settings

    sim, i = met
    pygame.display.init()
    pygame.font.init()
    try:
        for kiosk in (False, True):
            app = App(LaunchOptions(kiosk=kiosk), Settings(), SoundManager(init_mixer=False))
            play = PlayScene(app, sim.scenario, sim)
            pause = PauseScene(app, play, play)
            labels = [b.label for b in pause.menu.buttons]
            assert "From the porch" in labels
            assert ("Settings" in labels) is not kiosk
            pause.menu.focus = labels.index("From the porch")
            enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="", scancode=0)
            porch = pause.handle_event(enter)
            assert isinstance(porch, PorchScene) and porch.story.resident == i
            assert porch.handle_event(enter) is pause
    finally:
        pygame.display.quit()
