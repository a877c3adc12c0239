"""One frame of every scene for every shipped scenario (after Arcade's run-every-example test).

Each frame must be a real picture (many colours, not a cleared screen) and must show the
words that say which screen and which street it is: the scenario's title on the briefing and
the debrief, a resident's name in the talk menu and on the porch. The words come from the
recording surface the layout tests use, so no pixels are compared.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pygame
import pytest
from ui_probe import TextProbe

from game.app.context import App, LaunchOptions
from game.app.scenes.base import Scene
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.keys import KeysScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.people import PeopleScene
from game.app.scenes.picker import PickerScene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.app.scenes.settings import SettingsScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.title import TitleScene
from game.app.ui.audio import SoundManager
from game.app.ui.settings import Settings
from game.app.view.backdrop import Backdrop
from game.bots import make_bot, run_shift
from game.report.porch_story import featured_resident
from game.scenario import load_scenario
from game.scenario.model import Scenario
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]
SHIPPED = sorted((REPO / "scenarios").glob("*.yaml"))
WINDOW = (1280, 720)
MIN_COLOURS = 64  # distinct colours in a 160×90 thumbnail (the plainest scene has ~130; a cleared screen 1)


@pytest.fixture
def app():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(WINDOW)
    yield App(LaunchOptions(scenario_dir=REPO / "scenarios"), Settings(), SoundManager(init_mixer=False))
    pygame.display.quit()


@cache
def finished_shift(path: Path) -> Simulation:
    """A shift the balanced bot played to the end, shared by the debrief and the porch view."""
    return run_shift(Simulation(load_scenario(path), 1), make_bot("balanced", 1))


def talk_menu(app: App, scenario: Scenario) -> tuple[Scene, str]:
    play = PlayScene(app, scenario)
    return DialogueScene(app, play, 0), play.sim.residents[0].name


def porch(app: App, path: Path) -> tuple[Scene, str]:
    sim = finished_shift(path)
    who = featured_resident(sim)
    assert who is not None, "the bot met nobody all shift"
    return PorchScene(app, sim, who, None), sim.residents[who].name


def people(app: App, scenario: Scenario) -> tuple[Scene, str]:
    play = PlayScene(app, scenario)
    scene = PeopleScene(app, play)
    return scene, play.sim.residents[scene.order[0]].name  # the top of the list


# Each builds the scene and names a piece of text it must show.
STREET_SCENES: dict[str, Callable[[App, Path], tuple[Scene, str]]] = {
    "briefing": lambda app, path: (BriefingScene(app, (s := load_scenario(path))), s.title),
    "play": lambda app, path: (PlayScene(app, load_scenario(path)), "Trust "),
    "pause": lambda app, path: (PauseScene(app, (p := PlayScene(app, load_scenario(path))), p), "Paused"),
    "people": lambda app, path: people(app, load_scenario(path)),
    "talk menu": lambda app, path: talk_menu(app, load_scenario(path)),
    "summary": lambda app, path: (SummaryScene(app, (s := load_scenario(path)), finished_shift(path)),
                                  s.title),
    "porch": porch,
}
MENU_SCENES: dict[str, Callable[[App], tuple[Scene, str]]] = {
    "title": lambda app: (TitleScene(app), "Front Porch"),
    "settings": lambda app: (SettingsScene(app, TitleScene(app)), "Text size"),
    "keys": lambda app: (KeysScene(app, (s := SettingsScene(app, TitleScene(app))), s), "Keys"),
}


def one_frame(monkeypatch, scene: Scene) -> tuple[pygame.Surface, list[str]]:
    probe = TextProbe()
    probe.install(monkeypatch)
    surface = probe.frame(scene, WINDOW)
    return surface, [box.string for box in probe.texts]


def colours(surface: pygame.Surface) -> int:
    small = pygame.transform.scale(surface, (160, 90))
    return len({small.get_at((x, y))[:3] for x in range(160) for y in range(90)})


def assert_real_frame(surface: pygame.Surface, texts: list[str], expected: str) -> None:
    assert colours(surface) >= MIN_COLOURS, f"only {colours(surface)} colours: a blank frame?"
    assert any(expected in text for text in texts), f"{expected!r} not drawn; drew {texts[:12]}"


@pytest.mark.parametrize("name", STREET_SCENES)
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_scene_draws_for_every_shipped_street(app, monkeypatch, path, name):
    scene, expected = STREET_SCENES[name](app, path)
    assert_real_frame(*one_frame(monkeypatch, scene), expected)


@pytest.mark.parametrize("name", MENU_SCENES)
def test_every_menu_scene_draws(app, monkeypatch, name):
    scene, expected = MENU_SCENES[name](app)
    assert_real_frame(*one_frame(monkeypatch, scene), expected)


def test_the_picker_offers_every_shipped_street(app, monkeypatch):
    surface, texts = one_frame(monkeypatch, PickerScene(app, Backdrop(app)))
    for path in SHIPPED:
        assert_real_frame(surface, texts, load_scenario(path).title)
