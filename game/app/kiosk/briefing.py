"""The kiosk's briefing: the street in two sentences and three things to know, then Start.

The trainee's roll call (objectives, policy, every neighbor) is too much for
someone who walked up to a screen at a workshop; this is the same street with
only what a first touch needs.
"""

from __future__ import annotations

import pygame

from game.app.kiosk.state import Kiosk
from game.app.scenes.base import BackToPicker, Scene
from game.app.scenes.play import PlayScene
from game.app.ui.input import command_of
from game.app.ui.widgets import Button, Menu, draw_lines, draw_text, pad
from game.scenario.model import Scenario

STEPS = (
    "Touch the street and the officer drives there.",
    "Touch Park and walk, then touch a neighbor to talk with them.",
    "When a call comes in, touch Answer the call. Being quick matters; so does being known.",
)
WELCOME = "You are in the patrol car. Touch the street to drive, or Park and walk to get out."
PANEL_WIDTH = 860  # px at text scale 1
SUMMARY_LINES = 3


class KioskBriefingScene(Scene):
    def __init__(self, kiosk: Kiosk, scenario: Scenario) -> None:
        self.kiosk = kiosk
        self.app = kiosk.app
        self.scenario = scenario
        self.menu = Menu([Button("start", "Start the shift"), Button("back", "Back")])

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return self._open("back")
        return self._open(self.menu.handle(event, command))

    def _open(self, choice: str | None) -> Scene | None:
        if choice == "start":
            play = PlayScene(self.app, self.scenario)
            play.toasts.items.clear()  # the trainee's welcome names keys; a visitor has a touch screen
            play.toasts.show(WELCOME, "info")
            return play
        if choice == "back":
            return BackToPicker()  # the shell opens the kiosk's own picker
        return None

    def update(self, dt: float) -> Scene | None:
        self.kiosk.backdrop.update(dt)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        self.kiosk.backdrop.draw(surface)
        width = min(w - 2 * p, round(PANEL_WIDTH * text.scale))
        inner = width - 2 * p
        button_h = text.line_height("title") + p
        number_w = text.width("3", "title") + p
        steps = [text.wrap(step, "body", inner - number_w) for step in STEPS]
        summary = text.wrap(self.scenario.summary, "body", inner)
        if len(summary) > SUMMARY_LINES:
            rest = " ".join(summary[SUMMARY_LINES - 1:])
            summary = [*summary[: SUMMARY_LINES - 1], text.fit(rest, "body", inner)]
        steps_h = sum(max(text.line_height("title"), len(s) * text.line_height("body")) for s in steps)
        height = (text.line_height("title") + len(summary) * text.line_height("body") + p
                  + steps_h + (len(steps) - 1) * (p // 2) + p + button_h + 2 * p)
        panel = pygame.Rect(0, 0, width, min(h - 2 * p, height))
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, (*palette.panel[:3], 245), palette.panel_edge)
        x, y = panel.x + p, panel.y + p
        draw_text(surface, text, text.fit(self.scenario.title, "title", inner), "title", palette.text, (x, y))
        y = draw_lines(surface, text, summary, "body", palette.text_dim, x, y + text.line_height("title"))
        y += p
        for k, lines in enumerate(steps, start=1):
            draw_text(surface, text, str(k), "title", palette.accent, (x, y))
            draw_lines(surface, text, lines, "body", palette.text, x + number_w,
                       y + (text.line_height("title") - text.line_height("body")) // 2)
            y += max(text.line_height("title"), len(lines) * text.line_height("body")) + p // 2
        start, back = self.menu.buttons
        back_w = text.width(back.label, "title") + 3 * p
        start.rect = pygame.Rect(panel.right - p - (inner - back_w - p), panel.bottom - p - button_h,
                                 inner - back_w - p, button_h)
        back.rect = pygame.Rect(x, panel.bottom - p - button_h, back_w, button_h)
        self.menu.draw(surface, text, app.panels, palette, size="title")
