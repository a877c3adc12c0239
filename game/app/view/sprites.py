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

from game.app.art import PersonLook, person_sprite
from game.app.art.people import CANVAS
from game.app.ui.palette import Palette, trust_colour

FIGURE_TILE = 32  # px per tile at which the art library draws figures at scale 1
FACING_VIEWER = math.pi / 2  # south: portraits look out of the screen
OFFICER = PersonLook.officer()
SUPERSAMPLE = 4  # icons are drawn this much larger and shrunk, for smooth arcs


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
    """A trust gauge ``px`` pixels across for panels and the HUD: a ring filled clockwise from
    the top in proportion to trust (shape), in the trust band's colour (colour)."""
    return _ring_icon(round(trust), px, palette)


@lru_cache(maxsize=512)
def _ring_icon(trust: int, px: int, palette: Palette) -> pygame.Surface:
    big = pygame.Surface((px * SUPERSAMPLE, px * SUPERSAMPLE), pygame.SRCALPHA)
    rect = big.get_rect().inflate(-SUPERSAMPLE * 2, -SUPERSAMPLE * 2)
    width = max(SUPERSAMPLE * 2, rect.w // 6)
    pygame.draw.ellipse(big, palette.ring_track, rect, width)
    share = max(0.0, min(1.0, trust / 100))
    if share > 0:
        top = math.pi / 2  # pygame measures arcs counter-clockwise from the right
        pygame.draw.arc(big, trust_colour(trust, palette), rect, top - share * 2 * math.pi, top, width)
    return pygame.transform.smoothscale(big, (px, px))
