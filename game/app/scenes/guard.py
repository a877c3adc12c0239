"""A panel that opens by itself (the radio, a scene that starts mid-conversation) holds its input a moment.

A trainee pressing keys for the panel that was there a moment ago must not
answer the one that replaced it: the "3" meant for a talk menu once chose the
worst line of a scripted encounter. For ``HOLD_SECONDS`` after it opened such a
panel ignores presses and clicks, and says why it opened, so the pause reads as
the interface taking care rather than lag.
"""

from __future__ import annotations

import pygame

HOLD_SECONDS = 0.4  # real seconds: longer than a quick double press, shorter than reading a line
PRESSES = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.JOYBUTTONDOWN, pygame.CONTROLLERBUTTONDOWN)


class InputGuard:
    """Swallows presses for a moment after ``arm``; ``reason`` says why the panel opened."""

    def __init__(self) -> None:
        self.left = 0.0
        self.reason = ""

    def arm(self, reason: str) -> None:
        self.left = HOLD_SECONDS
        self.reason = reason

    @property
    def holding(self) -> bool:
        return self.left > 0.0

    def update(self, dt: float) -> None:
        self.left = max(0.0, self.left - dt)

    def blocks(self, event: pygame.event.Event) -> bool:
        """True for a press that arrives while the guard holds (motion and releases pass)."""
        return self.holding and event.type in PRESSES
