"""Yards: trees, bushes, flower beds, fences and hedges, and the odd paddling pool.

Every decoration is placed from a generator seeded by its tile, so the same
map always grows the same trees, whatever order the tiles are visited in. The
plant shapes here are shared with the parks.
"""

from __future__ import annotations

import math
import random
from functools import partial

import pygame

from game.app.art.common import Point, mix, shade, tile_rng
from game.app.art.layout import ROADISH, SIDES, Tile
from game.app.art.painter import LAYER_FENCE, LAYER_FLAT, LAYER_PLANT, LAYER_TREE, Painter

POOL_CHANCE = 0.06  # per free yard tile
POOL_SPACING = 7.0  # tiles between paddling pools


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


def plan_yards(p: Painter) -> None:
    """Trees, bushes, beds, the odd paddling pool, and a fence or hedge along the pavement."""
    g = p.grid
    pools: list[Tile] = []
    for group in g.components("yard"):
        style_roll = tile_rng(*group[0], "boundary").random()
        style = "fence" if style_roll < 0.5 else "hedge" if style_roll < 0.8 else ""
        for tile in group:
            if style:
                _plan_boundary(p, tile, style)
            if tile in p.reserved:
                continue
            # A paddling pool now and then, never two within a few houses of each other.
            pool = tile_rng(*tile, "pool").random() < POOL_CHANCE and all(
                math.dist(tile, other) >= POOL_SPACING for other in pools
            )
            if pool:
                pools.append(tile)
            _plan_yard_tile(p, tile, pool)


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
            p.add(LAYER_FENCE, b[1], partial(picket_fence, a=a, b=b, gap=gap), area=p.span(a, b))
        else:
            p.add(
                LAYER_FENCE,
                b[1],
                partial(hedge, a=a, b=b, seed=seed, gap=gap),
                partial(hedge_shadow, a=a, b=b),
                area=p.span(a, b),
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
            partial(tree, centre=centre, radius=radius, seed=seed, variant=variant),
            partial(tree_shadow, centre=centre, radius=radius),
            area=p.spot(centre, radius),
        )
    elif roll < 0.52:
        size = p.t * rng.uniform(0.22, 0.3)
        p.add(
            LAYER_PLANT,
            centre[1],
            partial(bush, centre=centre, size=size, seed=seed),
            partial(small_shadow, centre=centre, radius=size * 0.8),
            area=p.spot(centre, size),
        )
    elif roll < 0.64:
        p.add(LAYER_FLAT, centre[1], partial(flower_bed, centre=centre, w=p.t * 0.56, h=p.t * 0.3, seed=seed),
              area=p.spot(centre, p.t * 0.3))
    elif pool:
        p.add(LAYER_FLAT, centre[1], partial(kiddie_pool, centre=(cx - p.t * 0.08, cy - p.t * 0.05)),
              area=p.spot(centre, p.t * 0.5))
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
                    partial(bush, centre=(x, y), size=size, seed=s),
                    partial(small_shadow, centre=(x, y), radius=size * 0.7),
                    area=p.spot((x, y), size),
                )
