"""The shared state of one map painting: canvas, shadow layer and the props waiting to be drawn.

Painting runs in two passes. Planning decides where every building, tree and
lamp goes and records it as a ``Prop``; then all shadows are cast into one
layer, softened once, and laid down before any prop is drawn, so a tree's
shadow falls across the road *under* a neighbour's car park sign, never over it.

A painter may paint only a region of the map (``region``, in tiles): every
drawing call still uses map coordinates, on canvases clipped to the region,
and only the tiles and props that can reach it are drawn. Shadows are cast
over the region and a margin around it (the blur reaches across region
edges), so a region's pixels are the same as the same pixels of the whole map.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np
import pygame

from game.app.art.layout import Grid, Tile, TileRect
from game.app.ui.palette import Palette

# Late-afternoon sun in the west: shadows fall to the east and a little south.
SHADOW_OFFSET = (0.2, 0.1)  # tiles, for a building; lower things scale this down

SHADOW_SHRINK = 4  # the shadow layer is blurred at a quarter of the working size
SHADOW_BAND = 256  # columns of shadow scaled back up at once (memory, not looks)
SHADOW_MARGIN = 1  # tiles of shadow cast around a painted region: the blur reaches this far in
PROP_REACH = 1.5  # tiles a prop may draw or cast beyond the area it was planned in
TILE_REACH = 1  # tiles a ground painter may draw beyond its own tile

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
    area: pygame.Rect = field(default_factory=pygame.Rect, compare=False)  # working px it is planned in


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
    region: TileRect | None = None  # the tiles being painted; None while planning (the whole map)

    def add(
        self,
        layer: int,
        y: float,
        draw: Callable[[Painter], None],
        shadow: Callable[[Painter], None] | None = None,
        *,
        area: pygame.Rect,
    ) -> None:
        """Queue a prop; ``area`` (working pixels) is where it stands, for painting by region."""
        self.props.append(Prop(layer, y, draw, shadow, area))

    def spot(self, centre: tuple[float, float], radius: float) -> pygame.Rect:
        """The square of working pixels ``radius`` around ``centre``: a prop's area."""
        r = pygame.Rect(0, 0, round(2 * radius) + 1, round(2 * radius) + 1)
        r.center = (round(centre[0]), round(centre[1]))
        return r

    def span(self, *points: tuple[float, float]) -> pygame.Rect:
        """The bounding box of ``points``: a prop's area."""
        xs, ys = [round(q[0]) for q in points], [round(q[1]) for q in points]
        return pygame.Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)

    def _tiles_around(self, reach: int) -> TileRect:
        if self.region is None:
            return (0, 0, self.grid.width, self.grid.height)
        x, y, w, h = self.region
        x0, y0 = max(0, x - reach), max(0, y - reach)
        return (x0, y0, min(self.grid.width, x + w + reach) - x0, min(self.grid.height, y + h + reach) - y0)

    def near(self, tile: Tile, reach: int = TILE_REACH) -> bool:
        """True when something drawn on ``tile`` (reaching ``reach`` tiles past it) can show in the region."""
        if self.region is None:
            return True
        x, y, w, h = self.region
        return x - reach <= tile[0] < x + w + reach and y - reach <= tile[1] < y + h + reach

    def tiles(self, kinds: Iterable[str] | str) -> Iterator[Tile]:
        """Tiles of ``kinds`` whose drawing can show in the region, in reading order."""
        wanted = {kinds} if isinstance(kinds, str) else set(kinds)
        x0, y0, w, h = self._tiles_around(TILE_REACH)
        for y in range(y0, y0 + h):
            for x in range(x0, x0 + w):
                if self.grid.kind(x, y) in wanted:
                    yield (x, y)

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
        """Cast every shadow, soften them once, then draw the props in order.

        Only props that can reach the shadow layer's clip (the region and its
        margin) are drawn; the rest could not change a pixel that is kept.
        """
        reach = self.shadows.get_clip().inflate(2 * self.px(PROP_REACH), 2 * self.px(PROP_REACH))
        props = sorted(q for q in self.props if q.area.colliderect(reach))
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
        """Soften the shadow layer and lay it over the canvas's clip, then let the layer go.

        The layer is cast over its own clip (the region and a margin), shrunk to
        a quarter and blurred there (shadows are soft anyway, and this is the
        slowest step), then scaled back up with weights that depend only on a
        pixel's place on the map, so a region's shadows match the whole map's.
        """
        area, keep = self.shadows.get_clip(), self.surface.get_clip()
        small = pygame.transform.smoothscale(self.shadows.subsurface(area), (
            max(1, area.w // SHADOW_SHRINK), max(1, area.h // SHADOW_SHRINK)))
        self.shadows = pygame.Surface((1, 1), pygame.SRCALPHA)  # cast: the layer can go
        small = pygame.transform.gaussian_blur(small, max(1, self.t // 96))
        small_alpha = pygame.surfarray.array_alpha(small).astype(np.float32)
        layer = pygame.Surface(keep.size, pygame.SRCALPHA)
        layer.fill((*self.palette.shadow[:3], 0))
        alpha = pygame.surfarray.pixels_alpha(layer)
        for first in range(0, keep.w, SHADOW_BAND):  # a band of columns at a time: memory, not looks
            count = min(SHADOW_BAND, keep.w - first)
            columns = _expand(small_alpha, 0, area.x, area.w, keep.x + first, count)
            alpha[first: first + count] = np.rint(_expand(columns, 1, area.y, area.h, keep.y, keep.h))
        del alpha  # unlocks the layer for blitting
        layer.set_alpha(self.palette.shadow[3])
        self.surface.blit(layer, keep.topleft)


def _expand(small: np.ndarray, axis: int, start: int, length: int, first: int, count: int) -> np.ndarray:
    """Linear up-scaling of ``small`` along ``axis`` to the pixels ``first``..``first + count``.

    ``small`` covers ``length`` full-size pixels from ``start``; each output
    pixel samples it at the pixel's centre. With a whole number of full-size
    pixels per small one the weights repeat with the map's pixel grid, so a
    region scales to the same pixels as the whole map (pygame's smoothscale
    stretches by ``(n - 1) / n``, which depends on the size scaled).
    """
    n = small.shape[axis]
    u = (np.arange(first, first + count) - start + 0.5) * (n / length) - 0.5
    lo = np.floor(u)
    w = (u - lo).astype(np.float32).reshape((-1, 1) if axis == 0 else (1, -1))
    i0 = np.clip(lo.astype(np.int64), 0, n - 1)
    i1 = np.clip(i0 + 1, 0, n - 1)
    a, b = np.take(small, i0, axis), np.take(small, i1, axis)
    return a + (b - a) * w
