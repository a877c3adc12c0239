"""The ground layer: textured lawn, asphalt and paving, then kerbs, lane marks and crossings.

Textures are built with numpy a band of the map at a time (a few
milliseconds), never per pixel in Python; details on top are ordinary
``pygame.draw`` calls at the supersampled working size.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np
import pygame

from game.app.art.common import mix, shade, tile_rng
from game.app.art.layout import ROADISH, SIDES, Grid, RoadMarks, Tile, in_carriageway
from game.app.art.painter import Painter
from game.app.ui.palette import RGB, Palette
from game.sim.grid import front_path

GRASS_GROUND = frozenset({"yard", "park", "house", "porch"})
BASE_BAND_TILES = 8  # columns of tiles whose ground is computed at once (memory, not looks)


def _ground_colour(kind: str, palette: Palette) -> RGB:
    if kind in ROADISH:
        return palette.asphalt
    if kind in ("sidewalk", "shop", "school", "church"):
        return palette.sidewalk
    if kind == "park":
        return palette.park_grass
    return palette.grass


def _texture_strength(kind: str) -> float:
    """How strongly large-scale noise shows: lawns are patchy, paving barely."""
    if kind in GRASS_GROUND:
        return 0.11
    if kind in ROADISH:
        return 0.06
    return 0.025


def _smooth_noise(rng: np.random.Generator, size: tuple[int, int], cells: tuple[int, int]) -> np.ndarray:
    """Value noise as bytes, shape (width, height): random cells, smoothly up-scaled.

    Bytes, not floats: the map-sized array is a quarter of the size, and
    ``_noise_values`` turns a band of it into -1..1 when it is used.
    """
    coarse = (rng.random((cells[0] + 1, cells[1] + 1)) * 255).astype(np.uint8)
    small = pygame.surfarray.make_surface(np.repeat(coarse[..., None], 3, axis=2))
    big = pygame.transform.smoothscale(small, size)
    return pygame.surfarray.array_red(big)


def _noise_values(noise: np.ndarray) -> np.ndarray:
    return noise.astype(np.float32) / 127.5 - 1.0


@dataclass(frozen=True)
class Ground:
    """The ground's noise for a whole map, made once: painting a region reads its part."""

    base_px: int  # pixels per tile the texture is computed at
    kinds: list[list[str]]  # tile kinds by column, then row
    fine: np.ndarray  # bytes, (width, height) in base pixels
    broad: np.ndarray
    slabs: np.ndarray  # one brightness step per half-tile paving slab


