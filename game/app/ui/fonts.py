"""One font family (pygame-ce's bundled default) at three sizes, scaled by the text-scale setting.

The bundled font ships inside pygame-ce, so a kiosk with no fonts installed
renders exactly like a developer laptop. ``Font`` objects and rendered static
text are cached: a frame never pays for ``render`` of a label it drew before.
"""

from __future__ import annotations

from functools import lru_cache

import pygame

# pygame's default font renders at about 0.69 of the requested size, so these
# give roughly 15, 19 and 30 pixel line heights at text scale 1.
ROLE_SIZES: dict[str, int] = {"small": 22, "body": 28, "title": 44}
MIN_TEXT_SCALE, MAX_TEXT_SCALE = 1.0, 2.0


def clamp_text_scale(text_scale: float) -> float:
    """Settings may ask for anything; the UI is laid out for 1x..2x in quarter steps."""
    return min(MAX_TEXT_SCALE, max(MIN_TEXT_SCALE, round(text_scale * 4) / 4))


@lru_cache(maxsize=32)
def _font(size: int) -> pygame.font.Font:
    if not pygame.font.get_init():
        pygame.font.init()
    return pygame.font.Font(None, size)


def font(role: str = "body", text_scale: float = 1.0) -> pygame.font.Font:
    """The font for a role ('small', 'body', 'title') at a text scale."""
    return _font(round(ROLE_SIZES[role] * clamp_text_scale(text_scale)))


@lru_cache(maxsize=1024)
def render_text(
    text: str, role: str = "body", colour: tuple[int, int, int] = (246, 240, 228), text_scale: float = 1.0
) -> pygame.Surface:
    """Anti-aliased text on a transparent background, cached for static labels.

    Treat the result as read-only: it is shared with every other caller.
    """
    return font(role, text_scale).render(text, True, colour)


def line_height(role: str = "body", text_scale: float = 1.0) -> int:
    return font(role, text_scale).get_linesize()
