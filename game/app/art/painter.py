"""The shared state of one map painting: canvas, shadow layer and the props waiting to be drawn.

Painting runs in two passes. Planning decides where every building, tree and
lamp goes and records it as a ``Prop``; then all shadows are cast into one
layer, softened once, and laid down before any prop is drawn, so a tree's
shadow falls across the road *under* a neighbour's car park sign, never over it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import pygame

from game.app.art.layout import Grid, Tile
from game.app.ui.palette import Palette

# Late-afternoon sun in the west: shadows fall to the east and a little south.
SHADOW_OFFSET = (0.2, 0.1)  # tiles, for a building; lower things scale this down

SHADOW_BAND = 256  # quarter-size columns of shadow scaled back up at once (memory, not looks)
SHADOW_MARGIN = 4  # quarter-size columns either side of a band, scaled and dropped: no seams

LAYER_FLAT = -1  # porches, paths, flower beds: drawn before shadows so shadows fall across them
LAYER_FENCE = 1
LAYER_BUILDING = 2
LAYER_PLANT = 3
LAYER_TREE = 4
LAYER_LAMP = 5


@dataclass(order=True)
class Prop:
    layer: int
    y: float  # draw lower things later so they overlap what stands behind them
    draw: Callable[[Painter], None] = field(compare=False)
    shadow: Callable[[Painter], None] | None = field(default=None, compare=False)


@dataclass
class Painter:
    surface: pygame.Surface
    shadows: pygame.Surface
    grid: Grid
    palette: Palette
    t: int  # working tile size in pixels (tile_px times the supersampling factor)
    props: list[Prop] = field(default_factory=list)
    reserved: set[Tile] = field(default_factory=set)  # kept clear of trees and bushes
    signs: Mapping[Tile, str] = field(default_factory=dict)  # shop names by tile, from the scenario

    def add(
        self,
        layer: int,
        y: float,
        draw: Callable[[Painter], None],
        shadow: Callable[[Painter], None] | None = None,
    ) -> None:
        self.props.append(Prop(layer, y, draw, shadow))

    def px(self, tiles: float) -> int:
        """A length in tiles, in working pixels (at least one)."""
        return max(1, round(tiles * self.t))

    def tile_rect(self, tile: Tile, inset: float = 0.0) -> pygame.Rect:
        i = round(inset * self.t)
        return pygame.Rect(tile[0] * self.t + i, tile[1] * self.t + i, self.t - 2 * i, self.t - 2 * i)

    def edge_band(self, tile: Tile, side: str, depth: float, offset: float = 0.0) -> pygame.Rect:
        """A strip ``depth`` tiles deep along the inside of one edge of a tile."""
        r = self.tile_rect(tile)
        d, o = self.px(depth), round(offset * self.t)
        if side == "n":
            return pygame.Rect(r.x, r.y + o, r.w, d)
        if side == "s":
            return pygame.Rect(r.x, r.bottom - o - d, r.w, d)
        if side == "w":
            return pygame.Rect(r.x + o, r.y, d, r.h)
        return pygame.Rect(r.right - o - d, r.y, d, r.h)

    def centre(self, tile: Tile) -> tuple[float, float]:
        return ((tile[0] + 0.5) * self.t, (tile[1] + 0.5) * self.t)

    def shadow_offset(self, height: float = 1.0) -> tuple[float, float]:
        """Where a shadow lands for something ``height`` times as tall as a house."""
        return (SHADOW_OFFSET[0] * self.t * height, SHADOW_OFFSET[1] * self.t * height)

    def cast_pole(self, base: tuple[float, float], height: float) -> None:
        """The long thin shadow of a lamp post or flagpole standing at ``base``."""
        ox, oy = self.shadow_offset(height)
        end = (base[0] + ox, base[1] + oy)
        pygame.draw.line(self.shadows, (*self.palette.shadow[:3], 255), base, end, self.px(0.05))

    def finish(self) -> None:
        """Cast every shadow, soften them once, then draw the props in order."""
        props = sorted(self.props)
        for prop in props:
            if prop.layer == LAYER_FLAT:
                prop.draw(self)
        for prop in props:
            if prop.shadow is not None:
                prop.shadow(self)
        self._lay_shadows()
        for prop in props:
            if prop.layer != LAYER_FLAT:
                prop.draw(self)

    def _lay_shadows(self) -> None:
        """Soften the shadow layer and lay it on the map, then let the layer go.

        The blur runs at quarter size (shadows are soft anyway, and this is the
        slowest step); scaling back up goes a band of SHADOW_BAND quarter-size
        columns at a time, each with a margin it then drops so that bands meet
        without a seam, so no second map-sized layer is ever held.
        """
        w, h = self.shadows.get_size()
        small = pygame.transform.smoothscale(self.shadows, (max(1, w // 4), max(1, h // 4)))
        self.shadows = pygame.Surface((1, 1), pygame.SRCALPHA)  # cast: the map-sized layer can go
        small = pygame.transform.gaussian_blur(small, max(1, self.t // 96))
        sw = small.get_width()
        kx = w / sw  # full-size pixels per quarter-size pixel
        for first in range(0, sw, SHADOW_BAND):
            last = min(sw, first + SHADOW_BAND)
            lo, hi = max(0, first - SHADOW_MARGIN), min(sw, last + SHADOW_MARGIN)
            x0, x1, left = round(first * kx), round(last * kx), round(lo * kx)
            source = small.subsurface(pygame.Rect(lo, 0, hi - lo, small.get_height()))
            band = pygame.transform.smoothscale(source, (round(hi * kx) - left, h))
            band = band.subsurface(pygame.Rect(x0 - left, 0, x1 - x0, h))
            band.set_alpha(self.palette.shadow[3])
            self.surface.blit(band, (x0, 0))
