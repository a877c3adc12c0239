"""The game's fonts at three sizes, scaled by the text-scale setting, for any script a scenario uses.

Latin text draws in pygame-ce's bundled default font, so a kiosk with no fonts
installed renders exactly like a developer laptop. Text the default font has
no glyphs for (Hebrew, Arabic, Greek, Cyrillic...) draws in DejaVu Sans Bold (the default font is bold too),
shipped in assets/fonts/ with its licence, at the size whose line height
matches. Right-to-left runs are shaped by HarfBuzz (``Font.set_script`` and
``set_direction``, pygame-ce 2.1.4+) and laid out in visual order with a small
bidi pass: a line is split into right-to-left and left-to-right runs (and
Hebrew apart from Arabic), numbers and Latin words inside Hebrew keep their
own order. Combining marks are kept to
a few per character and every rendered line is cut to its line height, so
stacked marks can never draw over the neighbouring lines.

``Font`` objects, measurements and rendered text are cached: a frame never
pays for ``render`` of a label it drew before.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import pygame

# pygame's default font renders at about 0.69 of the requested size, so these
# give roughly 15, 19 and 30 pixel line heights at text scale 1.
ROLE_SIZES: dict[str, int] = {"small": 22, "body": 28, "title": 44}
MIN_TEXT_SCALE, MAX_TEXT_SCALE = 1.0, 2.0
BUNDLED_FONT = Path(__file__).resolve().parents[3] / "assets" / "fonts" / "DejaVuSans-Bold.ttf"
# The default font's coverage: Basic Latin to Latin Extended-B, general punctuation
# (… – “ ”) and currency signs. Anything else draws in the bundled font.
_DEFAULT_COVERS = ((0x0000, 0x024F), (0x2000, 0x206F), (0x20A0, 0x20CF))
_RTL_CLASSES = frozenset({"R", "AL"})  # strong right-to-left (Hebrew, Arabic)
_LTR_CLASSES = frozenset({"L", "EN", "AN"})  # strong left-to-right, and numbers
MAX_MARKS = 2  # combining marks kept on one character


def clamp_text_scale(text_scale: float) -> float:
    """Settings may ask for anything; the UI is laid out for 1x..2x in quarter steps."""
    return min(MAX_TEXT_SCALE, max(MIN_TEXT_SCALE, round(text_scale * 4) / 4))


def _init() -> None:
    if not pygame.font.get_init():
        pygame.font.init()


@lru_cache(maxsize=32)
def _font(size: int) -> pygame.font.Font:
    _init()
    return pygame.font.Font(None, size)


@lru_cache(maxsize=64)
def _bundled(size: int, script: str, rtl: bool) -> pygame.font.Font:
    """DejaVu Sans with the line height of the default font at ``size``, shaped for ``script``."""
    _init()
    target = _font(size).get_linesize()
    points = size
    while points > 4 and pygame.font.Font(BUNDLED_FONT, points).get_linesize() > target:
        points -= 1
    face = pygame.font.Font(BUNDLED_FONT, points)
    face.set_script(script)
    face.set_direction(pygame.DIRECTION_RTL if rtl else pygame.DIRECTION_LTR)
    return face


def font(role: str = "body", text_scale: float = 1.0) -> pygame.font.Font:
    """The (default) font for a role ('small', 'body', 'title') at a text scale: line heights."""
    return _font(_size(role, text_scale))


def _size(role: str, text_scale: float) -> int:
    return round(ROLE_SIZES[role] * clamp_text_scale(text_scale))


def line_height(role: str = "body", text_scale: float = 1.0) -> int:
    return font(role, text_scale).get_linesize()


# --- what a line looks like: marks tamed, runs in visual order, a font per run -------------


def tame_marks(text: str) -> str:
    """At most ``MAX_MARKS`` combining marks in a row: a "Zalgo" name stays one line tall."""
    if text.isascii():
        return text
    out: list[str] = []
    marks = 0
    for char in text:
        marks = marks + 1 if unicodedata.combining(char) else 0
        if marks <= MAX_MARKS:
            out.append(char)
    return "".join(out)


def _covered(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _DEFAULT_COVERS)


def _script(char: str) -> str | None:
    """The ISO 15924 code HarfBuzz shapes a right-to-left letter with (None: not one)."""
    if "\u0590" <= char <= "\u05ff" or "\ufb1d" <= char <= "\ufb4f":
        return "Hebr"
    return "Arab" if unicodedata.bidirectional(char) == "AL" else None


def _directions(text: str) -> tuple[list[bool], bool]:
    """Per character, True for right-to-left: strong letters keep theirs, marks follow their
    base, neutrals (spaces, punctuation) between two runs of one direction join them and
    otherwise take the line's direction (that of its first strong letter), returned too."""
    classes = [unicodedata.bidirectional(char) for char in text]
    strong: list[bool | None] = [True if c in _RTL_CLASSES else False if c in _LTR_CLASSES
                                 else None for c in classes]
    base = next((s for s in strong if s is not None), False)
    for k, cls in enumerate(classes):
        if cls == "NSM" and k and strong[k] is None:
            strong[k] = strong[k - 1]
    after: list[bool | None] = [None] * len(text)
    following: bool | None = None
    for k in range(len(text) - 1, -1, -1):
        after[k] = following
        if strong[k] is not None:
            following = strong[k]
    out: list[bool] = []
    before: bool | None = None
    for k, own in enumerate(strong):
        if own is None:
            own = before if before is not None and before == after[k] else base
        else:
            before = own
        out.append(own)
    return out, base


