"""The visitor's first choice: a few big cards, one per street, each a picture of the street to touch.

Nothing to read twice: the street as it looks in the game, its name, how long
a shift takes and who lives there. A touch (or click, or Enter) opens the
short kiosk briefing.
"""

from __future__ import annotations

import pygame

from game.app.kiosk.briefing import KioskBriefingScene
from game.app.kiosk.state import Kiosk
from game.app.scenes.base import Scene
from game.app.ui.input import command_of
from game.app.ui.widgets import draw_lines, draw_text, pad
from game.app.view.street import cover, street_picture
from game.scenario.model import Scenario

HEADING = "Be the officer for a shift"
SUBHEADING = "Pick a street. Touch it to begin."
CARD_MIN_WIDTH = 320  # px at text scale 1; narrower windows stack the cards
THUMB_TILE = 48  # px per tile the street is painted at (the play scene's painting, shared)
THUMB_SHARE = 0.42  # of a card's height, at most, for its picture


def visitor_minutes(scenario: Scenario, speed: float) -> int:
    """Real minutes a visitor's shift lasts at the kiosk's speed."""
    shift = scenario.shift
    return max(1, round(shift.minutes * shift.seconds_per_minute / speed / 60))


class KioskPickerScene(Scene):
    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.app = kiosk.app
        self.focus = 0
        self.cards: list[pygame.Rect] = []  # from the last draw, for touches
        self._thumbs: dict[tuple[str, tuple[int, int]], pygame.Surface] = {}

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        count = len(self.kiosk.scenarios)
        if command in ("left", "up"):
            self.focus = (self.focus - 1) % count
        elif command in ("right", "down"):
            self.focus = (self.focus + 1) % count
        elif command in ("confirm", "interact"):
            return self._open(self.focus)
        elif event.type == pygame.MOUSEMOTION:
            self.focus = next((i for i, r in enumerate(self.cards) if r.collidepoint(event.pos)), self.focus)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((i for i, r in enumerate(self.cards) if r.collidepoint(event.pos)), None)
            if hit is not None:
                return self._open(hit)
        return None

    def _open(self, index: int) -> Scene:
        return KioskBriefingScene(self.kiosk, self.kiosk.scenarios[index])

    def update(self, dt: float) -> Scene | None:
        self.kiosk.backdrop.update(dt)
        return None

    # --- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        text, palette = self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        self.kiosk.backdrop.draw(surface)
        draw_text(surface, text, text.fit(HEADING, "title", w - 2 * p), "title", palette.text, (w // 2, p),
                  "midtop")
        y = p + text.line_height("title")
        draw_text(surface, text, text.fit(SUBHEADING, "body", w - 2 * p), "body", palette.accent_alt,
                  (w // 2, y), "midtop")
        top = y + text.line_height("body") + p
        count = len(self.kiosk.scenarios)
        across = max(1, min(count, (w - p) // (round(CARD_MIN_WIDTH * text.scale) + p)))
        rows = -(-count // across)
        card_w = (w - (across + 1) * p) // across
        card_h = (h - top - p - (rows - 1) * p) // rows
        self.cards = []
        for k, scenario in enumerate(self.kiosk.scenarios):
            col, row = k % across, k // across
            rect = pygame.Rect(p + col * (card_w + p), top + row * (card_h + p), card_w, card_h)
            self.cards.append(rect)
            self._draw_card(surface, scenario, rect, k == self.focus)

    def _thumb(self, scenario: Scenario, size: tuple[int, int]) -> pygame.Surface:
        """The painted street with its own shop signs, scaled to cover ``size``, cropped to its middle."""
        key = (scenario.id, size)
        if key not in self._thumbs:
            self._thumbs[key] = cover(street_picture(scenario, THUMB_TILE, self.app.palette), size)
        return self._thumbs[key]

    def _draw_card(self, surface: pygame.Surface, scenario: Scenario, rect: pygame.Rect,
                   focused: bool) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        edge = palette.accent if focused else palette.panel_edge
        app.panels.draw(surface, rect, (*palette.panel[:3], 245), edge)
        inner = rect.inflate(-2 * p, -2 * p)
        title = text.wrap(scenario.title, "title", inner.w)[:2]
        meta = (f"About {visitor_minutes(scenario, app.speed)} minutes  ·  "
                f"{len(scenario.residents)} neighbors")
        words_h = len(title) * text.line_height("title") + text.line_height("body")
        room = inner.h - words_h - p
        thumb_h = min(round(rect.h * THUMB_SHARE), room - text.line_height("body"))
        y = inner.y
        if thumb_h >= text.line_height("title"):
            thumb = self._thumb(scenario, (inner.w, thumb_h))
            surface.blit(thumb, (inner.x, y))
            pygame.draw.rect(surface, edge, pygame.Rect(inner.x, y, inner.w, thumb_h), 2, border_radius=4)
            y += thumb_h + p
        y = draw_lines(surface, text, title, "title", palette.text, inner.x, y)
        draw_text(surface, text, text.fit(meta, "body", inner.w), "body", palette.accent_alt, (inner.x, y))
        y += text.line_height("body")
        lines = text.wrap(scenario.summary, "body", inner.w)
        fit = max(0, (inner.bottom - y) // text.line_height("body"))
        if len(lines) > fit > 0:
            lines = [*lines[: fit - 1], text.fit(" ".join(lines[fit - 1:]), "body", inner.w)]
        draw_lines(surface, text, lines[:fit], "body", palette.text, inner.x, y)
