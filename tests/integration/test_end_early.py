"""Ending a shift early: asked once, saved as ended early, said so on the end screen, replayable.

And the objectives' marks: a check only for what was met; before the shift is over, what is not
met yet shows as "not yet" (the calls objective before any call came in was a green check).
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_driver import Keyboard, skip_ahead

from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.pause import EndEarlyScene, PauseScene
from game.app.scenes.play import PlayScene
from game.app.scenes.summary import Mark, SummaryScene
from game.scenario import load_scenario
from game.sessions import SessionStore, replay

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
FIRST_DAY = SCENARIOS / "first-day.yaml"


@pytest.fixture
def game():
    game = Game(LaunchOptions(scenario=load_scenario(FIRST_DAY), scene="play", frames=100_000))
    yield game
    pygame.display.quit()


def choose(keys: Keyboard, key: str) -> None:
    """Focus the button ``key`` of the menu on screen with the arrow keys, then press Enter."""
    menu = keys.game.scene.menu
    assert key in [b.key for b in menu.buttons]
    while menu.buttons[menu.focus].key != key:
        keys.press(pygame.K_RIGHT)
    keys.press(pygame.K_RETURN)


def calls_mark(scene: PauseScene | SummaryScene) -> Mark:
    objectives = scene.objectives if isinstance(scene, PauseScene) else scene.results.objectives
    (index,) = [k for k, o in enumerate(objectives) if o.id == "market-call"]
    return scene.marks[index]


def test_ending_early_asks_first_then_saves_the_shift_as_ended_early(game):
    keys = Keyboard(game)
    play = game.scene
    skip_ahead(play.sim, lambda: play.sim.time >= 20)
    keys.press(pygame.K_ESCAPE)
    choose(keys, "end")
    assert isinstance(game.scene, EndEarlyScene)
    heading, _ = game.scene.question()
    assert play.sim.clock() in heading
    keys.press(pygame.K_ESCAPE)  # a slip: back to the pause menu, the shift goes on
    assert isinstance(game.scene, PauseScene)
    choose(keys, "end")
    choose(keys, "end")  # "End the shift" (focus starts on "Keep playing")
    summary = game.scene
    assert isinstance(summary, SummaryScene) and summary.ended_early
    assert summary.saved is not None and summary.saved.session_id is not None
    with SessionStore.open() as store:
        session = store.get(summary.saved.session_id)
    assert session.recording.ticks == play.sim.tick < play.sim.total_ticks
    assert session.summary.score == pytest.approx(summary.results.score)
    outcome = replay(session, load_scenario(FIRST_DAY))
    assert outcome.matches, outcome.differences
    assert calls_mark(summary) is Mark.NOT_YET  # no call had come in by 20 minutes


def test_keep_playing_returns_to_the_pause_menu_and_nothing_is_saved(game):
    keys = Keyboard(game)
    skip_ahead(game.scene.sim, lambda: game.scene.sim.tick >= 10)
    keys.press(pygame.K_ESCAPE)
    choose(keys, "end")
    choose(keys, "keep")
    assert isinstance(game.scene, PauseScene)
    keys.press(pygame.K_ESCAPE)
    assert isinstance(game.scene, PlayScene) and not game.scene.sim.finished
    with SessionStore.open() as store:
        assert store.summaries() == []


def test_no_check_for_the_calls_objective_before_a_call_came_in(game):
    keys = Keyboard(game)
    keys.press(pygame.K_ESCAPE)
    assert calls_mark(game.scene) is Mark.NOT_YET
    assert Mark.MET not in game.scene.marks  # nothing is met at 08:00


def test_a_finished_shift_marks_a_missed_objective_with_a_cross(game):
    keys = Keyboard(game)
    play = game.scene
    skip_ahead(play.sim, lambda: play.sim.finished)
    keys.until(lambda: isinstance(game.scene, SummaryScene), limit=1000)
    summary = game.scene
    assert not summary.ended_early
    assert calls_mark(summary) is Mark.MISSED  # nobody answered it: missed, not "not yet"


def test_zoom_starts_fresh_on_every_shift(game):
    keys = Keyboard(game)
    first = game.scene
    default = first.camera.tile_px
    for _ in range(3):
        keys.press(pygame.K_PLUS)
    assert first.camera.tile_px != default
    keys.press(pygame.K_ESCAPE)
    choose(keys, "restart")
    assert isinstance(game.scene, BriefingScene)
    choose(keys, "begin")
    assert isinstance(game.scene, PlayScene) and game.scene is not first
    assert game.scene.camera.tile_px == default

