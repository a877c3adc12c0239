"""No panel cuts its text at 1280×720, at 1× or 2× text: every line a scene draws is drawn whole
(a clip or the window's edge takes none of it) and none ends in "…". The street is the busiest
moment First Day has: four calls waiting, a resident's card open, the log full."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest
from ui_driver import skip_ahead, text_scale
from ui_probe import TextProbe

from game.app.scenes.base import Scene
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.dispatch import DispatchScene
from game.app.scenes.pause import EndEarlyScene, PauseScene
from game.app.scenes.people import PeopleScene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.app.scenes.summary import SummaryScene
from game.app.ui.text import ELLIPSIS
from game.bots import make_bot, run_shift
from game.scenario import load_scenario
from game.sim.simulation import Simulation

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
WINDOW = pygame.Rect(0, 0, 1280, 720)


def busy_street(app) -> PlayScene:
    play = PlayScene(app, load_scenario(SCENARIOS / "first-day.yaml"))
    skip_ahead(play.sim, lambda: len(play.sim.active_calls()) >= 4)
    play.take_feed()
    play.radio.clear()
    play.selected = 0
    play.toasts.items.clear()  # toasts have their own test; here, what stays on screen
    return play


def pause_over(app, play: PlayScene) -> PauseScene:
    return PauseScene(app, play, play)


def summary(app, play: PlayScene) -> Scene:
    sim = run_shift(Simulation(play.scenario, 1), make_bot("balanced", 1))
    return SummaryScene(app, play.scenario, sim)


SCENES: dict[str, Callable[..., Scene]] = {
    "street": lambda app, play: play,
    "conversation": lambda app, play: DialogueScene(app, play, 0),
    "dispatch": lambda app, play: DispatchScene(app, play, play.sim.active_calls()[0].call.id, play),
    "people": PeopleScene,
    "pause": pause_over,
    "end early": lambda app, play: EndEarlyScene(app, pause_over(app, play), play),
    "porch": lambda app, play: PorchScene(app, play.sim, 0, pause_over(app, play), play),
    "end screen": summary,
}


SCROLLING = {"end screen"}


@pytest.mark.parametrize("name", SCENES)
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_panel_draws_its_text_whole(app, monkeypatch, name, scale):
    text_scale(app, scale)
    play = busy_street(app)
    scene = SCENES[name](app, play)
    probe = TextProbe()
    probe.install(monkeypatch)
    for _ in range(30):  # past the input guard, the card's easing and the first layout
        probe.frame(scene, WINDOW.size)
    assert probe.texts, "nothing was drawn"
    cut = probe.cut()
    if name in SCROLLING and cut:  # a page that scrolls shows the next line's top, and says so
        assert any(t.string.startswith("More below") for t in probe.texts), cut
        cut = []
    assert not cut, f"{name} at {scale}x cuts: " + "; ".join(cut)
    short = [t.string for t in probe.texts if ELLIPSIS in t.string]
    assert not short, f"{name} at {scale}x shortens: {short}"
