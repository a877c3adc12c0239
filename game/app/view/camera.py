"""The window onto the map: which part of the neighborhood is on screen, and at what zoom.

Positions in the simulation are tile coordinates whose integer values are tile
*centres*; the camera turns them into window pixels and back. It follows a
target with exponential smoothing (frame-rate independent), and when the map is
smaller than the window it centres the map instead of showing empty space on
one side.
"""

from __future__ import annotations

import math

TILE_SIZES: tuple[int, ...] = (20, 24, 32, 40, 48, 56, 64)  # pixels per tile, the zoom steps
DEFAULT_TILE = 48
FOLLOW_RATE = 5.0  # 1/s: how quickly the view catches up with the officer


class Camera:
    def __init__(self, view_size: tuple[int, int], map_tiles: tuple[int, int],
                 tile_px: int = DEFAULT_TILE) -> None:
        self.view_w, self.view_h = view_size
        self.map_w, self.map_h = map_tiles
        self.tile_px = tile_px
        self.cx = self.map_w / 2 - 0.5  # view centre, tile coordinates
        self.cy = self.map_h / 2 - 0.5

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

    def look_at(self, x: float, y: float) -> None:
        """Jump straight to a point (no smoothing)."""
        self.cx, self.cy = x, y
        self._clamp()

    def follow(self, x: float, y: float, dt: float) -> None:
        """Ease toward a point; the same feel at 30 or 144 frames per second."""
        k = 1.0 - math.exp(-FOLLOW_RATE * dt)
        self.cx += (x - self.cx) * k
        self.cy += (y - self.cy) * k
        self._clamp()

    def _clamp(self) -> None:
        half_w = self.view_w / self.tile_px / 2
        half_h = self.view_h / self.tile_px / 2
        self.cx = self._clamp_axis(self.cx, half_w, self.map_w)
        self.cy = self._clamp_axis(self.cy, half_h, self.map_h)

    @staticmethod
    def _clamp_axis(c: float, half: float, size: int) -> float:
        lo, hi = half - 0.5, size - half - 0.5
        return (size / 2 - 0.5) if lo > hi else min(max(c, lo), hi)

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
