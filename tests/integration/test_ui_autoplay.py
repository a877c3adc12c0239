"""A bot plays whole shifts through the real UI; the UI changes the sim only through actions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pygame
import pytest
from builders import street_scenario
from ui_driver import Keyboard, skip_ahead

import game.sim.actions as act
from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.dispatch import DispatchScene
from game.app.scenes.play import PlayScene
from game.app.scenes.summary import SummaryScene
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]


def play_through(options: LaunchOptions, max_frames: int = 5000) -> Game:
    game = Game(options)
    for _ in range(max_frames):
        if isinstance(game.scene, SummaryScene) or not game.frame():
            break
    return game


def replay(scenario, seed: int, log) -> Simulation:
    sim = Simulation(scenario, seed)
    pending = list(log)
    while not sim.finished:
        while pending and pending[0][0] == sim.tick:
            sim.apply(pending.pop(0)[1])
        sim.step()
    return sim


def state(sim: Simulation) -> dict:
    """What a UI must never touch directly."""
    o = sim.officer
    return {
        "tick": sim.tick, "trust": sim.trust.trust.copy(), "fam": sim.trust.familiarity.copy(),
        "pos": sim.people.pos.copy(), "officer": (o.x, o.y, o.car_x, o.car_y, o.in_car, tuple(o.route),
                                                  o.busy_until, o.activity),
        "feed": len(sim.feed.items), "calls": [(c.status, c.arrived_at) for c in sim.calls],
        "log": len(sim.action_log), "safety": sim.safety,
    }


def same(a: dict, b: dict) -> bool:
    return all(np.array_equal(a[k], b[k]) if isinstance(a[k], np.ndarray) else a[k] == b[k] for k in a)


def test_autoplay_from_the_title_reaches_the_debrief():
    """title -> picker (first shipped scenario) -> briefing -> play -> summary, untouched."""
    game = play_through(LaunchOptions(scene="title", autoplay=True, speed=300, frames=5000,
                                      scenario_dir=REPO / "scenarios"))
    assert isinstance(game.scene, SummaryScene)
    assert game.scene.sim.finished
    pygame.display.quit()


def test_autoplay_replays_exactly_from_the_action_log():
    scenario = street_scenario()
    game = play_through(LaunchOptions(scenario=scenario, scene="briefing", autoplay=True, speed=300,
                                      frames=5000, seed=5))
    assert isinstance(game.scene, SummaryScene)
    sim = game.scene.sim
    assert sim.action_log, "the bot acted through the UI"
    again = replay(scenario, 5, sim.action_log)
    assert again.results() == sim.results()
    pygame.display.quit()


def test_scripted_human_input_changes_the_sim_only_through_actions():
    """Keys and clicks as a trainee would use them; replaying the action log gives the same shift."""
    scenario = street_scenario()
    game = Game(LaunchOptions(scenario=scenario, scene="play", frames=100_000, seed=3))
    play = game.scene
    assert isinstance(play, PlayScene)
    keys = Keyboard(game)

    def drawn_frames(n: int) -> None:
        """Frames in which drawing is checked never to change the simulation."""
        for _ in range(n):
            before = state(play.sim)
            play.draw(game.screen)
            assert same(before, state(play.sim))
            keys.frames(1)

    keys.press(pygame.K_3, after=1)  # 4x
    keys.press(pygame.K_d, hold_frames=30, after=1)  # drive east
    keys.press(pygame.K_f, after=60)  # park and get out
    keys.press(pygame.K_w, hold_frames=20, after=1)  # walk toward the north porches
    keys.press(pygame.K_e, after=5)  # talk to whoever is near (or walk over)
    keys.until(lambda: isinstance(game.scene, DialogueScene), limit=400)
    keys.press(pygame.K_1, after=90)  # say hello
    assert any(isinstance(action, act.Talk) for _, action in play.sim.action_log), "the talk went through"
    keys.press(pygame.K_ESCAPE)
    assert game.scene is play
    skip_ahead(play.sim, lambda: bool(play.sim.active_calls()))
    keys.frames(1)
    assert isinstance(game.scene, DispatchScene)  # a priority-1 call: the radio asks
    keys.press(pygame.K_r, after=1)  # too soon: the card holds input a moment
    assert isinstance(game.scene, DispatchScene) and not play.sim.officer.route
    keys.frames(30)  # read the card
    keys.press(pygame.K_r, after=1)  # take it
    assert game.scene is play
    assert play.sim.officer.route, "on the way to the call"
    drawn_frames(120)
    sim = play.sim
    assert sim.action_log
    sim.run()  # finish the shift headless
    assert replay(scenario, 3, sim.action_log).results() == sim.results()
    pygame.display.quit()


def test_action_errors_become_toasts_not_crashes():
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=100))
    play = game.scene
    assert isinstance(play, PlayScene)
    assert not play.orders.act(act.WalkTo(5, 5))
    assert play.toasts.items[-1].text == "You are in the car. Park and get out to walk."
    assert play.orders.act(act.GetOut())
    assert not play.orders.act(act.GetIn())  # still busy getting out
    assert "busy" in play.toasts.items[-1].text
    game.frame()
    pygame.display.quit()


def run_cli(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, str(REPO / "run_game.py"), *args], capture_output=True,
                          text=True, cwd=REPO, env=env, timeout=120, check=False)


@pytest.mark.parametrize("scene", ["title", "briefing", "play", "summary"])
def test_screenshot_is_a_real_frame(tmp_path, scene):
    shot = tmp_path / f"{scene}.png"
    done = run_cli("play", "scenarios/first-day.yaml", "--scene", scene, "--frames", "4",
                   "--screenshot", str(shot), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    pygame.display.init()
    image = pygame.image.load(str(shot))
    assert image.get_size() == (1280, 720)
    small = pygame.transform.scale(image, (320, 180))
    colours = {small.get_at((x, y))[:3] for x in range(320) for y in range(180)}
    assert len(colours) > 500, f"{scene}: only {len(colours)} colours; looks like a blank frame"


def test_invalid_scenario_exits_2_with_the_loaders_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: bad\ntitle: Bad\n", encoding="utf-8")
    done = run_cli("play", str(bad), "--frames", "1", tmp=tmp_path)
    assert done.returncode == 2
    assert "bad.yaml" in done.stderr and "Traceback" not in done.stderr


def test_autoplay_on_the_command_line_finishes_a_shipped_shift(tmp_path):
    shot = tmp_path / "end.png"
    done = run_cli("play", "scenarios/first-day.yaml", "--autoplay", "--speed", "400", "--frames", "900",
                   "--screenshot", str(shot), tmp=tmp_path)
    assert done.returncode == 0, done.stderr
    assert shot.exists()
