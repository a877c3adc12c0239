"""The window onto the map: which part of the neighborhood is on screen, and at what zoom.

Positions in the simulation are tile coordinates whose integer values are tile
*centres*; the camera turns them into window pixels and back. It follows a
target with exponential smoothing (frame-rate independent), and when the map is
smaller than the window it centres the map instead of showing empty space on
one side.

A window's edges are mostly covered by HUD panels, so the camera can be told
which part of the window is clear (``keep_clear``): the followed point then sits
in the middle of that part, and where the map's edge would leave it under a
panel (a car parked on the last column of the map) the view goes past the
edge just far enough to bring it into the clear.
"""

from __future__ import annotations

import math

TILE_SIZES: tuple[int, ...] = (20, 24, 32, 40, 48, 56, 64)  # pixels per tile, the zoom steps
DEFAULT_TILE = 48
FOLLOW_RATE = 5.0  # 1/s: how quickly the view catches up with the officer
CLEAR_MARGIN = 1.0  # tiles between the followed point and the edge of the clear part of the window


class Camera:
    def __init__(self, view_size: tuple[int, int], map_tiles: tuple[int, int],
                 tile_px: int = DEFAULT_TILE) -> None:
        self.view_w, self.view_h = view_size
        self.map_w, self.map_h = map_tiles
        self.tile_px = tile_px
        self.cx = self.map_w / 2 - 0.5  # view centre, tile coordinates
        self.cy = self.map_h / 2 - 0.5
        self.clear: tuple[int, int, int, int] | None = None  # x, y, w, h: the window part no panel covers

    # --- view management -----------------------------------------------------
    def resize(self, view_size: tuple[int, int]) -> None:
        self.view_w, self.view_h = view_size
        self._clamp()

    def fit(self) -> None:
        """The default zoom for this window: the closest view that still shows a small map
        whole, and never further out than DEFAULT_TILE (people must stay readable)."""
        whole = [t for t in TILE_SIZES if self.map_w * t <= self.view_w and self.map_h * t <= self.view_h]
        self.tile_px = max(DEFAULT_TILE, max(whole, default=DEFAULT_TILE))
        self._clamp()

    def zoom(self, steps: int) -> bool:
        """Move ``steps`` along TILE_SIZES (positive zooms in); True if the zoom changed."""
        i = min(range(len(TILE_SIZES)), key=lambda k: abs(TILE_SIZES[k] - self.tile_px))
        j = min(max(i + steps, 0), len(TILE_SIZES) - 1)
        if TILE_SIZES[j] == self.tile_px:
            return False
        self.tile_px = TILE_SIZES[j]
        self._clamp()
        return True

    def keep_clear(self, clear: tuple[int, int, int, int] | None) -> None:
        """The part of the window (x, y, w, h in pixels) the followed point must stay in; None: all."""
        self.clear = clear

    def aim(self, x: float, y: float) -> tuple[float, float]:
        """The view centre that shows ``(x, y)``: in the middle of the clear part of the window,
        with the map filling the view where it can, and past the map's edge only as far as
        keeps the point CLEAR_MARGIN tiles inside the clear part."""
        if self.clear is None:
            return (self._clamp_axis(x, self._half_w, self.map_w),
                    self._clamp_axis(y, self._half_h, self.map_h))
        left, top, w, h = self.clear
        return (self._aim_axis(x, left, w, self.view_w, self._half_w, self.map_w),
                self._aim_axis(y, top, h, self.view_h, self._half_h, self.map_h))

    def _aim_axis(self, v: float, start: int, length: int, view: int, half: float, size: int) -> float:
        t = self.tile_px
        c = self._clamp_axis(v - (start + length / 2 - view / 2) / t, half, size)
        margin = min(CLEAR_MARGIN * t, length / 2)
        lo, hi = v - (start + length - margin - view / 2) / t, v - (start + margin - view / 2) / t
        return min(max(c, lo), hi)

    def look_at(self, x: float, y: float) -> None:
        """Jump straight to a point (no smoothing)."""
        self.cx, self.cy = self.aim(x, y)
        self._clamp()

    def follow(self, x: float, y: float, dt: float) -> None:
        """Ease toward a point; the same feel at 30 or 144 frames per second."""
        k = 1.0 - math.exp(-FOLLOW_RATE * dt)
        ax, ay = self.aim(x, y)
        self.cx += (ax - self.cx) * k
        self.cy += (ay - self.cy) * k
        self._clamp()

    @property
    def _half_w(self) -> float:
        return self.view_w / self.tile_px / 2

    @property
    def _half_h(self) -> float:
        return self.view_h / self.tile_px / 2

    def _clamp(self) -> None:
        """Inside the map, or past its edge by at most what ``aim`` may ask for (the clear part's
        distance from the window's edge, and the margin)."""
        past_x, past_y = (0.0, 0.0), (0.0, 0.0)
        if self.clear is not None:
            left, top, w, h = self.clear
            t, m = self.tile_px, CLEAR_MARGIN
            past_x = (left / t + m, (self.view_w - left - w) / t + m)
            past_y = (top / t + m, (self.view_h - top - h) / t + m)
        self.cx = self._clamp_axis(self.cx, self._half_w, self.map_w, past_x)
        self.cy = self._clamp_axis(self.cy, self._half_h, self.map_h, past_y)

    @staticmethod
    def _clamp_axis(c: float, half: float, size: int, past: tuple[float, float] = (0.0, 0.0)) -> float:
        """``c`` kept where the view shows no more than ``past`` tiles beyond either edge of the map."""
        lo, hi = half - 0.5, size - half - 0.5
        if lo > hi:
            return size / 2 - 0.5
        return min(max(c, lo - past[0]), hi + past[1])

    # --- transforms ---------------------------------------------------------
    @property
    def origin(self) -> tuple[float, float]:
        """Window position of the map's top-left pixel."""
        t = self.tile_px
        return (self.view_w / 2 - (self.cx + 0.5) * t, self.view_h / 2 - (self.cy + 0.5) * t)

    def to_screen(self, x: float, y: float) -> tuple[int, int]:
        """Window pixel of a tile-coordinate point (tile centres at integer coordinates)."""
        ox, oy = self.origin
        t = self.tile_px
        return (round(ox + (x + 0.5) * t), round(oy + (y + 0.5) * t))

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        """Tile coordinates under a window pixel; round them to get the tile."""
        ox, oy = self.origin
        t = self.tile_px
        return ((sx - ox) / t - 0.5, (sy - oy) / t - 0.5)

    def visible(self, x: float, y: float, margin: float = 1.0) -> bool:
        sx, sy = self.to_screen(x, y)
        m = margin * self.tile_px
        return -m <= sx <= self.view_w + m and -m <= sy <= self.view_h + m
