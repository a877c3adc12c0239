"""Trees, hedges, fences, flower beds, park paths, a play area and street lamps.

Every decoration is placed from a generator seeded by its tile (or its park's
first tile), so the same map always grows the same trees, whatever order the
tiles are visited in.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

import numpy as np
import pygame

from game.app.art.common import Point, mix, shade, tile_rng
from game.app.art.layout import ROADISH, SIDES, Tile, streetlight_tiles
from game.app.art.painter import LAYER_FENCE, LAYER_FLAT, LAYER_LAMP, LAYER_PLANT, LAYER_TREE, Painter

PATH_HALF_WIDTH = 0.13  # tiles
LAMP_REACH = 0.42  # tiles from the sidewalk tile's centre toward the road


def lamp_heads(tiles: Sequence[tuple[Tile, str]], tile_px: float) -> list[Point]:
    """Pixel positions of the lamp heads, where the night glow is centred."""
    heads = []
    for (x, y), side in tiles:
        dx, dy = SIDES[side]
        heads.append(((x + 0.5 + dx * LAMP_REACH) * tile_px, (y + 0.5 + dy * LAMP_REACH) * tile_px))
    return heads


def plan_greenery(p: Painter) -> None:
    _plan_yards(p)
    for group in p.grid.components("park"):
        _plan_park(p, group)
    _plan_lamps(p)


# --- shapes ---------------------------------------------------------------------------


def tree(p: Painter, centre: Point, radius: float, seed: str, variant: str) -> None:
    rng = random.Random(seed)
    pal = p.palette
    cx, cy = centre
    if variant == "conifer":
        for k in range(3):
            r = radius * (1.0 - 0.27 * k)
            turn = rng.random()
            points = []
            for i in range(18):
                a = (i / 18 + turn) * math.tau
                rr = r if i % 2 == 0 else r * 0.74
                points.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
            pygame.draw.polygon(p.surface, shade(pal.conifer, 0.8 + 0.22 * k), points)
        pygame.draw.circle(
            p.surface, shade(pal.conifer, 1.5), (cx - radius * 0.1, cy - radius * 0.1), radius * 0.12
        )
        return
    base = rng.choice(pal.leaves)
    pygame.draw.circle(p.surface, shade(base, 0.66), (cx + radius * 0.05, cy + radius * 0.07), radius)
    n = 7
    for i in range(n):
        a = (i + rng.random() * 0.5) / n * math.tau
        d = radius * (0.38 + 0.08 * rng.random())
        pygame.draw.circle(
            p.surface, base, (cx + math.cos(a) * d, cy + math.sin(a) * d), radius * (0.5 + 0.1 * rng.random())
        )
    light = mix(base, pal.leaf_light, 0.5)
    for i in range(4):
        a = math.radians(200 + 30 * i + rng.uniform(-10, 10))
        d = radius * 0.45
        pygame.draw.circle(p.surface, light, (cx + math.cos(a) * d, cy + math.sin(a) * d), radius * 0.28)
    pygame.draw.circle(
        p.surface, mix(base, pal.leaf_light, 0.75), (cx - radius * 0.32, cy - radius * 0.36), radius * 0.16
    )
    dot = max(1.0, radius * 0.07)
    for _ in range(int(radius * 0.6)):
        a, d = rng.random() * math.tau, radius * 0.8 * math.sqrt(rng.random())
        colour = shade(base, 0.75) if rng.random() < 0.6 else light
        pygame.draw.circle(p.surface, colour, (cx + math.cos(a) * d, cy + math.sin(a) * d), dot)
    if variant == "blossom":
        for _ in range(int(radius * 0.8)):
            a, d = rng.random() * math.tau, radius * 0.85 * math.sqrt(rng.random())
            pygame.draw.circle(
                p.surface,
                pal.flowers[0] if rng.random() < 0.7 else pal.flowers[2],
                (cx + math.cos(a) * d, cy + math.sin(a) * d),
                dot * 1.2,
            )


def tree_shadow(p: Painter, centre: Point, radius: float) -> None:
    ox, oy = p.shadow_offset(1.1)
    r = pygame.Rect(0, 0, radius * 2.1, radius * 1.7)
    r.center = (round(centre[0] + ox), round(centre[1] + oy))
    pygame.draw.ellipse(p.shadows, (*p.palette.shadow[:3], 255), r)


def bush(p: Painter, centre: Point, size: float, seed: str) -> None:
    rng = random.Random(seed)
    pal = p.palette
    base = rng.choice(pal.leaves)
    blobs = [
        (
            centre[0] + rng.uniform(-1, 1) * size * 0.5,
            centre[1] + rng.uniform(-1, 1) * size * 0.4,
            size * rng.uniform(0.45, 0.65),
        )
        for _ in range(3)
    ]
    for x, y, r in blobs:
        pygame.draw.circle(p.surface, shade(base, 0.66), (x + r * 0.12, y + r * 0.15), r)
    for x, y, r in blobs:
        pygame.draw.circle(p.surface, base, (x, y), r * 0.9)
        pygame.draw.circle(p.surface, mix(base, pal.leaf_light, 0.55), (x - r * 0.3, y - r * 0.3), r * 0.35)
    if rng.random() < 0.4:
        colour = rng.choice(pal.flowers)
        for _ in range(6):
            x, y, r = rng.choice(blobs)
            pygame.draw.circle(
                p.surface,
                colour,
                (x + rng.uniform(-0.6, 0.6) * r, y + rng.uniform(-0.6, 0.6) * r),
                max(1.0, size * 0.09),
            )


def small_shadow(p: Painter, centre: Point, radius: float) -> None:
    ox, oy = p.shadow_offset(0.35)
    pygame.draw.circle(p.shadows, (*p.palette.shadow[:3], 255), (centre[0] + ox, centre[1] + oy), radius)


def flower_bed(p: Painter, centre: Point, w: float, h: float, seed: str) -> None:
    rng = random.Random(seed)
    pal = p.palette
    bed = pygame.Rect(0, 0, round(w), round(h))
    bed.center = (round(centre[0]), round(centre[1]))
    pygame.draw.ellipse(p.surface, shade(pal.soil, 0.8), bed.inflate(p.t // 16, p.t // 16))
    pygame.draw.ellipse(p.surface, pal.soil, bed)
    colours = rng.sample(pal.flowers, 2)
    for i in range(int(w * h / (p.t * p.t) * 90) + 4):
        a, d = rng.random() * math.tau, math.sqrt(rng.random()) * 0.42
        pt = (bed.centerx + math.cos(a) * d * w, bed.centery + math.sin(a) * d * h)
        if i % 3 == 0:
            pygame.draw.circle(p.surface, pal.leaves[1], pt, max(1.0, p.t * 0.035))
        else:
            pygame.draw.circle(p.surface, colours[i % 2], pt, max(1.0, p.t * 0.03))


def kiddie_pool(p: Painter, centre: Point) -> None:
    """Summer on the block: a paddling pool and a beach ball."""
    pal = p.palette
    r = p.t * 0.21
    pygame.draw.circle(p.surface, pal.awning_light, centre, r)
    pygame.draw.circle(p.surface, pal.water, centre, r * 0.78)
    pygame.draw.circle(
        p.surface,
        mix(pal.water, (255, 255, 255), 0.45),
        (centre[0] - r * 0.25, centre[1] - r * 0.25),
        r * 0.25,
    )
    ball = (centre[0] + r * 1.25, centre[1] + r * 0.7)
    pygame.draw.circle(p.surface, pal.awning_light, ball, r * 0.3)
    pygame.draw.circle(p.surface, pal.awning, ball, r * 0.3, draw_top_left=True, draw_bottom_right=True)
    pygame.draw.circle(p.surface, pal.accent_alt, ball, r * 0.3, draw_top_right=True)


def picket_fence(p: Painter, a: Point, b: Point, gap: float = 0.0) -> None:
    """White pickets on a rail; ``gap`` leaves a gate (in tiles) in the middle."""
    pal = p.palette
    length = math.dist(a, b)
    if length == 0:
        return
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    mid = length / 2
    pieces = [(0.0, mid - gap * p.t / 2), (mid + gap * p.t / 2, length)] if gap else [(0.0, length)]
    width = max(1, p.t // 28)
    step = p.t * 0.125
    s = p.px(0.06)
    for lo, hi in pieces:
        if hi <= lo:
            continue
        start = (a[0] + ux * lo, a[1] + uy * lo)
        end = (a[0] + ux * hi, a[1] + uy * hi)
        pygame.draw.line(
            p.surface,
            shade(pal.fence, 0.55),
            (start[0] + s, start[1] + s * 0.6),
            (end[0] + s, end[1] + s * 0.6),
            width,
        )
        pygame.draw.line(p.surface, shade(pal.fence, 0.8), start, end, width)
        v = lo + step / 2
        while v < hi:
            r = pygame.Rect(0, 0, s, s)
            r.center = (round(a[0] + ux * v), round(a[1] + uy * v))
            pygame.draw.rect(p.surface, pal.fence, r)
            pygame.draw.rect(p.surface, shade(pal.fence, 0.7), r, max(1, p.t // 64))
            v += step


def hedge(p: Painter, a: Point, b: Point, seed: str, gap: float = 0.0) -> None:
    rng = random.Random(seed)
    length = math.dist(a, b)
    ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
    r = p.t * 0.1
    base = p.palette.leaves[0]
    v = r * 0.6
    blobs = []
    while v < length - r * 0.5:
        if not gap or abs(v - length / 2) > gap * p.t / 2 + r * 0.5:
            blobs.append((a[0] + ux * v, a[1] + uy * v, r * rng.uniform(0.85, 1.1)))
        v += r * 0.8
    for x, y, rr in blobs:
        pygame.draw.circle(p.surface, shade(base, 0.62), (x + rr * 0.15, y + rr * 0.2), rr)
    for x, y, rr in blobs:
        pygame.draw.circle(p.surface, base, (x, y), rr * 0.86)
    for x, y, rr in blobs:
        pygame.draw.circle(
            p.surface, mix(base, p.palette.leaf_light, 0.45), (x - rr * 0.3, y - rr * 0.35), rr * 0.3
        )


def hedge_shadow(p: Painter, a: Point, b: Point) -> None:
    ox, oy = p.shadow_offset(0.4)
    pygame.draw.line(
        p.shadows, (*p.palette.shadow[:3], 255), (a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy), p.px(0.2)
    )


# --- yards ---------------------------------------------------------------------------


def _plan_yards(p: Painter) -> None:
    g = p.grid
    for group in g.components("yard"):
        rng = tile_rng(*group[0], "boundary")
        style_roll = rng.random()
        style = "fence" if style_roll < 0.5 else "hedge" if style_roll < 0.8 else ""
        free = [tile for tile in group if tile not in p.reserved]
        # At most one paddling pool per yard, and only in some yards.
        pool = rng.choice(free) if free and rng.random() < 0.35 else None
        for tile in group:
            if style:
                _plan_boundary(p, tile, style)
        for tile in free:
            _plan_yard_tile(p, tile, pool=tile == pool)


def _plan_boundary(p: Painter, tile: Tile, style: str) -> None:
    r = p.tile_rect(tile)
    inset = p.t * 0.08
    gap = 0.42 if tile in p.reserved else 0.0
    ends = {
        "n": ((r.left, r.top + inset), (r.right, r.top + inset)),
        "s": ((r.left, r.bottom - inset), (r.right, r.bottom - inset)),
        "w": ((r.left + inset, r.top), (r.left + inset, r.bottom)),
        "e": ((r.right - inset, r.top), (r.right - inset, r.bottom)),
    }
    for side, (a, b) in ends.items():
        if p.grid.neighbour(tile, side) not in ("sidewalk", *ROADISH):
            continue
        seed = f"hedge:{tile}:{side}"
        if style == "fence":
            p.add(LAYER_FENCE, b[1], lambda q, a=a, b=b: picket_fence(q, a, b, gap))
        else:
            p.add(
                LAYER_FENCE,
                b[1],
                lambda q, a=a, b=b, s=seed: hedge(q, a, b, s, gap),
                lambda q, a=a, b=b: hedge_shadow(q, a, b),
            )


def _plan_yard_tile(p: Painter, tile: Tile, pool: bool) -> None:
    rng = tile_rng(*tile, "yard")
    cx, cy = p.centre(tile)
    roll = 0.99 if pool else rng.random() * 0.9
    jitter = (rng.uniform(-0.14, 0.14) * p.t, rng.uniform(-0.14, 0.14) * p.t)
    centre = (cx + jitter[0], cy + jitter[1])
    seed = f"yard:{tile}"
    if roll < 0.32:
        radius = p.t * rng.uniform(0.3, 0.44)
        variant = "conifer" if rng.random() < 0.18 else "blossom" if rng.random() < 0.08 else "leafy"
        p.add(
            LAYER_TREE,
            centre[1],
            lambda q: tree(q, centre, radius, seed, variant),
            lambda q: tree_shadow(q, centre, radius),
        )
    elif roll < 0.52:
        size = p.t * rng.uniform(0.22, 0.3)
        p.add(
            LAYER_PLANT,
            centre[1],
            lambda q: bush(q, centre, size, seed),
            lambda q: small_shadow(q, centre, size * 0.8),
        )
    elif roll < 0.64:
        p.add(LAYER_FLAT, centre[1], lambda q: flower_bed(q, centre, q.t * 0.56, q.t * 0.3, seed))
    elif pool:
        p.add(LAYER_FLAT, centre[1], lambda q: kiddie_pool(q, (cx - q.t * 0.08, cy - q.t * 0.05)))
    for side in SIDES:  # shrubs along the foundation of a neighbouring house
        if p.grid.neighbour(tile, side) == "house" and rng.random() < 0.45:
            dx, dy = SIDES[side]
            for k in (-0.28, 0.0, 0.28):
                x = cx + dx * p.t * 0.36 + abs(dy) * k * p.t
                y = cy + dy * p.t * 0.36 + abs(dx) * k * p.t
                size = p.t * rng.uniform(0.12, 0.16)
                s = f"{seed}:{side}:{k}"
                p.add(
                    LAYER_PLANT,
                    y,
                    lambda q, pt=(x, y), z=size, s=s: bush(q, pt, z, s),
                    lambda q, pt=(x, y), z=size: small_shadow(q, pt, z * 0.7),
                )


# --- parks -----------------------------------------------------------------------------


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
        p.add(LAYER_FLAT, -1, lambda q: _draw_paths(q, plan, tiles))
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
            lambda q: play_area(q, spot, size),
            lambda q: small_shadow(q, (spot[0] + size * 0.15, spot[1] - size * 0.1), size * 0.18),
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
                    lambda q, s=seat, ang=along: bench(q, s, ang),
                    lambda q, s=seat: small_shadow(q, s, q.t * 0.1),
                )
                benches += 1
                break
    for tile in tiles:
        trng = tile_rng(*tile, "park-tree")
        roll = trng.random()
        centre = ((tile[0] + trng.uniform(0.25, 0.75)) * t, (tile[1] + trng.uniform(0.25, 0.75)) * t)
        seed = f"park:{tile}"
        if roll < 0.55:
            radius = t * trng.uniform(0.28, 0.46)
            if plan.clearance(centre) >= radius * 0.75:
                plan.discs.append((centre, radius * 0.85))
                variant = "conifer" if trng.random() < 0.2 else "leafy"
                p.add(
                    LAYER_TREE,
                    centre[1],
                    lambda q, c=centre, r=radius, s=seed, v=variant: tree(q, c, r, s, v),
                    lambda q, c=centre, r=radius: tree_shadow(q, c, r),
                )
                continue
        if roll < 0.8 and plan.clearance(centre) >= 0.2 * t:
            plan.discs.append((centre, 0.2 * t))
            if trng.random() < 0.5:
                p.add(
                    LAYER_FLAT,
                    centre[1],
                    lambda q, c=centre, s=seed: flower_bed(q, c, q.t * 0.4, q.t * 0.26, s),
                )
            else:
                size = t * 0.2
                p.add(
                    LAYER_PLANT,
                    centre[1],
                    lambda q, c=centre, z=size, s=seed: bush(q, c, z, s),
                    lambda q, c=centre, z=size: small_shadow(q, c, z * 0.8),
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
    """Paths from up to three gates to a middle where they meet (a fountain if there is room)."""
    t = p.t
    mx = sum(x for x, _ in tiles) / len(tiles)
    my = sum(y for _, y in tiles) / len(tiles)
    hub_tile = min(tiles, key=lambda tl: ((tl[0] - mx) ** 2 + (tl[1] - my) ** 2, tl))
    hub = p.centre(hub_tile)
    gates: list[Point] = []
    for tile in tiles:
        for side, (dx, dy) in SIDES.items():
            if p.grid.neighbour(tile, side) in ("sidewalk", *ROADISH):
                gate = ((tile[0] + 0.5 + dx * 0.5) * t, (tile[1] + 0.5 + dy * 0.5) * t)
                if all(math.dist(gate, g) >= 2.5 * t for g in gates) and math.dist(gate, hub) > t:
                    gates.append(gate)
    for gate in gates[:3]:
        mid = ((gate[0] + hub[0]) / 2, (gate[1] + hub[1]) / 2)
        length = math.dist(gate, hub)
        bend = rng.uniform(-0.25, 0.25) * length
        normal = (-(hub[1] - gate[1]) / length, (hub[0] - gate[0]) / length)
        plan.paths.append(_bezier(gate, (mid[0] + normal[0] * bend, mid[1] + normal[1] * bend), hub))
    neighbours = sum((hub_tile[0] + dx, hub_tile[1] + dy) in plan.tiles for dx, dy in SIDES.values())
    if neighbours >= 3:
        plan.discs.append((hub, 0.5 * t))
        p.add(LAYER_FLAT, hub[1], lambda q: fountain(q, hub))


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


# --- lamps ---------------------------------------------------------------------------


def _plan_lamps(p: Painter) -> None:
    tiles = streetlight_tiles(p.grid)
    for ((x, y), side), head in zip(tiles, lamp_heads(tiles, p.t), strict=True):
        dx, dy = SIDES[side]
        base = ((x + 0.5 + dx * 0.3) * p.t, (y + 0.5 + dy * 0.3) * p.t)
        p.add(
            LAYER_LAMP,
            base[1],
            lambda q, b=base, h=head: street_lamp(q, b, h),
            lambda q, b=base: _pole_shadow(q, b),
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


def _pole_shadow(p: Painter, base: Point) -> None:
    ox, oy = p.shadow_offset(2.4)
    pygame.draw.line(p.shadows, (*p.palette.shadow[:3], 255), base, (base[0] + ox, base[1] + oy), p.px(0.05))
