"""Every shift played in the game is kept, replays exactly, and can be watched again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest

from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.summary import SummaryScene
from game.app.shift.recorder import ShiftRecorder
from game.bots import make_bot, run_shift
from game.cli import main
from game.scenario import load_scenario
from game.sessions import SessionStore, replay
from game.sim.simulation import Simulation

FIRST_DAY = Path(__file__).resolve().parents[2] / "scenarios" / "first-day.yaml"


def autoplay(frames: int, **options) -> Game:
    """The bot plays through the window for up to ``frames``; on the debrief the trainee closes it."""
    game = Game(LaunchOptions(scenario=load_scenario(FIRST_DAY), autoplay=True, speed=60,
                              frames=frames, **options))
    while game.frame() and not isinstance(game.scene, SummaryScene):
        pass
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    game.run()
    return game


def sessions() -> list:
    with SessionStore.open() as store:
        return store.summaries()


def test_a_finished_shift_is_saved_and_replays_exactly():
    game = autoplay(2500, trainee="Ana Ortiz")
    assert isinstance(game.scene, SummaryScene)
    assert game.scene.saved is not None and game.scene.saved.session_id is not None
    (summary,) = sessions()
    assert summary.trainee == "Ana Ortiz" and summary.bot == "balanced"
    with SessionStore.open() as store:
        session = store.get(summary.id)
    outcome = replay(session, load_scenario(FIRST_DAY))
    assert outcome.matches, outcome.differences  # heat maps and ledger included
    assert outcome.sim.results() == game.scene.sim.results()


def test_a_shift_left_half_way_is_kept_too():
    game = autoplay(300)  # the window "closes" mid-shift
    assert not game.scene.sim.finished
    (summary,) = sessions()
    with SessionStore.open() as store:
        assert store.get(summary.id).recording.ticks == game.scene.sim.tick


def test_an_unwritable_store_is_a_message_not_a_crash(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("FRONTPORCH_DB", str(blocker / "sessions.db"))
    game = autoplay(2500)
    assert isinstance(game.scene, SummaryScene)
    assert game.scene.saved.session_id is None
    assert game.scene.saved.message.startswith("This shift could not be saved")


def test_the_recorder_saves_once_and_never_when_data_may_not_be_kept():
    sim = run_shift(Simulation(load_scenario(FIRST_DAY), 1), make_bot("car", 1))
    opened = []

    def store():
        opened.append(1)
        return SessionStore.open()

    kiosk = ShiftRecorder(enabled=False, open_store=store)
    kiosk.begin(sim, "car", {})
    assert kiosk.finish() is None and opened == []
    recorder = ShiftRecorder(enabled=True, open_store=store)
    recorder.begin(sim, "car", {})
    first = recorder.finish()
    assert recorder.finish() is first and len(opened) == 1 and len(sessions()) == 1


def test_read_only_queries_never_change_a_shift():
    """Equally short routes differ: a UI asking for one must not steer the officer."""
    scenario = load_scenario(FIRST_DAY)
    plain = run_shift(Simulation(scenario, 2), make_bot("walk", 2))
    probed = Simulation(scenario, 2)
    bot = make_bot("walk", 2)
    rng = np.random.default_rng(0)
    while not probed.finished:
        a = tuple(int(v) for v in rng.integers(0, (probed.grid.width, probed.grid.height)))
        b = tuple(int(v) for v in rng.integers(0, (probed.grid.width, probed.grid.height)))
        probed.grid.route(probed.grid.nearest(a, "walk"), probed.grid.nearest(b, "walk"), "walk")
        bot.act(probed)
        probed.step()
    assert probed.results() == plain.results()
    assert np.array_equal(probed.foot_heat, plain.foot_heat)


def test_replay_watch_shows_the_session_without_adding_one(tmp_path, capsys):
    sim = run_shift(Simulation(load_scenario(FIRST_DAY), 1), make_bot("balanced", 1))
    with SessionStore.open() as store:
        store.save(sim, bot="balanced")
    (summary,) = sessions()
    shot = tmp_path / "watch.png"
    assert main(["replay", str(summary.id), "--watch", "--speed", "8", "--frames", "120",
                 "--screenshot", str(shot)]) == 0
    assert shot.stat().st_size > 10_000
    assert len(sessions()) == 1


def test_replay_watch_of_an_unknown_session_is_a_clean_error(capsys):
    assert main(["replay", "99", "--watch"]) == 2
    assert "99" in capsys.readouterr().err


@pytest.mark.parametrize("speed", ["0", "-2"])
def test_replay_watch_rejects_a_bad_speed(speed, capsys):
    sim = run_shift(Simulation(load_scenario(FIRST_DAY), 1), make_bot("car", 1))
    with SessionStore.open() as store:
        session_id = store.save(sim, bot="car")
    assert main(["replay", str(session_id), "--watch", "--speed", speed]) == 2
    assert "--speed must be greater than 0" in capsys.readouterr().err



def test_a_hot_reload_drops_the_draft_shift_instead_of_saving_it():
    sim = run_shift(Simulation(load_scenario(FIRST_DAY), 1), make_bot("car", 1))
    recorder = ShiftRecorder(enabled=True)
    recorder.begin(sim, None, {})
    recorder.abandon()
    assert recorder.finish() is None and sessions() == []
