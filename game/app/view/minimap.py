"""The whole neighborhood in a corner: where you are, where the car is, where the calls are.

The flat map picture is built once per size and palette; each frame adds a few
dots. Clicking it sends the officer there, like clicking the big map.
"""

from __future__ import annotations

import numpy as np
import pygame

from game.app.art import render_minimap
from game.app.context import App
from game.sim.simulation import Simulation


class Minimap:
    def __init__(self, app: App, sim: Simulation) -> None:
        self.app = app
        self.sim = sim
        self._image: pygame.Surface | None = None
        self._key: tuple = ()
        self.rect = pygame.Rect(0, 0, 0, 0)

    def _picture(self, size: tuple[int, int]) -> pygame.Surface:
        palette = self.app.palette
        key = (size, palette.name)
        if self._image is None or self._key != key:
            flat = render_minimap(self.sim.scenario.map, 4, palette)
            self._image = pygame.transform.smoothscale(flat, size)
            self._key = key
        return self._image

    def to_world(self, pos: tuple[int, int]) -> tuple[float, float] | None:
        """Tile coordinates under a window position, or None outside the minimap."""
        if not self.rect.collidepoint(pos):
            return None
        sx = (pos[0] - self.rect.x) / self.rect.w * self.sim.grid.width - 0.5
        sy = (pos[1] - self.rect.y) / self.rect.h * self.sim.grid.height - 0.5
        return (sx, sy)

    def _point(self, x: float, y: float) -> tuple[int, int]:
        r = self.rect
        return (round(r.x + (x + 0.5) / self.sim.grid.width * r.w),
                round(r.y + (y + 0.5) / self.sim.grid.height * r.h))

    def _draw_residents(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """A 2x2 pixel dot per resident, written straight into the pixels: no Python per dot."""
        sim = self.sim
        pos = sim.people.pos
        xs = (rect.x + (pos[:, 0] + 0.5) / sim.grid.width * rect.w).astype(np.int64)
        ys = (rect.y + (pos[:, 1] + 0.5) / sim.grid.height * rect.h).astype(np.int64)
        xs, ys = np.concatenate([xs, xs + 1, xs, xs + 1]), np.concatenate([ys, ys, ys + 1, ys + 1])
        w, h = surface.get_size()
        inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
        pixels = pygame.surfarray.pixels2d(surface)
        pixels[xs[inside], ys[inside]] = surface.map_rgb(self.app.palette.text)
        del pixels  # unlocks the surface

    def draw(self, surface: pygame.Surface, rect: pygame.Rect,
             view: tuple[float, float, float, float]) -> None:
        """``view`` is the camera's (left, top, width, height) in tiles."""
        self.rect = rect
        if rect.w < 8 or rect.h < 8:
            return
        palette, sim = self.app.palette, self.sim
        surface.blit(self._picture(rect.size), rect)
        self._draw_residents(surface, rect)
        for state in sim.active_calls():
            px, py = sim.places[state.call.place].at
            pygame.draw.circle(surface, palette.priority[state.call.priority - 1], self._point(px, py), 5, 2)
        pygame.draw.circle(surface, palette.accent_alt, self._point(*sim.officer.car_pos), 4)
        pygame.draw.circle(surface, palette.text_dark, self._point(*sim.officer.pos), 5)
        pygame.draw.circle(surface, palette.accent, self._point(*sim.officer.pos), 4)
        left, top, width, height = view
        a = self._point(left - 0.5, top - 0.5)
        b = self._point(left + width - 0.5, top + height - 0.5)
        frame = pygame.Rect(a, (b[0] - a[0], b[1] - a[1])).clip(rect)
        pygame.draw.rect(surface, palette.highlight, frame, 1)
        pygame.draw.rect(surface, palette.panel_edge, rect, 2)
