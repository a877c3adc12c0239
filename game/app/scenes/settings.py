"""Settings: text size, colours, motion, sound, pace and keys; each change applies at once and is saved.

Rows show a name on the left and the value on the right; left/right (keys,
d-pad) or a click changes the focused value. The line at the foot says where
settings are saved, or why they are not (kiosk mode, a read-only folder).
"""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.keys import KeysScene
from game.app.scenes.settings_common import VEIL, apply_and_save, draw_store_status
from game.app.ui.input import GAMEPAD, command_of
from game.app.ui.settings import GAME_SPEEDS, PALETTE_NAMES, TEXT_SCALES, VOLUME_STEP
from game.app.ui.widgets import Button, Menu, Veil, draw_text, pad

PALETTE_LABELS = {"warm": "Warm", "colorblind": "Colour-blind safe"}
PREVIEW = "Ms. Reyes waves from her porch.  +4 trust · listened"
VALUE_ROWS = ("text_scale", "palette", "reduced_motion", "volume", "muted", "game_speed", "show_tags")
ROW_NAMES = {"text_scale": "Text size", "palette": "Colours", "reduced_motion": "Motion",
             "volume": "Volume", "muted": "Sound", "game_speed": "Game speed",
             "show_tags": "Choice tones"}


def _cycle(options: tuple, value, step: int):
    i = options.index(value) if value in options else 0
    return options[(i + step) % len(options)]


class SettingsScene(Scene):
    def __init__(self, app: App, beneath: Scene) -> None:
        self.app = app
        self.beneath = beneath
        self.menu = Menu([Button(k, ROW_NAMES[k]) for k in VALUE_ROWS]
                         + [Button("keys", "Keys and controls"), Button("back", "Back")])
        self.veil = Veil(VEIL)

    def value(self, key: str) -> str:
        s = self.app.settings
        return {
            "text_scale": f"{s.text_scale:g}x",
            "palette": PALETTE_LABELS.get(s.palette, s.palette),
            "reduced_motion": "Reduced" if s.reduced_motion else "Full",
            "volume": f"{round(s.volume * 100)}%",
            "muted": "Muted" if s.muted else "On",
            "game_speed": f"{s.game_speed:g}x",
            "show_tags": "Shown (class)" if s.show_tags else "After choosing",
        }[key]

    def change(self, key: str, step: int) -> None:
        s = self.app.settings
        if key == "text_scale":
            s.text_scale = _cycle(TEXT_SCALES, s.text_scale, step)
        elif key == "palette":
            s.palette = _cycle(PALETTE_NAMES, s.palette, step)
        elif key == "reduced_motion":
            s.reduced_motion = not s.reduced_motion
        elif key == "volume":
            s.volume = round(min(1.0, max(0.0, s.volume + step * VOLUME_STEP)), 2)
        elif key == "muted":
            s.muted = not s.muted
        elif key == "game_speed":
            s.game_speed = _cycle(GAME_SPEEDS, s.game_speed, step)
        elif key == "show_tags":
            s.show_tags = not s.show_tags
        apply_and_save(self.app)
        self.app.audio.play("click")

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return self.beneath
        focused = self.menu.buttons[self.menu.focus].key
        if command in ("left", "right") and focused in VALUE_ROWS:
            self.change(focused, 1 if command == "right" else -1)
            return None
        choice = self.menu.handle(event, command)
        if choice == "back":
            return self.beneath
        if choice == "keys":
            return KeysScene(self.app, self, self.beneath)
        if choice is not None:
            step = 1
            if event.type == pygame.MOUSEBUTTONDOWN:
                rect = self.menu.buttons[self.menu.focus].rect
                step = -1 if choice == "volume" and event.pos[0] < rect.centerx else 1
            self.change(choice, step)
        return None

    def hint(self) -> str:
        if self.app.settings.device == GAMEPAD:
            return "D-pad left / right to change  ·  A to open  ·  B back"
        back = self.app.settings.first_key("back")
        return f"Left / right or click to change  ·  Enter to open  ·  {back} back"

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        self.beneath.draw(surface)
        self.veil.draw(surface)
        w, h = surface.get_size()
        p = pad(text)
        row_h = text.line_height("body") + p * 2 // 3
        gap = max(4, p // 3)
        swatch = text.line_height("body")
        rows = len(VALUE_ROWS) + 1
        preview_h = text.line_height("body") + 4 + swatch + p // 2
        foot_h = 2 * text.line_height("small")
        fixed_h = text.line_height("title") + p // 2 + rows * (row_h + gap) + foot_h + 2 * p
        show_preview = fixed_h + preview_h <= h - 2 * p  # at big text in a small window, drop it
        width = min(w - 2 * p, round(560 * text.scale))
        panel = pygame.Rect(0, 0, width, min(h - 2 * p, fixed_h + (preview_h if show_preview else 0)))
        panel.center = (w // 2, h // 2)
        inner = width - 2 * p
        app.panels.draw(surface, panel, (*palette.panel[:3], 250), palette.panel_edge)
        x = panel.x + p
        draw_text(surface, text, "Settings", "title", palette.text, (x, panel.y + p))
        y = panel.y + p + text.line_height("title") + p // 2
        for b in self.menu.buttons[: len(VALUE_ROWS)]:
            b.rect = pygame.Rect(x, y, inner, row_h)
            y += row_h + gap
        half = (inner - gap) // 2
        keys_button, back_button = self.menu.buttons[len(VALUE_ROWS):]
        keys_button.rect = pygame.Rect(x, y, half, row_h)
        back_button.rect = pygame.Rect(x + half + gap, y, inner - half - gap, row_h)
        y += row_h + p // 2
        self.menu.draw(surface, text, app.panels, palette)
        self._draw_values(surface)
        if show_preview:
            draw_text(surface, text, text.fit(PREVIEW, "body", inner), "body", palette.text, (x, y))
            y += text.line_height("body") + 4
            swatches = (palette.trust_good, palette.trust_mid, palette.trust_bad, *palette.priority)
            for k, colour in enumerate(swatches):
                pygame.draw.rect(surface, colour, (x + k * (swatch + 6), y, swatch, swatch), border_radius=4)
            y += swatch + p // 2
        draw_text(surface, text, text.fit(self.hint(), "small", inner), "small", palette.text_dim, (x, y))
        draw_store_status(surface, app, (x, y + text.line_height("small")), inner)

    def _draw_values(self, surface: pygame.Surface) -> None:
        """Each row's value, right-aligned in its button, in the accent colour."""
        text, palette = self.app.text, self.app.palette
        inset = pad(text) // 2 + 4
        for b in self.menu.buttons[: len(VALUE_ROWS)]:
            room = b.rect.w - 2 * inset - text.width(b.label, "body") - inset
            value = text.fit(self.value(b.key), "body", room)
            draw_text(surface, text, value, "body", palette.accent, (b.rect.right - inset, b.rect.centery),
                      "midright")
