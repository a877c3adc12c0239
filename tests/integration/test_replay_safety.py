"""A watched replay is labelled, cannot be restarted, and never turns into a session of anyone's.

The reported path, through the real scenes and the real event queue: `replay ID --watch`,
Esc, Quit to title, Start a shift. Before, the window's own app was an autoplay app, so the
title, the picker and the briefing advanced by themselves and a bot played a new shift that
was saved as a "balanced" session.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_driver import Keyboard, skip_ahead

from game.app.scenes.briefing import BriefingScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.picker import PickerScene
from game.app.scenes.play import PlayScene
from game.app.scenes.replay import ReplayScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.title import TitleScene
from game.bots import make_bot, run_shift
from game.commands.replay import watch_game
from game.scenario import load_scenario
from game.sessions import SessionStore, load_recorded_scenario
from game.sim.simulation import Simulation

FIRST_DAY = Path(__file__).resolve().parents[2] / "scenarios" / "first-day.yaml"


def saved_bot_session() -> int:
    sim = run_shift(Simulation(load_scenario(FIRST_DAY), 1), make_bot("balanced", 1))
    with SessionStore.open() as store:
        return store.save(sim, bot="balanced", trainee="Ana Ortiz")


def sessions() -> list:
    with SessionStore.open() as store:
        return store.summaries()


def watching(session_id: int, frames: int = 100_000):
    with SessionStore.open() as store:
        session = store.get(session_id)
    game = watch_game(session, load_recorded_scenario(session), speed=8, frames=frames)
    return game, Keyboard(game)


def choose(keys: Keyboard, label: str) -> None:
    """Move the focus of the menu on screen to ``label`` with the arrow keys, then press Enter."""
    menu = keys.game.scene.menu
    labels = [b.label for b in menu.buttons]
    assert label in labels, labels
    while menu.buttons[menu.focus].label != label:
        keys.press(pygame.K_RIGHT)
    keys.press(pygame.K_RETURN)


@pytest.fixture(autouse=True)
def _close_window():
    yield
    pygame.display.quit()


def test_leaving_a_replay_returns_the_trainee_to_their_own_game_with_no_bot():
    first = saved_bot_session()
    game, keys = watching(first)
    keys.frames(30)
    assert isinstance(game.scene, ReplayScene)
    keys.press(pygame.K_ESCAPE)
    assert isinstance(game.scene, PauseScene)
    choose(keys, "Stop watching")
    assert isinstance(game.scene, TitleScene)
    keys.frames(240)  # longer than autoplay lingers on a menu: nothing moves on by itself
    assert isinstance(game.scene, TitleScene)
    choose(keys, "Start a shift")
    assert isinstance(game.scene, PickerScene)
    keys.frames(240)
    assert isinstance(game.scene, PickerScene)
    keys.press(pygame.K_RETURN)
    assert isinstance(game.scene, BriefingScene)
    keys.frames(240)
    assert isinstance(game.scene, BriefingScene)
    choose(keys, "Begin shift")
    play = game.scene
    assert isinstance(play, PlayScene) and not isinstance(play, ReplayScene)
    assert play.runner.bot is None and not play.hands_off
    skip_ahead(play.sim, lambda: play.sim.tick >= 40)
    assert play.sim.action_log == []  # nobody acted for the trainee
    keys.press(pygame.K_ESCAPE)
    choose(keys, "Quit to title")
    kept = [s for s in sessions() if s.id != first]
    assert [(s.bot, s.trainee) for s in kept] == [(None, None)]  # their own shift, not Ana's
    assert kept[0].ticks == play.sim.tick


def test_a_replay_is_labelled_and_its_pause_menu_cannot_restart_or_end_it():
    first = saved_bot_session()
    game, keys = watching(first)
    keys.frames(5)
    assert "Replay of session" in game.scene.watched.label
    replay = game.scene
    skip_ahead(replay.sim, lambda: bool(replay.sim.active_calls()))
    keys.frames(3)
    calls = [t.text for t in replay.toasts.items if " call at " in t.text]
    assert calls and not any("to respond" in text for text in calls)  # nobody to answer it here
    keys.press(pygame.K_ESCAPE)
    keys_of = [b.key for b in game.scene.menu.buttons]
    assert "restart" not in keys_of and "end" not in keys_of and "title" in keys_of


def test_a_watched_replay_to_its_end_saves_nothing_and_play_again_has_no_bot():
    first = saved_bot_session()
    game, keys = watching(first)
    replay = game.scene
    skip_ahead(replay.sim, lambda: replay.sim.time >= replay.sim.scenario.shift.minutes - 2)
    keys.until(lambda: isinstance(game.scene, SummaryScene), limit=20_000)
    assert game.scene.saved is None
    choose(keys, "Play again")
    assert isinstance(game.scene, BriefingScene)
    choose(keys, "Begin shift")
    assert game.scene.runner.bot is None
    game.app.recorder.finish()  # as closing the window would
    assert [s.bot for s in sessions() if s.id != first] in ([], [None])  # the trainee's, if any


def test_a_shift_ended_early_replays_to_where_it_ended():
    scenario = load_scenario(FIRST_DAY)
    sim = Simulation(scenario, 3)
    bot = make_bot("walk", 3)
    while sim.tick < 30:
        bot.act(sim)
        sim.step()
    with SessionStore.open() as store:
        session_id = store.save(sim, bot="walk")
    game, keys = watching(session_id)
    keys.until(lambda: isinstance(game.scene, SummaryScene), limit=20_000)
    summary = game.scene
    assert summary.sim.tick == 30 and summary.ended_early
    assert summary.results == sim.results()
    assert len(sessions()) == 1
