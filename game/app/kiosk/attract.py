"""The attract loop: a bot officer works a street with captions, then one neighbor's porch, then the next.

The demo is the real play scene driven by the balanced bot (``Kiosk.demo`` is
an autoplay app), so what a passer-by sees is exactly what they will get to
play. Captions replace the play scene's toasts, whose key names mean nothing
to someone walking past. Any touch is the shell's business: this scene only
plays, and says "Touch anywhere to play".
"""

from __future__ import annotations

import pygame

from game.app.kiosk.captions import TONE_BAD, TONE_GOOD, Caption, Captioner
from game.app.kiosk.state import Kiosk
from game.app.scenes.base import Scene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.app.scenes.summary import SummaryScene
from game.app.ui.palette import RGB, Palette
from game.app.ui.text import Text
from game.app.ui.widgets import draw_arrow, draw_lines, pad
from game.app.view.camera import TILE_SIZES
from game.report.porch_story import featured_resident

DEMO_SECONDS = 180.0  # real seconds of demo shift before the porch view (a demo never drags on)
PORCH_SECONDS = 22.0  # real seconds the porch view stays before the next street
CAPTION_WIDTH = 760  # px at text scale 1
TOUCH = "Touch anywhere to play"
PULSE_SECONDS = 1.6  # one ripple of the touch marker


def band_height(text: Text) -> int:
    """The strip under the demo that invites a touch."""
    return text.line_height("title") + 2 * pad(text)


def tone_colour(tone: str, palette: Palette) -> RGB:
    """Good is the light trust colour; bad uses the mid one, which stays readable on a dark panel."""
    return {TONE_GOOD: palette.trust_good, TONE_BAD: palette.trust_mid}.get(tone, palette.accent)


