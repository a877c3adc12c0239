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
        # A frame asks line heights some forty times; each went through six calls to the font.
        self._line_heights: dict[tuple[str, float], int] = {}

    def set_scale(self, scale: float) -> None:
        self.scale = fonts.clamp_text_scale(scale)

    def _role(self, size: str) -> tuple[str, float]:
        if size == "display":
            return "title", max(self.scale, DISPLAY_SCALE)
        return size, self.scale

    def font(self, size: str) -> pygame.font.Font:
        return fonts.font(*self._role(size))

    def line_height(self, size: str) -> int:
        key = (size, self.scale)
        height = self._line_heights.get(key)
        if height is None:
            height = self._line_heights[key] = self.font(size).get_linesize()
        return height

    def width(self, text: str, size: str) -> int:
        return fonts.width(text, *self._role(size))

    def render(self, text: str, size: str, colour: Sequence[int]) -> pygame.Surface:
        role, scale = self._role(size)
        return fonts.render_text(text, role, tuple(colour[:3]), scale)

    def wrap(self, text: str, size: str, width: int) -> list[str]:
        """Break ``text`` into lines no wider than ``width`` pixels (long words split)."""
        return list(_wrap(text, *self._role(size), width))

    def fit(self, text: str, size: str, width: int) -> str:
        """``text`` shortened with an ellipsis so it fits in ``width`` pixels."""
        return _fit(text, *self._role(size), width)


ELLIPSIS = "…"


def _longest_fitting(role: str, scale: float, text: str, width: int, suffix: str = "") -> int:
    """The most leading characters of ``text`` that, followed by ``suffix``, fit in ``width``.

    Galloping then binary search: O(k log k) measurements of at most ~2k characters,
    where k is the answer, however long ``text`` is. Trimming one character at a
    time and re-measuring the whole string froze a frame on long titles.
    """
    def fits(count: int) -> bool:
        return fonts.width(text[:count] + suffix, role, scale) <= width

    if not text or not fits(1):
        return 0
    good = 1
    while good < len(text) and fits(min(2 * good, len(text))):
        good = min(2 * good, len(text))
    bad = min(2 * good, len(text) + 1)  # the first count known not to fit (or past the end)
    while bad - good > 1:
        middle = (good + bad) // 2
        good, bad = (middle, bad) if fits(middle) else (good, middle)
    return good


@lru_cache(maxsize=4096)
def _fit(text: str, role: str, scale: float, width: int) -> str:
    """Cached: list rows and HUD labels fit the same strings every frame."""
    if _longest_fitting(role, scale, text, width) == len(text):
        return text
    return text[:_longest_fitting(role, scale, text, width, ELLIPSIS)].rstrip() + ELLIPSIS


@lru_cache(maxsize=4096)
def _wrap(text: str, role: str, scale: float, width: int) -> tuple[str, ...]:
    """Cached: the HUD wraps the same log lines every frame."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            trial = f"{line} {word}" if line else word
            if fonts.width(trial, role, scale) <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            # Split a word too long for a line, at least one character a line; each
            # cut measures only about a line's worth of characters.
            while len(word) > 1 and (cut := _longest_fitting(role, scale, word, width)) < len(word):
                lines.append(word[:max(1, cut)])
                word = word[max(1, cut):]
            line = word
        lines.append(line)
    return tuple(lines)
