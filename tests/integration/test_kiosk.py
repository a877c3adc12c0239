"""`play --kiosk`: the demo runs with captions, a touch hands over, idling resets, only the operator quits,
and nothing is written to disk."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pygame
import pytest

from game.app.context import LaunchOptions
from game.app.kiosk.attract import AttractScene
from game.app.kiosk.briefing import KioskBriefingScene
from game.app.kiosk.guard import HOLD_SECONDS
from game.app.kiosk.picker import KioskPickerScene
from game.app.kiosk.shell import KioskShell
from game.app.kiosk.state import KIOSK_TEXT_SCALE
from game.app.main import FPS, Game
from game.app.scenes.pause import PauseScene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.app.ui.settings import Settings

REPO = Path(__file__).resolve().parents[2]
IDLE = 5.0  # seconds: short, so the tests can wait it out


@pytest.fixture
def game():
    g = Game(LaunchOptions(kiosk=True, frames=10**9, scenario_dir=REPO / "scenarios", idle_seconds=IDLE),
             Settings(text_scale=1.0, palette="colorblind"))
    yield g
    pygame.display.quit()


def frames(game: Game, n: int) -> bool:
    return all(game.frame() for _ in range(n))


def post(kind: int, **fields) -> None:
    pygame.event.post(pygame.event.Event(kind, **fields))


def press(key: int, mod: int = 0) -> None:
    post(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)


def release(key: int) -> None:
    post(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0)


def touch(pos: tuple[int, int]) -> None:
    post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
    post(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)


def shell_of(game: Game) -> KioskShell:
    assert isinstance(game.scene, KioskShell)
    return game.scene


def test_kiosk_ignores_saved_settings_and_uses_big_text(game):
    assert game.app.text.scale >= KIOSK_TEXT_SCALE
    assert game.app.settings.palette == "warm"
    assert not game.app.keeps_data


@pytest.mark.slow
def test_the_demo_plays_itself_with_captions(game):
    shell = shell_of(game)
    seen = set()
    for _ in range(25 * FPS):  # three captions within 25 s of demo; stop as soon as they have shown
        assert game.frame()
        demo = shell.inner
        assert isinstance(demo, AttractScene)
        if demo.caption is not None:
            seen.add(demo.caption.headline)
        if len(seen) >= 3:
            break
    assert demo.shift.sim.action_log, "the bot plays through the play scene"
    assert len(seen) >= 3, seen
    assert not demo.shift.toasts.items, "captions replace the trainee's key-name toasts"


def test_a_touch_hands_over_then_idling_brings_the_demo_back(game):
    shell = shell_of(game)
    frames(game, 30)
    demo_sim = shell.inner.shift.sim
    w, h = game.screen.get_size()
    # A real touch arrives as a finger and a mouse click at the same spot: it must only wake the kiosk.
    post(pygame.FINGERDOWN, touch_id=1, finger_id=1, x=0.3, y=0.5, dx=0.0, dy=0.0, pressure=1.0)
    touch((w * 3 // 10, h // 2))
    frames(game, 2)
    assert isinstance(shell.inner, KioskPickerScene), "not straight into a briefing"
    frames(game, FPS)
    touch(shell.inner.cards[0].center)
    frames(game, 2)
    assert isinstance(shell.inner, KioskBriefingScene)
    touch(shell.inner.menu.buttons[0].rect.center)
    frames(game, 2)
    play = shell.inner
    assert isinstance(play, PlayScene) and play.app is game.app
    touch(shell.dock.buttons[0].rect.center)  # Park and walk, from the dock
    frames(game, 2)
    assert not play.sim.officer.in_car
    frames(game, int((IDLE - 1) * FPS))
    assert shell.inner is play, "a visitor reading the screen is not reset"
    frames(game, 2 * FPS)
    assert isinstance(shell.inner, AttractScene)
    assert shell.inner.shift.sim is not demo_sim and shell.inner.shift.sim is not play.sim
    assert shell.inner.shift.sim.tick < 10, "a fresh demo shift"


def test_dock_opens_the_porch_view_and_back(game):
    shell = shell_of(game)
    touch((10, 10))
    frames(game, FPS)
    touch(shell.inner.cards[0].center)
    frames(game, 1)
    touch(shell.inner.menu.buttons[0].rect.center)
    frames(game, 1)
    play = shell.inner
    touch(shell.dock.buttons[2].rect.center)
    frames(game, 1)
    assert isinstance(shell.inner, PorchScene)
    press(pygame.K_ESCAPE)
    release(pygame.K_ESCAPE)
    frames(game, 1)
    assert shell.inner is play
    touch(shell.dock.buttons[3].rect.center)
    frames(game, 1)
    assert isinstance(shell.inner, PauseScene)


def test_an_escape_tap_or_the_close_button_does_not_quit(game):
    press(pygame.K_ESCAPE)
    assert frames(game, FPS // 2)
    release(pygame.K_ESCAPE)
    post(pygame.QUIT)
    assert frames(game, int(HOLD_SECONDS * FPS) + FPS)


def test_holding_escape_quits(game):
    press(pygame.K_ESCAPE)
    held = 0
    while game.frame():
        held += 1
        assert held < (HOLD_SECONDS + 1) * FPS
    assert held >= (HOLD_SECONDS - 0.1) * FPS


def test_the_operator_chord_quits_at_once(game):
    press(pygame.K_q, pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT)
    assert not game.frame()


def test_kiosk_cli_refuses_bad_arguments():
    for args in (["--idle-seconds", "0"], ["--scene", "play"]):
        result = subprocess.run([sys.executable, "run_game.py", "play", "--kiosk", *args], cwd=REPO,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2, result.stderr


DRIVE_A_VISITOR = textwrap.dedent("""
    import pygame
    from pathlib import Path
    from game.app.context import LaunchOptions
    from game.app.main import Game
    from game.bots import make_bot, run_shift

    LIMIT = 3000
    game = Game(LaunchOptions(kiosk=True, frames=LIMIT, idle_seconds=5, scenario_dir=Path({scenarios!r})))
    shell = game.scene

    def frames(n):
        for _ in range(n):
            game.frame()

    def until(scene_name):
        for _ in range(600):
            if type(shell.inner).__name__ == scene_name:
                return
            game.frame()
        raise SystemExit(f"no {{scene_name}} after 600 frames, still {{type(shell.inner).__name__}}")

    def touch(pos):
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=1))

    frames(300)                                   # the demo, with captions
    touch((20, 20)); frames(60)                   # wake it
    touch(shell.inner.cards[1].center); frames(2)
    touch(shell.inner.menu.buttons[0].rect.center); frames(2)
    play = shell.inner
    run_shift(play.sim, make_bot("balanced", 1))  # the visitor plays the whole shift
    until("SummaryScene")                         # end of shift, then the debrief
    until("AttractScene")                         # walks away: back to the demo
    chord = pygame.KMOD_CTRL | pygame.KMOD_SHIFT
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=chord, unicode="", scancode=0))
    game.run()                                    # and the operator closes it
    assert game.frames < LIMIT, "the operator chord did not end the loop"
    print("ok")
""")


@pytest.mark.slow
def test_kiosk_writes_nothing_to_disk(tmp_path):
    home = tmp_path / "home"
    work = tmp_path / "cwd"
    for folder in (home, work):
        folder.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "XDG_CONFIG_HOME": str(home / "config"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache"), "FRONTPORCH_DB": str(tmp_path / "sessions.db"),
           "FRONTPORCH_CONFIG": str(home / "fp-config"), "SDL_VIDEODRIVER": "dummy",
           "SDL_AUDIODRIVER": "dummy", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(REPO)}
    script = DRIVE_A_VISITOR.format(scenarios=str(REPO / "scenarios"))
    result = subprocess.run([sys.executable, "-c", script], cwd=work, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ok")
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written == [], written
