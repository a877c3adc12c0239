"""The title screen: what the game is, in one line, and the way in."""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.scenes.base import Quit, Scene
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.picker import PickerScene
from game.app.scenes.settings import SettingsScene
from game.app.shift.week import WeekInPlay
from game.app.ui.input import command_of
from game.app.ui.widgets import Button, Menu, draw_text, pad
from game.app.view.backdrop import Backdrop
from game.sessions import SessionStore, SessionStoreError, default_db_path

TAGLINE = "Stay in the car and reach every call, or park, walk, and get to know the street."


def unfinished_week(app: App) -> WeekInPlay | None:
    """The campaign in progress in the session store, if any (never in kiosk mode; a store
    that does not exist yet is not created just to look)."""
    if not app.keeps_data or not default_db_path().is_file():
        return None
    try:
        with SessionStore.open(read_only_ok=True) as store:
            return WeekInPlay.resume_latest(store)
    except SessionStoreError:
        return None  # no store to read: the title offers a fresh start only


class TitleScene(Scene):
    def __init__(self, app: App, backdrop: Backdrop | None = None) -> None:
        self.app = app
        self.backdrop = backdrop or Backdrop(app)
        self.week = unfinished_week(app)
        first = [Button("continue", "Continue the week")] if self.week is not None else []
        self.menu = Menu([*first, Button("start", "Start a shift"), Button("settings", "Settings"),
                          Button("quit", "Quit")])
        self.elapsed = 0.0

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return Quit()
        return self._open(self.menu.handle(event, command))

    def _open(self, choice: str | None) -> Scene | None:
        if choice == "continue" and self.week is not None:
            return BriefingScene(self.app, self.week.scenario(), self.backdrop, self.week)
        if choice == "start":
            return PickerScene(self.app, self.backdrop)
        if choice == "settings":
            return SettingsScene(self.app, self)
        if choice == "quit":
            return Quit()
        return None

    def update(self, dt: float) -> Scene | None:
        self.elapsed += dt
        self.backdrop.update(dt)
        if self.app.options.autoplay and self.elapsed >= self.app.autoplay_pause:
            return self._open("start")
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        self.backdrop.draw(surface)
        title_h = text.line_height("display")
        button_h = text.line_height("body") + 2 * pad(text)
        gap = pad(text) // 2
        block = title_h + text.line_height("body") * 3 + len(self.menu.buttons) * (button_h + gap)
        y = max(pad(text), (h - block) // 2)
        draw_text(surface, text, "Front Porch", "display", palette.text, (w // 2, y), "midtop")
        y += title_h
        for line in text.wrap(TAGLINE, "body", min(w - 80, round(720 * text.scale))):
            draw_text(surface, text, line, "body", palette.accent, (w // 2, y), "midtop")
            y += text.line_height("body")
        y += text.line_height("body")
        width = min(w - 80, round(320 * text.scale))
        self.menu.layout((w - width) // 2, y, width, button_h, gap)
        self.menu.draw(surface, text, app.panels, palette)
        hint = "Mouse, keyboard or gamepad  ·  Enter to choose  ·  F11 full screen"
        draw_text(surface, text, text.fit(hint, "small", w - 20), "small", palette.text_dim,
                  (w // 2, h - pad(text)), "midbottom")
