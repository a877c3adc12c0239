"""Settings: text size, colour-blind palette, sound and pace, changed live and kept for the session."""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.input import command_of
from game.app.scenes.base import Scene
from game.app.settings import GAME_SPEEDS, PALETTE_NAMES, TEXT_SCALES, VOLUME_STEP
from game.app.widgets import Button, Menu, draw_text, pad

PALETTE_LABELS = {"warm": "Warm", "colorblind": "Colour-blind safe"}
PREVIEW = "Ms. Reyes waves from her porch.  +4 trust · listened"


def _cycle(options: tuple, value, step: int):
    i = options.index(value) if value in options else 0
    return options[(i + step) % len(options)]


class SettingsScene(Scene):
    def __init__(self, app: App, beneath: Scene) -> None:
        self.app = app
        self.beneath = beneath
        self.menu = Menu([Button(k, "") for k in ("text_scale", "palette", "volume", "muted", "game_speed")]
                         + [Button("back", "Back")])

    def _labels(self) -> None:
        s = self.app.settings
        labels = {
            "text_scale": f"Text size:  {s.text_scale:g}x",
            "palette": f"Colours:  {PALETTE_LABELS.get(s.palette, s.palette)}",
            "volume": f"Volume:  {round(s.volume * 100)}%",
            "muted": f"Sound:  {'muted' if s.muted else 'on'}",
            "game_speed": f"Game speed:  {s.game_speed:g}x",
        }
        for b in self.menu.buttons:
            if b.key in labels:
                b.label = labels[b.key]
                b.detail = "Left / right or click to change"

    def change(self, key: str, step: int) -> None:
        s = self.app.settings
        if key == "text_scale":
            s.text_scale = _cycle(TEXT_SCALES, s.text_scale, step)
        elif key == "palette":
            s.palette = _cycle(PALETTE_NAMES, s.palette, step)
        elif key == "volume":
            s.volume = round(min(1.0, max(0.0, s.volume + step * VOLUME_STEP)), 2)
        elif key == "muted":
            s.muted = not s.muted
        elif key == "game_speed":
            s.game_speed = _cycle(GAME_SPEEDS, s.game_speed, step)
        self.app.settings_changed()
        self.app.audio.play("click")

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return self.beneath
        focused = self.menu.buttons[self.menu.focus].key
        if command in ("left", "right") and focused != "back":
            self.change(focused, 1 if command == "right" else -1)
            return None
        choice = self.menu.handle(event, command)
        if choice == "back":
            return self.beneath
        if choice is not None:
            step = 1
            if event.type == pygame.MOUSEBUTTONDOWN:
                rect = self.menu.buttons[self.menu.focus].rect
                step = -1 if choice == "volume" and event.pos[0] < rect.centerx else 1
            self.change(choice, step)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        self._labels()
        self.beneath.draw(surface)
        w, h = surface.get_size()
        p = pad(text)
        row_h = text.line_height("body") + text.line_height("small") + p // 2
        width = min(w - 2 * p, round(520 * text.scale))
        height = min(h - 2 * p, text.line_height("title") + 6 * (row_h + p // 2)
                     + 2 * text.line_height("body") + 3 * p)
        panel = pygame.Rect(0, 0, width, height)
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, (*palette.panel[:3], 250), palette.panel_edge)
        draw_text(surface, text, "Settings", "title", palette.text, (panel.x + p, panel.y + p))
        y = panel.y + p + text.line_height("title") + p // 2
        y = self.menu.layout(panel.x + p, y, width - 2 * p, row_h, p // 2) + p // 2
        self.menu.draw(surface, text, app.panels, palette)
        draw_text(surface, text, text.fit(PREVIEW, "body", width - 2 * p), "body", palette.text,
                  (panel.x + p, y))
        y += text.line_height("body") + 4
        swatches = (palette.trust_good, palette.trust_mid, palette.trust_bad, *palette.priority)
        size = text.line_height("body")
        for k, colour in enumerate(swatches):
            pygame.draw.rect(surface, colour, (panel.x + p + k * (size + 6), y, size, size), border_radius=4)
