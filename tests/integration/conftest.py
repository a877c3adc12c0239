"""The front end's shared state for scene tests: a window-less display and a fresh ``App``."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app.context import App, LaunchOptions
from game.app.ui.audio import SoundManager
from game.app.ui.settings import Settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def app():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    yield App(LaunchOptions(scenario_dir=REPO / "scenarios"), Settings(), SoundManager(init_mixer=False))
    pygame.display.quit()