@lru_cache(maxsize=4096)
def _runs(text: str, size: int) -> tuple[tuple[str, pygame.font.Font], ...]:
    """``text`` as (run, font) pairs in visual order, left to right."""
    text = tame_marks(text)
    if all(_covered(char) for char in text):  # Latin: one run in the default font
        return ((text, _font(size)),)
    directions, right_to_left = _directions(text)
    runs: list[tuple[str, bool, str]] = []  # (text, right-to-left, script)
    for char, rtl in zip(text, directions, strict=True):
        script = (_script(char) or (runs[-1][2] if runs else "Hebr")) if rtl else "Latn"
        if runs and runs[-1][1] == rtl and runs[-1][2] == script:
            runs[-1] = (runs[-1][0] + char, rtl, script)
        else:
            runs.append((char, rtl, script))
    if right_to_left:
        runs.reverse()  # a right-to-left line: its first run sits at the right
    return tuple((run, _bundled(size, script, True) if rtl
                  else _font(size) if all(_covered(char) for char in run)
                  else _bundled(size, "Latn", False)) for run, rtl, script in runs)


@lru_cache(maxsize=4096)
def _measure(text: str, size: int) -> int:
    return sum(face.size(run)[0] for run, face in _runs(text, size))


def width(text: str, role: str = "body", text_scale: float = 1.0) -> int:
    """How wide ``text`` draws, in pixels (what ``render_text`` makes, exactly)."""
    return _measure(text, _size(role, text_scale))


@lru_cache(maxsize=1024)
def render_text(
    text: str, role: str = "body", colour: tuple[int, int, int] = (246, 240, 228), text_scale: float = 1.0
) -> pygame.Surface:
    """Anti-aliased text on a transparent background, one line tall, cached for static labels.

    Treat the result as read-only: it is shared with every other caller.
    """
    size = _size(role, text_scale)
    height = _font(size).get_linesize()
    runs = _runs(text, size)
    if len(runs) == 1 and runs[0][1] is _font(size):
        surface = runs[0][1].render(runs[0][0], True, colour)
        if surface.get_height() <= height:
            return surface
    pieces = [face.render(run, True, colour) for run, face in runs]
    line = pygame.Surface((sum(piece.get_width() for piece in pieces), height), pygame.SRCALPHA)
    x = 0
    for piece in pieces:
        line.blit(piece, (x, (height - piece.get_height()) // 2))  # taller pieces are cut
        x += piece.get_width()
    return line
