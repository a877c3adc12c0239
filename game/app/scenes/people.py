"""Tab: everyone on the street, what you know of them, and where they are now.

A quick way to find someone whose worry you looked into, or whose story you
have only half heard. Choosing a person selects them (their card stays on
screen) and closes the list. Waiting calls head the list, to be taken from
here (a click, or R) like from any panel over the street.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.calls import take_call, waiting_calls
from game.app.ui.input import command_of
from game.app.ui.widgets import Veil, draw_lines, draw_text, pad
from game.app.view.sprites import ring_icon
from game.report.words import familiarity_words

if TYPE_CHECKING:
    from game.app.scenes.play import PlayScene

VEIL = (14, 16, 26, 150)


class PeopleScene(Scene):
    def __init__(self, app: App, play: PlayScene) -> None:
        self.app = app
        self.play = play
        sim = play.sim
        # People you know first (by familiarity), then everyone else by name.
        self.order = sorted(range(len(sim.residents)),
                            key=lambda i: (-round(float(sim.trust.familiarity[i]), 2), sim.residents[i].name))
        self.focus = 0
        self.scroll = 0
        self.rows: list[tuple[pygame.Rect, int]] = []
        self.call_rows: list[tuple[pygame.Rect, str]] = []
        self.error = ""  # why a call could not be taken, in the foot line
        self._veil = Veil(VEIL)

    def _pick(self, i: int) -> Scene:
        self.play.selected = i
        return self.play

    def _take(self, call_id: str | None) -> Scene | None:
        street, self.error = take_call(self.play, call_id)
        return street

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command in ("back", "people", "pause"):
            return self.play
        if command == "respond":
            return self._take(None)
        if command in ("up", "down") and self.order:
            self.focus = (self.focus + (1 if command == "down" else -1)) % len(self.order)
        elif command in ("confirm", "interact") and self.order:
            return self._pick(self.order[self.focus])
        elif event.type == pygame.MOUSEWHEEL:
            self.focus = min(max(self.focus - event.y, 0), max(0, len(self.order) - 1))
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for rect, call_id in self.call_rows:
                if rect.collidepoint(event.pos):
                    return self._take(call_id)
            for rect, i in self.rows:
                if rect.collidepoint(event.pos):
                    return self._pick(i)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette, sim = self.app, self.app.text, self.app.palette, self.play.sim
        self.play.draw(surface)
        w, h = surface.get_size()
        self._veil.draw(surface)
        p = pad(text)
        panel = pygame.Rect(0, 0, min(w - 2 * p, round(760 * text.scale)), h - 2 * p)
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, (*palette.panel[:3], 250), palette.panel_edge)
        draw_text(surface, text, "People on the street", "title", palette.text, (panel.x + p, panel.y + p))
        hint = text.wrap(self._hint(), "small", panel.w - 2 * p)
        hint_top = panel.bottom - p // 2 - len(hint) * text.line_height("small")
        draw_lines(surface, text, hint, "small", palette.trust_mid if self.error else palette.text_dim,
                   panel.x + p, hint_top)
        top = self._draw_calls(surface, panel, panel.y + p + text.line_height("title") + p // 2)
        row_h = text.line_height("body") + text.line_height("small") + p // 2
        visible = max(1, (hint_top - p // 2 - top) // row_h)
        self.scroll = min(max(self.scroll, self.focus - visible + 1), self.focus)
        self.rows = []
        y = top
        for n, i in enumerate(self.order[self.scroll:self.scroll + visible], start=self.scroll):
            rect = pygame.Rect(panel.x + p // 2, y, panel.w - p, row_h - 4)
            self.rows.append((rect, i))
            if n == self.focus:
                app.panels.draw(surface, rect, (*palette.panel_edge, 255), palette.accent, radius=6)
            r, known = sim.residents[i], sim.known[i]
            trust = float(sim.trust.trust[i])
            ring = ring_icon(trust, row_h - 8, palette)
            surface.blit(ring, (rect.x + 4, rect.y + 2))
            x = rect.x + row_h + 4
            draw_text(surface, text, text.fit(r.name, "body", rect.w // 2), "body", palette.text, (x, rect.y))
            draw_text(surface, text, f"trust {trust:.0f}", "body", palette.text, (rect.right - p, rect.y),
                      "topright")
            facts = [self.play.hud.where(i), familiarity_words(float(sim.trust.familiarity[i]))]
            if r.story:
                facts.append(f"story {known.stories_heard}/{len(r.story)}")
            if known.concerns_heard:
                facts.append(f"worries heard {len(known.concerns_heard)}, "
                             f"followed up {len(known.concerns_done)}")
            draw_text(surface, text, text.fit(" · ".join(facts), "small", rect.right - p - x), "small",
                      palette.text_dim, (x, rect.y + text.line_height("body")))
            y += row_h

    def _hint(self) -> str:
        if self.error:
            return self.error
        key = self.app.settings.first_key("people")
        hint = f"Enter or click to select · {key} or Esc to close"
        if waiting_calls(self.play.sim):
            hint = f"{self.app.settings.first_key('respond')} take the call · {hint}"
        return hint

    def _draw_calls(self, surface: pygame.Surface, panel: pygame.Rect, y: int) -> int:
        """The waiting calls, each a line to click; returns the y below them."""
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        self.call_rows = []
        for call in waiting_calls(self.play.sim):
            width = panel.w - p - p
            label = text.wrap(call.label, "body", width)
            detail = text.wrap(call.detail, "small", width)
            rect = pygame.Rect(panel.x + p // 2, y, panel.w - p,
                               len(label) * text.line_height("body") + len(detail) * text.line_height("small")
                               + p // 2)
            app.panels.draw(surface, rect, (*palette.panel[:3], 255), palette.priority[call.priority - 1],
                            radius=6)
            below = draw_lines(surface, text, label, "body", palette.text, rect.x + p // 2, rect.y + p // 4)
            draw_lines(surface, text, detail, "small", palette.text_dim, rect.x + p // 2, below)
            self.call_rows.append((rect, call.call_id))
            y = rect.bottom + p // 2
        return y
