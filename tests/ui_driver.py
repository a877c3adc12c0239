"""Drive a running ``Game`` the way a player would, and skip the minutes where nobody does anything.

``Keyboard`` posts key presses into the real event queue, one frame apart, so they travel
the same path as a player's (input mapping, the scene's handler, ``sim.apply``).
``skip_ahead`` runs the shift's clock headless until something needs the player again:
drawing every frame of an hour in which the officer only drives or waits proves nothing
the frames around it do not, and it was most of the suite's wall time.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.app.main import Game
from game.sim.simulation import Simulation


class Keyboard:
    """Presses keys into a running game, one frame apart, the way a player would."""

    def __init__(self, game: Game) -> None:
        self.game = game

    def press(self, key: int, hold_frames: int = 0, after: int = 2) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
        self.frames(hold_frames)
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode="", scancode=0))
        self.frames(after)

    def frames(self, n: int) -> None:
        for _ in range(n):
            assert self.game.frame(), "the game loop ended"

    def until(self, done: Callable[[], bool], limit: int = 6000) -> None:
        for _ in range(limit):
            if done():
                return
            self.frames(1)
        raise AssertionError(f"timed out after {limit} frames")


def skip_ahead(sim: Simulation, done: Callable[[], bool] = lambda: False) -> None:
    """Step the shift without drawing until ``done()``, a conversation opens, or the shift ends.

    Only the clock moves: no action is applied, so whatever the player did before is all
    that shapes the shift (and its action log replays exactly).
    """
    while not sim.finished and sim.open_encounter is None and not done():
        sim.step()


def key_event(k: int) -> pygame.event.Event:
    """A key press, to hand straight to a scene's ``handle_event``."""
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def click_event(pos: tuple[int, int]) -> pygame.event.Event:
    """A left click, to hand straight to a scene's ``handle_event``."""
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)


def record_rendered(monkeypatch) -> list[str]:
    """Every string drawn from here on (until the monkeypatch is undone)."""
    from game.app.ui.text import Text

    drawn: list[str] = []
    render = Text.render

    def recording(text: Text, string: str, size: str, colour) -> pygame.Surface:
        drawn.append(string)
        return render(text, string, size, colour)

    monkeypatch.setattr(Text, "render", recording)
    return drawn


def text_scale(app, scale: float) -> None:
    """Play at this text size (the settings screen's slider, without the screen)."""
    app.settings.text_scale = scale
    app.settings_changed()
