"""Parks: gravel paths from the street to a fountain, a play area where there is most room,
benches beside the paths, and trees and beds on the open lawn.
"""

from __future__ import annotations

import math
import random
from functools import partial

import numpy as np
import pygame

from game.app.art.common import Point, mix, shade, tile_rng
from game.app.art.greenery import bush, flower_bed, small_shadow, tree, tree_shadow
from game.app.art.layout import ROADISH, SIDES, Tile
from game.app.art.painter import LAYER_FLAT, LAYER_PLANT, LAYER_TREE, Painter

PATH_HALF_WIDTH = 0.13  # tiles


def plan_parks(p: Painter) -> None:
    for group in p.grid.components("park"):
        _plan_park(p, group)


def _bezier(a: Point, c: Point, b: Point, n: int = 16) -> list[Point]:
    return [
        (
            (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
            (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1],
        )
        for t in (i / n for i in range(n + 1))
    ]


class _ParkPlan:
    """Paths and placed things in one park, to keep new things clear of old ones."""

    def __init__(self, p: Painter, tiles: list[Tile]) -> None:
        self.p = p
        self.tiles = set(tiles)
        self.paths: list[list[Point]] = []
        self.discs: list[tuple[Point, float]] = []  # occupied circles (centre, radius) in px
        self._segments: tuple[np.ndarray, np.ndarray] | None = None

    def _path_distance(self, pt: Point) -> float:
        """Distance from ``pt`` to the nearest path centre line (vectorised over all segments)."""
        if self._segments is None:
            starts = [a for path in self.paths for a in path[:-1]]
            ends = [b for path in self.paths for b in path[1:]]
            self._segments = (np.array(starts, float).reshape(-1, 2), np.array(ends, float).reshape(-1, 2))
        a, b = self._segments
        if len(a) == 0:
            return math.inf
        d = b - a
        w = np.asarray(pt, float) - a
        f = np.clip((w * d).sum(axis=1) / np.maximum((d * d).sum(axis=1), 1e-9), 0.0, 1.0)
        return float(np.hypot(*(w - f[:, None] * d).T).min())

    def clearance(self, pt: Point) -> float:
        """Free distance around ``pt``: to paths, placed things and the park's own edge."""
        t = self.p.t
        tile = (int(pt[0] // t), int(pt[1] // t))
        if tile not in self.tiles:
            return -1.0
        best = self._path_distance(pt) - PATH_HALF_WIDTH * t
        for centre, r in self.discs:
            best = min(best, math.dist(pt, centre) - r)
        for side, (dx, dy) in SIDES.items():
            if (tile[0] + dx, tile[1] + dy) not in self.tiles:
                edge = {"n": tile[1] * t, "s": (tile[1] + 1) * t, "w": tile[0] * t, "e": (tile[0] + 1) * t}[
                    side
                ]
                best = min(best, abs((pt[1] if side in "ns" else pt[0]) - edge))
        return best


def _plan_park(p: Painter, tiles: list[Tile]) -> None:
    plan = _ParkPlan(p, tiles)
    xs = [x for x, _ in tiles]
    ys = [y for _, y in tiles]
    bw, bh = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    t = p.t
    rng = tile_rng(*tiles[0], "park")
    if min(bw, bh) == 1:
        _strip_path(p, plan, tiles, horizontal=bw >= bh)
    else:
        _radial_paths(p, plan, tiles, rng)
    if plan.paths:
        area = p.tile_rect(tiles[0]).unionall([p.tile_rect(tile) for tile in tiles])
        p.add(LAYER_FLAT, -1, partial(_draw_paths, plan=plan, tiles=tiles), area=area)
    # The play area goes where there is most room.
    candidates = [
        ((x + fx) * t, (y + fy) * t) for x, y in tiles for fx in (0.3, 0.5, 0.7) for fy in (0.3, 0.5, 0.7)
    ]
    spot = max(candidates, key=plan.clearance)
    room = plan.clearance(spot)
    if room >= 0.3 * t:
        size = min(0.8 * t, 2 * room - 0.04 * t)
        plan.discs.append((spot, size * 0.72))
        p.add(
            LAYER_FLAT,
            spot[1],
            partial(play_area, centre=spot, size=size),
            partial(small_shadow, centre=(spot[0] + size * 0.15, spot[1] - size * 0.1), radius=size * 0.18),
            area=p.spot(spot, size),
        )
    benches = 0
    for path in plan.paths:
        if benches >= 2 or len(path) < 6:
            break
        a, b = path[len(path) // 3], path[len(path) // 3 + 1]
        along = math.atan2(b[1] - a[1], b[0] - a[0])
        normal = (-math.sin(along), math.cos(along))
        for sign in (1, -1):
            seat = (a[0] + normal[0] * sign * t * 0.26, a[1] + normal[1] * sign * t * 0.26)
            if plan.clearance(seat) >= 0.06 * t:
                plan.discs.append((seat, 0.16 * t))
                p.add(
                    LAYER_PLANT,
                    seat[1],
                    partial(bench, centre=seat, angle=along),
                    partial(small_shadow, centre=seat, radius=p.t * 0.1),
                    area=p.spot(seat, p.t * 0.3),
                )
                benches += 1
                break
    for tile in tiles:
        trng = tile_rng(*tile, "park-tree")
        roll = trng.random()
        centre = ((tile[0] + trng.uniform(0.25, 0.75)) * t, (tile[1] + trng.uniform(0.25, 0.75)) * t)
        seed = f"park:{tile}"
        if roll < 0.42:
            radius = t * trng.uniform(0.28, 0.46)
            if plan.clearance(centre) >= radius * 0.75:
                plan.discs.append((centre, radius * 0.85))
                variant = "conifer" if trng.random() < 0.2 else "leafy"
                p.add(
                    LAYER_TREE,
                    centre[1],
                    partial(tree, centre=centre, radius=radius, seed=seed, variant=variant),
                    partial(tree_shadow, centre=centre, radius=radius),
                    area=p.spot(centre, radius),
                )
                continue
        if roll < 0.58 and plan.clearance(centre) >= 0.2 * t:
            plan.discs.append((centre, 0.2 * t))
            if trng.random() < 0.5:
                p.add(
                    LAYER_FLAT,
                    centre[1],
                    partial(flower_bed, centre=centre, w=p.t * 0.4, h=p.t * 0.26, seed=seed),
                    area=p.spot(centre, p.t * 0.2),
                )
            else:
                size = t * 0.2
                p.add(
                    LAYER_PLANT,
                    centre[1],
                    partial(bush, centre=centre, size=size, seed=seed),
                    partial(small_shadow, centre=centre, radius=size * 0.8),
                    area=p.spot(centre, size),
                )


def _strip_path(p: Painter, plan: _ParkPlan, tiles: list[Tile], horizontal: bool) -> None:
    """A narrow park gets one path along its length, on the side nearest the street."""
    t = p.t
    first, last = min(tiles), max(tiles)
    near = {"n": 0, "s": 0} if horizontal else {"w": 0, "e": 0}
    for tile in tiles:
        for side in near:
            if p.grid.neighbour(tile, side) in ("sidewalk", *ROADISH):
                near[side] += 1
    side = max(near, key=lambda s: (near[s], s))
    offset = 0.27 if side in "nw" else 0.73
    if horizontal:
        y = (first[1] + offset) * t
        plan.paths.append([(first[0] * t, y), ((last[0] + 1) * t, y)])
    else:
        x = (first[0] + offset) * t
        plan.paths.append([(x, first[1] * t), (x, (last[1] + 1) * t)])


def _radial_paths(p: Painter, plan: _ParkPlan, tiles: list[Tile], rng: random.Random) -> None:
    """Paths from a gate on each street side to a middle where they meet (a fountain if there is room).

    Each side's gate is the opening nearest the hub, so paths cross the lawn
    instead of all crowding in from one edge.
    """
    t = p.t
    mx = sum(x for x, _ in tiles) / len(tiles)
    my = sum(y for _, y in tiles) / len(tiles)
    hub_tile = min(tiles, key=lambda tl: ((tl[0] - mx) ** 2 + (tl[1] - my) ** 2, tl))
    hub = p.centre(hub_tile)
    by_side: dict[str, Point] = {}
    for tile in tiles:
        for side, (dx, dy) in SIDES.items():
            if p.grid.neighbour(tile, side) in ("sidewalk", *ROADISH):
                gate = ((tile[0] + 0.5 + dx * 0.5) * t, (tile[1] + 0.5 + dy * 0.5) * t)
                if side not in by_side or math.dist(gate, hub) < math.dist(by_side[side], hub):
                    by_side[side] = gate
    gates = [gate for side, gate in sorted(by_side.items()) if math.dist(gate, hub) > t]
    for gate in gates:
        mid = ((gate[0] + hub[0]) / 2, (gate[1] + hub[1]) / 2)
        length = math.dist(gate, hub)
        bend = rng.uniform(-0.25, 0.25) * length
        normal = (-(hub[1] - gate[1]) / length, (hub[0] - gate[0]) / length)
        plan.paths.append(_bezier(gate, (mid[0] + normal[0] * bend, mid[1] + normal[1] * bend), hub))
    neighbours = sum((hub_tile[0] + dx, hub_tile[1] + dy) in plan.tiles for dx, dy in SIDES.values())
    if neighbours >= 3:
        plan.discs.append((hub, 0.5 * t))
        p.add(LAYER_FLAT, hub[1], partial(fountain, centre=hub), area=p.spot(hub, p.t))


def _draw_paths(p: Painter, plan: _ParkPlan, tiles: list[Tile]) -> None:
    """Gravel paths, painted on a layer the size of the park and trimmed to its tiles."""
    t = p.t
    x0, y0 = min(x for x, _ in tiles), min(y for _, y in tiles)
    x1, y1 = max(x for x, _ in tiles), max(y for _, y in tiles)
    origin = (x0 * t, y0 * t)
    layer = pygame.Surface(((x1 - x0 + 1) * t, (y1 - y0 + 1) * t), pygame.SRCALPHA)
    w = round(PATH_HALF_WIDTH * 2 * t)
    for colour, width in ((p.palette.path_edge, w + max(2, t // 16)), (p.palette.path, w)):
        for path in plan.paths:
            local = [(x - origin[0], y - origin[1]) for x, y in path]
            pygame.draw.lines(layer, colour, False, local, width)
            for pt in local:
                pygame.draw.circle(layer, colour, pt, width / 2)
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            if (x, y) not in plan.tiles:
                layer.fill((0, 0, 0, 0), pygame.Rect((x - x0) * t, (y - y0) * t, t, t))
    p.surface.blit(layer, origin)


def fountain(p: Painter, centre: Point) -> None:
    pal = p.palette
    t = p.t
    pygame.draw.circle(p.surface, pal.path_edge, centre, t * 0.5)
    pygame.draw.circle(p.surface, pal.path, centre, t * 0.47)
    pygame.draw.circle(p.surface, shade(pal.kerb, 0.8), centre, t * 0.3)
    pygame.draw.circle(p.surface, pal.kerb, centre, t * 0.28)
    pygame.draw.circle(p.surface, pal.water, centre, t * 0.22)
    pygame.draw.circle(p.surface, mix(pal.water, (255, 255, 255), 0.35), centre, t * 0.14, max(1, t // 40))
    pygame.draw.circle(p.surface, pal.kerb, centre, t * 0.06)
    pygame.draw.circle(p.surface, (255, 255, 255), (centre[0] - t * 0.015, centre[1] - t * 0.02), t * 0.025)


def play_area(p: Painter, centre: Point, size: float) -> None:
    """Soft mulch square with a sandbox, a slide and a spring rider."""
    pal = p.palette
    area = pygame.Rect(0, 0, round(size), round(size))
    area.center = (round(centre[0]), round(centre[1]))
    radius = max(2, round(size * 0.18))
    pygame.draw.rect(
        p.surface, shade(pal.mulch, 0.75), area.inflate(p.t // 16, p.t // 16), border_radius=radius
    )
    pygame.draw.rect(p.surface, pal.mulch, area, border_radius=radius)
    box = pygame.Rect(area.x + size * 0.1, area.y + size * 0.52, size * 0.4, size * 0.38)
    pygame.draw.rect(p.surface, pal.wood, box, border_radius=max(1, p.t // 40))
    pygame.draw.rect(p.surface, pal.sand, box.inflate(-size * 0.08, -size * 0.08))
    pygame.draw.circle(p.surface, pal.priority[1], (box.centerx + size * 0.04, box.centery), size * 0.05)
    deck = pygame.Rect(area.x + size * 0.56, area.y + size * 0.1, size * 0.24, size * 0.24)
    chute = pygame.Rect(deck.x + size * 0.04, deck.bottom, size * 0.16, size * 0.44)
    pygame.draw.rect(p.surface, shade(pal.accent_alt, 0.9), chute, border_radius=max(1, p.t // 40))
    pygame.draw.rect(p.surface, shade(pal.accent_alt, 1.25), chute.inflate(-size * 0.08, -size * 0.04))
    pygame.draw.rect(p.surface, pal.awning, deck)
    pygame.draw.rect(p.surface, shade(pal.awning, 0.6), deck, max(1, p.t // 40))
    rider = (area.x + size * 0.2, area.y + size * 0.24)
    pygame.draw.circle(p.surface, shade(pal.lane_paint, 0.7), rider, size * 0.1)
    pygame.draw.circle(
        p.surface, pal.lane_paint, (rider[0] - size * 0.015, rider[1] - size * 0.02), size * 0.075
    )


def bench(p: Painter, centre: Point, angle: float) -> None:
    pal = p.palette
    length, depth = p.t * 0.34, p.t * 0.11
    c, s = math.cos(angle), math.sin(angle)

    def box(w: float, h: float, shift: float) -> list[Point]:
        ox, oy = -s * shift, c * shift
        return [
            (centre[0] + ox + c * dx - s * dy, centre[1] + oy + s * dx + c * dy)
            for dx, dy in ((-w, -h), (w, -h), (w, h), (-w, h))
        ]

    pygame.draw.polygon(p.surface, pal.wood_dark, box(length / 2, depth / 2, 0))
    pygame.draw.polygon(p.surface, pal.wood, box(length / 2 - 1, depth / 2 - 1, 0))
    pygame.draw.polygon(p.surface, shade(pal.wood_dark, 0.8), box(length / 2, depth * 0.15, depth * 0.45))
