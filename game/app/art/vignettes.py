"""Close-ups of one porch for the resident-side view: the car rolling past, and the officer on the steps.

Both pictures are the real street around the resident's real porch, cropped
from the scenario map and painted by the same tile painter as the game, at a
zoom where a person is a hand tall on a projector. The left one adds a patrol
car sliding by with a glare on its windshield (nobody can be seen inside); the
right one the car parked at the kerb and the officer at the foot of the porch
steps, face to face with the resident.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.app.art.common import mix, radial_glow
from game.app.art.layout import ROADISH, SIDES, Grid, porch_sides
from game.app.art.people import PersonLook, draw_person
from game.app.art.tiles import render_map
from game.app.art.vehicles import draw_patrol_car
from game.app.ui.palette import Palette
from game.scenario.model import GameMap

VIEW_TILES = 6.0  # tiles across a picture
FOCUS_SHARE = 0.4  # the picture centres this far from the porch toward the street
MARGIN = 1  # tiles cropped beyond the view on each side, so the painter's map edges stay hidden
ROAD_SEARCH = 5  # tiles from the porch to look for the street
SIDE_STEP = 0.4  # tiles the two stand apart along the street, so neither hides the other
PASS_SECONDS = 4.5  # one drive-by, edge to edge
PASS_GAP = 1.0  # seconds of empty street between drive-bys
FIGURE_TILE = 32  # px per tile at which people and the car are drawn at scale 1
DRIVE_BY_VEIL = (40, 52, 74, 46)  # RGBA: a cool, distant wash over the drive-by
GLARE = (255, 252, 236)

Point = tuple[float, float]


@dataclass(frozen=True)
class PorchFrame:
    """Where things stand around one porch, in tile units of ``game_map`` (a crop of the scenario map)."""

    game_map: GameMap
    porch: Point  # centre of the porch tile
    steps: Point  # the foot of the porch steps, where a visitor stands
    lane: Point  # a point on the centre of the near lane
    along: Point  # unit vector along the road
    focus: Point  # what the picture centres on


def _road_from(grid: Grid, tile: tuple[int, int], side: str) -> tuple[tuple[int, int], str] | None:
    """The first road tile out from the porch: straight down the steps, else the nearest one."""
    dx, dy = SIDES[side]
    for k in range(1, ROAD_SEARCH + 1):
        t = (tile[0] + dx * k, tile[1] + dy * k)
        if grid.kind(*t) in ROADISH:
            return t, side
    best = None
    for y in range(tile[1] - ROAD_SEARCH, tile[1] + ROAD_SEARCH + 1):
        for x in range(tile[0] - ROAD_SEARCH, tile[0] + ROAD_SEARCH + 1):
            if grid.kind(x, y) in ROADISH:
                d = abs(x - tile[0]) + abs(y - tile[1])
                if best is None or d < best[0]:
                    best = (d, (x, y))
    if best is None:
        return None
    (x, y) = best[1]
    ddx, ddy = x - tile[0], y - tile[1]
    return best[1], ("e" if ddx > 0 else "w") if abs(ddx) > abs(ddy) else ("s" if ddy > 0 else "n")


def porch_frame(game_map: GameMap, porch_at: tuple[int, int]) -> PorchFrame:
    """Crop the map around a porch and its street; works for porches facing any way."""
    grid = Grid(game_map)
    step_side = porch_sides(grid, porch_at)[1]
    found = _road_from(grid, porch_at, step_side)
    px, py = porch_at[0] + 0.5, porch_at[1] + 0.5
    dx, dy = SIDES[step_side]
    steps = (px + dx * 0.85, py + dy * 0.85)
    if found is None:  # a porch on a footpath: no car can pass here, the street is just out of frame
        road, road_side = (porch_at[0] + dx * 3, porch_at[1] + dy * 3), step_side
    else:
        road, road_side = found
    along = (1.0, 0.0) if road_side in "ns" else (0.0, 1.0)
    lane = (road[0] + 0.5, road[1] + 0.5)
    focus = (px + (lane[0] - px) * FOCUS_SHARE, py + (lane[1] - py) * FOCUS_SHARE)
    half = VIEW_TILES / 2 + MARGIN
    x0 = max(0, math.floor(focus[0] - half))
    y0 = max(0, math.floor(focus[1] - half))
    x1 = min(game_map.width, math.ceil(focus[0] + half))
    y1 = min(game_map.height, math.ceil(focus[1] + half))
    rows = tuple(row[x0:x1] for row in game_map.rows[y0:y1])

    def local(p: Point) -> Point:
        return (p[0] - x0, p[1] - y0)

    return PorchFrame(GameMap(game_map.legend, rows), local((px, py)), local(steps), local(lane),
                      along, local(focus))


class PorchPicture:
    """Paints one frame into a rectangle; the painted street is made once per picture size."""

    def __init__(self, frame: PorchFrame, palette: Palette) -> None:
        self.frame = frame
        self.palette = palette
        self._street: pygame.Surface | None = None
        self._size: tuple[int, int] = (0, 0)
        self.tile = 1.0  # px per tile at the last size
        self._origin: Point = (0.0, 0.0)  # px of the crop's top-left relative to the picture
        self._veil: pygame.Surface | None = None

    def _prepare(self, size: tuple[int, int]) -> None:
        if self._street is not None and self._size == size:
            return
        w, h = size
        tile = max(8, round(max(w / VIEW_TILES, h / (VIEW_TILES * 0.62))))
        self._street = render_map(self.frame.game_map, tile, self.palette)
        self._size, self.tile = size, float(tile)
        self._veil = pygame.Surface(size, pygame.SRCALPHA)
        self._veil.fill(DRIVE_BY_VEIL)
        fx, fy = self.frame.focus
        self._origin = (w / 2 - fx * tile, h / 2 - fy * tile)

    def to_px(self, p: Point) -> Point:
        return (self._origin[0] + p[0] * self.tile, self._origin[1] + p[1] * self.tile)

    @property
    def scale(self) -> float:
        return self.tile / FIGURE_TILE

    def street(self, surface: pygame.Surface, veiled: bool = False) -> None:
        """The painted street; ``veiled`` adds the cool, distant wash of the drive-by."""
        self._prepare(surface.get_size())
        assert self._street is not None and self._veil is not None
        surface.fill(self.palette.grass)
        surface.blit(self._street, (round(self._origin[0]), round(self._origin[1])))
        if veiled:
            surface.blit(self._veil, (0, 0))


@lru_cache(maxsize=16)
def _glow(radius: int, colour: tuple[int, int, int]) -> pygame.Surface:
    """Radial glows are numpy work: made once per size (a picture keeps its size)."""
    return radial_glow(radius, colour)


def _facing(a: Point, b: Point) -> tuple[float, float]:
    return (b[0] - a[0], b[1] - a[1])


def draw_drive_by(surface: pygame.Surface, picture: PorchPicture, look: PersonLook, t: float) -> None:
    """The resident on the porch while the patrol car slides past, its windshield a glare."""
    f = picture.frame
    picture.street(surface, veiled=True)
    period = PASS_SECONDS + PASS_GAP
    share = (t % period) / PASS_SECONDS
    half = VIEW_TILES / 2 + 1.5
    ax, ay = f.along
    lane = (f.lane[0] - ax * half + ax * 2 * half * share, f.lane[1] - ay * half + ay * 2 * half * share)
    her = picture.to_px(f.porch)
    car = picture.to_px(lane)
    heading = math.atan2(ay, ax)
    if share <= 1.0:
        _motion_streaks(surface, car, heading, picture.scale)
        draw_patrol_car(surface, car, heading, False, t, picture.scale, glow=False)
        _windshield_glare(surface, car, heading, picture.scale)
    draw_person(surface, her, look, _facing(her, car) if share <= 1.0 else (0, 1), picture.scale)


def draw_porch_visit(surface: pygame.Surface, picture: PorchPicture, look: PersonLook,
                     officer: PersonLook) -> None:
    """The car parked at the kerb and the officer at the foot of the steps, face to face with them."""
    f = picture.frame
    picture.street(surface)
    ax, ay = f.along
    her = picture.to_px((f.porch[0] - ax * SIDE_STEP / 2, f.porch[1] - ay * SIDE_STEP / 2))
    him = picture.to_px((f.steps[0] + ax * SIDE_STEP, f.steps[1] + ay * SIDE_STEP))
    glow = _glow(round(picture.tile * 1.6), mix(picture.palette.lamp_glow, (0, 0, 0), 0.55))
    centre = ((her[0] + him[0]) / 2, (her[1] + him[1]) / 2)
    surface.blit(glow, glow.get_rect(center=(round(centre[0]), round(centre[1]))),
                 special_flags=pygame.BLEND_RGB_ADD)
    parked = picture.to_px((f.lane[0] - ax * 1.4, f.lane[1] - ay * 1.4))
    draw_patrol_car(surface, parked, math.atan2(ay, ax), False, 0.0, picture.scale, glow=False)
    near, far = sorted(((her, look, _facing(her, him)), (him, officer, _facing(him, her))),
                       key=lambda p: p[0][1])
    for xy, who, facing in (near, far):
        draw_person(surface, xy, who, facing, picture.scale)
    _talk_bubble(surface, (centre[0] + picture.tile * 0.55, min(her[1], him[1]) - picture.tile * 0.95),
                 picture.tile, picture.palette)


def _motion_streaks(surface: pygame.Surface, car: Point, heading: float, scale: float) -> None:
    """Fading lines behind the car: it is going by, not stopping."""
    back = (-math.cos(heading), -math.sin(heading))
    side = (-back[1], back[0])
    for k, offset in enumerate((-5.0, 0.0, 5.0)):
        start = (car[0] + back[0] * 22 * scale + side[0] * offset * scale,
                 car[1] + back[1] * 22 * scale + side[1] * offset * scale)
        length = (26 + 10 * (k % 2)) * scale
        end = (start[0] + back[0] * length, start[1] + back[1] * length)
        pygame.draw.line(surface, (236, 232, 222), start, end, max(1, round(0.8 * scale)))


def _windshield_glare(surface: pygame.Surface, car: Point, heading: float, scale: float) -> None:
    """A bright streak across the windshield: from a porch, nobody can be seen inside."""
    c, s = math.cos(heading), math.sin(heading)

    def at(x: float, y: float) -> Point:
        return (car[0] + (x * c - y * s) * scale, car[1] + (x * s + y * c) * scale)

    streaks = [(235, [at(2.2, -6.8), at(4.8, -6.8), at(7.6, 6.8), at(5.0, 6.8)]),
               (170, [at(5.4, -6.8), at(6.4, -6.8), at(8.0, 2.0), at(7.0, 2.0)])]
    corners = [pygame.Rect(round(x), round(y), 1, 1) for _, pts in streaks for x, y in pts]
    box = corners[0].unionall(corners[1:]).inflate(4, 4)
    glare = pygame.Surface(box.size, pygame.SRCALPHA)
    for alpha, pts in streaks:
        pygame.draw.polygon(glare, (*GLARE, alpha), [(x - box.x, y - box.y) for x, y in pts])
    surface.blit(glare, box.topleft)
    x, y = at(5.0, -2.0)
    bloom = _glow(round(13 * scale), (170, 160, 130))
    surface.blit(bloom, bloom.get_rect(center=(round(x), round(y))), special_flags=pygame.BLEND_RGB_ADD)
    ray = 9 * scale
    for dx, dy in ((1, 0), (0, 1), (0.5, 0.5), (0.5, -0.5)):
        pygame.draw.line(surface, GLARE, (x - dx * ray, y - dy * ray), (x + dx * ray, y + dy * ray),
                         max(1, round(0.5 * scale)))


def _talk_bubble(surface: pygame.Surface, at: Point, tile: float, palette: Palette) -> None:
    """A small speech bubble with three dots: they are talking."""
    w, h = round(tile * 0.62), round(tile * 0.36)
    rect = pygame.Rect(0, 0, w, h)
    rect.center = (round(at[0]), round(at[1]))
    tail = [(rect.x + w * 0.25, rect.bottom - 2), (rect.x + w * 0.2, rect.bottom + h * 0.4),
            (rect.x + w * 0.45, rect.bottom - 2)]
    pygame.draw.rect(surface, palette.text_dark, rect.inflate(4, 4), border_radius=h // 2 + 2)
    pygame.draw.polygon(surface, palette.text_dark, [(x, y + 2) for x, y in tail])
    pygame.draw.rect(surface, palette.fence, rect, border_radius=h // 2)
    pygame.draw.polygon(surface, palette.fence, tail)
    for k in (-1, 0, 1):
        pygame.draw.circle(surface, palette.text_dark, (rect.centerx + k * w // 4, rect.centery),
                           max(2, h // 8))

