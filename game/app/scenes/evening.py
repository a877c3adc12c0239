"""Off duty after a campaign day: a short evening on the same street, where the rules still apply.

Up to ``MAX_CHOICES`` things to do besides sleep, each with its consequence
shown the moment it is chosen (a rule it breaks is named); "Go to bed" ends the
evening and opens tomorrow's briefing, which starts from what the evening changed.
"""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.scenes.base import BackToBriefing, Scene
from game.app.shift.week import WeekInPlay
from game.app.ui.input import command_of
from game.app.ui.widgets import Button, Menu, draw_text, pad
from game.campaign.evening import EVENING, MAX_CHOICES, EveningChoice, option, rest_missed
from game.sessions import SessionStore, SessionStoreError

BED = "bed"


class EveningScene(Scene):
    def __init__(self, app: App, week: WeekInPlay) -> None:
        self.app = app
        self.week = week
        self.chosen: list[EveningChoice] = []
        self.said = "The shift is over. The evening is yours, and so are tomorrow's nerves."
        self.menu = Menu([Button(BED, "Go to bed")] + [
            Button(o.choice.value, o.label) for o in EVENING if o.choice is not EveningChoice.REST])

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        key = BED if command == "back" else self.menu.handle(event, command)
        if key == BED:
            return self._to_bed()
        if key is not None:
            self._choose(EveningChoice(key))
        return None

    def _choose(self, choice: EveningChoice) -> None:
        o = option(choice)
        self.chosen.append(choice)
        rule = f"That broke the {o.policy.replace('_', ' ')} policy. " if o.policy else ""
        self.said = f"{o.label}. {rule}{o.consequence}"
        for b in self.menu.buttons:
            if b.key == choice.value or (len(self.chosen) >= MAX_CHOICES and b.key != BED):
                b.enabled = False
        self.menu.focus = 0

    def _to_bed(self) -> Scene:
        choices = tuple(self.chosen)
        try:
            if self.app.keeps_data:
                with SessionStore.open() as store:
                    self.week.spend_evening(store, choices)
            else:
                self.week.spend_evening(None, choices)
        except SessionStoreError:
            self.week.spend_evening(None, choices)  # tomorrow still follows from tonight
        return BackToBriefing(self.week.scenario(), week=self.week)

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w = surface.get_width()
        p = pad(text)
        surface.fill(palette.panel[:3])
        draw_text(surface, text, text.fit("Off duty · the evening", "title", w - 2 * p), "title",
                  palette.text, (p, p // 2))
        y = p + text.line_height("title")
        lost = rest_missed(tuple(self.chosen))
        status = f"Sleep lost so far: {lost:g} h (a tired officer is less patient tomorrow)"
        draw_text(surface, text, text.fit(status, "body", w - 2 * p), "body", palette.accent, (p, y))
        y += text.line_height("body") + p // 2
        for line in text.wrap(self.said, "body", w - 2 * p):
            draw_text(surface, text, line, "body", palette.text, (p, y))
            y += text.line_height("body")
        button_h = text.line_height("body") + p
        width = min(w - 2 * p, round(900 * text.scale))
        self.menu.layout(p, y + p, width, button_h, p // 3)
        self.menu.draw(surface, text, app.panels, palette)
