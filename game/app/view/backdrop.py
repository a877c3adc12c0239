"""The living street behind the menus: a shipped neighborhood, slowly drifting, dimmed.

Menus sit on the same painted map the trainee will walk, so the first screen
already says what the game looks like. Any valid scenario's map will do; with
none, a plain dusk gradient keeps the menus readable.
"""

from __future__ import annotations

import math

import pygame

from game.app.context import App
from game.app.shift.catalog import Entry, scan
from game.app.ui.widgets import Veil
from game.app.view.street import street_picture
from game.scenario.model import Scenario

BACKDROP_TILE = 48  # px per tile: the same painting the play scene uses, so it is made once
DRIFT_SPEED = 0.06  # radians per second around the drift ellipse
OVERSCAN = 1.15  # the street is scaled this much past the window, leaving room to drift
DIM = (18, 20, 32, 150)  # RGBA veil that keeps menu text readable over the street


class Backdrop:
    def __init__(self, app: App, entries: list[Entry] | None = None) -> None:
        self.app = app
        self.entries = scan(app.options.scenario_dir) if entries is None else entries
        scenario = next((e.scenario for e in self.entries if e.scenario is not None), None)
        self._scenario: Scenario | None = scenario
        self._map: pygame.Surface | None = None
        self._key: tuple = ()
        self._veil = Veil(DIM)
        self.phase = 0.0

    def update(self, dt: float) -> None:
        if not self.app.settings.reduced_motion:
            self.phase += dt * DRIFT_SPEED

    def _map_surface(self, size: tuple[int, int]) -> pygame.Surface | None:
        """The street scaled to cover the window (with overscan), made once per size and palette."""
        palette = self.app.palette
        if self._scenario is None:
            return None
        if self._map is None or self._key != (size, palette.name):
            street = street_picture(self._scenario, BACKDROP_TILE, palette)
            mw, mh = street.get_size()
            k = max(size[0] / mw, size[1] / mh) * OVERSCAN
            self._map = pygame.transform.smoothscale(street, (round(mw * k), round(mh * k)))
            self._key = (size, palette.name)
        return self._map

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        palette = self.app.palette
        street = self._map_surface((w, h))
        if street is None:
            surface.fill(palette.panel[:3])
        else:
            mw, mh = street.get_size()
            x = (w - mw) / 2 + (mw - w) / 2 * math.sin(self.phase)
            y = (h - mh) / 2 + (mh - h) / 2 * math.cos(self.phase * 0.7)
            surface.blit(street, (round(x), round(y)))
        self._veil.draw(surface)
