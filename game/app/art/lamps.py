"""Street lamps along the kerb: painted into the map, and the positions their night glow uses."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import pygame

from game.app.art.common import Point, shade
from game.app.art.layout import SIDES, Tile, streetlight_tiles
from game.app.art.painter import LAYER_LAMP, Painter

LAMP_REACH = 0.42  # tiles from the sidewalk tile's centre toward the road


def lamp_heads(tiles: Sequence[tuple[Tile, str]], tile_px: float) -> list[Point]:
    """Pixel positions of the lamp heads, where the night glow is centred."""
    heads = []
    for (x, y), side in tiles:
        dx, dy = SIDES[side]
        heads.append(((x + 0.5 + dx * LAMP_REACH) * tile_px, (y + 0.5 + dy * LAMP_REACH) * tile_px))
    return heads


def plan_lamps(p: Painter) -> None:
    tiles = streetlight_tiles(p.grid)
    for ((x, y), side), head in zip(tiles, lamp_heads(tiles, p.t), strict=True):
        dx, dy = SIDES[side]
        base = ((x + 0.5 + dx * 0.3) * p.t, (y + 0.5 + dy * 0.3) * p.t)
        p.add(
            LAYER_LAMP,
            base[1],
            partial(street_lamp, base=base, head=head),
            partial(Painter.cast_pole, base=base, height=2.4),
            area=p.span(base, head),
        )


def street_lamp(p: Painter, base: Point, head: Point) -> None:
    """Post at the kerb, an arm reaching over the road, a warm lamp in a dark housing."""
    housing = (54, 66, 62)
    pygame.draw.line(p.surface, housing, base, head, max(2, p.t // 18))
    pygame.draw.circle(p.surface, housing, base, p.t * 0.065)
    pygame.draw.circle(
        p.surface, shade(housing, 1.8), (base[0] - p.t * 0.015, base[1] - p.t * 0.015), p.t * 0.025
    )
    pygame.draw.circle(p.surface, housing, head, p.t * 0.1)
    pygame.draw.circle(p.surface, p.palette.lamp, head, p.t * 0.065)
    pygame.draw.circle(p.surface, (255, 255, 255), (head[0] - p.t * 0.02, head[1] - p.t * 0.02), p.t * 0.022)
