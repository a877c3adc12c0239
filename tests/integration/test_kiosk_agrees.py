"""The kiosk says the same thing everywhere: a caption and the pop-up for the same trust change
carry the same figure and words, and a street's card shows that street's own shop sign."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app.art import render_map
from game.app.context import App, LaunchOptions
from game.app.kiosk.attract import AttractScene
from game.app.kiosk.picker import THUMB_TILE, KioskPickerScene
from game.app.kiosk.state import make_kiosk
from game.app.main import FPS, Game
from game.app.ui.audio import SoundManager
from game.app.ui.settings import Settings
from game.app.view.street import cover, street_picture
from game.scenario import load_scenario

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_every_trust_caption_reads_exactly_as_its_pop_up():
    game = Game(LaunchOptions(kiosk=True, frames=10**9, scenario_dir=REPO / "scenarios"),
                Settings(text_scale=1.0))
    try:
        demo = game.scene.inner
        assert isinstance(demo, AttractScene)
        popped: set[str] = set()
        captioned: set[str] = set()
        for _ in range(60 * FPS):
            assert game.frame()
            if game.scene.inner is not demo or demo.porch is not None:
                break
            popped |= {a.item.text for a in demo.shift.floaters.items}
            if demo.caption is not None and " trust · " in demo.caption.headline:
                captioned.add(demo.caption.headline)
            if len(captioned) >= 3:
                break
        assert captioned, "no trust change was captioned in a minute of demo"
        assert captioned <= popped, f"captions with no matching pop-up: {sorted(captioned - popped)}"
    finally:
        pygame.display.quit()


def test_a_street_card_shows_the_streets_own_shop_sign():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    try:
        app = App(LaunchOptions(kiosk=True, scenario_dir=REPO / "scenarios"), Settings(),
                  SoundManager(init_mixer=False))
        picker = KioskPickerScene(make_kiosk(app))
        scenario = load_scenario(REPO / "scenarios" / "first-day.yaml")
        assert any(p.kind == "shop" for p in scenario.places)  # Haddad's Market, by name
        size = (360, 160)
        thumb = picker._thumb(scenario, size)
        own = cover(street_picture(scenario, THUMB_TILE, app.palette), size)
        generic = cover(render_map(scenario.map, THUMB_TILE, app.palette), size)
        as_bytes = pygame.image.tobytes
        assert as_bytes(thumb, "RGB") == as_bytes(own, "RGB")
        assert as_bytes(thumb, "RGB") != as_bytes(generic, "RGB"), "the card shows a generic sign"
    finally:
        pygame.display.quit()
