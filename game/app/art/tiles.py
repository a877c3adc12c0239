"""The static map, painted once: the play scene blits a camera window of the result.

``render_map`` paints at twice the final size and shrinks the result, which
anti-aliases every roof edge, fence and lane mark for free; a fine film grain
is added after shrinking so textures stay crisp. Results are cached by map
content, tile size and palette, so re-entering the play scene costs nothing.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Mapping

import numpy as np
import pygame

from game.app.art.buildings import plan_buildings
from game.app.art.common import Point, optimised, shrink
from game.app.art.greenery import plan_yards
from game.app.art.ground import paint_base, paint_grass_edges, paint_roads, paint_sidewalks, paint_walkway
from game.app.art.lamps import lamp_heads, plan_lamps
from game.app.art.layout import Grid, porch_sides, road_marks, streetlight_tiles
from game.app.art.painter import Painter
from game.app.art.parks import plan_parks
from game.app.ui.palette import RGB, WARM, Palette
from game.scenario.model import GameMap

SUPERSAMPLE = 2  # paint at this multiple of the final size, then shrink
MAX_WORK_PIXELS = 12_000_000  # above this, paint at final size (huge maps; saves memory)
GRAIN = 3  # +- levels of per-pixel film grain after shrinking
GRAIN_TILE = 128  # pixels; the grain pattern repeats at this period
_CACHE_SIZE = 4

_cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()


def _map_key(game_map: GameMap) -> tuple:
    return (tuple(game_map.rows), tuple(sorted(game_map.legend.items())))


def _seed(game_map: GameMap) -> int:
    return zlib.crc32("\n".join(game_map.rows).encode())


def render_map(game_map: GameMap, tile_px: int = 32, palette: Palette = WARM,
               signs: Mapping[tuple[int, int], str] | None = None) -> pygame.Surface:
    """The whole map as one opaque surface, ``tile_px`` pixels per tile.

    ``signs`` names shops by any of their tiles (the scenario's place names);
    unnamed shops get a generic sign. The surface is shared through a small
    cache: blit from it, never draw on it (``copy()`` it first if you must).
    """
    signs = dict(signs or {})
    key = (_map_key(game_map), tile_px, palette, tuple(sorted(signs.items())))
    surface = _cache.get(key)
    if surface is None:
        surface = _paint(game_map, tile_px, palette, signs)
        _cache[key] = surface
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    else:
        _cache.move_to_end(key)
    return surface


def _paint(game_map: GameMap, tile_px: int, palette: Palette,
           signs: Mapping[tuple[int, int], str]) -> pygame.Surface:
    if not pygame.font.get_init():
        pygame.font.init()
    grid = Grid(game_map)
    work = grid.width * grid.height * (tile_px * SUPERSAMPLE) ** 2
    factor = SUPERSAMPLE if work <= MAX_WORK_PIXELS else 1
    t = tile_px * factor
    size = (grid.width * t, grid.height * t)
    shadows = pygame.Surface(size, pygame.SRCALPHA)
    shadows.fill((*palette.shadow[:3], 0))
    p = Painter(pygame.Surface(size), shadows, grid, palette, t, signs=signs)
    del shadows  # the painter lets the map-sized layer go once the shadows are laid
    paint_base(p, _seed(game_map), max(4, tile_px // 2))
    paint_roads(p, road_marks(grid))
    paint_sidewalks(p)
    paint_grass_edges(p)
    for tile in grid.tiles("porch"):
        p.reserved.update(paint_walkway(p, tile, porch_sides(grid, tile)[1]))
    plan_buildings(p)
    plan_yards(p)
    plan_parks(p)
    plan_lamps(p)
    p.finish()
    final = p.surface
    if factor > 1:
        final = shrink(final, (grid.width * tile_px, grid.height * tile_px))
    _add_grain(final, _seed(game_map))
    return optimised(final)


def _add_grain(surface: pygame.Surface, seed: int) -> None:
    """Per-pixel luminance grain: breaks up flat fills so the map reads as painted, not filled.

    One 128-pixel noise tile is added (and a second subtracted) across the map:
    far cheaper than noise for every pixel, and a repeat that small is invisible.
    """
    rng = np.random.default_rng(seed ^ 0x5EED)
    noise = rng.integers(-GRAIN, GRAIN + 1, (GRAIN_TILE, GRAIN_TILE), dtype=np.int16)
    tiles = []
    for part in (np.maximum(noise, 0), np.maximum(-noise, 0)):
        tile = pygame.Surface((GRAIN_TILE, GRAIN_TILE))
        pygame.surfarray.blit_array(tile, np.repeat(part.astype(np.uint8)[..., None], 3, axis=2))
        tiles.append(tile)
    add, sub = tiles
    w, h = surface.get_size()
    spots = [(x, y) for y in range(0, h, GRAIN_TILE) for x in range(0, w, GRAIN_TILE)]
    surface.fblits([(add, spot) for spot in spots], pygame.BLEND_RGB_ADD)
    surface.fblits([(sub, spot) for spot in spots], pygame.BLEND_RGB_SUB)


def streetlight_positions(game_map: GameMap, tile_px: int = 32) -> list[Point]:
    """Pixel positions of the street lamps painted on the map, for the night glow."""
    return lamp_heads(streetlight_tiles(Grid(game_map)), tile_px)


def _minimap_colour(kind: str, palette: Palette) -> RGB:
    return {
        "road": palette.asphalt_light,
        "car_spawn": palette.accent_alt,
        "sidewalk": palette.sidewalk,
        "house": palette.roofs[0],
        "porch": palette.wood,
        "yard": palette.grass,
        "park": palette.park_grass,
        "shop": palette.awning,
        "church": palette.church_roof,
        "school": palette.school_roof,
    }.get(kind, palette.grass)


def render_minimap(game_map: GameMap, px_per_tile: int = 4, palette: Palette = WARM) -> pygame.Surface:
    """A flat-colour overview, one block per tile, for the corner of the play screen."""
    grid = Grid(game_map)
    colours = np.array(
        [
            [_minimap_colour(grid.kind(x, y) or "", palette) for y in range(grid.height)]
            for x in range(grid.width)
        ],
        np.uint8,
    )
    small = pygame.surfarray.make_surface(colours)
    return optimised(pygame.transform.scale(small, (grid.width * px_per_tile, grid.height * px_per_tile)))
