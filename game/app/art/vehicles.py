"""The patrol car seen from above, pre-rendered per heading and light state.

One master image per light state (off, red, blue) is drawn at four times the
size facing east; each of 64 headings is rotated from it once and shrunk,
which keeps the edges smooth at any angle. The flashing glow is two cached
radial gradients added on top, so the per-frame cost is three blits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pygame

from game.app.art.common import optimised, px, radial_glow, rotate_point, shade, shrink
from game.app.ui.palette import UNIFORM, UNIFORM_DARK

SS = 4
HEADINGS = 64  # quantised headings; 5.6 degrees apart, smooth enough for a turning car
LENGTH, WIDTH = 40.0, 18.0  # pixels at scale 1 (a tile is 32)
FLASH_HZ = 2.0  # full red-blue cycles per second (kept under 3 flashes a second)
GLOW_RADIUS = 26  # pixels at scale 1

WHITE = (242, 242, 236)
GLASS = (78, 106, 140)
TYRE = (30, 30, 34)
RED_ON, RED_OFF = (255, 70, 64), (120, 40, 44)
BLUE_ON, BLUE_OFF = (80, 140, 255), (40, 56, 120)
LIGHT_BAR_OFFSET = (0.2, 3.4)  # car-local centre of each half of the bar (x forward, y right)

_masters: dict[tuple[str, float], pygame.Surface] = {}
_rotated: dict[tuple[str, int, float], tuple[pygame.Surface, tuple[int, int]]] = {}
_glows: dict[tuple[str, float], pygame.Surface] = {}


def light_state(lights_on: bool, t: float, flash: bool = True) -> str:
    """'off', 'red', 'blue' or 'both' (steady, for players who turn flashing off)."""
    if not lights_on:
        return "off"
    if not flash:
        return "both"
    return "red" if int(t * FLASH_HZ * 2) % 2 == 0 else "blue"


def car_sprite(
    heading_radians: float, state: str = "off", scale: float = 1.0
) -> tuple[pygame.Surface, tuple[int, int]]:
    """Cached sprite for a heading (0 east, pi/2 south) and the offset from centre to top-left."""
    q = max(0.25, round(scale * 4) / 4)
    index = round(heading_radians / (math.tau / HEADINGS)) % HEADINGS
    key = (state, index, q)
    hit = _rotated.get(key)
    if hit is None:
        hit = _rotate(state, index, q)
        _rotated[key] = hit
    return hit


def draw_patrol_car(
    surface: pygame.Surface,
    center_xy: Sequence[float],
    heading_radians: float,
    lights_on: bool,
    t: float,
    scale: float = 1.0,
    flash: bool = True,
    glow: bool = True,
) -> pygame.Rect:
    """Draw the car centred on ``center_xy``; with lights on, the bar alternates red and blue with ``t``.

    At dusk, pass ``glow=False`` here (before the daylight tint) and call
    ``draw_light_glow`` after it, so the flashing light is not dimmed by the night.
    """
    state = light_state(lights_on, t, flash)
    sprite, (ox, oy) = car_sprite(heading_radians, state, scale)
    rect = surface.blit(sprite, (px(center_xy[0]) + ox, px(center_xy[1]) + oy))
    if glow:
        draw_light_glow(surface, center_xy, heading_radians, lights_on, t, scale, flash)
    return rect


def draw_light_glow(
    surface: pygame.Surface,
    center_xy: Sequence[float],
    heading_radians: float,
    lights_on: bool,
    t: float,
    scale: float = 1.0,
    flash: bool = True,
) -> None:
    """The light bar's coloured glow on the ground around the car (additive)."""
    state = light_state(lights_on, t, flash)
    q = max(0.25, round(scale * 4) / 4)
    for colour, side in (("red", -1), ("blue", 1)):
        if state in (colour, "both"):
            lx, ly = rotate_point((LIGHT_BAR_OFFSET[0] * q, side * LIGHT_BAR_OFFSET[1] * q), heading_radians)
            glow = _glow(colour, q)
            centre = (px(center_xy[0] + lx), px(center_xy[1] + ly))
            surface.blit(glow, glow.get_rect(center=centre), special_flags=pygame.BLEND_RGB_ADD)


def _glow(colour: str, scale: float) -> pygame.Surface:
    key = (colour, scale)
    if key not in _glows:
        tint = (130, 30, 26) if colour == "red" else (26, 60, 150)
        _glows[key] = optimised(radial_glow(round(GLOW_RADIUS * scale), tint, falloff=1.6))
    return _glows[key]


