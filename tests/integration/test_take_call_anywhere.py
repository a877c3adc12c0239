"""R takes the waiting call from every panel over the street, and each panel lists the calls that
wait: the porch view, the people list, the pause menu (and, tested elsewhere, a conversation)."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_driver import click_event as click
from ui_driver import key_event as key
from ui_driver import record_rendered, skip_ahead, text_scale

from game.app.scenes.base import Scene
from game.app.scenes.pause import PauseScene
from game.app.scenes.people import PeopleScene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.bots import make_bot
from game.scenario import load_scenario
from game.sim.queries import heading_to_call

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SCREEN = (1280, 720)


def play_with_a_call(app) -> PlayScene:
    play = PlayScene(app, load_scenario(SCENARIOS / "maple-street-summer.yaml"))
    skip_ahead(play.sim, lambda: bool(play.sim.active_calls()))
    play.take_feed()
    play.radio.clear()  # the dispatch card has its own tests: here the trainee chose "finish here"
    return play


def porch_from_pause(app, play: PlayScene) -> Scene:
    pause = PauseScene(app, play, play)
    pause.draw(pygame.Surface(SCREEN))
    button = next(b for b in pause.menu.buttons if b.key == "porch")
    porch = pause.handle_event(click(button.rect.center))
    assert isinstance(porch, PorchScene)
    return porch


PANELS = {
    "porch": porch_from_pause,
    "people": lambda app, play: PeopleScene(app, play),
    "pause": lambda app, play: PauseScene(app, play, play),
}


def drawn_text(monkeypatch, scene: Scene) -> list[str]:
    with monkeypatch.context() as patch:
        drawn = record_rendered(patch)
        scene.update(1 / 60)
        scene.draw(pygame.Surface(SCREEN))
    return drawn


@pytest.mark.parametrize("panel", PANELS)
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_each_panel_names_the_waiting_call_and_r_takes_it(app, monkeypatch, panel, scale):
    text_scale(app, scale)
    play = play_with_a_call(app)
    state = play.sim.active_calls()[0]
    place = play.sim.places[state.call.place].name
    scene = PANELS[panel](app, play)
    drawn = drawn_text(monkeypatch, scene)
    assert any("take the call" in s.lower() and place in s for s in drawn), (panel, drawn)
    assert not heading_to_call(play.sim, state)
    nxt = scene.handle_event(key(pygame.K_r))
    assert nxt is play, f"R in the {panel} did not go back to the street"
    assert heading_to_call(play.sim, state)


@pytest.mark.parametrize("panel", ["porch", "people"])
def test_a_click_on_the_listed_call_takes_it(app, panel):
    play = play_with_a_call(app)
    state = play.sim.active_calls()[0]
    scene = PANELS[panel](app, play)
    scene.update(1 / 60)
    scene.draw(pygame.Surface(SCREEN))
    if isinstance(scene, PorchScene):
        rect = next(b.rect for b in scene.menu.buttons if b.key.startswith("call:"))
    else:
        assert isinstance(scene, PeopleScene)
        rect = scene.call_rows[0][0]
    assert scene.handle_event(click(rect.center)) is play
    assert heading_to_call(play.sim, state)


def test_enter_on_the_porch_view_still_goes_back_not_to_the_call(app):
    play = play_with_a_call(app)
    porch = porch_from_pause(app, play)
    porch.update(1 / 60)
    assert isinstance(porch.handle_event(key(pygame.K_RETURN)), PauseScene)
    assert not play.sim.officer.route


@pytest.mark.parametrize("panel", PANELS)
def test_without_a_call_r_stays_and_says_so(app, panel):
    play = PlayScene(app, load_scenario(SCENARIOS / "maple-street-summer.yaml"))
    assert not play.sim.active_calls()
    scene = PANELS[panel](app, play)
    scene.update(1 / 60)
    assert scene.handle_event(key(pygame.K_r)) is None
    assert not play.sim.officer.route


@pytest.mark.parametrize("panel", PANELS)
def test_watching_a_replay_r_takes_nothing(app, panel):
    """A replay's calls are the recorded officer's: no panel over it answers them."""
    scenario = load_scenario(SCENARIOS / "maple-street-summer.yaml")
    play = PlayScene(app, scenario, driver=make_bot("walk", 1))
    assert play.hands_off
    skip_ahead(play.sim, lambda: bool(play.sim.active_calls()))
    scene = PANELS[panel](app, play)
    scene.update(1 / 60)
    route = list(play.sim.officer.route)
    assert scene.handle_event(key(pygame.K_r)) is None
    assert list(play.sim.officer.route) == route
