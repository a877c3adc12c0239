"""The painted street of one scenario, with its own shop signs, for every view that shows it.

The play screen, the kiosk's street cards and the menus' backdrop all show a
scenario's map; painted without the scenario's places a shop gets a generic
sign, so a card would show a sign the street does not have. ``street_picture``
is the one way to paint a scenario's street.
"""

from __future__ import annotations

import pygame

from game.app.art import render_map
from game.app.ui.palette import Palette
from game.scenario.model import Scenario


def shop_signs(scenario: Scenario) -> dict[tuple[int, int], str]:
    """Each shop's name by its tile, as the scenario names it."""
    return {p.at: p.name for p in scenario.places if p.kind == "shop"}


def street_picture(scenario: Scenario, tile_px: int, palette: Palette) -> pygame.Surface:
    """The scenario's whole map at ``tile_px`` per tile (shared and cached: blit, never draw on it)."""
    return render_map(scenario.map, tile_px, palette, signs=shop_signs(scenario))


def cover(picture: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """``picture`` scaled to cover ``size`` and cropped to its middle."""
    sw, sh = picture.get_size()
    k = max(size[0] / sw, size[1] / sh)
    scaled = pygame.transform.smoothscale(picture, (max(1, round(sw * k)), max(1, round(sh * k))))
    crop = pygame.Rect((0, 0), size)
    crop.center = scaled.get_rect().center
    return scaled.subsurface(crop.clip(scaled.get_rect())).copy()
