"""Light that follows the shift clock: afternoon, golden hour, sunset, dusk, night, street lamps.

The daylight tint is applied as one multiply-fill of the whole frame (it
darkens and warms without washing colours out, and costs well under a
millisecond); street lamps then add a cached warm glow on top with
``BLEND_RGB_ADD``, which is what brings a dark street back to life.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

import pygame

from game.app.art.common import mix, optimised, radial_glow
from game.app.ui.palette import RGB, RGBA, WARM, Palette
from game.tuning import MINUTES_PER_DAY

# (minutes after midnight, overlay colour and strength 0..255). Mid-July, mid-latitude suburb.
DAYLIGHT_KEYS: tuple[tuple[int, RGBA], ...] = (
    (0, (28, 38, 96, 165)),  # night
    (5 * 60, (28, 38, 96, 165)),
    (6 * 60, (255, 170, 140, 70)),  # dawn
    (7 * 60 + 30, (255, 255, 255, 0)),  # day: no tint
    (16 * 60 + 30, (255, 255, 255, 0)),  # afternoon
    (18 * 60, (255, 196, 120, 55)),  # warm late afternoon
    (19 * 60 + 15, (255, 160, 84, 90)),  # golden hour
    (20 * 60 + 15, (244, 124, 104, 105)),  # sunset: orange going pink
    (21 * 60, (86, 88, 168, 135)),  # dusk blue
    (21 * 60 + 45, (28, 38, 96, 165)),  # night
    (MINUTES_PER_DAY, (28, 38, 96, 165)),
)
LIGHTS_ON = (20 * 60, 21 * 60)  # lamps fade in over this span
LIGHTS_OFF = (5 * 60 + 30, 6 * 60 + 30)  # and out over this one
GLOW_LEVELS = 16  # glow brightness steps kept in the cache
GLOW_RADIUS = 70  # pixels at zoom 1 (a bit over two tiles)

_glows: dict[tuple[int, int, RGB], pygame.Surface] = {}


def daylight_tint(minutes_after_midnight: float) -> RGBA:
    """Overlay colour and strength (alpha) for a time of day, interpolated between key times."""
    m = minutes_after_midnight % MINUTES_PER_DAY
    for (t0, c0), (t1, c1) in pairwise(DAYLIGHT_KEYS):
        if t0 <= m <= t1:
            f = (m - t0) / (t1 - t0)
            return (*mix(c0[:3], c1[:3], f), round(c0[3] + (c1[3] - c0[3]) * f))
    return DAYLIGHT_KEYS[-1][1]


def daylight_multiplier(minutes_after_midnight: float) -> RGB:
    """The tint as a multiply colour: white (no change) blended toward the tint by its strength."""
    r, g, b, a = daylight_tint(minutes_after_midnight)
    return mix((255, 255, 255), (r, g, b), a / 255)


def apply_daylight(surface: pygame.Surface, minutes_after_midnight: float) -> None:
    """Tint a finished world frame in place (before drawing the UI on top)."""
    colour = daylight_multiplier(minutes_after_midnight)
    if colour != (255, 255, 255):
        surface.fill(colour, special_flags=pygame.BLEND_RGB_MULT)


def streetlight_strength(minutes_after_midnight: float) -> float:
    """0 by day, rising to 1 through dusk, back to 0 after dawn."""
    m = minutes_after_midnight % MINUTES_PER_DAY
    if LIGHTS_OFF[1] <= m < LIGHTS_ON[0]:
        return 0.0
    if LIGHTS_ON[0] <= m < LIGHTS_ON[1]:
        return (m - LIGHTS_ON[0]) / (LIGHTS_ON[1] - LIGHTS_ON[0])
    if LIGHTS_OFF[0] <= m < LIGHTS_OFF[1]:
        return 1.0 - (m - LIGHTS_OFF[0]) / (LIGHTS_OFF[1] - LIGHTS_OFF[0])
    return 1.0


def _glow(level: int, radius: int, colour: RGB) -> pygame.Surface:
    key = (level, radius, colour)
    if key not in _glows:
        f = level / GLOW_LEVELS * 0.62
        _glows[key] = optimised(radial_glow(radius, tuple(round(c * f) for c in colour), falloff=1.8))
    return _glows[key]


def draw_streetlights(
    surface: pygame.Surface,
    positions: Iterable[Sequence[float]],
    strength: float,
    offset: Sequence[float] = (0, 0),
    radius: int = GLOW_RADIUS,
    palette: Palette = WARM,
) -> None:
    """Add a warm pool of light around each lamp; ``offset`` is the camera's top-left in world pixels."""
    level = round(max(0.0, min(1.0, strength)) * GLOW_LEVELS)
    if level == 0:
        return
    glow = _glow(level, radius, palette.lamp_glow)
    ox, oy = offset
    w, h = surface.get_size()
    blits = []
    for x, y in positions:
        sx, sy = x - ox - radius, y - oy - radius
        if -2 * radius < sx < w and -2 * radius < sy < h:
            blits.append((glow, (sx, sy)))
    surface.fblits(blits, pygame.BLEND_RGB_ADD)
