"""The scene contract: a state machine without a manager class (after the tcod tutorial's engine).

``handle_event`` and ``update`` return the next scene, or None to stay. A scene
gets what it needs through its constructor (the shared ``App`` and, for
overlays, the scene beneath), never from globals.
"""

from __future__ import annotations

import pygame


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