class AttractScene(Scene):
    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.app = kiosk.demo
        self.scenario = kiosk.next_demo_scenario()
        self.shift = PlayScene(self.app, self.scenario)
        self.shift.zoomed = self.shift.camera.zoom(len(TILE_SIZES))  # closest zoom: big figures for a room
        self.inner: Scene = self.shift  # the play scene, or a conversation over it
        self.captions = Captioner(self.shift.sim)
        self.caption: Caption | None = None
        self.porch: PorchScene | None = None
        self.elapsed = 0.0  # real seconds of demo
        self.porch_elapsed = 0.0

    def update(self, dt: float) -> Scene | None:
        if self.porch is not None:
            self.porch_elapsed += dt
            self.porch.update(dt)
            return AttractScene(self.kiosk) if self.porch_elapsed >= PORCH_SECONDS else None
        self.elapsed += dt
        nxt = self.inner.update(dt)
        if isinstance(nxt, SummaryScene) or self.elapsed >= DEMO_SECONDS:
            return self._show_porch()
        if nxt is not None:
            self.inner = nxt
        self.shift.toasts.items.clear()  # the captions speak for the demo
        self.caption = self.captions.update(dt)
        if self.inner is self.shift:  # a conversation says what it covers; the caption is drawn anew
            self.shift.covered_from = None
        return None

    def _show_porch(self) -> Scene | None:
        sim = self.shift.sim
        who = featured_resident(sim)
        if who is None:
            return AttractScene(self.kiosk)
        self.porch = PorchScene(self.app, sim, who, None)
        return None

    # --- drawing -------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        band = band_height(self.app.text)
        area = surface.subsurface(pygame.Rect(0, 0, w, h - band))
        if self.porch is not None:
            self.porch.draw(area)
        else:
            self.inner.draw(area)
            if self.caption is not None:
                top = self._draw_caption(area, self.caption)
                covered = self.shift.covered_from  # the camera keeps the officer above the caption
                self.shift.covered_from = top if covered is None else min(covered, top)
        self._draw_band(surface, pygame.Rect(0, h - band, w, band))

    def caption_rect(self, area: pygame.Rect, caption: Caption) -> pygame.Rect:
        """Bottom centre of the street, clear of the HUD's side column and hint bar."""
        text = self.app.text
        p = pad(text)
        layout = self.shift.hud.layout
        left, right = p, area.w - p
        bottom = area.h - p
        if layout is not None:
            left, right, bottom = layout.toasts.x, layout.toasts.right, layout.hints.y - p
        width = min(right - left, round(CAPTION_WIDTH * text.scale))
        height = self._caption_lines(caption, width - 2 * p)[1] + p
        rect = pygame.Rect(0, 0, width, height)
        rect.midbottom = ((left + right) // 2, bottom)
        return rect

    def _arrow_size(self) -> int:
        return self.app.text.line_height("title") // 2

    def _caption_lines(self, caption: Caption, width: int) -> tuple[list[tuple[str, str]], int]:
        text = self.app.text
        arrow = self._arrow_size() + pad(text) // 2 if caption.tone in (TONE_GOOD, TONE_BAD) else 0
        lines = [("title", line) for line in text.wrap(caption.headline, "title", width - arrow)[:2]]
        if caption.who:
            lines.append(("who", text.fit(caption.who, "body", width)))
        lines += [("body", line) for line in text.wrap(caption.why, "body", width)[:3]]
        return lines, sum(text.line_height("body" if size == "who" else size) for size, _ in lines)

    def _draw_caption(self, surface: pygame.Surface, caption: Caption) -> int:
        """Draw the caption; returns its top edge (the street below it is covered)."""
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        rect = self.caption_rect(surface.get_rect(), caption)
        tone = tone_colour(caption.tone, palette)
        app.panels.draw(surface, rect, (*palette.panel[:3], 240), tone)
        lines, _ = self._caption_lines(caption, rect.w - 2 * p)
        x, y = rect.x + p, rect.y + p // 2
        if caption.tone in (TONE_GOOD, TONE_BAD):
            size = self._arrow_size()
            draw_arrow(surface, pygame.Rect(x, y + size // 2, size, size), caption.tone == TONE_GOOD, tone)
            x += size + p // 2
        colours = {"title": tone, "who": palette.accent_alt, "body": palette.text}
        for role, line in lines:
            left = x if role == "title" else rect.x + p
            text_size = "title" if role == "title" else "body"
            y = draw_lines(surface, text, [line], text_size, colours[role], left, y)
        return rect.y

    def _draw_band(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        text, palette = self.app.text, self.app.palette
        p = pad(text)
        surface.fill(palette.panel[:3], rect)
        pygame.draw.line(surface, palette.accent, rect.topleft, rect.topright, 3)
        label = text.render(TOUCH, "title", palette.accent)
        marker = text.line_height("title")
        total = marker + p + label.get_width()
        x = rect.centerx - total // 2
        self._draw_touch_marker(surface, (x + marker // 2, rect.centery), marker // 2)
        surface.blit(label, label.get_rect(midleft=(x + marker + p, rect.centery)))
        room = x - 2 * p
        if room > text.width("Demo shift", "small"):
            top = rect.centery - text.line_height("small")
            draw_lines(surface, text, [text.fit("Demo shift", "small", room),
                                       text.fit(self.scenario.title, "small", room)],
                       "small", palette.text_dim, p, top)

    def _draw_touch_marker(self, surface: pygame.Surface, centre: tuple[int, int], radius: int) -> None:
        """A fingertip dot with a ripple going out from it, so the invitation moves a little."""
        accent = self.app.palette.accent
        phase = (self.elapsed + self.porch_elapsed) / PULSE_SECONDS % 1.0
        pygame.draw.circle(surface, accent, centre, max(3, radius // 3))
        ripple = round(radius * (0.4 + 0.6 * phase))
        width = max(1, round(3 * (1 - phase)) + 1)
        pygame.draw.circle(surface, accent, centre, ripple, width)
