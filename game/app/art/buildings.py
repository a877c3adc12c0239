"""Houses, the shop, the church and the school, seen from above, with their doors and signs.

Adjacent house tiles join into one building (up to three tiles long); each
building takes its roof colour and details from its own position, so the same
street always looks the same. Shops, churches and schools are one building per
connected group of tiles, however irregular.
"""

from __future__ import annotations

import random
from functools import partial

import pygame

from game.app.art.common import Point, mix, shade, tile_rng
from game.app.art.layout import (
    DOOR_PREFERENCE,
    OPPOSITE,
    SHOPFRONT_PREFERENCE,
    SIDES,
    Tile,
    TileRect,
    front,
    split_rects,
)
from game.app.art.painter import LAYER_BUILDING, LAYER_FLAT, LAYER_LAMP, Painter
from game.app.art.porches import porch
from game.app.art.roofs import edge_point, flat_roof, pitched_roof
from game.app.ui.palette import RGB

HOUSE_MAX_TILES = 3  # longest house before a row of H tiles becomes two houses
SHOP_NAMES = ("SHOP", "DELI", "CAFE", "MARKET", "BAKERY", "GROCERY", "CORNER SHOP", "HARDWARE")


def plan_buildings(p: Painter) -> None:
    """Queue every building and porch as props (drawn after all shadows are cast)."""
    for group in p.grid.components("house"):
        for rect in split_rects(group, HOUSE_MAX_TILES):
            box = _box(p, rect)
            p.add(
                LAYER_BUILDING,
                (rect[1] + rect[3]) * p.t,
                partial(_house, rect=rect, box=box),
                partial(_cast, box=box, height=1.0),
                area=box,
            )
    for kind, draw, height in (("shop", _shop, 1.0), ("church", _church, 2.2), ("school", _school, 1.2)):
        for group in p.grid.components(kind):
            rects = split_rects(group, 99)
            main = max(rects, key=lambda r: (r[2] * r[3], -r[1], -r[0]))
            boxes = [_box(p, r, 0.05) for r in rects]
            p.add(
                LAYER_BUILDING,
                max(b.bottom for b in boxes),
                partial(draw, tiles=group, rects=rects, main=main),
                partial(_cast_all, boxes=boxes, height=height),
                area=boxes[0].unionall(boxes[1:]),
            )
            if kind == "school":
                _plan_flagpole(p, main)
    for tile in p.grid.tiles("porch"):
        p.add(LAYER_FLAT, (tile[1] + 1) * p.t, partial(porch, tile=tile), area=p.tile_rect(tile))


def _box(p: Painter, rect: TileRect, inset: float = 0.08) -> pygame.Rect:
    x, y, w, h = rect
    i = round(inset * p.t)
    return pygame.Rect(x * p.t + i, y * p.t + i, w * p.t - 2 * i, h * p.t - 2 * i)


def _cast_all(p: Painter, boxes: list[pygame.Rect], height: float) -> None:
    for box in boxes:
        _cast(p, box, height)


def _cast(p: Painter, box: pygame.Rect, height: float) -> None:
    """Sweep the footprint along the sun direction: a hard-edged shadow the blur will soften."""
    ox, oy = p.shadow_offset(height)
    steps = 6
    for k in range(steps + 1):
        pygame.draw.rect(p.shadows, (*p.palette.shadow[:3], 255), box.move(ox * k / steps, oy * k / steps))


def _slab(edge: Point, side: str, half: float, d0: float, d1: float) -> pygame.Rect:
    """A rectangle straddling a wall: from ``d0`` to ``d1`` outward, ``half`` either way along it."""
    dx, dy = SIDES[side]
    ex, ey = edge
    xs = sorted((ex + dx * d0, ex + dx * d1)) if dx else (ex - half, ex + half)
    ys = sorted((ey + dy * d0, ey + dy * d1)) if dy else (ey - half, ey + half)
    return pygame.Rect(round(xs[0]), round(ys[0]), round(xs[1] - xs[0]), round(ys[1] - ys[0]))