def plan_ground(grid: Grid, seed: int, base_px: int) -> Ground:
    """The noise every region of the ground is painted from (the same draws in the same order)."""
    g, t = grid, base_px
    size = (g.width * t, g.height * t)
    rng = np.random.default_rng(seed)
    fine = _smooth_noise(rng, size, (g.width * 4, g.height * 4))
    broad = _smooth_noise(rng, size, (max(1, g.width // 2), max(1, g.height // 2)))
    # Paving slabs half a tile across, each a shade lighter or darker.
    slabs = rng.uniform(-0.035, 0.035, (g.width * 2, g.height * 2)).astype(np.float32)
    kinds = [[g.kind(x, y) or "yard" for y in range(g.height)] for x in range(g.width)]
    return Ground(base_px, kinds, fine, broad, slabs)


def paint_base(p: Painter, ground: Ground) -> None:
    """Fill every tile with its ground colour, mottled by two octaves of noise.

    Computed at ``ground.base_px`` pixels per tile (a fraction of the working
    size) and scaled up: the noise is soft anyway, and the numpy work shrinks
    with the square of the ratio. Fine detail comes later from the grain pass.
    The per-pixel work covers the painter's region, BASE_BAND_TILES columns of
    tiles at a time, so its memory follows the band rather than the map (the
    same pixels either way). When the working size is not a whole number of
    base pixels, the whole map is computed and the canvas's clip keeps the region.
    """
    g, t = p.grid, ground.base_px
    size = (g.width * t, g.height * t)
    half = -(-t // 2)
    straw = np.asarray(p.palette.grass_light, np.float32)
    out_w, out_h = p.surface.get_size()
    exact = out_w % size[0] == 0  # whole output pixels per base pixel: bands scale up seamlessly
    x0t, y0t, wt, ht = p.region if exact and p.region is not None else (0, 0, g.width, g.height)
    band = BASE_BAND_TILES if exact else g.width
    y0, y1 = y0t * t, (y0t + ht) * t
    slab_rows = np.arange(y0, y1) // half

    def per_pixel(values: list[list], dtype: type = np.float32) -> np.ndarray:
        return np.repeat(np.repeat(np.array(values, dtype), t, 0), t, 1)

    for first in range(x0t, x0t + wt, band):
        cols = [col[y0t: y0t + ht] for col in ground.kinds[first: min(first + band, x0t + wt)]]
        x0, x1 = first * t, (first + len(cols)) * t
        rgb = per_pixel([[_ground_colour(k, p.palette) for k in col] for col in cols])
        amp = per_pixel([[_texture_strength(k) for k in col] for col in cols])
        grassy = per_pixel([[k in GRASS_GROUND for k in col] for col in cols])
        paved = per_pixel([[k in ("sidewalk", "shop", "school", "church") for k in col] for col in cols])
        slab_px = ground.slabs[np.arange(x0, x1) // half][:, slab_rows]
        broad_band = _noise_values(ground.broad[x0:x1, y0:y1])
        light = 1.0 + amp * (0.65 * _noise_values(ground.fine[x0:x1, y0:y1]) + 0.35 * broad_band)
        light += slab_px * paved
        rgb *= light[..., None]
        # Sun-dried patches: lawns drift toward straw where the broad noise is high.
        dry = np.clip(broad_band - 0.25, 0.0, 1.0) * 0.55 * grassy
        rgb += (straw - rgb) * dry[..., None]
        small = pygame.surfarray.make_surface(np.clip(rgb, 0, 255).astype(np.uint8))
        scale = out_w // size[0] if exact else 0
        target = (x1 * scale - x0 * scale, y1 * scale - y0 * scale) if exact else (out_w, out_h)
        p.surface.blit(pygame.transform.scale(small, target), (x0 * scale, y0 * scale))


def paint_sidewalks(p: Painter) -> None:
    """Slab joints every half tile, and a raised kerb wherever paving meets the road."""
    pal, t = p.palette, p.t
    line = max(1, t // 40)
    for tile in p.tiles("sidewalk"):
        r = p.tile_rect(tile)
        for k in (0, t // 2):
            pygame.draw.line(p.surface, pal.sidewalk_joint, (r.x + k, r.y), (r.x + k, r.bottom - 1), line)
            pygame.draw.line(p.surface, pal.sidewalk_joint, (r.x, r.y + k), (r.right - 1, r.y + k), line)
        for side in SIDES:
            if p.grid.neighbour(tile, side) in ROADISH:
                pygame.draw.rect(p.surface, pal.kerb, p.edge_band(tile, side, 0.11))
                pygame.draw.rect(p.surface, shade(pal.kerb, 0.86), p.edge_band(tile, side, 0.03, 0.08))
                pygame.draw.rect(p.surface, pal.gutter, p.edge_band(tile, side, 0.03))


def paint_grass_edges(p: Painter) -> None:
    """Trimmed lawn edges against paving, a strip of dirt where lawn meets the road."""
    pal = p.palette
    for tile in p.tiles(GRASS_GROUND):
        for side in SIDES:
            n = p.grid.neighbour(tile, side)
            if n in ("sidewalk", "shop", "school", "church"):
                pygame.draw.rect(p.surface, pal.grass_dark, p.edge_band(tile, side, 0.05))
            elif n in ROADISH:
                pygame.draw.rect(p.surface, mix(pal.soil, pal.grass_dark, 0.4), p.edge_band(tile, side, 0.07))


def paint_roads(p: Painter, marks: RoadMarks) -> None:
    pal = p.palette
    for tile in sorted(t for t in marks.axis if p.near(t)):
        for side in SIDES:
            n = p.grid.neighbour(tile, side)
            if n is not None and n not in ROADISH:
                pygame.draw.rect(p.surface, pal.asphalt_dark, p.edge_band(tile, side, 0.06))
        rng = tile_rng(*tile, "road")
        if marks.axis[tile] in ("h", "v") and rng.random() < 0.18:
            _crack(p, tile, rng)
        if marks.axis[tile] in ("h", "v") and rng.random() < 0.07:
            _manhole(p, tile, marks.axis[tile], rng.random())
    for tile, axis in sorted(marks.axis.items()):
        if axis in ("h", "v") and p.near(tile):
            _lane_dashes(p, tile, axis, marks)
            _crossings(p, tile, axis, marks)
    for tile in p.tiles("car_spawn"):
        _parking_bay(p, tile)


def _crack(p: Painter, tile: Tile, rng: random.Random) -> None:
    r = p.tile_rect(tile, 0.15)
    x, y = r.x + rng.random() * r.w, r.y + rng.random() * r.h
    points = [(x, y)]
    for _ in range(3):
        x += (rng.random() - 0.5) * p.t * 0.3
        y += (rng.random() - 0.5) * p.t * 0.3
        points.append((x, y))
    pygame.draw.lines(p.surface, p.palette.asphalt_dark, False, points, max(1, p.t // 48))


def _manhole(p: Painter, tile: Tile, axis: str, where: float) -> None:
    cx, cy = p.centre(tile)
    off = (where - 0.5) * p.t * 0.5
    centre = (cx + off, cy + p.t * 0.25) if axis == "h" else (cx + p.t * 0.25, cy + off)
    rad = p.px(0.11)
    pygame.draw.circle(p.surface, p.palette.asphalt_light, centre, rad)
    pygame.draw.circle(p.surface, p.palette.asphalt_dark, centre, rad, max(1, p.t // 40))
    for k in (-0.5, 0.0, 0.5):
        dx = k * rad
        pygame.draw.line(
            p.surface,
            p.palette.asphalt_dark,
            (centre[0] + dx, centre[1] - rad * 0.7),
            (centre[0] + dx, centre[1] + rad * 0.7),
            1,
        )


def _lane_dashes(p: Painter, tile: Tile, axis: str, marks: RoadMarks) -> None:
    """One dash per tile along the middle of the band, drawn once per band (by its first tile)."""
    first, last = marks.band[tile]
    along, across = (tile[0], tile[1]) if axis == "h" else (tile[1], tile[0])
    if across != first:
        return
    step = (1, 0) if axis == "h" else (0, 1)
    for sign in (-1, 1):  # no dash right next to a junction: that is where the crossing goes
        if marks.axis.get((tile[0] + sign * step[0], tile[1] + sign * step[1])) == "x":
            return
    mid = (first + last + 1) / 2 * p.t
    a, b = (along + 0.22) * p.t, (along + 0.78) * p.t
    width = p.px(0.07)
    if axis == "h":
        pygame.draw.line(p.surface, p.palette.lane_paint, (a, mid), (b, mid), width)
    else:
        pygame.draw.line(p.surface, p.palette.lane_paint, (mid, a), (mid, b), width)


def _crossings(p: Painter, tile: Tile, axis: str, marks: RoadMarks) -> None:
    """Zebra stripes on the approach to a junction."""
    step = (1, 0) if axis == "h" else (0, 1)
    r = p.tile_rect(tile)
    bar, gap = p.px(0.09), p.px(0.19)
    for sign in (-1, 1):
        if marks.axis.get((tile[0] + sign * step[0], tile[1] + sign * step[1])) != "x":
            continue
        lo = 0.56 if sign > 0 else 0.1
        band = (lo * p.t, (lo + 0.34) * p.t)
        for k in range(round(p.t * 0.08), p.t - bar // 2, gap):
            if axis == "h":
                stripe = pygame.Rect(r.x + band[0], r.y + k, band[1] - band[0], bar)
            else:
                stripe = pygame.Rect(r.x + k, r.y + band[0], bar, band[1] - band[0])
            pygame.draw.rect(p.surface, p.palette.white_paint, stripe)


def _parking_bay(p: Painter, tile: Tile) -> None:
    """Where the patrol car starts: a painted bay with an oil stain and a faint P.

    A bay cut into the kerb is boxed in and open toward the road; a space in
    the carriageway itself (road on both sides) gets only corner ticks, the way
    kerbside parking is marked, so the lane lines run on through it.
    """
    r = p.tile_rect(tile, 0.08)
    w = p.px(0.05)
    paint = p.palette.white_paint
    pygame.draw.ellipse(p.surface, shade(p.palette.asphalt, 0.85), r.inflate(-p.t * 0.4, -p.t * 0.45))
    label = pygame.font.Font(None, p.px(0.7)).render("P", True, mix(paint, p.palette.asphalt, 0.45))
    p.surface.blit(label, label.get_rect(center=r.center))
    if in_carriageway(p.grid, tile):
        tick = p.t * 0.2
        for (x, y), (dx, dy) in (
            (r.topleft, (1, 1)),
            (r.topright, (-1, 1)),
            (r.bottomleft, (1, -1)),
            (r.bottomright, (-1, -1)),
        ):
            pygame.draw.line(p.surface, paint, (x, y), (x + dx * tick, y), w)
            pygame.draw.line(p.surface, paint, (x, y), (x, y + dy * tick), w)
        return
    open_side = next((s for s in SIDES if p.grid.neighbour(tile, s) in ROADISH), "s")
    corners = {
        "n": (r.topleft, r.topright),
        "s": (r.bottomleft, r.bottomright),
        "w": (r.topleft, r.bottomleft),
        "e": (r.topright, r.bottomright),
    }
    for side, (a, b) in corners.items():
        if side != open_side:
            pygame.draw.line(p.surface, paint, a, b, w)


def paint_walkway(p: Painter, start: Tile) -> list[Tile]:
    """A porch's front path across its yard (where the simulation's people walk); returns its tiles."""
    side, used = front_path(p.grid.kind, start)
    dx = SIDES[side][0]
    half = 0.18 * p.t
    for tile in used:
        cx, cy = p.centre(tile)
        if dx:
            rect = pygame.Rect(tile[0] * p.t, cy - half, p.t, 2 * half)
        else:
            rect = pygame.Rect(cx - half, tile[1] * p.t, 2 * half, p.t)
        pygame.draw.rect(p.surface, p.palette.sidewalk_joint, rect.inflate(p.t // 16, p.t // 16))
        pygame.draw.rect(p.surface, p.palette.sidewalk, rect)
        for k in range(1, 4):  # flagstone joints across the path
            if dx:
                pygame.draw.line(
                    p.surface,
                    p.palette.sidewalk_joint,
                    (rect.x + k * p.t // 4, rect.y),
                    (rect.x + k * p.t // 4, rect.bottom - 1),
                    max(1, p.t // 40),
                )
            else:
                pygame.draw.line(
                    p.surface,
                    p.palette.sidewalk_joint,
                    (rect.x, rect.y + k * p.t // 4),
                    (rect.right - 1, rect.y + k * p.t // 4),
                    max(1, p.t // 40),
                )
    return used
