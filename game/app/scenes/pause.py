"""Pause, anywhere: the shift stops, the controls are listed, and the way out is one click."""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.input import command_of
from game.app.scenes.base import Scene
from game.app.widgets import Button, Menu, draw_text, pad

VEIL = (14, 16, 26, 160)


def control_rows(app: App) -> list[tuple[str, str]]:
    """(keys, what they do), from the current key bindings."""
    s = app.settings
    move = "/".join(s.first_key(d) for d in ("up", "left", "down", "right"))
    return [
        (f"{move}, arrows", "walk a few steps, or drive"),
        ("Click the map", "walk or drive there"),
        ("Click a person", "walk up and talk"),
        (s.first_key("interact"), "talk to whoever is beside you"),
        (s.first_key("car"), "park and get out, or get back in"),
        (s.first_key("respond"), "respond to the most urgent call"),
        (s.first_key("people"), "people you have met"),
        ("1 / 2 / 3", "time at 1x, 2x, 4x"),
        ("Wheel, + / −", "zoom"),
        (f"{s.first_key('pause')} / Esc", "pause"),
        ("Gamepad", "stick moves · A talk · X car · Y respond · B back · Start pause"),
    ]


class PauseScene(Scene):
    """Overlay on ``beneath`` (the play scene or a dialogue over it); resuming returns there."""

    def __init__(self, app: App, beneath: Scene, play) -> None:
        self.app = app
        self.beneath = beneath
        self.play = play
        self.menu = Menu([Button("resume", "Resume"), Button("settings", "Settings"),
                          Button("restart", "Restart this shift"), Button("title", "Quit to title")])
        self._veil: pygame.Surface | None = None

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command in ("back", "pause"):
            return self.beneath
        choice = self.menu.handle(event, command)
        if choice == "resume":
            return self.beneath
        if choice == "settings":
            from game.app.scenes.settings import SettingsScene

            return SettingsScene(self.app, self)
        if choice == "restart":
            from game.app.scenes.briefing import BriefingScene

            return BriefingScene(self.app, self.play.scenario)
        if choice == "title":
            from game.app.scenes.title import TitleScene

            return TitleScene(self.app)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        self.beneath.draw(surface)
        w, h = surface.get_size()
        if self._veil is None or self._veil.get_size() != (w, h):
            self._veil = pygame.Surface((w, h), pygame.SRCALPHA)
            self._veil.fill(VEIL)
        surface.blit(self._veil, (0, 0))
        p = pad(text)
        rows = control_rows(app)
        button_h = text.line_height("body") + p
        col = round(200 * text.scale)
        width = min(w - 2 * p, col + round(440 * text.scale))
        rows_h = sum(max(1, len(text.wrap(what, "small", width - col - 3 * p)))
                     for _, what in rows) * text.line_height("small")
        height = min(h - 2 * p, text.line_height("title") + 4 * (button_h + p // 2) + rows_h + 3 * p)
        panel = pygame.Rect(0, 0, width, height)
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, palette.panel, palette.panel_edge)
        draw_text(surface, text, "Paused", "title", palette.text, (panel.centerx, panel.y + p), "midtop")
        y = panel.y + p + text.line_height("title") + p // 2
        button_w = min(width - 2 * p, round(300 * text.scale))
        y = self.menu.layout(panel.centerx - button_w // 2, y, button_w, button_h, p // 2) + p
        self.menu.draw(surface, text, app.panels, palette)
        surface.set_clip(panel)
        for keys, what in rows:
            draw_text(surface, text, text.fit(keys, "small", col), "small", palette.accent, (panel.x + p, y))
            for line in text.wrap(what, "small", width - col - 3 * p):
                draw_text(surface, text, line, "small", palette.text, (panel.x + 2 * p + col, y))
                y += text.line_height("small")
        surface.set_clip(None)
