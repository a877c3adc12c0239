"""Big touch buttons under a visitor's shift: the three things a key would do, and the porch view.

On a touch screen there is no F, R or Space. The dock sits in its own strip
below the street (the play scene draws into the space above it), so it covers
nothing. It only turns touches into the same orders the keys give
(``PlayScene.orders``); with a conversation or the pause menu on top it
stays visible but dim, so the screen does not jump.
"""

from __future__ import annotations

import pygame

from game.app.scenes.base import Scene
from game.app.scenes.pause import PauseScene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.app.ui.text import Text
from game.app.ui.widgets import Button, pad
from game.report.porch_story import featured_resident


def dock_height(text: Text) -> int:
    return text.line_height("body") + 3 * pad(text)


class Dock:
    def __init__(self) -> None:
        self.buttons = [Button("car", "Park and walk"), Button("respond", "Answer the call"),
                        Button("porch", "From the porch"), Button("pause", "Pause")]

    def refresh(self, play: PlayScene, active: bool) -> None:
        """Labels and what can be touched now, from the shift's state."""
        sim = play.sim
        car, respond, *rest = self.buttons
        car.label = "Park and walk" if sim.officer.in_car else "Back to the car"
        on = active and not sim.finished
        car.enabled = on
        respond.enabled = on and bool(sim.active_calls())
        for b in rest:
            b.enabled = on

    def handle(self, event: pygame.event.Event, play: PlayScene) -> Scene | None:
        """A touch on a button: its order, or the scene it opens."""
        if event.type == pygame.MOUSEMOTION:
            for b in self.buttons:
                b.hover = b.hit(event.pos)
            return None
        if event.type != pygame.MOUSEBUTTONDOWN or event.button != 1:
            return None
        chosen = next((b.key for b in self.buttons if b.hit(event.pos)), None)
        if chosen == "car":
            play.orders.toggle_car()
        elif chosen == "respond":
            play.orders.respond()
        elif chosen == "porch":
            who = featured_resident(play.sim, play.selected)
            return None if who is None else PorchScene(play.app, play.sim, who, play)
        elif chosen == "pause":
            return PauseScene(play.app, play, play)
        return None

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, play: PlayScene) -> None:
        app, text, palette = play.app, play.app.text, play.app.palette
        p = pad(text)
        surface.fill(palette.panel[:3], rect)
        pygame.draw.line(surface, palette.panel_edge, rect.topleft, rect.topright, 2)
        count = len(self.buttons)
        width = (rect.w - (count + 1) * p) // count
        for k, b in enumerate(self.buttons):
            b.rect = pygame.Rect(rect.x + p + k * (width + p), rect.y + p, width, rect.h - 2 * p)
            b.draw(surface, text, app.panels, palette)
