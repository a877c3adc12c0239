"""Panels, buttons, chips and toasts: the few UI pieces every scene shares.

Widgets hold layout and hover state only; what they show comes from the scene
each frame. Translucent panels are drawn from a per-size cache, because
building an alpha surface every frame for every panel is most of the cost of a
naive pygame UI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pygame

from game.app.art.common import shade
from game.app.ui.palette import Palette, readable_on
from game.app.ui.text import Text

RADIUS = 10  # px, panel corner radius
PAD = 14  # px, panel padding at text scale 1
TOAST_SECONDS = 3.5


def pad(text: Text) -> int:
    """Padding grows with the text so big-text layouts keep their breathing room."""
    return round(PAD * (0.5 + 0.5 * text.scale))


class PanelPainter:
    """Draws rounded translucent panels, caching one surface per (size, colours)."""

    def __init__(self) -> None:
        self._cache: dict[tuple, pygame.Surface] = {}

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, fill: Sequence[int],
             edge: Sequence[int] | None = None, radius: int = RADIUS) -> None:
        key = (rect.size, tuple(fill), tuple(edge) if edge else None, radius)
        panel = self._cache.get(key)
        if panel is None:
            panel = pygame.Surface(rect.size, pygame.SRCALPHA)
            local = panel.get_rect()
            pygame.draw.rect(panel, fill, local, border_radius=radius)
            if edge is not None:
                pygame.draw.rect(panel, edge, local, width=2, border_radius=radius)
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = panel
        surface.blit(panel, rect.topleft)


def draw_text(surface: pygame.Surface, text: Text, string: str, size: str, colour: Sequence[int],
              pos: tuple[int, int], anchor: str = "topleft") -> pygame.Rect:
    """Blit one cached line; ``anchor`` names the Rect attribute ``pos`` sets."""
    image = text.render(string, size, colour)
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def draw_lines(surface: pygame.Surface, text: Text, lines: Sequence[str], size: str,
               colour: Sequence[int], x: int, y: int) -> int:
    """Blit wrapped lines top-down; returns the y below the last one."""
    step = text.line_height(size)
    for line in lines:
        surface.blit(text.render(line, size, colour), (x, y))
        y += step
    return y


def pack_parts(text: Text, parts: Sequence[str], size: str, width: int, gap: str) -> list[str]:
    """``parts`` joined by ``gap`` on as few lines as fit ``width``, breaking only between parts
    (a part too long for a line of its own wraps by words): hints, facts, never half of one."""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]}{gap}{part}" if lines else part
        if lines and text.width(joined, size) <= width:
            lines[-1] = joined
        else:
            lines += text.wrap(part, size, width)
    return lines


@dataclass
class Button:
    """A clickable, focusable label. ``key`` is what the scene gets back when it is pressed."""

    key: str
    label: str
    rect: pygame.Rect = field(default_factory=pygame.Rect)
    enabled: bool = True
    detail: str = ""  # second line, e.g. why it is disabled
    hover: bool = False

    def hit(self, pos: tuple[int, int]) -> bool:
        return self.enabled and self.rect.collidepoint(pos)

    @staticmethod
    def inset(text: Text) -> int:
        """Room left and right of the label inside the button."""
        return pad(text) // 2 + 4

    def min_width(self, text: Text, size: str = "body") -> int:
        """The narrowest button that shows the whole label."""
        return text.width(self.label, size) + 2 * self.inset(text)

    def draw(self, surface: pygame.Surface, text: Text, panels: PanelPainter, palette: Palette,
             focused: bool = False, size: str = "body") -> None:
        lit = self.enabled and (focused or self.hover)
        fill = (*shade(palette.panel[:3], 1.9 if lit else 1.35), 245)
        edge = palette.accent if lit else palette.panel_edge
        panels.draw(surface, self.rect, fill, edge, radius=8)
        colour = palette.text if self.enabled else palette.text_dim
        inner = self.rect.inflate(-2 * self.inset(text), 0)
        label = text.fit(self.label, size, inner.w)
        if self.detail:
            top = self.rect.y + (self.rect.h - text.line_height(size) - text.line_height("small")) // 2
            draw_text(surface, text, label, size, colour, (inner.x, top))
            detail = text.fit(self.detail, "small", inner.w)
            draw_text(surface, text, detail, "small", palette.text_dim,
                      (inner.x, top + text.line_height(size)))
        else:
            draw_text(surface, text, label, size, colour, (inner.x, self.rect.centery), "midleft")


class Menu:
    """A column of buttons driven by mouse, keyboard or gamepad alike."""

    def __init__(self, buttons: Sequence[Button]) -> None:
        self.buttons = list(buttons)
        self.focus = next((i for i, b in enumerate(self.buttons) if b.enabled), 0)

    def layout(self, x: int, y: int, width: int, height: int, gap: int) -> int:
        """Stack the buttons from (x, y); returns the y below the last one."""
        for b in self.buttons:
            b.rect = pygame.Rect(x, y, width, height)
            y += height + gap
        return y - gap

    def move(self, step: int) -> None:
        enabled = [i for i, b in enumerate(self.buttons) if b.enabled]
        if not enabled:
            return
        if self.focus not in enabled:
            self.focus = enabled[0]
            return
        k = enabled.index(self.focus)
        self.focus = enabled[(k + step) % len(enabled)]

    def handle(self, event: pygame.event.Event, command: str | None) -> str | None:
        """The key of the button chosen by this event, or None."""
        if command in ("up", "left"):
            self.move(-1)
        elif command in ("down", "right"):
            self.move(1)
        elif command in ("confirm", "interact") and self.buttons:
            chosen = self.buttons[self.focus]
            return chosen.key if chosen.enabled else None
        elif event.type == pygame.MOUSEMOTION:
            for i, b in enumerate(self.buttons):
                b.hover = b.hit(event.pos)
                if b.hover:
                    self.focus = i
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for b in self.buttons:
                if b.hit(event.pos):
                    return b.key
        return None

    def draw(self, surface: pygame.Surface, text: Text, panels: PanelPainter, palette: Palette,
             size: str = "body") -> None:
        for i, b in enumerate(self.buttons):
            b.draw(surface, text, panels, palette, focused=(i == self.focus), size=size)


def draw_pips(surface: pygame.Surface, level: int, of: int, pos: tuple[int, int], size: int,
              colour: Sequence[int], empty: Sequence[int]) -> None:
    """Filled and hollow dots, e.g. difficulty 2 of 3 (the font has no dot glyphs)."""
    x, y = pos
    r = size // 2
    for k in range(of):
        centre = (x + k * (size + 4) + r, y + r)
        if k < level:
            pygame.draw.circle(surface, colour, centre, r)
        else:
            pygame.draw.circle(surface, empty, centre, r, 2)


def draw_arrow(surface: pygame.Surface, rect: pygame.Rect, up: bool, colour: Sequence[int]) -> None:
    """A solid triangle pointing up (trust rose) or down (it fell): the direction reads without colour."""
    points = [rect.midtop, rect.bottomright, rect.bottomleft] if up else \
        [rect.midbottom, rect.topleft, rect.topright]
    pygame.draw.polygon(surface, colour, points)


def draw_mark(surface: pygame.Surface, rect: pygame.Rect, met: bool, palette: Palette) -> None:
    """A tick for met, a cross for not: readable without colour (the font has no such glyphs)."""
    if met:
        pts = [(rect.x, rect.centery), (rect.x + rect.w // 3, rect.bottom), (rect.right, rect.y)]
        pygame.draw.lines(surface, palette.trust_good, False, pts, 3)
    else:
        pygame.draw.line(surface, palette.trust_bad, rect.topleft, rect.bottomright, 3)
        pygame.draw.line(surface, palette.trust_bad, rect.bottomleft, rect.topright, 3)


def chip_size(text: Text, label: str) -> tuple[int, int]:
    h = text.line_height("small") + 4
    return (text.width(label, "small") + h, h)


def draw_chip(surface: pygame.Surface, text: Text, panels: PanelPainter, palette: Palette,
              label: str, colour: Sequence[int], pos: tuple[int, int]) -> pygame.Rect:
    """A small rounded tag, e.g. a choice's tone ("+ voice"); returns its rect."""
    w, h = chip_size(text, label)
    rect = pygame.Rect(pos, (w, h))
    panels.draw(surface, rect, (*colour[:3], 255), None, radius=h // 2)
    draw_text(surface, text, label, "small", readable_on(colour, palette),
              rect.center, "center")
    return rect


class Scroller:
    """A page taller than its view: the wheel and up/down move it, and it never scrolls past the end."""

    def __init__(self) -> None:
        self.offset = 0  # px the page is moved up
        self.content_h = 0
        self.view_h = 0

    def handle(self, event: pygame.event.Event, command: str | None, step: int) -> bool:
        """Scroll for a wheel turn or an up/down command; True if the event was used."""
        if event.type == pygame.MOUSEWHEEL:
            self.offset -= event.y * step
        elif command in ("up", "down"):
            self.offset += step if command == "down" else -step
        else:
            return False
        self.clamp()
        return True

    def measure(self, view_h: int, content_h: int) -> None:
        self.view_h, self.content_h = view_h, content_h
        self.clamp()

    def clamp(self) -> None:
        self.offset = max(0, min(self.offset, self.content_h - self.view_h))

    @property
    def more_below(self) -> bool:
        return self.offset + self.view_h < self.content_h


def draw_more_hint(surface: pygame.Surface, text: Text, palette: Palette, pos: tuple[int, int],
                   width: int) -> None:
    """'More below' under a page that scrolls, in at most ``width`` pixels."""
    hint = text.fit("More below: scroll with the wheel or the arrow keys", "small", width)
    draw_text(surface, text, hint, "small", palette.text_dim, pos, "midbottom")


@dataclass
class Toast:
    text: str
    kind: str  # "error" | "info"
    left: float = TOAST_SECONDS


class Toasts:
    """Short messages (a refused action, a hint) that fade after a few seconds."""

    def __init__(self, limit: int = 3) -> None:
        self.items: list[Toast] = []
        self.limit = limit
        self.shown: list[pygame.Rect] = []  # where the last frame drew them (for what must keep clear)

    def show(self, message: str, kind: str = "error") -> None:
        if self.items and self.items[-1].text == message:
            self.items[-1].left = TOAST_SECONDS  # the same refusal again: keep it, don't stack
            return
        self.items.append(Toast(message, kind))
        del self.items[:-self.limit]

    def update(self, dt: float) -> None:
        for t in self.items:
            t.left -= dt
        self.items = [t for t in self.items if t.left > 0]

    def draw(self, surface: pygame.Surface, text: Text, panels: PanelPainter, palette: Palette,
             area: pygame.Rect) -> None:
        """Stack the toasts from the top of ``area``, centred in it; where they do not all fit,
        the newest are shown (an older one is left out rather than the news)."""
        width = min(area.w, round(560 * text.scale))
        p = pad(text)
        wrapped = [(t, text.wrap(t.text, "body", width - 2 * p)) for t in self.items]
        heights = [len(lines) * text.line_height("body") + p for _, lines in wrapped]
        first = 0
        while first < len(wrapped) and sum(h + 6 for h in heights[first:]) - 6 > area.h:
            first += 1
        y = area.y
        self.shown = []
        for (t, lines), h in zip(wrapped[first:], heights[first:], strict=True):
            rect = pygame.Rect(0, y, width, h)
            rect.centerx = area.centerx
            edge = palette.trust_bad if t.kind == "error" else palette.accent_alt
            panels.draw(surface, rect, palette.panel, edge)
            self.shown.append(rect)
            draw_lines(surface, text, lines, "body", palette.text, rect.x + p, rect.y + p // 2)
            y = rect.bottom + 6


class Veil:
    """A translucent cover that dims whatever lies beneath an overlay or menu.

    The full-window surface is made once per window size, not every frame.
    """

    def __init__(self, colour: tuple[int, int, int, int]) -> None:
        self.colour = colour
        self._surface: pygame.Surface | None = None

    def draw(self, surface: pygame.Surface) -> None:
        size = surface.get_size()
        if self._surface is None or self._surface.get_size() != size:
            self._surface = pygame.Surface(size, pygame.SRCALPHA)
            self._surface.fill(self.colour)
        surface.blit(self._surface, (0, 0))
