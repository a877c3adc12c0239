"""The operator's way out, and nobody else's: hold Escape for three seconds, or press Ctrl+Shift+Q.

A visitor tapping Escape (or the window's close button) must not end a
workshop's kiosk; a host who means it holds the key and watches a ring fill.
"""

from __future__ import annotations

import math

import pygame

from game.app.ui.palette import Palette
from game.app.ui.text import Text
from game.app.ui.widgets import PanelPainter, draw_text, pad

HOLD_SECONDS = 3.0  # Escape held this long quits
SHOW_AFTER = 0.25  # a tap never flashes the ring
RING_PX = 96  # diameter at text scale 1


def is_quit_chord(event: pygame.event.Event) -> bool:
    """Ctrl+Shift+Q, the operator's immediate exit."""
    if event.type != pygame.KEYDOWN or event.key != pygame.K_q:
        return False
    mod = getattr(event, "mod", 0)
    return bool(mod & pygame.KMOD_CTRL) and bool(mod & pygame.KMOD_SHIFT)


class HoldToQuit:
    def __init__(self) -> None:
        self.held: float | None = None  # seconds Escape has been down, None when it is up

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.held = 0.0
        elif (event.type == pygame.KEYUP and event.key == pygame.K_ESCAPE) or \
                event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWHIDDEN):
            self.held = None

    def update(self, dt: float) -> bool:
        """True once the key has been held long enough."""
        if self.held is None:
            return False
        self.held += dt
        return self.held >= HOLD_SECONDS

    def draw(self, surface: pygame.Surface, text: Text, panels: PanelPainter, palette: Palette) -> None:
        """A ring filling clockwise and the seconds left, in the middle of the screen."""
        if self.held is None or self.held < SHOW_AFTER:
            return
        p = pad(text)
        size = round(RING_PX * text.scale)
        label = "Keep holding Esc to close the kiosk"
        w, h = surface.get_size()
        panel = pygame.Rect(0, 0, min(w - 2 * p, max(size, text.width(label, "body")) + 2 * p),
                            size + text.line_height("body") + 3 * p)
        panel.center = (w // 2, h // 2)
        panels.draw(surface, panel, (*palette.panel[:3], 245), palette.accent)
        ring = pygame.Rect(0, 0, size, size)
        ring.midtop = (panel.centerx, panel.y + p)
        thickness = max(4, size // 10)
        pygame.draw.ellipse(surface, palette.panel_edge, ring, thickness)
        share = min(1.0, self.held / HOLD_SECONDS)
        top = math.pi / 2  # pygame's arcs run counter-clockwise from the right
        pygame.draw.arc(surface, palette.accent, ring, top - share * math.tau, top, thickness)
        left = max(1, math.ceil(HOLD_SECONDS - self.held))
        draw_text(surface, text, str(left), "title", palette.text, ring.center, "center")
        draw_text(surface, text, text.fit(label, "body", panel.w - 2 * p), "body", palette.text,
                  (panel.centerx, ring.bottom + p), "midtop")
