"""Feedback that floats where it happened: "+4 trust · listened" rising over a resident's head.

The art library draws the pills (``FloatingText``); this keeps them anchored in
tile coordinates, so they stay over the porch while the camera moves or zooms,
and stacks messages that arrive together at one spot.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

from game.app.art import FloatingText, draw_floating_text
from game.app.ui.palette import Palette
from game.app.view.camera import Camera

LIMIT = 12  # at most this many at once (busy moments drop the oldest)
STACK = 0.55  # tiles between messages that arrive together at one spot
HEAD = 0.7  # tiles above the ground point where messages start


@dataclass
class Anchored:
    item: FloatingText
    x: float  # tile coordinates of the ground point
    y: float


class Floaters:
    def __init__(self) -> None:
        self.items: list[Anchored] = []
        self.now = 0.0

    def _add(self, item: FloatingText, at: tuple[float, float]) -> None:
        stacked = sum(1 for a in self.items if abs(a.x - at[0]) < 1 and abs(a.y - at[1]) < 1
                      and a.item.progress(self.now) < 0.35)
        self.items.append(Anchored(item, at[0], at[1] - STACK * stacked))
        del self.items[:-LIMIT]

    def trust(self, delta: float, reason: str, at: tuple[float, float]) -> None:
        self._add(FloatingText.trust_change(delta, reason, 0, 0, self.now), at)

    def note(self, message: str, at: tuple[float, float]) -> None:
        self._add(FloatingText(message, 0, 0, "info", self.now), at)

    def update(self, dt: float) -> None:
        self.now += dt
        self.items = [a for a in self.items if a.item.alive(self.now)]

    def draw(self, surface: pygame.Surface, camera: Camera, palette: Palette, text_scale: float,
             still: bool = False) -> None:
        """``still`` (reduced motion): messages fade in place instead of rising."""
        for a in self.items:
            a.item.x, a.item.y = camera.to_screen(a.x, a.y - HEAD)
            draw_floating_text(surface, replace(a.item, rise=0.0) if still else a.item, self.now, palette,
                               text_scale)
