"""The scene contract: a state machine without a manager class (after the tcod tutorial's engine).

``handle_event`` and ``update`` return the next scene, or None to stay. A scene
gets what it needs through its constructor (the shared ``App`` and, for
overlays, the scene beneath), never from globals.

Imports point down the way a player goes: title, picker, briefing, play, then
play's panels (dialogue, pause, people, summary, porch, settings, keys). A
scene builds the scenes after it; to go back to an earlier one, which imports
it, it returns a ``GoBack`` request and the game loop (``game.app.main``) or the
kiosk shell builds that screen. Type hints that need a scene above use
``TYPE_CHECKING`` imports, which never run.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from game.app.shift.week import WeekInPlay
    from game.app.view.backdrop import Backdrop
    from game.scenario.model import Scenario


class Scene:
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        return None

    def update(self, dt: float) -> Scene | None:
        """Advance animations (and the shift, in play) by ``dt`` real seconds."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError


class Quit(Scene):
    """Returned by a scene to end the game loop."""

    def draw(self, surface: pygame.Surface) -> None:
        pass


class GoBack(Scene):
    """Returned by a scene to go back to an earlier screen, which the loop then builds."""

    def draw(self, surface: pygame.Surface) -> None:
        pass


@dataclass(eq=False)
class BackToTitle(GoBack):
    backdrop: Backdrop | None = None  # the menus' animated street, kept from screen to screen


@dataclass(eq=False)
class BackToPicker(GoBack):
    backdrop: Backdrop | None = None


@dataclass(eq=False)
class BackToBriefing(GoBack):
    """The same street again from its briefing (restart, play again)."""

    scenario: Scenario
    backdrop: Backdrop | None = None
    week: WeekInPlay | None = None  # the campaign whose next day this is
