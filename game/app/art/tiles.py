"""The static map: planned once, painted whole (``render_map``) or a region at a time (``MapArt``).

Painting runs at twice the final size and shrinks the result, which
anti-aliases every roof edge, fence and lane mark for free; a fine film grain
is added after shrinking so textures stay crisp. Plans and whole paintings are
cached by map content, tile size and palette, so re-entering a scene costs
nothing; the play scene paints the regions near its camera and keeps only those.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict
from collections.abc import Mapping

import numpy as np
import pygame

from game.app.art.buildings import plan_buildings
from game.app.art.canvas import sparse_canvas
from game.app.art.common import Point, kept, optimised, shrink
from game.app.art.greenery import plan_yards
from game.app.art.ground import (
    paint_base,
    paint_grass_edges,
    paint_roads,
    paint_sidewalks,
    paint_walkway,
    plan_ground,
)
from game.app.art.lamps import lamp_heads, plan_lamps
from game.app.art.layout import Grid, TileRect, road_marks, streetlight_tiles
from game.app.art.painter import SHADOW_MARGIN, Painter
from game.app.art.parks import plan_parks
from game.app.ui.palette import RGB, WARM, Palette
from game.scenario.model import GameMap

SUPERSAMPLE = 2  # paint at this multiple of the final size, then shrink
MAX_WORK_PIXELS = 12_000_000  # above this, paint at final size (huge maps; saves memory)
GRAIN = 3  # +- levels of per-pixel film grain after shrinking
GRAIN_TILE = 128  # pixels; the grain pattern repeats at this period
_CACHE_SIZE = 4

WALKWAY_REACH = 5  # tiles from its porch a front path may reach

_cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_plans: OrderedDict[tuple, MapArt] = OrderedDict()


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
    Big maps on screen are painted a region at a time instead (``map_art``).
    """
    signs = dict(signs or {})
    key = (_map_key(game_map), tile_px, palette, tuple(sorted(signs.items())))
    whole = (0, 0, game_map.width, game_map.height)
    return kept(_cache, key, lambda: map_art(game_map, tile_px, palette, signs).paint(whole), _CACHE_SIZE)


def map_art(game_map: GameMap, tile_px: int, palette: Palette = WARM,
            signs: Mapping[tuple[int, int], str] | None = None) -> MapArt:
    """The map planned for painting by region, shared through a small cache like ``render_map``."""
    signs = dict(signs or {})
    key = (_map_key(game_map), tile_px, palette, tuple(sorted(signs.items())))
    return kept(_plans, key, lambda: MapArt(game_map, tile_px, palette, signs), _CACHE_SIZE)


class MapArt:
    """A map planned once (where every house, tree and lamp goes) and painted a region at a time.

    A region's pixels are the same as those pixels of the whole map painted
    at once (when the working tile is a multiple of 4 px, as at every tile
    size the game paints by region): painting draws in map coordinates on
    map-sized canvases that hold memory only where the region is drawn.
    """

    def __init__(self, game_map: GameMap, tile_px: int, palette: Palette,
                 signs: Mapping[tuple[int, int], str]) -> None:
        if not pygame.font.get_init():
            pygame.font.init()
        grid = Grid(game_map)
        work = grid.width * grid.height * (tile_px * SUPERSAMPLE) ** 2
        self.factor = SUPERSAMPLE if work <= MAX_WORK_PIXELS else 1
        self.tile_px, self.grid, self.palette, self.signs = tile_px, grid, palette, signs
        self.t = t = tile_px * self.factor
        self.size = (grid.width * t, grid.height * t)
        self.seed = _seed(game_map)
        planner = Painter(pygame.Surface((1, 1)), pygame.Surface((1, 1), pygame.SRCALPHA), grid, palette, t,
                          signs=signs)
        self.porches = list(grid.tiles("porch"))
        for tile in self.porches:  # drawn on nothing here: planning needs the tiles the paths use
            planner.reserved.update(paint_walkway(planner, tile))
        plan_buildings(planner)
        plan_yards(planner)
        plan_parks(planner)
        plan_lamps(planner)
        self.props, self.reserved = planner.props, planner.reserved
        self.marks = road_marks(grid)
        self.ground = plan_ground(grid, self.seed, max(4, tile_px // 2))

    def paint(self, region: TileRect) -> pygame.Surface:
        """The tiles of ``region`` (x, y, width, height), ``tile_px`` pixels each, as an opaque surface."""
        x, y, w, h = region
        t = self.t
        keep = pygame.Rect(x * t, y * t, w * t, h * t)
        margin = SHADOW_MARGIN * t
        surface = sparse_canvas(self.size, alpha=False)
        surface.set_clip(keep)
        shadows = sparse_canvas(self.size, alpha=True)
        shadows.set_clip(keep.inflate(2 * margin, 2 * margin).clip(pygame.Rect((0, 0), self.size)))
        shadows.fill((*self.palette.shadow[:3], 0))
        p = Painter(surface, shadows, self.grid, self.palette, t, props=self.props, reserved=self.reserved,
                    signs=self.signs, region=region)
        del shadows  # the painter lets the layer go once the shadows are laid
        paint_base(p, self.ground)
        paint_roads(p, self.marks)
        paint_sidewalks(p)
        paint_grass_edges(p)
        for tile in self.porches:
            if p.near(tile, WALKWAY_REACH):
                paint_walkway(p, tile)
        p.finish()
        del p
        final = pygame.Surface((w * self.tile_px, h * self.tile_px))
        painted = surface.subsurface(keep)
        if self.factor > 1:
            painted = shrink(painted, final.get_size())
        final.blit(painted, (0, 0))
        del painted, surface
        _add_grain(final, self.seed, (x * self.tile_px, y * self.tile_px))
        return optimised(final)


def _add_grain(surface: pygame.Surface, seed: int, origin: tuple[int, int] = (0, 0)) -> None:
    """Per-pixel luminance grain: breaks up flat fills so the map reads as painted, not filled.

    One 128-pixel noise tile is added (and a second subtracted) across the map:
    far cheaper than noise for every pixel, and a repeat that small is invisible.
    ``origin`` is where the surface sits on the map, so regions carry on the pattern.
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
    ox, oy = origin[0] % GRAIN_TILE, origin[1] % GRAIN_TILE
    spots = [(x, y) for y in range(-oy, h, GRAIN_TILE) for x in range(-ox, w, GRAIN_TILE)]
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
