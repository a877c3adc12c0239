"""The camera keeps the officer where panels do not cover them: at the start of a shift with the
car on the map's last column, above a conversation, and in the kiosk's demo above its caption."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_driver import text_scale

from game.app.context import LaunchOptions
from game.app.kiosk.attract import AttractScene
from game.app.kiosk.shell import KioskShell
from game.app.main import FPS, Game
from game.app.scenes.play import PlayScene
from game.app.ui.settings import Settings
from game.scenario import load_scenario

REPO = Path(__file__).resolve().parents[2]
SCREEN = (1280, 720)


def officer_box(play: PlayScene) -> pygame.Rect:
    """A tile around the officer (the car's length) in window pixels."""
    t = play.camera.tile_px
    box = pygame.Rect(0, 0, 2 * t, t)
    box.center = play.camera.to_screen(*play.runner.officer_position())
    return box


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_maple_starts_with_the_officer_and_car_in_view_clear_of_every_panel(app, scale):
    text_scale(app, scale)
    play = PlayScene(app, load_scenario(REPO / "scenarios" / "maple-street-summer.yaml"))
    sim = play.sim
    assert sim.officer.x >= sim.grid.width - 1  # the car spawns on the map's last column
    surface = pygame.Surface(SCREEN)
    for _ in range(3):
        play.update(1 / 60)
        play.draw(surface)
    box = officer_box(play)
    layout = play.hud.layout
    assert surface.get_rect().contains(box), box
    assert box.right < layout.calls.x, "under the column where calls come in"
    assert box.top > layout.bar.bottom and box.bottom < layout.hints.y
    assert box.collidelist(play.hud.panels()) == -1


def test_the_officer_stays_above_an_open_conversation(app):
    play = PlayScene(app, load_scenario(REPO / "scenarios" / "first-day.yaml"))
    talk = play.open_talk(None)
    surface = pygame.Surface(SCREEN)
    for _ in range(120):
        talk.update(1 / 60)
        talk.draw(surface)
    assert play.covered_from is not None
    assert officer_box(play).bottom < play.covered_from
    play.back_to_the_street()
    assert play.covered_from is None


@pytest.mark.slow
def test_the_kiosk_demo_keeps_the_officer_clear_of_the_caption_and_the_bar():
    game = Game(LaunchOptions(kiosk=True, frames=10**9, scenario_dir=REPO / "scenarios"),
                Settings(text_scale=1.0))
    try:
        shell = game.scene
        assert isinstance(shell, KioskShell)
        checked = 0
        for _ in range(30 * FPS):
            assert game.frame()
            demo = shell.inner
            assert isinstance(demo, AttractScene)
            if demo.caption is None or demo.inner is not demo.shift or demo.captions.shown_for < 1.0:
                continue  # the camera eases over a second toward where a new caption leaves room
            play = demo.shift
            area = pygame.Rect((0, 0), (play.camera.view_w, play.camera.view_h))
            caption = demo.caption_rect(area, demo.caption)
            box = officer_box(play)
            assert box.bottom <= caption.top, (box, caption, demo.caption.headline)
            assert box.top >= play.hud.layout.bar.bottom, (box, play.hud.layout.bar)
            checked += 1
        assert checked > 2 * FPS  # captions were up for seconds of the demo
    finally:
        pygame.display.quit()
