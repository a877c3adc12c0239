"""What the settings screen and its keys page share: the veil, saving a change, the status line."""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.ui.widgets import draw_text

VEIL = (14, 16, 26, 150)  # dims the screen beneath, so the panel is all that reads


def apply_and_save(app: App) -> None:
    """A setting changed: show it now (text, sound) and keep it for next time."""
    app.settings_changed()
    app.store.save(app.settings)


def draw_store_status(surface: pygame.Surface, app: App, pos: tuple[int, int], width: int) -> int:
    """The foot line of the settings screens: where settings go, or why they do not stick."""
    text, palette = app.text, app.palette
    colour = palette.trust_bad if app.store.problem else palette.text_dim
    line = text.fit(app.store.status(), "small", width)
    return draw_text(surface, text, line, "small", colour, pos).bottom
