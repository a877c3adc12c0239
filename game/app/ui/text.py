"""Text on screen through the game's fonts (``game.app.ui.fonts``), at the player's text scale.

Scenes and the HUD ask for a *role* ("small", "body", "title", or "display"
for the game's name on the title screen) rather than a pixel size, so one
setting rescales every label. Rendering is cached by ``fonts.render_text``:
unchanged strings are never rendered twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import pygame

from game.app.ui import fonts

DISPLAY_SCALE = 2.0  # the title screen's name is the title role at double size


class Text:
    def __init__(self, scale: float = 1.0) -> None:
        self.scale = fonts.clamp_text_scale(scale)

    def set_scale(self, scale: float) -> None:
        self.scale = fonts.clamp_text_scale(scale)

    def _role(self, size: str) -> tuple[str, float]:
        if size == "display":
            return "title", max(self.scale, DISPLAY_SCALE)
        return size, self.scale

    def font(self, size: str) -> pygame.font.Font:
        return fonts.font(*self._role(size))

    def line_height(self, size: str) -> int:
        return self.font(size).get_linesize()

    def width(self, text: str, size: str) -> int:
        return self.font(size).size(text)[0]

    def render(self, text: str, size: str, colour: Sequence[int]) -> pygame.Surface:
        role, scale = self._role(size)
        return fonts.render_text(text, role, tuple(colour[:3]), scale)

    def wrap(self, text: str, size: str, width: int) -> list[str]:
        """Break ``text`` into lines no wider than ``width`` pixels (long words split)."""
        return list(_wrap(text, *self._role(size), width))

    def fit(self, text: str, size: str, width: int) -> str:
        """``text`` shortened with an ellipsis so it fits in ``width`` pixels."""
        font = self.font(size)
        if font.size(text)[0] <= width:
            return text
        while text and font.size(text + "…")[0] > width:
            text = text[:-1]
        return text.rstrip() + "…"


@lru_cache(maxsize=4096)
def _wrap(text: str, role: str, scale: float, width: int) -> tuple[str, ...]:
    """Cached: the HUD wraps the same log lines every frame."""
    font = fonts.font(role, scale)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if font.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return tuple(lines)
