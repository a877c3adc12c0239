"""Feedback drawn where it happens: floating trust changes, call markers, place highlights, name tags.

Text is rendered once into a cached "pill" and then only blitted with a
changing alpha, so a dozen floating messages cost a dozen blits. Good and bad
changes differ three ways: colour, light-versus-dark pill, and an up or down
arrow, so they read for colour-blind players and in greyscale.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import pygame

from game.app.art.common import kept, mix, optimised, px, shade
from game.app.ui.figures import trust_headline
from game.app.ui.fonts import clamp_text_scale, font
from game.app.ui.palette import RGB, WARM, Palette, readable_on

TONES = ("good", "bad", "info")
_CACHE_SIZE = 256
_labels: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_sonar: dict[tuple, list[pygame.Surface]] = {}
_pins: dict[tuple, pygame.Surface] = {}
_fills: dict[tuple, pygame.Surface] = {}
SONAR_FRAMES = 16


def _cached(key: tuple, make) -> pygame.Surface:
    return kept(_labels, key, make, _CACHE_SIZE)


@dataclass
class FloatingText:
    """A message that rises from a world position and fades; times are in seconds on any one clock."""

    text: str
    x: float  # world pixels
    y: float
    tone: str = "info"  # "good", "bad" or "info"
    start: float = 0.0
    duration: float = 2.4
    rise: float = 30.0  # pixels at text scale 1

    @classmethod
    def trust_change(cls, delta: float, reason: str, x: float, y: float, start: float) -> FloatingText:
        """'+4 trust · listened' or '−9 trust · late to the call' (a real minus sign)."""
        tone = "good" if delta > 0 else "bad" if delta < 0 else "info"
        return cls(trust_headline(delta, reason), x, y, tone, start)

    def progress(self, now: float) -> float:
        return (now - self.start) / self.duration

    def alive(self, now: float) -> bool:
        return self.progress(now) < 1.0


def _tone_colour(tone: str, palette: Palette) -> RGB:
    return {"good": palette.trust_good, "bad": palette.trust_bad}.get(tone, palette.panel[:3])


def _pill(text: str, tone: str, palette: Palette, text_scale: float) -> pygame.Surface:
    """Rounded label in the tone colour with contrasting text and an arrow for the direction."""
    bg = _tone_colour(tone, palette)
    fg = readable_on(bg, palette)
    label = font("small", text_scale).render(text, True, fg)
    h = label.get_height()
    pad = round(h * 0.45)
    icon = round(h * 0.62) if tone in ("good", "bad") else 0
    w = label.get_width() + pad * 2 + (icon + pad // 2 if icon else 0)
    surface = pygame.Surface((w + 2, h + pad + 2), pygame.SRCALPHA)
    body = pygame.Rect(0, 0, w, h + pad)
    radius = body.h // 2
    pygame.draw.rect(surface, (*shade(bg, 0.45), 200), body.move(2, 2), border_radius=radius)
    pygame.draw.rect(surface, (*bg, 245), body, border_radius=radius)
    pygame.draw.rect(surface, (*shade(bg, 0.6), 255), body, 1, border_radius=radius)
    x = pad
    if icon:
        cy = body.centery
        top, bottom = cy - icon / 2, cy + icon / 2
        tip, base = (top, bottom) if tone == "good" else (bottom, top)
        pygame.draw.polygon(surface, fg, [(x + icon / 2, tip), (x + icon, base), (x, base)])
        x += icon + pad // 2
    surface.blit(label, (x, body.centery - label.get_height() // 2))
    return optimised(surface)


def _floating_pill(item: FloatingText, palette: Palette, scale: float) -> pygame.Surface:
    return _cached(("pill", item.text, item.tone, palette.name, scale),
                   lambda: _pill(item.text, item.tone, palette, scale))


def floating_text_rect(item: FloatingText, now: float, palette: Palette = WARM, text_scale: float = 1.0,
                       offset: Sequence[float] = (0, 0)) -> pygame.Rect:
    """Where ``draw_floating_text`` would put the message now, so a caller can keep messages
    apart and on screen (and pass the difference back as ``offset``)."""
    scale = clamp_text_scale(text_scale)
    pill = _floating_pill(item, palette, scale)
    p = min(max(item.progress(now), 0.0), 1.0)
    eased = 1.0 - (1.0 - p) ** 3
    x = item.x - offset[0] - pill.get_width() / 2
    y = item.y - offset[1] - item.rise * scale * eased - pill.get_height()
    return pygame.Rect(round(x), round(y), pill.get_width(), pill.get_height())


def draw_floating_text(
    surface: pygame.Surface,
    item: FloatingText,
    now: float,
    palette: Palette = WARM,
    text_scale: float = 1.0,
    offset: Sequence[float] = (0, 0),
) -> pygame.Rect | None:
    """Draw one floating message; ``offset`` is the camera's top-left in world pixels.
    Returns where it went (None once it has faded)."""
    p = item.progress(now)
    if not 0.0 <= p < 1.0:
        return None
    pill = _floating_pill(item, palette, clamp_text_scale(text_scale))
    alpha = min(1.0, p / 0.1) * (1.0 if p < 0.65 else 1.0 - (p - 0.65) / 0.35)
    pill.set_alpha(round(255 * alpha))
    rect = floating_text_rect(item, now, palette, text_scale, offset)
    surface.blit(pill, rect)
    return rect


def draw_name_tag(
    surface: pygame.Surface,
    center_xy: Sequence[float],
    name: str,
    palette: Palette = WARM,
    text_scale: float = 1.0,
    lift: float = 30.0,
) -> pygame.Rect:
    """A small dark label above a person's head (for hover); ``lift`` is pixels above the ground point."""
    scale = clamp_text_scale(text_scale)

    def make() -> pygame.Surface:
        label = font("small", scale).render(name, True, palette.text)
        pad = round(label.get_height() * 0.3)
        tag = pygame.Surface((label.get_width() + 2 * pad, label.get_height() + pad), pygame.SRCALPHA)
        pygame.draw.rect(tag, palette.panel, tag.get_rect(), border_radius=pad)
        pygame.draw.rect(tag, (*palette.panel_edge, 255), tag.get_rect(), 1, border_radius=pad)
        tag.blit(label, (pad, pad // 2))
        return optimised(tag)

    tag = _cached(("tag", name, palette.name, scale), make)
    return surface.blit(tag, tag.get_rect(midbottom=(round(center_xy[0]), round(center_xy[1] - lift))))


# --- call marker ----------------------------------------------------------------------


def _sonar_frames(colour: RGB, scale: float) -> list[pygame.Surface]:
    """Expanding rings on the ground, squashed into ellipses so they lie flat."""
    key = (colour, scale)
    if key not in _sonar:
        frames = []
        r_max = round(30 * scale)
        for k in range(SONAR_FRAMES):
            f = k / SONAR_FRAMES
            ring = pygame.Surface((2 * r_max + 4, r_max + 4), pygame.SRCALPHA)
            rx, ry = 6 * scale + (r_max - 6 * scale) * f, (6 * scale + (r_max - 6 * scale) * f) / 2
            alpha = round(230 * (1 - f) ** 1.5)
            rect = pygame.Rect(0, 0, 2 * rx, 2 * ry)
            rect.center = ring.get_rect().center
            pygame.draw.ellipse(ring, (*colour, alpha), rect, max(2, round(3 * scale * (1 - f)) + 1))
            frames.append(optimised(ring))
        _sonar[key] = frames
    return _sonar[key]


def _pin(priority: int, palette: Palette, scale: float) -> pygame.Surface:
    """A map pin with the priority number in its head; priority 1 also gets a double rim."""
    key = (priority, palette.name, scale)
    if key not in _pins:
        colour = palette.priority[max(1, min(3, priority)) - 1]
        r = 10 * scale
        w, h = round(2 * r + 6), round(3.0 * r + 4)
        pin = pygame.Surface((w, h), pygame.SRCALPHA)
        cx, cy = w / 2, r + 2
        outline = shade(colour, 0.45)
        tail = [(cx - r * 0.62, cy + r * 0.6), (cx + r * 0.62, cy + r * 0.6), (cx, h - 2)]
        pygame.draw.polygon(
            pin,
            outline,
            [(cx - r * 0.62 - 1.5, cy + r * 0.6), (cx + r * 0.62 + 1.5, cy + r * 0.6), (cx, h - 0.5)],
        )
        pygame.draw.circle(pin, outline, (cx, cy), r + 1.5)
        pygame.draw.polygon(pin, colour, tail)
        pygame.draw.circle(pin, colour, (cx, cy), r)
        if priority == 1:
            pygame.draw.circle(pin, palette.text, (cx, cy), r - 1.5 * scale, max(1, round(scale)))
        pygame.draw.circle(pin, palette.text, (cx, cy), r * 0.62)
        label = font("small", scale).render(str(priority), True, palette.text_dark)
        pin.blit(label, label.get_rect(center=(round(cx), round(cy) + 1)))
        _pins[key] = optimised(pin)
    return _pins[key]


def draw_call_marker(
    surface: pygame.Surface,
    center_xy: Sequence[float],
    priority: int,
    t: float,
    palette: Palette = WARM,
    scale: float = 1.0,
) -> None:
    """Pulsing rings on the ground and a bobbing pin with the priority number above the spot."""
    q = max(0.5, round(scale * 4) / 4)
    colour = palette.priority[max(1, min(3, priority)) - 1]
    frames = _sonar_frames(colour, q)
    speed = 1.2 if priority == 1 else 0.8  # the urgent call pulses faster
    x, y = px(center_xy[0]), px(center_xy[1])
    for phase in (0.0, 0.5):
        frame = frames[int(((t * speed + phase) % 1.0) * SONAR_FRAMES)]
        surface.blit(frame, frame.get_rect(center=(x, y)))
    pin = _pin(priority, palette, q)
    bob = round(math.sin(t * 3.0) * 2 * q)
    surface.blit(pin, pin.get_rect(midbottom=(x, y - 2 + bob)))


def draw_place_highlight(
    surface: pygame.Surface, rect: pygame.Rect, t: float, palette: Palette = WARM, colour: RGB | None = None
) -> None:
    """Soft fill and breathing corner brackets around a place (a porch, the shop)."""
    colour = colour or palette.highlight
    key = (rect.size, colour)
    fill = _fills.get(key)
    if fill is None:
        fill = pygame.Surface(rect.size, pygame.SRCALPHA)
        fill.fill((*colour, 40))
        fill = optimised(fill)
        _fills[key] = fill
    surface.blit(fill, rect)
    grow = round(2 + 2 * math.sin(t * 4.0))
    r = rect.inflate(2 * grow, 2 * grow)
    arm = max(4, min(r.w, r.h) // 4)
    dark = mix(colour, (0, 0, 0), 0.65)
    for width, c in ((5, dark), (3, colour)):
        for (cx, cy), (dx, dy) in (
            ((r.left, r.top), (1, 1)),
            ((r.right - 1, r.top), (-1, 1)),
            ((r.left, r.bottom - 1), (1, -1)),
            ((r.right - 1, r.bottom - 1), (-1, -1)),
        ):
            pygame.draw.line(surface, c, (cx, cy), (cx + dx * arm, cy), width)
            pygame.draw.line(surface, c, (cx, cy), (cx, cy + dy * arm), width)
