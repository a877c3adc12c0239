"""Choose a neighborhood: every scenario file with its title, summary, difficulty and length.

Files that fail to load are listed too, greyed, with the loader's message, so
an instructor sees what to fix and a trainee is never met by a crash.
"""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.scenes.base import BackToTitle, Scene
from game.app.scenes.briefing import BriefingScene
from game.app.shift.catalog import Entry, shift_length
from game.app.ui.input import command_of
from game.app.ui.widgets import draw_lines, draw_pips, draw_text, pad
from game.app.view.backdrop import Backdrop

SUMMARY_LINES = 2
ERROR_LINES = 3


class PickerScene(Scene):
    def __init__(self, app: App, backdrop: Backdrop) -> None:
        self.app = app
        self.backdrop = backdrop
        self.entries: list[Entry] = backdrop.entries
        self.focus = next((i for i, e in enumerate(self.entries) if e.scenario is not None), 0)
        self.scroll = 0  # px the list is moved up
        self.cards: list[pygame.Rect] = []  # from the last draw, for the mouse
        self.elapsed = 0.0

    # --- input ---------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return BackToTitle(self.backdrop)
        if command in ("up", "down") and self.entries:
            self.focus = (self.focus + (1 if command == "down" else -1)) % len(self.entries)
        elif command in ("confirm", "interact"):
            return self._open(self.focus)
        elif event.type == pygame.MOUSEMOTION:
            hit = self._card_at(event.pos)
            if hit is not None:
                self.focus = hit
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = self._card_at(event.pos)
            if hit is not None:
                return self._open(hit)
        elif event.type == pygame.MOUSEWHEEL:
            self.scroll = max(0, self.scroll - event.y * self.app.text.line_height("body") * 2)
        return None

    def _card_at(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, r in enumerate(self.cards) if r.collidepoint(pos)), None)

    def _open(self, index: int) -> Scene | None:
        scenario = self.entries[index].scenario if self.entries else None
        if scenario is None:
            return None
        return BriefingScene(self.app, scenario, self.backdrop)

    def update(self, dt: float) -> Scene | None:
        self.elapsed += dt
        self.backdrop.update(dt)
        if self.app.options.autoplay and self.elapsed >= self.app.autoplay_pause:
            return self._open(self.focus)
        return None

    # --- drawing ---------------------------------------------------------------------
    def _card_height(self, entry: Entry, width: int) -> int:
        text, p = self.app.text, pad(self.app.text)
        if entry.scenario is None:
            lines = min(ERROR_LINES, len(text.wrap(entry.error, "small", width - 2 * p)))
            return text.line_height("body") + lines * text.line_height("small") + 2 * p
        return (text.line_height("body") + text.line_height("small")
                + SUMMARY_LINES * text.line_height("small") + 2 * p)

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        self.backdrop.draw(surface)
        draw_text(surface, text, "Choose a neighborhood", "title", palette.text, (w // 2, p), "midtop")
        top = p + text.line_height("title") + p
        footer = text.line_height("small") + 2 * p
        width = min(w - 2 * p, round(820 * text.scale))
        x = (w - width) // 2
        if not self.entries:
            msg = f"No scenario files in {app.options.scenario_dir}/ yet."
            draw_text(surface, text, msg, "body", palette.text_dim, (w // 2, top + p), "midtop")
        heights = [self._card_height(e, width) for e in self.entries]
        self._keep_focus_visible(heights, h - top - footer, p // 2)
        clip = pygame.Rect(0, top, w, h - top - footer)
        surface.set_clip(clip)
        self.cards = []
        y = top - self.scroll
        for i, (entry, ch) in enumerate(zip(self.entries, heights, strict=True)):
            rect = pygame.Rect(x, y, width, ch)
            self.cards.append(rect.clip(clip))
            if rect.colliderect(clip):
                self._draw_card(surface, entry, rect, i == self.focus)
            y += ch + p // 2
        surface.set_clip(None)
        hint = "Up/Down to choose  ·  Enter to read the briefing  ·  Esc back"
        draw_text(surface, text, text.fit(hint, "small", w - 20), "small", palette.text_dim,
                  (w // 2, h - p), "midbottom")

    def _keep_focus_visible(self, heights: list[int], view_h: int, gap: int) -> None:
        if not heights:
            return
        start = sum(heights[: self.focus]) + gap * self.focus
        end = start + heights[self.focus]
        if start < self.scroll:
            self.scroll = start
        elif end > self.scroll + view_h:
            self.scroll = end - view_h
        total = sum(heights) + gap * (len(heights) - 1)
        self.scroll = max(0, min(self.scroll, max(0, total - view_h)))

    def _draw_card(self, surface: pygame.Surface, entry: Entry, rect: pygame.Rect,
                   focused: bool) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        edge = palette.accent if focused and entry.scenario is not None else palette.panel_edge
        app.panels.draw(surface, rect, palette.panel, edge)
        x, y, inner = rect.x + p, rect.y + p, rect.w - 2 * p
        if entry.scenario is None:
            draw_text(surface, text, text.fit(f"{entry.path.name} (cannot be played)", "body", inner),
                      "body", palette.text_dim, (x, y))
            lines = text.wrap(entry.error, "small", inner)[:ERROR_LINES]
            draw_lines(surface, text, lines, "small", palette.trust_mid, x, y + text.line_height("body"))
            return
        s = entry.scenario
        draw_text(surface, text, text.fit(s.title, "body", inner * 2 // 3), "body", palette.text, (x, y))
        size = text.line_height("small") * 2 // 3
        draw_pips(surface, s.difficulty, 3, (rect.right - p - 3 * (size + 4), y + size // 2), size,
                  palette.accent, palette.panel_edge)
        y += text.line_height("body")
        meta = f"Difficulty {s.difficulty} of 3  ·  {shift_length(s)}  ·  {len(s.residents)} residents"
        draw_text(surface, text, text.fit(meta, "small", inner), "small", palette.accent_alt, (x, y))
        y += text.line_height("small")
        lines = text.wrap(s.summary or "No summary.", "small", inner)
        if len(lines) > SUMMARY_LINES:
            rest = " ".join(lines[SUMMARY_LINES - 1:])
            lines = [*lines[: SUMMARY_LINES - 1], text.fit(rest, "small", inner)]
        draw_lines(surface, text, lines, "small", palette.text, x, y)
