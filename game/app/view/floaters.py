"""Feedback that floats where it happened: "+4 trust · listened" rising over a resident's head.

The art library draws the pills (``FloatingText``); this keeps them anchored in
tile coordinates, so they stay over the porch while the camera moves or zooms,
stacks messages that arrive together at one spot, and on screen moves them apart,
off name tags and inside the window, so each can be read whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import pygame

from game.app.art import FloatingText, draw_floating_text, floating_text_rect
from game.app.ui.palette import Palette
from game.app.view.camera import Camera

LIMIT = 12  # at most this many at once (busy moments drop the oldest)
STACK = 0.55  # tiles between messages that arrive together at one spot
HEAD = 0.7  # tiles above the ground point where messages start
GAP = 2  # pixels between messages moved apart


@dataclass
class Anchored:
    item: FloatingText
    x: float  # tile coordinates of the ground point
    y: float


class Floaters:
    def __init__(self) -> None:
        self.items: list[Anchored] = []
        self.now = 0.0
        self.placed: list[pygame.Rect] = []  # where the last frame drew each message, newest first

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
             still: bool = False, bounds: pygame.Rect | None = None,
             avoid: Sequence[pygame.Rect] = (), rather_not: Sequence[pygame.Rect] = ()) -> None:
        """``still`` (reduced motion): messages fade in place instead of rising. Each message keeps
        inside ``bounds`` (the window by default) and off ``avoid`` (name tags) and the others,
        and off ``rather_not`` (HUD panels) where there is room: the newest sits where it
        happened, older ones move up out of its way. ``placed`` keeps where each one went."""
        area = surface.get_rect() if bounds is None else bounds
        taken = [pygame.Rect(r) for r in avoid]
        self.placed = []
        for a in reversed(self.items):
            item = replace(a.item, rise=0.0) if still else a.item
            item.x, item.y = camera.to_screen(a.x, a.y - HEAD)
            if not 0.0 <= item.progress(self.now) < 1.0:
                continue
            natural = floating_text_rect(item, self.now, palette, text_scale)
            rect = clear_spot(natural, [*taken, *rather_not], area) or clear_spot(natural, taken, area)
            rect = rect or natural.clamp(area)
            taken.append(rect)
            self.placed.append(rect)
            draw_floating_text(surface, item, self.now, palette, text_scale,
                               (natural.x - rect.x, natural.y - rect.y))


def clear_spot(rect: pygame.Rect, taken: Sequence[pygame.Rect], area: pygame.Rect) -> pygame.Rect | None:
    """``rect`` moved into ``area`` and then up (or, with no room above, down) until it touches
    nothing in ``taken``; None if there is no such spot."""
    start = rect.clamp(area)
    for upward in (True, False):
        spot = start.copy()
        while area.contains(spot):
            hits = [t for t in taken if spot.colliderect(t)]
            if not hits:
                return spot
            if upward:
                spot.bottom = min(t.top for t in hits) - GAP
            else:
                spot.top = max(t.bottom for t in hits) + GAP
    return None