def _rotate(state: str, index: int, scale: float) -> tuple[pygame.Surface, tuple[int, int]]:
    master = _master(state, scale)
    degrees = -math.degrees(index * math.tau / HEADINGS)  # pygame turns counter-clockwise
    big = pygame.transform.rotate(master, degrees)
    size = (max(1, big.get_width() // SS), max(1, big.get_height() // SS))
    body = shrink(big, size)
    # A soft shadow to the east-south-east, like everything else in late afternoon.
    margin = round(4 * scale)
    out = pygame.Surface((size[0] + 2 * margin, size[1] + 2 * margin), pygame.SRCALPHA)
    shadow = body.copy()
    shadow.fill((24, 16, 34, 255), special_flags=pygame.BLEND_RGBA_MIN)
    shadow.fill((255, 255, 255, 110), special_flags=pygame.BLEND_RGBA_MULT)
    shadow_layer = pygame.Surface(out.get_size(), pygame.SRCALPHA)
    shadow_layer.blit(shadow, (margin + round(2.5 * scale), margin + round(1.5 * scale)))
    out.blit(pygame.transform.gaussian_blur(shadow_layer, max(1, round(scale))), (0, 0))
    out.blit(body, (margin, margin))
    return optimised(out), (-(size[0] // 2) - margin, -(size[1] // 2) - margin)


def _master(state: str, scale: float) -> pygame.Surface:
    key = (state, scale)
    if key in _masters:
        return _masters[key]
    u = SS * scale
    pad = 2.0
    w, h = (LENGTH + 2 * pad) * u, (WIDTH + 2 * pad + 2) * u
    surf = pygame.Surface((math.ceil(w), math.ceil(h)), pygame.SRCALPHA)
    cx, cy = w / 2, h / 2

    def rect(colour: Sequence[int], x0: float, y0: float, x1: float, y1: float, radius: float = 0.0) -> None:
        r = pygame.Rect(round(cx + x0 * u), round(cy + y0 * u), round((x1 - x0) * u), round((y1 - y0) * u))
        pygame.draw.rect(surf, colour, r, border_radius=round(radius * u))

    def poly(colour: Sequence[int], points: Sequence[tuple[float, float]]) -> None:
        pygame.draw.polygon(surf, colour, [(cx + x * u, cy + y * u) for x, y in points])

    half_l, half_w = LENGTH / 2, WIDTH / 2
    cabin = half_w - 2.6  # the glasshouse is narrower than the body; the white doors show beside it
    for x in (-11.5, 11.5):  # tyres peek out under the body
        for y in (-1, 1):
            rect(TYRE, x - 3.4, y * half_w - 1.6, x + 3.4, y * half_w + 1.6, 1.2)
    rect((22, 26, 40), -half_l, -half_w, half_l, half_w, 5.0)  # outline
    rect(UNIFORM, -half_l + 0.6, -half_w + 0.6, half_l - 0.6, half_w - 0.6, 4.6)  # hood and trunk
    rect(WHITE, -12.0, -half_w + 0.6, 7.5, half_w - 0.6, 0.8)  # white doors
    pygame.draw.line(
        surf,
        shade(WHITE, 0.7),
        (cx - 2.5 * u, cy - half_w * u + u),
        (cx - 2.5 * u, cy + half_w * u - u),
        max(1, round(0.4 * u)),
    )  # door gap
    for y in (-1, 1):  # hood creases
        rect(shade(UNIFORM, 1.4), 9.0, y * 3.2 - 0.3, half_l - 2.5, y * 3.2 + 0.3)
    poly(GLASS, [(2.0, -cabin), (7.8, -cabin - 0.8), (7.8, cabin + 0.8), (2.0, cabin)])  # windshield
    pygame.draw.line(
        surf,
        shade(GLASS, 2.0),
        (cx + 3.2 * u, cy - (cabin - 1.0) * u),
        (cx + 6.4 * u, cy - 2.0 * u),
        max(1, round(0.6 * u)),
    )
    poly(GLASS, [(-12.6, -cabin + 0.8), (-9.0, -cabin), (-9.0, cabin), (-12.6, cabin - 0.8)])  # rear window
    rect(WHITE, -9.0, -cabin, 2.0, cabin, 1.0)  # roof
    rect(shade(WHITE, 0.82), -9.0, cabin - 0.7, 2.0, cabin)  # roof edge in shade
    _roof_number(surf, cx - 6.0 * u, cy, u)
    bar = {
        "off": (RED_OFF, BLUE_OFF),
        "red": (RED_ON, BLUE_OFF),
        "blue": (RED_OFF, BLUE_ON),
        "both": (RED_ON, BLUE_ON),
    }[state]
    bx = LIGHT_BAR_OFFSET[0]
    rect((30, 30, 36), bx - 1.4, -cabin - 0.6, bx + 1.4, cabin + 0.6, 1.0)
    rect(bar[0], bx - 1.0, -cabin - 0.2, bx + 1.0, -0.4, 0.8)
    rect(bar[1], bx - 1.0, 0.4, bx + 1.0, cabin + 0.2, 0.8)
    for side, lit in ((-1, state in ("red", "both")), (1, state in ("blue", "both"))):
        if lit:  # a white-hot core on the lit half
            pygame.draw.circle(
                surf, (255, 255, 255), (cx + bx * u, cy + side * LIGHT_BAR_OFFSET[1] * u), 0.7 * u
            )
    for y in (-1, 1):
        rect(
            (255, 244, 190),
            half_l - 1.6,
            y * (half_w - 3.0) - 1.4,
            half_l - 0.4,
            y * (half_w - 3.0) + 1.4,
            0.6,
        )
        rect(
            (210, 40, 40),
            -half_l + 0.4,
            y * (half_w - 3.0) - 1.4,
            -half_l + 1.5,
            y * (half_w - 3.0) + 1.4,
            0.4,
        )
        rect(UNIFORM_DARK, 6.2, y * (half_w + 0.2) - 0.9, 7.8, y * (half_w + 0.2) + 0.9, 0.6)  # mirrors
    rect((60, 62, 70), half_l - 0.2, -5.5, half_l + 1.2, 5.5, 0.6)  # push bar
    _masters[key] = surf
    return surf


def _roof_number(surf: pygame.Surface, x: float, y: float, u: float) -> None:
    """Roof numbers are how a helicopter tells cars apart; here they just make it a real car."""
    if not pygame.font.get_init():
        pygame.font.init()
    label = pygame.font.Font(None, round(9 * u)).render("12", True, (30, 34, 50))
    label = pygame.transform.rotate(label, 90)  # reads from the driver's side, like the real thing
    surf.blit(label, label.get_rect(center=(round(x), round(y))))
