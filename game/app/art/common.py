"""Small helpers shared by the art modules: colour arithmetic, seeded decoration, surfaces."""

from __future__ import annotations

import math
import random
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

import numpy as np
import pygame

from game.app.ui.palette import RGB

Point = tuple[float, float]
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


def kept(cache: OrderedDict[K, T], key: K, make: Callable[[], T], size: int) -> T:
    """``cache[key]``, made by ``make`` when missing; the ``size`` most recently used are kept."""
    value = cache.get(key)
    if value is None:
        value = cache[key] = make()
        while len(cache) > size:
            cache.popitem(last=False)
    else:
        cache.move_to_end(key)
    return value


def mix(a: Sequence[int], b: Sequence[int], t: float) -> RGB:
    """Linear blend of two colours, ``t`` = 0 gives ``a``."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def shade(colour: Sequence[int], factor: float) -> RGB:
    """Scale brightness; factors above 1 lighten (clamped), below 1 darken."""
    return (
        min(255, round(colour[0] * factor)),
        min(255, round(colour[1] * factor)),
        min(255, round(colour[2] * factor)),
    )


def px(value: float) -> int:
    """Round to the nearest pixel; several times faster than ``round`` on numpy floats."""
    return math.floor(value + 0.5)


def tile_rng(x: int, y: int, salt: str) -> random.Random:
    """A private generator per tile, so decoration never depends on drawing order.

    ``random.Random`` seeded with a string hashes it with SHA-512, which is
    stable across processes (unlike ``hash``).
    """
    return random.Random(f"{salt}:{x}:{y}")


def optimised(surface: pygame.Surface) -> pygame.Surface:
    """Convert to the display's pixel format when a display exists (blits get much faster).

    Headless tools and tests have no display mode; they keep the surface as is.
    """
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surface.convert_alpha() if surface.get_flags() & pygame.SRCALPHA else surface.convert()
    return surface


def shrink(surface: pygame.Surface, size: tuple[int, int]) -> pygame.Surface:
    """Smooth down-scale: the cheap way to anti-alias everything drawn with pygame.draw."""
    return pygame.transform.smoothscale(surface, size)


def radial_glow(radius: int, colour: Sequence[int], falloff: float = 2.0) -> pygame.Surface:
    """An opaque black-backed radial gradient, meant for ``BLEND_ADD`` blits."""
    size = radius * 2
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) + 0.5
    d = np.hypot(xx - radius, yy - radius) / radius
    strength = np.clip(1.0 - d, 0.0, 1.0) ** falloff
    rgb = (strength[..., None] * np.asarray(colour[:3], np.float32)).astype(np.uint8)
    surface = pygame.Surface((size, size))
    pygame.surfarray.blit_array(surface, rgb.transpose(1, 0, 2))
    return surface


def rotate_point(p: Point, angle: float) -> Point:
    """Rotate ``p`` about the origin by ``angle`` radians (screen coordinates, y down)."""
    c, s = math.cos(angle), math.sin(angle)
    return (p[0] * c - p[1] * s, p[0] * s + p[1] * c)


def facing_angle(facing: float | Sequence[float]) -> float:
    """Accept an angle in radians or a direction vector; return radians (0 = east, y down)."""
    if isinstance(facing, int | float):
        return float(facing)
    dx, dy = float(facing[0]), float(facing[1])
    if dx == 0.0 and dy == 0.0:
        return math.pi / 2  # no direction: face the viewer
    return math.atan2(dy, dx)
