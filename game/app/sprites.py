"""People, the officer, the car and trust rings at the camera's zoom, from the art library.

The art library draws and caches every sprite at a scale in quarter steps;
this adapter turns a size in pixels (a tile at the current zoom, a portrait in
a panel, an icon in the HUD) into that scale, and remembers each resident's
look so a frame does no hashing of names.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.app.art import PersonLook, person_sprite, trust_ring_sprite
from game.app.art.people import CANVAS, RING_A
from game.app.palette import Palette

FIGURE_TILE = 32  # px per tile at which the art library draws figures at scale 1
FACING_VIEWER = math.pi / 2  # south: portraits look out of the screen
OFFICER = PersonLook.officer()


def zoom_scale(tile_px: int) -> float:
    """Sprite scale for a camera zoom given in pixels per tile."""
    return tile_px / FIGURE_TILE


@lru_cache(maxsize=8192)
def look_of(resident_id: str) -> PersonLook:
    return PersonLook.for_resident(resident_id)


def portrait(resident_id: str, px: int) -> pygame.Surface:
    """The resident facing the viewer, about ``px`` pixels tall."""
    return person_sprite(look_of(resident_id), FACING_VIEWER, px / CANVAS[1])[0]


def ring_icon(trust: float, px: int, palette: Palette) -> pygame.Surface:
    """The trust ring (arc, colour and pips), about ``px`` pixels wide, for panels and the HUD."""
    return trust_ring_sprite(trust, palette, px / (2 * RING_A + 6))[0]
