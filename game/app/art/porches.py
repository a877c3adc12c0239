"""Front porches: a wooden deck against the house, steps to the street, railings, a chair, a plant.

The porch is where the game's best conversations happen, so it gets the most
care of any ground-level tile: it must read as a place to sit at 32 pixels.
"""

from __future__ import annotations

import random

import pygame

from game.app.art.common import mix, shade, tile_rng
from game.app.art.layout import SIDES, Tile, porch_sides
from game.app.art.painter import Painter
from game.app.art.roofs import edge_point


def porch(p: Painter, tile: Tile) -> None:
    """Wooden deck against the house, steps toward the street, railings, a chair and a plant."""
    pal, g = p.palette, p.grid
    house_side, step_side = porch_sides(g, tile)
    deck = p.tile_rect(tile)
    inset = {s: 0.07 for s in SIDES}
    inset[house_side] = -0.08
    inset[step_side] = 0.24
    for s in SIDES:
        if g.neighbour(tile, s) == "porch":
            inset[s] = 0.0
    deck = pygame.Rect(
        deck.x + inset["w"] * p.t,
        deck.y + inset["n"] * p.t,
        p.t * (1 - inset["w"] - inset["e"]),
        p.t * (1 - inset["n"] - inset["s"]),
    )
    pygame.draw.rect(p.surface, shade(pal.wood_dark, 0.7), deck.move(p.px(0.04), p.px(0.03)))
    pygame.draw.rect(p.surface, pal.wood, deck)
    planks_vertical = house_side in "ns"
    gap = max(3, round(p.t * 0.1))
    rng = tile_rng(*tile, "porch")
    for k, v in enumerate(
        range(deck.x if planks_vertical else deck.y, deck.right if planks_vertical else deck.bottom, gap)
    ):
        board = (
            pygame.Rect(v, deck.y, gap, deck.h) if planks_vertical else pygame.Rect(deck.x, v, deck.w, gap)
        )
        board = board.clip(deck)
        pygame.draw.rect(
            p.surface, shade(pal.wood, 0.94 + 0.1 * rng.random() + (0.03 if k % 2 else 0)), board
        )
        edge = (board.topleft, board.bottomleft) if planks_vertical else (board.topleft, board.topright)
        pygame.draw.line(p.surface, pal.wood_dark, *edge, max(1, p.t // 48))
    _steps(p, tile, deck, step_side)
    _railings(p, tile, deck, house_side, step_side)
    _chair(p, deck, house_side, rng)
    _mat(p, deck, house_side)


def _steps(p: Painter, tile: Tile, deck: pygame.Rect, side: str) -> None:
    pal = p.palette
    dx, dy = SIDES[side]
    depth = p.t * 0.085
    half = p.t * 0.24
    edge = edge_point(deck, side, deck.centerx if side in "ns" else deck.centery)
    for k, light in ((0, 1.12), (1, 0.98)):
        a = (edge[0] + dx * depth * k, edge[1] + dy * depth * k)
        b = (a[0] + dx * depth, a[1] + dy * depth)
        if side in "ns":
            r = pygame.Rect(round(edge[0] - half), round(min(a[1], b[1])), round(2 * half), round(depth))
        else:
            r = pygame.Rect(round(min(a[0], b[0])), round(edge[1] - half), round(depth), round(2 * half))
        pygame.draw.rect(p.surface, shade(pal.wood, light), r)
        pygame.draw.rect(p.surface, pal.wood_dark, r, max(1, p.t // 48))


def _railings(p: Painter, tile: Tile, deck: pygame.Rect, house_side: str, step_side: str) -> None:
    pal = p.palette
    width = max(2, p.t // 20)
    post = p.px(0.08)
    ends = {
        "n": (deck.topleft, deck.topright),
        "s": (deck.bottomleft, deck.bottomright),
        "w": (deck.topleft, deck.bottomleft),
        "e": (deck.topright, deck.bottomright),
    }
    for side, (a, b) in ends.items():
        if side == house_side or p.grid.neighbour(tile, side) == "porch":
            continue
        if side == step_side:  # leave the opening for the steps
            mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
            gap = p.t * 0.26
            ux, uy = ((b[0] - a[0]), (b[1] - a[1]))
            length = max(1.0, (ux * ux + uy * uy) ** 0.5)
            ux, uy = ux / length, uy / length
            segments = [
                (a, (mid[0] - ux * gap, mid[1] - uy * gap)),
                ((mid[0] + ux * gap, mid[1] + uy * gap), b),
            ]
        else:
            segments = [(a, b)]
        for s0, s1 in segments:
            pygame.draw.line(
                p.surface, shade(pal.fence, 0.7), (s0[0] + 1, s0[1] + 1), (s1[0] + 1, s1[1] + 1), width
            )
            pygame.draw.line(p.surface, pal.fence, s0, s1, width)
            for pt in (s0, s1):
                r = pygame.Rect(0, 0, post, post)
                r.center = (round(pt[0]), round(pt[1]))
                pygame.draw.rect(p.surface, pal.fence, r)
                pygame.draw.rect(p.surface, shade(pal.fence, 0.65), r, max(1, p.t // 48))


def _chair(p: Painter, deck: pygame.Rect, house_side: str, rng: random.Random) -> None:
    """A rocking chair near the railing, facing the street; a potted plant in the other corner."""
    pal = p.palette
    hx, hy = SIDES[house_side]
    side_dir = (hy, hx) if rng.random() < 0.5 else (-hy, -hx)
    cx = deck.centerx + side_dir[0] * deck.w * 0.27 + hx * deck.w * 0.05
    cy = deck.centery + side_dir[1] * deck.h * 0.27 + hy * deck.h * 0.05
    s = p.t * 0.2
    seat = pygame.Rect(0, 0, round(s), round(s))
    seat.center = (round(cx), round(cy))
    pygame.draw.rect(
        p.surface, shade(pal.wood_dark, 0.55), seat.move(p.px(0.04), p.px(0.03)), border_radius=2
    )
    pygame.draw.rect(p.surface, pal.wood_dark, seat, border_radius=max(1, p.t // 32))
    pygame.draw.rect(
        p.surface,
        mix(pal.awning, pal.awning_light, 0.3),
        seat.inflate(-s * 0.35, -s * 0.35),
        border_radius=max(1, p.t // 32),
    )
    back = edge_point(seat, house_side, seat.centerx if house_side in "ns" else seat.centery)
    span = (s * 0.6 * abs(hy), s * 0.6 * abs(hx))
    pygame.draw.line(
        p.surface,
        shade(pal.wood_dark, 0.8),
        (back[0] - span[0], back[1] - span[1]),
        (back[0] + span[0], back[1] + span[1]),
        p.px(0.06),
    )
    # rockers
    for k in (-1, 1):
        ox, oy = abs(hy) * k * s * 0.5, abs(hx) * k * s * 0.5
        pygame.draw.line(
            p.surface,
            shade(pal.wood_dark, 0.7),
            (seat.centerx + ox - hx * s * 0.7, seat.centery + oy - hy * s * 0.7),
            (seat.centerx + ox + hx * s * 0.6, seat.centery + oy + hy * s * 0.6),
            max(1, p.t // 40),
        )
    pot = (
        deck.centerx - side_dir[0] * deck.w * 0.3 + hx * deck.w * 0.22,
        deck.centery - side_dir[1] * deck.h * 0.3 + hy * deck.h * 0.22,
    )
    pygame.draw.circle(p.surface, shade(pal.brick, 1.1), pot, p.t * 0.08)
    for k in range(5):
        leaf = (pot[0] + p.t * 0.05 * rng.uniform(-1, 1), pot[1] + p.t * 0.05 * rng.uniform(-1, 1))
        pygame.draw.circle(p.surface, pal.leaves[k % len(pal.leaves)], leaf, p.t * 0.045)


def _mat(p: Painter, deck: pygame.Rect, house_side: str) -> None:
    edge = edge_point(deck, house_side, deck.centerx if house_side in "ns" else deck.centery)
    dx, dy = SIDES[house_side]
    mat = pygame.Rect(
        0,
        0,
        p.px(0.26) if house_side in "ns" else p.px(0.12),
        p.px(0.12) if house_side in "ns" else p.px(0.26),
    )
    mat.center = (round(edge[0] - dx * p.t * 0.16), round(edge[1] - dy * p.t * 0.16))
    pygame.draw.rect(p.surface, mix(p.palette.awning, p.palette.wood_dark, 0.5), mat, border_radius=2)