def _door(p: Painter, box: pygame.Rect, side: str, tile: Tile, colour: RGB, wide: bool = False) -> None:
    """A door in the wall under the eave: frame, door leaf, brass knob, and a stoop outside."""
    cx, cy = p.centre(tile)
    edge = edge_point(box, side, cx if side in "ns" else cy)
    dx, dy = SIDES[side]
    half = p.t * (0.2 if wide else 0.13)
    depth = p.t * 0.1
    pygame.draw.rect(p.surface, p.palette.sidewalk, _slab(edge, side, half * 1.45, depth * 0.6, depth * 1.4))
    pygame.draw.rect(
        p.surface, p.palette.door_frame, _slab(edge, side, half + p.t * 0.035, -depth * 0.35, depth)
    )
    pygame.draw.rect(p.surface, colour, _slab(edge, side, half, -depth * 0.1, depth * 0.8))
    if wide:
        a = (edge[0] + dx * depth * 0.1, edge[1] + dy * depth * 0.1)
        b = (edge[0] + dx * depth * 0.8, edge[1] + dy * depth * 0.8)
        pygame.draw.line(p.surface, shade(colour, 0.6), a, b, max(1, p.t // 40))
    tx, ty = abs(dy), abs(dx)
    knob = (edge[0] + dx * depth * 0.45 + tx * half * 0.55, edge[1] + dy * depth * 0.45 + ty * half * 0.55)
    pygame.draw.circle(p.surface, p.palette.gold, knob, max(1, p.t // 28))


# --- buildings -----------------------------------------------------------------


def _house(p: Painter, rect: TileRect, box: pygame.Rect) -> None:
    rng = tile_rng(rect[0], rect[1], "house")
    colour = rng.choice(p.palette.roofs)
    hipped = rng.random() < 0.6 or box.w == box.h
    r0, r1 = pitched_roof(p, box, colour, hipped)
    if rng.random() < 0.45:
        _chimney(p, box, r0, r1, rng)
    if rng.random() < 0.3 and box.w >= box.h:
        _solar(p, box, r0, r1, colour)
    door = front(p.grid, rect, DOOR_PREFERENCE)
    if door is not None:
        _door(p, box, door[0], door[1], rng.choice(p.palette.doors))


def _chimney(p: Painter, box: pygame.Rect, r0: Point, r1: Point, rng: random.Random) -> None:
    f = 0.2 + 0.6 * rng.random()
    x = r0[0] + (r1[0] - r0[0]) * f
    y = r0[1] + (r1[1] - r0[1]) * f
    if box.w >= box.h:
        y -= box.h * 0.22
    else:
        x -= box.w * 0.22
    s = p.px(0.17)
    r = pygame.Rect(0, 0, s, s)
    r.center = (round(x), round(y))
    pygame.draw.rect(p.surface, shade(p.palette.brick, 0.55), r.move(p.px(0.07), p.px(0.035)))
    pygame.draw.rect(p.surface, p.palette.brick, r)
    pygame.draw.rect(p.surface, shade(p.palette.brick, 1.2), r, max(1, p.t // 36))
    pygame.draw.rect(p.surface, (40, 34, 36), r.inflate(-s * 0.5, -s * 0.5))


def _solar(p: Painter, box: pygame.Rect, r0: Point, r1: Point, roof: RGB) -> None:
    """Panels on the south face, where they would actually earn their keep."""
    length = max(p.t * 0.4, (r1[0] - r0[0]) * 0.8)
    cx = (r0[0] + r1[0]) / 2
    top = r0[1] + box.h * 0.1
    panel = pygame.Rect(0, 0, round(length), round(box.h * 0.28))
    panel.midtop = (round(cx), round(top))
    pygame.draw.rect(p.surface, shade(roof, 0.5), panel.inflate(2, 2))
    pygame.draw.rect(p.surface, p.palette.glass, panel)
    cells = max(2, round(panel.w / (p.t * 0.16)))
    for k in range(1, cells):
        x = panel.x + panel.w * k / cells
        pygame.draw.line(p.surface, shade(p.palette.glass, 1.4), (x, panel.y), (x, panel.bottom - 1), 1)
    pygame.draw.line(p.surface, shade(p.palette.glass, 1.4), panel.midleft, panel.midright, 1)


def _shop(p: Painter, tiles: list[Tile], rects: list[TileRect], main: TileRect) -> None:
    flat_roof(p, tiles, p.palette.flat_roof)
    box = _box(p, main, 0.05)
    face = front(p.grid, main, SHOPFRONT_PREFERENCE)
    side = face[0] if face else "s"
    _rooftop_unit(p, box, OPPOSITE[side])
    _awning(p, box, side)
    length = box.w if side in "ns" else box.h
    room = 4 + 3 * length / p.t  # characters the sign can hold
    named = next((p.signs[t] for t in tiles if t in p.signs), None)
    label = _fit_sign(named, room) if named else None
    if label is None:
        names = [n for n in SHOP_NAMES if len(n) <= room] or ["SHOP"]
        label = tile_rng(main[0], main[1], "shop-name").choice(names)
    _sign(p, box, side, label, p.palette.sign, inset=0.36)


def _fit_sign(name: str, room: float) -> str | None:
    """The shop's own name in capitals, or its last word ("MARKET") when the sign is short."""
    words = name.upper().split()
    for candidate in (" ".join(words), words[-1] if words else ""):
        if candidate and len(candidate) <= room:
            return candidate
    return None


def _rooftop_unit(p: Painter, box: pygame.Rect, side: str) -> None:
    """An air-conditioning box near the back of a flat roof."""
    unit = pygame.Rect(0, 0, p.px(0.34), p.px(0.26))
    anchor = {"n": box.midtop, "s": box.midbottom, "w": box.midleft, "e": box.midright}[side]
    dx, dy = SIDES[side]
    unit.center = (
        round(anchor[0] - dx * p.t * 0.3 + dy * p.t * 0.15),
        round(anchor[1] - dy * p.t * 0.3 + dx * p.t * 0.1),
    )
    base = shade(p.palette.flat_roof, 1.2)
    pygame.draw.rect(p.surface, shade(p.palette.flat_roof, 0.6), unit.move(p.px(0.06), p.px(0.04)))
    pygame.draw.rect(p.surface, base, unit)
    pygame.draw.rect(p.surface, shade(base, 0.7), unit, max(1, p.t // 40))
    fan = (unit.centerx - unit.w * 0.18, unit.centery)
    pygame.draw.circle(p.surface, (70, 72, 78), fan, unit.h * 0.34)
    pygame.draw.circle(p.surface, shade(base, 0.8), fan, unit.h * 0.34, max(1, p.t // 48))


def _awning(p: Painter, box: pygame.Rect, side: str) -> None:
    """Striped canvas over the shop front, reaching a little over the pavement."""
    pal = p.palette
    dx, dy = SIDES[side]
    inner, outer = p.t * 0.26, p.t * 0.12
    if side in "ns":
        edge = box.top if side == "n" else box.bottom
        y0, y1 = sorted((edge - dy * inner, edge + dy * outer))
        band = pygame.Rect(box.x + p.t * 0.06, y0, box.w - p.t * 0.12, y1 - y0)
    else:
        edge = box.left if side == "w" else box.right
        x0, x1 = sorted((edge - dx * inner, edge + dx * outer))
        band = pygame.Rect(x0, box.y + p.t * 0.06, x1 - x0, box.h - p.t * 0.12)
    shadow = pygame.Surface(band.size, pygame.SRCALPHA)
    shadow.fill((*pal.shadow[:3], 90))
    p.surface.blit(shadow, band.move(dx * p.t * 0.08 + p.t * 0.05, dy * p.t * 0.08 + p.t * 0.03))
    stripe = max(2, round(p.t * 0.11))
    along = band.w if side in "ns" else band.h
    scallop = stripe / 2
    for k, start in enumerate(range(0, along, stripe)):
        colour = pal.awning if k % 2 == 0 else pal.awning_light
        size = min(stripe, along - start)
        if side in "ns":
            piece = pygame.Rect(band.x + start, band.y, size, band.h)
            tip = (piece.centerx, band.bottom if side == "s" else band.top)
        else:
            piece = pygame.Rect(band.x, band.y + start, band.w, size)
            tip = (band.right if side == "e" else band.left, piece.centery)
        pygame.draw.rect(p.surface, colour, piece)
        pygame.draw.circle(p.surface, colour, tip, scallop)
    # The canvas slopes down toward the street: darken the outer half a touch.
    fold = band.copy()
    if side in "ns":
        fold.h //= 2
        fold.y = band.centery if side == "s" else band.y
    else:
        fold.w //= 2
        fold.x = band.centerx if side == "e" else band.x
    dim = pygame.Surface(fold.size, pygame.SRCALPHA)
    dim.fill((0, 0, 0, 28))
    p.surface.blit(dim, fold)
    pygame.draw.rect(p.surface, shade(pal.awning, 0.6), band, max(1, p.t // 40))


def _sign(p: Painter, box: pygame.Rect, side: str, text: str, colour: RGB, inset: float) -> None:
    """A painted board on the roof by the entrance; lettering always reads left to right."""
    font = pygame.font.Font(None, p.px(0.34))
    label = font.render(text, True, p.palette.sign_text)
    pad = p.px(0.06)
    board = label.get_rect().inflate(pad * 2, pad * 2)
    dx, dy = SIDES[side]
    anchor = {"n": box.midtop, "s": box.midbottom, "w": box.midleft, "e": box.midright}[side]
    reach = p.t * inset + (board.w / 2 if side in "ew" else 0)
    board.center = (round(anchor[0] - dx * reach), round(anchor[1] - dy * p.t * inset))
    board.clamp_ip(box)
    pygame.draw.rect(p.surface, shade(colour, 0.5), board.move(p.px(0.04), p.px(0.03)), border_radius=pad)
    pygame.draw.rect(p.surface, colour, board, border_radius=pad)
    pygame.draw.rect(p.surface, p.palette.gold, board, max(1, p.t // 32), border_radius=pad)
    p.surface.blit(label, label.get_rect(center=board.center))


def _church(p: Painter, tiles: list[Tile], rects: list[TileRect], main: TileRect) -> None:
    """A cruciform roof (nave toward the door, transept across) and a steeple over the door."""
    pal = p.palette
    door = front(p.grid, main, DOOR_PREFERENCE)
    side, tile = door if door else ("s", (main[0], main[1] + main[3] - 1))
    for rect in rects:
        if rect != main:
            pitched_roof(p, _box(p, rect, 0.05), pal.church_roof, hipped=False)
    box = _box(p, main, 0.05)
    toward_door = side in "ns"  # the nave runs north-south when the door is on a north/south wall
    if min(main[2], main[3]) >= 2 or max(main[2], main[3]) >= 3:
        nave = box.inflate(-box.w * 0.36, 0) if toward_door else box.inflate(0, -box.h * 0.36)
        transept = box.inflate(0, -box.h * 0.55) if toward_door else box.inflate(-box.w * 0.55, 0)
        shift = -SIDES[side][1] * box.h * 0.12 if toward_door else -SIDES[side][0] * box.w * 0.12
        transept = transept.move((0, shift) if toward_door else (shift, 0))
        pitched_roof(p, transept, shade(pal.church_roof, 0.96), hipped=False, along=not toward_door)
        pitched_roof(p, nave, pal.church_roof, hipped=False, along=toward_door)
        _rose_window(p, nave, side)
    else:
        pitched_roof(p, box, pal.church_roof, hipped=False)
    s = min(p.t * 0.62, min(box.w, box.h) * 0.7)
    cx, cy = p.centre(tile)
    dx, dy = SIDES[side]
    edge = {"n": box.top, "s": box.bottom, "w": box.left, "e": box.right}[side]
    if side in "ns":
        cy = edge - dy * (s / 2 + p.t * 0.02)
    else:
        cx = edge - dx * (s / 2 + p.t * 0.02)
    _door(p, box, side, tile, pal.wood_dark, wide=True)
    tower = pygame.Rect(0, 0, round(s), round(s))
    tower.center = (round(cx), round(cy))
    pygame.draw.rect(p.surface, shade(pal.steeple, 0.55), tower.move(p.px(0.05), p.px(0.03)))
    pygame.draw.rect(p.surface, pal.steeple, tower)
    pygame.draw.rect(p.surface, shade(pal.steeple, 0.6), tower, max(1, p.t // 32))
    spire = tower.inflate(-s * 0.18, -s * 0.18)
    apex = spire.center
    corners = [spire.topleft, spire.topright, spire.bottomright, spire.bottomleft]
    for (a, b), light in zip(
        zip(corners, corners[1:] + corners[:1], strict=True), (1.05, 0.72, 0.84, 1.18), strict=True
    ):
        pygame.draw.polygon(p.surface, shade(pal.church_roof, light), [a, b, apex])
    _cross(p, apex, s)


def _rose_window(p: Painter, nave: pygame.Rect, door_side: str) -> None:
    """Stained glass at the far end of the nave, the one touch of colour on a sober roof."""
    back = OPPOSITE[door_side]
    dx, dy = SIDES[back]
    anchor = {"n": nave.midtop, "s": nave.midbottom, "w": nave.midleft, "e": nave.midright}[back]
    centre = (anchor[0] - dx * p.t * 0.16, anchor[1] - dy * p.t * 0.16)
    r = p.t * 0.11
    pygame.draw.circle(p.surface, p.palette.steeple, centre, r * 1.25)
    for k, colour in enumerate((p.palette.awning, p.palette.accent_alt, p.palette.gold, p.palette.leaves[2])):
        pygame.draw.circle(
            p.surface,
            colour,
            centre,
            r,
            draw_top_right=k == 0,
            draw_top_left=k == 1,
            draw_bottom_left=k == 2,
            draw_bottom_right=k == 3,
        )
    pygame.draw.circle(p.surface, p.palette.steeple, centre, r * 0.3)


def _cross(p: Painter, base: Point, size: float) -> None:
    """The cross stands up from the spire's tip (drawn upright, like the people)."""
    pal = p.palette
    h, arm = size * 0.75, size * 0.26
    w = max(2, round(size * 0.09))
    x, y = base
    top, bar = (x, y - h), y - h * 0.68
    for colour, grow in ((shade(pal.gold, 0.45), 2), (pal.gold, 0)):
        pygame.draw.line(p.surface, colour, (x, y + grow), (top[0], top[1] - grow), w + grow)
        pygame.draw.line(p.surface, colour, (x - arm - grow, bar), (x + arm + grow, bar), w + grow)
    pygame.draw.circle(p.surface, shade(pal.gold, 1.25), (x - w * 0.3, top[1] + w), max(1, w // 2))


def _school(p: Painter, tiles: list[Tile], rects: list[TileRect], main: TileRect) -> None:
    pal = p.palette
    flat_roof(p, tiles, pal.school_roof)
    for rect in rects:
        box = _box(p, rect, 0.05)
        horizontal = box.w >= box.h
        n = max(1, round((box.w if horizontal else box.h) / (p.t * 0.7)))
        for k in range(n):
            size = (p.px(0.3), p.px(0.2)) if horizontal else (p.px(0.2), p.px(0.3))
            light = pygame.Rect((0, 0), size)
            f = (k + 0.5) / n
            light.center = (
                (box.x + box.w * f, box.centery) if horizontal else (box.centerx, box.y + box.h * f)
            )
            pygame.draw.rect(p.surface, shade(pal.school_roof, 0.6), light.inflate(p.px(0.05), p.px(0.05)))
            pygame.draw.rect(p.surface, pal.glass, light)
            pygame.draw.line(
                p.surface,
                mix(pal.glass, (255, 255, 255), 0.5),
                light.topleft,
                (light.centerx, light.bottom - 1),
                max(1, p.t // 40),
            )
    door = front(p.grid, main, DOOR_PREFERENCE)
    if door is None:
        return
    side, tile = door
    box = _box(p, main, 0.05)
    _rooftop_unit(p, box, OPPOSITE[side])
    _door(p, box, side, tile, pal.doors[1], wide=True)
    _sign(p, box, side, "SCHOOL", pal.doors[1], inset=0.22)
    dx, dy = SIDES[side]
    outside = (tile[0] + dx, tile[1] + dy)
    if p.grid.kind(*outside) == "sidewalk":
        _hopscotch(p, outside, side)


def _plan_flagpole(p: Painter, main: TileRect) -> None:
    """A flag by the school door; its own prop so its long shadow joins the shadow layer."""
    door = front(p.grid, main, DOOR_PREFERENCE)
    if door is None:
        return
    side, tile = door
    box = _box(p, main, 0.05)
    cx, cy = p.centre(tile)
    dx, dy = SIDES[side]
    edge = edge_point(box, side, cx if side in "ns" else cy)
    base = (edge[0] + dx * p.t * 0.22 + dy * p.t * 0.34, edge[1] + dy * p.t * 0.22 + dx * p.t * 0.34)
    p.add(LAYER_LAMP, base[1], partial(_flagpole, base=base),
          partial(Painter.cast_pole, base=base, height=3.0), area=p.spot(base, p.t))


def _flagpole(p: Painter, base: Point) -> None:
    pal = p.palette
    top = (base[0], base[1] - p.t * 0.75)
    pygame.draw.circle(p.surface, (120, 120, 130), base, p.t * 0.045)
    pygame.draw.line(p.surface, (214, 214, 220), base, top, max(2, p.t // 24))
    flag = [
        top,
        (top[0] + p.t * 0.34, top[1] + p.t * 0.03),
        (top[0] + p.t * 0.32, top[1] + p.t * 0.2),
        (top[0], top[1] + p.t * 0.2),
    ]
    pygame.draw.polygon(p.surface, pal.accent_alt, flag)
    pygame.draw.line(
        p.surface,
        pal.awning_light,
        (top[0], top[1] + p.t * 0.1),
        (top[0] + p.t * 0.33, top[1] + p.t * 0.12),
        max(1, p.t // 24),
    )
    pygame.draw.circle(p.surface, pal.gold, top, max(1, p.t // 28))


def _hopscotch(p: Painter, tile: Tile, side: str) -> None:
    """Chalk squares on the pavement outside the school."""
    chalk = mix(p.palette.white_paint, p.palette.sidewalk, 0.55)
    cell = p.px(0.13)
    cx, cy = p.centre(tile)
    width = max(1, p.t // 40)
    for k, pair in enumerate((False, True, False, True)):
        off = (k - 1.5) * cell
        x, y = (cx + off, cy) if side in "ns" else (cx, cy + off)
        for s in (-0.5, 0.5) if pair else (0.0,):
            r = pygame.Rect(0, 0, cell, cell)
            r.center = (
                round(x + (0 if side in "ns" else s * cell)),
                round(y + (s * cell if side in "ns" else 0)),
            )
            pygame.draw.rect(p.surface, chalk, r, width)
