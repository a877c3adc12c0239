"""Hot reload in the running game: save the file and the shift restarts; break it and play goes on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pygame
import pytest
from builders import street_scenario

from game.app.context import LaunchOptions
from game.app.main import FPS, Game
from game.app.scenes.play import PlayScene
from game.scenario import load_scenario

REPO = Path(__file__).resolve().parents[2]
MAPLE = REPO / "scenarios" / "maple-street-summer.yaml"
OLD_NAME, NEW_NAME = "Loretta Jones", "Lorraine Jones"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    copy = tmp_path / MAPLE.name
    shutil.copy(MAPLE, copy)
    return copy


@pytest.fixture
def game(path: Path):
    game = Game(LaunchOptions(scenario=load_scenario(path), scene="play", frames=100_000))
    yield game
    pygame.display.quit()


def save(path: Path, text: str) -> None:
    """Write, and move the stamp on even where the file system's clock is coarse."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def run(game: Game, seconds: float) -> None:
    for _ in range(round(seconds * FPS)):
        assert game.frame()


def names(game: Game) -> list[str]:
    assert isinstance(game.scene, PlayScene)
    return [r.name for r in game.scene.sim.residents]


def toasts(scene) -> list[str]:
    return [t.text for t in scene.toasts.items]


def press_f5(game: Game) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F5, mod=0, unicode="", scancode=0))
    game.frame()


def test_a_valid_edit_restarts_the_shift_with_the_new_content(game: Game, path: Path):
    run(game, 1.5)
    first = game.scene
    assert first.sim.time > 0 and OLD_NAME in names(game)
    save(path, path.read_text().replace(OLD_NAME, NEW_NAME))
    run(game, 1.1)
    assert game.scene is not first
    assert NEW_NAME in names(game) and OLD_NAME not in names(game)
    assert game.scene.sim.time < first.sim.time  # a new shift
    assert f"Reloaded {path.name} — shift restarted" in toasts(game.scene)


def test_a_reload_with_a_warning_says_so_in_a_toast(game: Game, path: Path, tmp_path: Path):
    edited = path.read_text().replace("    trust: 35", "    trust: 0.35", 1)
    save(path, edited)
    run(game, 1.1)
    shown = toasts(game.scene)
    assert f"Reloaded {path.name} — shift restarted" in shown
    warning = next(t for t in shown if "warning[" in t)
    line = edited.split("\n").index("    trust: 0.35") + 1
    assert warning.startswith(f"{path.name}:{line}:12: warning[fraction-on-0-100-scale]: ")
    assert "0.35 on a 0..100 scale" in warning
    game.frame()
    pygame.image.save(game.screen, str(tmp_path / "reload-warning.png"))  # to look at while working


def test_an_invalid_edit_shows_the_error_and_keeps_the_old_shift_running(game: Game, path: Path):
    good = path.read_text()
    run(game, 0.5)
    first = game.scene
    save(path, good.replace("home: jones-porch", "home: jones-porh"))
    run(game, 1.1)
    assert game.scene is first
    error = first.hot_reload.error
    assert error and error[0].startswith(f"{path}:") and "jones-porh" in error[0]
    time_then = first.sim.time
    run(game, 0.5)
    assert game.scene is first and first.sim.time > time_then  # still playing the old content
    area = first.hud.layout.toasts
    assert first.hot_reload.draw_error(game.screen, first.app, area).y > area.y  # the panel is up
    save(path, good.replace(OLD_NAME, NEW_NAME))
    run(game, 1.1)
    assert game.scene is not first and NEW_NAME in names(game)
    assert game.scene.hot_reload.error == []


def test_f5_reloads_at_once(game: Game, path: Path):
    run(game, 0.2)
    first = game.scene
    press_f5(game)
    assert game.scene is not first and f"Reloaded {path.name} — shift restarted" in toasts(game.scene)
    second = game.scene
    save(path, "format: 1\nid: [")
    press_f5(game)  # broken: nothing restarts, the error shows
    assert game.scene is second and second.hot_reload.error


def test_a_deleted_file_is_reported_cleanly(game: Game, path: Path):
    first = game.scene
    path.unlink()
    run(game, 1.1)
    assert game.scene is first and first.hot_reload.error == [f"{path}: no such file"]
    press_f5(game)
    assert game.scene is first
    run(game, 0.5)  # and the shift goes on


def test_f5_on_a_shift_built_in_memory_says_there_is_nothing_to_reload():
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=100))
    try:
        first = game.scene
        press_f5(game)
        assert game.scene is first
        assert any("nothing to reload" in t for t in toasts(first))
    finally:
        pygame.display.quit()
