"""The briefing before a shift: what the sergeant would say at roll call.

Objectives, who lives here, the department's social-media rule and the three
controls that matter, so a trainee can start a shift knowing what counts.
"""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.scenes.base import BackToPicker, BackToTitle, Scene
from game.app.scenes.play import PlayScene
from game.app.shift.catalog import shift_length
from game.app.shift.week import WeekInPlay
from game.app.ui.input import command_of
from game.app.ui.widgets import Button, Menu, Scroller, draw_lines, draw_more_hint, draw_text, pad
from game.app.view.backdrop import Backdrop
from game.app.view.sprites import portrait
from game.scenario.model import Scenario

HOW_TO_PLAY = (
    "Drive to reach calls fast; park and walk to meet people. Both matter.",
    "Click the map or use WASD / arrows to move. F gets in or out of the car.",
    "Walk up to someone and press E (or click them) to talk. R answers the most urgent call.",
    "Space pauses at any time; Tab lists the people you have met.",
)


def policy_lines(scenario: Scenario) -> list[str]:
    """The department's rules, in the words a trainee needs before going out."""
    lines = []
    policy = scenario.policies.get("social_media")
    if policy is not None:
        rule = ("Posting on duty needs approval from the media-relations office."
                if policy.on_duty_needs_approval else "You may post on duty without approval.")
        lines.append(f"Social media: {rule}")
        if policy.text and policy.text not in rule:
            lines.append(policy.text)
    lines.extend(f"{key.replace('_', ' ').capitalize()}: {p.text}"
                 for key, p in scenario.policies.items() if key != "social_media" and p.text)
    return lines or ["No special rules for this shift."]


class BriefingScene(Scene):
    def __init__(self, app: App, scenario: Scenario, backdrop: Backdrop | None = None,
                 week: WeekInPlay | None = None) -> None:
        """``week``: this is the briefing of a campaign's next day (``scenario`` is that day's)."""
        self.app = app
        self.scenario = scenario
        self.week = week
        self.backdrop = backdrop or Backdrop(app)
        self.menu = Menu([Button("begin", "Begin shift"), Button("back", "Back")])
        self.page = Scroller()  # the orders column, when it is taller than the window
        self.elapsed = 0.0

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command == "back":
            return self._open("back")
        if self.page.handle(event, command, self.app.text.line_height("body") * 3):
            return None  # up/down scroll the orders; left/right move between the buttons
        return self._open(self.menu.handle(event, command))

    def _open(self, choice: str | None) -> Scene | None:
        if choice == "begin":
            if self.week is not None:
                return PlayScene(self.app, self.scenario, self.week.sim(), week=self.week)
            return PlayScene(self.app, self.scenario)
        if choice == "back":
            return BackToTitle(self.backdrop) if self.week is not None else BackToPicker(self.backdrop)
        return None

    def update(self, dt: float) -> Scene | None:
        self.elapsed += dt
        self.backdrop.update(dt)
        if self.app.options.autoplay and self.elapsed >= self.app.autoplay_pause:
            return self._open("begin")
        return None

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        self.backdrop.draw(surface)
        button_h = text.line_height("body") + p
        page = pygame.Rect(p, p, w - 2 * p, h - 3 * p - button_h)
        app.panels.draw(surface, page, palette.panel, palette.panel_edge)
        inner = page.inflate(-2 * p, -2 * p)
        left_w = inner.w * 3 // 5
        left = pygame.Rect(inner.x, inner.y, left_w - p, inner.h)
        right = pygame.Rect(inner.x + left_w + p, inner.y, inner.w - left_w - p, inner.h)
        surface.set_clip(left)
        end = self._draw_orders(surface, left.move(0, -self.page.offset))
        self.page.measure(left.h, end - (left.y - self.page.offset))
        surface.set_clip(page)
        self._draw_people(surface, right)
        surface.set_clip(None)
        width = min(round(220 * text.scale), (w - 3 * p) // 2)
        if self.page.more_below:
            bottom = h - p - (button_h - text.line_height("small")) // 2  # between the buttons
            draw_more_hint(surface, text, palette, (w // 2, bottom), w - 2 * width - 4 * p)
        begin, back = self.menu.buttons
        back.rect = pygame.Rect(p, h - p - button_h, width, button_h)
        begin.rect = pygame.Rect(w - p - width, h - p - button_h, width, button_h)
        self.menu.draw(surface, text, app.panels, palette)

    def _section(self, surface: pygame.Surface, title: str, x: int, y: int) -> int:
        text, palette = self.app.text, self.app.palette
        draw_text(surface, text, title, "body", palette.accent, (x, y))
        return y + text.line_height("body")

    def _draw_orders(self, surface: pygame.Surface, area: pygame.Rect) -> int:
        """Title, summary, objectives, policy and how to play; returns the y below them."""
        text, palette, s = self.app.text, self.app.palette, self.scenario
        x, y, width = area.x, area.y, area.w
        draw_text(surface, text, text.fit(s.title, "title", width), "title", palette.text, (x, y))
        y += text.line_height("title")
        start, end = s.shift.clock(0), s.shift.clock(s.shift.minutes)
        meta = f"{start}–{end}  ·  {shift_length(s)}  ·  difficulty {s.difficulty} of 3"
        draw_text(surface, text, text.fit(meta, "small", width), "small", palette.accent_alt, (x, y))
        y += text.line_height("small") + 4
        y = draw_lines(surface, text, text.wrap(s.summary, "small", width), "small", palette.text, x, y)
        y += text.line_height("small") // 2
        y = self._section(surface, "Your objectives", x, y)
        objectives = [o.text for o in s.objectives] or ["End the shift with the street's trust higher."]
        for line in objectives:
            y = draw_lines(surface, text, text.wrap(f"•  {line}", "small", width), "small",
                           palette.text, x, y)
        y += text.line_height("small") // 2
        y = self._section(surface, "Department policy", x, y)
        for line in policy_lines(s):
            y = draw_lines(surface, text, text.wrap(line, "small", width), "small", palette.text, x, y)
        y += text.line_height("small") // 2
        y = self._section(surface, "How to play", x, y)
        for line in HOW_TO_PLAY:
            y = draw_lines(surface, text, text.wrap(line, "small", width), "small", palette.text_dim, x, y)
        return y

    def _draw_people(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        text, palette, s = self.app.text, self.app.palette, self.scenario
        y = self._section(surface, "People you may meet", area.x, area.y)
        row_h = max(text.line_height("body") + text.line_height("small"), 40)
        places = s.places_by_id
        room = max(1, (area.bottom - y) // row_h)
        shown = s.residents if len(s.residents) <= room else s.residents[: room - 1]
        for r in shown:
            figure = portrait(r.id, row_h)
            surface.blit(figure, figure.get_rect(midleft=(area.x, y + row_h // 2)))
            x = area.x + row_h + 8
            draw_text(surface, text, text.fit(r.name, "body", area.right - x), "body", palette.text, (x, y))
            home = places[r.home].name if r.home in places else r.home
            draw_text(surface, text, text.fit(f"lives at {home}", "small", area.right - x), "small",
                      palette.text_dim, (x, y + text.line_height("body")))
            y += row_h
        if len(shown) < len(s.residents):
            more = f"…and {len(s.residents) - len(shown)} more neighbors"
            draw_text(surface, text, more, "small", palette.text_dim, (area.x, y))
