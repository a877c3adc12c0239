"""Key remapping: every command with its keys; pick one, press the new key, see what moved.

A key means one thing only. When the new key was another command's, the
message says so in words ("F now means 'Talk / join in'. 'Park and walk /
get in' moved to E.") and both rows light up, so a swap is never a surprise.
Pad buttons are fixed (SDL gives every pad the same layout) and listed at the
foot. Each change is applied and saved at once, like every other setting.
"""

from __future__ import annotations

import math

import pygame

from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.settings_common import VEIL, apply_and_save, draw_store_status
from game.app.ui.input import GAMEPAD, command_of, pad_summary
from game.app.ui.settings import COMMAND_LABELS, DEFAULT_KEYS, key_label, rebind
from game.app.ui.widgets import Button, Veil, draw_arrow, draw_lines, draw_text, pad

ROW_MIN_W = 280  # px at text scale 1: narrower than this, the list uses one column


class KeysScene(Scene):
    """Opened from ``settings`` and back to it; drawn over ``under`` (what the settings cover),
    so the settings panel does not show through."""

    def __init__(self, app: App, settings: Scene, under: Scene) -> None:
        self.app = app
        self.settings = settings
        self.under = under
        self.rows = [Button(command, COMMAND_LABELS[command]) for command in DEFAULT_KEYS]
        self.actions = [Button("reset", "Reset to defaults"), Button("back", "Back")]
        self.focus = 0  # index into rows + actions
        self.columns = 2  # set by the layout
        self.capturing: str | None = None  # the command waiting for its new key
        self.message = "Choose a command, then press the key you want for it."
        self.changed: set[str] = set()  # rows the last change touched, lit until the next one
        self.veil = Veil(VEIL)

    @property
    def buttons(self) -> list[Button]:
        return self.rows + self.actions

    # --- input ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        if self.capturing is not None:
            self._capture(event)
            return None
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return self.settings
        if command in ("up", "down", "left", "right"):
            self._move(command)
        elif event.type == pygame.MOUSEWHEEL and event.y:
            self._move("up" if event.y > 0 else "down")
        elif command in ("confirm", "interact"):
            return self._choose(self.buttons[self.focus].key)
        elif event.type == pygame.MOUSEMOTION:
            for i, b in enumerate(self.buttons):
                b.hover = b.hit(event.pos)
                if b.hover:
                    self.focus = i
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            hit = next((b for b in self.buttons if b.hit(event.pos)), None)
            if hit is not None:
                return self._choose(hit.key)
        return None

    def _move(self, direction: str) -> None:
        """Arrows move through the grid: up/down within a column, left/right across columns."""
        n = len(self.rows)
        per_column = math.ceil(n / self.columns)
        if self.focus >= n:  # on the buttons at the foot
            if direction in ("left", "right"):
                self.focus = n + (self.focus - n + (1 if direction == "right" else -1)) % len(self.actions)
            elif direction == "up":
                self.focus = n - 1
            else:
                self.focus = 0
            return
        column, row = divmod(self.focus, per_column)
        if direction in ("left", "right"):
            column = (column + (1 if direction == "right" else -1)) % self.columns
            self.focus = min(column * per_column + row, n - 1)
        elif direction == "up":
            self.focus = self.focus - 1 if self.focus > 0 else len(self.buttons) - 1
        else:
            self.focus += 1

    def _choose(self, key: str) -> Scene | None:
        if key == "back":
            return self.settings
        if key == "reset":
            self.app.settings.keys = dict(DEFAULT_KEYS)
            self.changed = set(DEFAULT_KEYS)
            self.message = "Every key is back to its default."
            apply_and_save(self.app)
        else:
            self.capturing = key
            self.changed = {key}
            self.message = f"Press the new key for '{COMMAND_LABELS[key]}'.  Esc cancels."
        self.app.audio.play("click")
        return None

    def _capture(self, event: pygame.event.Event) -> None:
        """The key pressed now becomes the command's; Esc, a click or a pad button cancels."""
        command = self.capturing
        assert command is not None
        if event.type == pygame.KEYDOWN and event.key != pygame.K_ESCAPE:
            settings = self.app.settings
            before = settings.keys
            settings.keys, self.message = rebind(before, command, event.key)
            self.changed = {c for c in settings.keys if settings.keys[c] != before.get(c)} | {command}
            apply_and_save(self.app)
        elif event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.CONTROLLERBUTTONDOWN):
            self.message = "Nothing changed."
        else:
            return
        self.capturing = None

    # --- drawing ----------------------------------------------------------------------
    def keys_text(self, command: str) -> str:
        """'W  ·  Up', or what to do now while this row waits for its key."""
        if command == self.capturing:
            return "press a key…"
        keys = self.app.settings.keys.get(command, ())
        return "  ·  ".join(key_label(k) for k in keys) if keys else "none"

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        self.under.draw(surface)
        self.veil.draw(surface)
        w, h = surface.get_size()
        p = pad(text)
        width = min(w - 2 * p, round(1040 * text.scale))
        inner = width - 2 * p
        gap = max(4, p // 3)
        self.columns = 2 if (inner - gap) // 2 >= round(ROW_MIN_W * text.scale) else 1
        per_column = math.ceil(len(self.rows) / self.columns)
        row_h = text.line_height("body") + p // 2
        message = text.wrap(self.message, "body", inner)
        heading_h = text.line_height("title") + p // 2
        foot_h = (len(message) * text.line_height("body") + p // 2 + row_h + p // 2
                  + 2 * text.line_height("small"))
        room = h - 2 * p - heading_h - foot_h - 2 * p
        shown = max(1, min(per_column, (room + gap) // (row_h + gap)))  # rows of the grid on screen
        height = heading_h + shown * (row_h + gap) - gap + p // 2 + foot_h + 2 * p
        panel = pygame.Rect(0, 0, width, min(h - 2 * p, height))
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, (*palette.panel[:3], 250), palette.panel_edge)
        x, y = panel.x + p, panel.y + p
        draw_text(surface, text, "Keys", "title", palette.text, (x, y))
        y += heading_h
        self._draw_grid(surface, pygame.Rect(x, y, inner, shown * (row_h + gap) - gap), per_column, shown,
                        row_h, gap)
        y += shown * (row_h + gap) - gap + p // 2
        colour = palette.accent if self.capturing or self.changed else palette.text
        y = draw_lines(surface, text, message, "body", colour, x, y) + p // 2
        half = (inner - gap) // 2
        for k, b in enumerate(self.actions):
            b.rect = pygame.Rect(x + k * (half + gap), y, half, row_h)
            b.draw(surface, text, app.panels, palette, focused=self.focus == len(self.rows) + k)
        y += row_h + p // 2
        pad_colour = palette.accent_alt if app.settings.device == GAMEPAD else palette.text_dim
        pad_line = f"Gamepad (fixed): stick moves  ·  {pad_summary()}"
        draw_text(surface, text, text.fit(pad_line, "small", inner), "small", pad_colour, (x, y))
        draw_store_status(surface, app, (x, y + text.line_height("small")), inner)

    def _draw_grid(self, surface: pygame.Surface, area: pygame.Rect, per_column: int, shown: int,
                   row_h: int, gap: int) -> None:
        """The command rows in columns; when they do not all fit, the focused row stays in view."""
        app, text, palette = self.app, self.app.text, self.app.palette
        focus_row = self.focus % per_column if self.focus < len(self.rows) else 0
        first = min(max(0, focus_row - shown + 1), per_column - shown)
        self._draw_more(surface, area, above=first > 0, below=first + shown < per_column)
        col_w = (area.w - gap * (self.columns - 1)) // self.columns
        inset = pad(text) // 2 + 4
        for i, b in enumerate(self.rows):
            column, row = divmod(i, per_column)
            if not first <= row < first + shown:
                b.rect = pygame.Rect(0, 0, 0, 0)  # off screen: not clickable
                continue
            b.rect = pygame.Rect(area.x + column * (col_w + gap), area.y + (row - first) * (row_h + gap),
                                 col_w, row_h)
            keys = self.keys_text(b.key)
            keys_w = min(text.width(keys, "body"), b.rect.w // 2)
            b.label = text.fit(COMMAND_LABELS[b.key], "body", b.rect.w - keys_w - 3 * inset)
            b.draw(surface, text, app.panels, palette, focused=i == self.focus)
            colour = palette.accent_alt if b.key in self.changed else palette.accent
            draw_text(surface, text, text.fit(keys, "body", keys_w), "body", colour,
                      (b.rect.right - inset, b.rect.centery), "midright")

    def _draw_more(self, surface: pygame.Surface, area: pygame.Rect, above: bool, below: bool) -> None:
        """Small triangles at the grid's right edge when rows are scrolled out of view."""
        size = max(6, pad(self.app.text) // 2)
        colour = self.app.palette.accent
        if above:
            draw_arrow(surface, pygame.Rect(area.right + 2, area.y, size, size), True, colour)
        if below:
            draw_arrow(surface, pygame.Rect(area.right + 2, area.bottom - size, size, size), False, colour)
