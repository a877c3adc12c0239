"""Roof shapes seen from above, lit from the west: hip and gable roofs with shingle rows, flat roofs.

The west face is brightest and the east face darkest (late-afternoon sun), so
every building shows its shape without an outline doing the work.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from game.app.art.common import Point, shade
from game.app.art.layout import SIDES, Tile
from game.app.art.painter import Painter
from game.app.ui.palette import RGB


def _span(poly: Sequence[Point], value: float, axis: int) -> tuple[float, float] | None:
    """Where the line ``coord[axis] == value`` crosses a convex polygon, along the other axis."""
    hits: list[float] = []
    other = 1 - axis
    for a, b in zip(poly, [*poly[1:], poly[0]], strict=True):
        lo, hi = sorted((a[axis], b[axis]))
        if lo <= value <= hi and hi > lo:
            f = (value - a[axis]) / (b[axis] - a[axis])
            hits.append(a[other] + f * (b[other] - a[other]))
    return (min(hits), max(hits)) if len(hits) >= 2 else None


def _face(p: Painter, poly: Sequence[Point], colour: RGB, rows_axis: int) -> None:
    """One roof plane with shingle rows running along ``rows_axis`` (0: rows are vertical lines)."""
    pygame.draw.polygon(p.surface, colour, poly)
    lo = min(pt[rows_axis] for pt in poly)
    hi = max(pt[rows_axis] for pt in poly)
    step = max(3, round(p.t * 0.1))
    width = max(1, p.t // 48)
    line = shade(colour, 0.86)
    v = lo + step
    while v < hi - 1:
        hit = _span(poly, v, rows_axis)
        if hit is not None:
            a, b = hit
            if rows_axis == 1:
                pygame.draw.line(p.surface, line, (a + 1, v), (b - 1, v), width)
            else:
                pygame.draw.line(p.surface, line, (v, a + 1), (v, b - 1), width)
        v += step


def pitched_roof(
    p: Painter, box: pygame.Rect, colour: RGB, hipped: bool, along: bool | None = None
) -> tuple[Point, Point]:
    """A hip or gable roof over ``box``; returns the two ends of the ridge.

    The ridge runs along the longer side unless ``along`` says otherwise
    (True: ridge runs north-south).
    """
    x0, y0, x1, y1 = box.left, box.top, box.right, box.bottom
    horizontal = box.w >= box.h if along is None else not along
    if horizontal:
        cy = (y0 + y1) / 2
        inset = box.h / 2 if hipped else 0
        r0, r1 = (x0 + inset, cy), (x1 - inset, cy)
        _face(p, [(x0, y0), (x1, y0), r1, r0], shade(colour, 1.05), 1)
        _face(p, [(x0, y1), (x1, y1), r1, r0], shade(colour, 0.84), 1)
        if hipped:
            _face(p, [(x0, y0), r0, (x0, y1)], shade(colour, 1.18), 0)
            _face(p, [(x1, y0), r1, (x1, y1)], shade(colour, 0.72), 0)
    else:
        cx = (x0 + x1) / 2
        inset = box.w / 2 if hipped else 0
        r0, r1 = (cx, y0 + inset), (cx, y1 - inset)
        _face(p, [(x0, y0), (x0, y1), r1, r0], shade(colour, 1.16), 0)
        _face(p, [(x1, y0), (x1, y1), r1, r0], shade(colour, 0.74), 0)
        if hipped:
            _face(p, [(x0, y0), r0, (x1, y0)], shade(colour, 1.04), 1)
            _face(p, [(x0, y1), r1, (x1, y1)], shade(colour, 0.86), 1)
    hip = shade(colour, 1.25)
    if hipped:
        for corner, end in (
            ((x0, y0), r0),
            ((x0, y1), r0 if horizontal else r1),
            ((x1, y0), r1 if horizontal else r0),
            ((x1, y1), r1),
        ):
            pygame.draw.line(p.surface, hip, corner, end, max(1, p.t // 40))
    pygame.draw.line(p.surface, shade(colour, 1.35), r0, r1, p.px(0.045))
    pygame.draw.rect(p.surface, shade(colour, 0.55), box, max(1, p.t // 32))
    return r0, r1


def flat_roof(p: Painter, tiles: list[Tile], colour: RGB) -> None:
    """Membrane roof over a group of tiles, with seams and a raised parapet round the outside."""
    group = set(tiles)
    inset = 0.05
    seam, lip, dark = shade(colour, 0.93), shade(colour, 1.16), shade(colour, 0.62)
    rects: dict[Tile, pygame.Rect] = {}
    for tile in tiles:
        out = {s: (tile[0] + dx, tile[1] + dy) not in group for s, (dx, dy) in SIDES.items()}
        r = p.tile_rect(tile)
        i = round(inset * p.t)
        rects[tile] = pygame.Rect(
            r.x + i * out["w"],
            r.y + i * out["n"],
            r.w - i * (out["w"] + out["e"]),
            r.h - i * (out["n"] + out["s"]),
        )
    for tile, r in rects.items():
        pygame.draw.rect(p.surface, colour, r)
        for k in (1, 2):
            x = tile[0] * p.t + k * p.t // 3
            pygame.draw.line(p.surface, seam, (x, r.y), (x, r.bottom - 1), max(1, p.t // 48))
    depth = p.px(0.07)
    for tile, r in rects.items():
        for side, (dx, dy) in SIDES.items():
            if (tile[0] + dx, tile[1] + dy) in group:
                continue
            band = {
                "n": pygame.Rect(r.x, r.y, r.w, depth),
                "s": pygame.Rect(r.x, r.bottom - depth, r.w, depth),
                "w": pygame.Rect(r.x, r.y, depth, r.h),
                "e": pygame.Rect(r.right - depth, r.y, depth, r.h),
            }[side]
            pygame.draw.rect(p.surface, lip, band)
            edge = {
                "n": (r.topleft, r.topright),
                "s": (r.bottomleft, r.bottomright),
                "w": (r.topleft, r.bottomleft),
                "e": (r.topright, r.bottomright),
            }[side]
            pygame.draw.line(p.surface, dark, *edge, max(1, p.t // 32))
            inner = band.move(-dx * depth, -dy * depth)
            a, b = {
                "n": (inner.bottomleft, inner.bottomright),
                "s": (inner.topleft, inner.topright),
                "w": (inner.topright, inner.bottomright),
                "e": (inner.topleft, inner.bottomleft),
            }[side]
            pygame.draw.line(p.surface, shade(colour, 0.82), a, b, max(1, p.t // 40))


def edge_point(box: pygame.Rect, side: str, along: float) -> Point:
    """A point on one edge of ``box``; ``along`` is the other coordinate."""
    return {
        "n": (along, box.top),
        "s": (along, box.bottom),
        "w": (box.left, along),
        "e": (box.right, along),
    }[side]
