"""The end of a campaign: the week's debrief on one screen.

Trust per resident across the days (a line each), promises kept and broken,
grudges and how they ended, and what changed because the officer came back:
the same ``WeekDebrief`` the HTML report and ``sessions --campaigns`` show.
"""

from __future__ import annotations

import pygame

from game.app.context import App
from game.app.scenes.base import BackToTitle, Scene
from game.app.ui.input import command_of
from game.app.ui.widgets import Button, Menu, Scroller, draw_more_hint, draw_text, pad
from game.campaign.debrief import WeekDebrief

MAX_CHART_LINES = 12  # residents drawn in the chart; the rest are in the report


class WeekScene(Scene):
    def __init__(self, app: App, title: str, week: WeekDebrief) -> None:
        self.app = app
        self.title = title
        self.week = week
        self.menu = Menu([Button("title", "Title screen")])
        self.page = Scroller()

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if self.page.handle(event, command, self.app.text.line_height("body") * 3):
            return None
        if command == "back" or self.menu.handle(event, command) == "title":
            return BackToTitle()
        return None

    def lines(self) -> list[tuple[str, str]]:
        """(style, text) rows of the debrief, top to bottom."""
        w = self.week
        rows = [("head", "The days")]
        rows += [("body", f"Day {d.calendar_day}, {d.title} · trust {d.trust_start:.0f} to "
                          f"{d.trust_end:.0f}"
                          f" · score {d.score:.0f}") for d in w.days]
        rows.append(("head", f"Promises: {w.kept} kept, {w.broken} broken"))
        for p in w.promises:
            who = w.names.get(p.resident, p.resident)
            when = "" if p.answered_on is None else f", answered on day {p.answered_on}"
            back = ", came back as a call" if p.came_back_as_call else ""
            rows.append(("body", f"{who}: {p.worry} (heard on day {p.heard_on}{when}) "
                                 f"· {p.status.value.replace('_', ' ')}{back}"))
        rows.append(("head", "Grudges" if w.grudges else "Nobody turned away from you"))
        for g in w.grudges:
            who = w.names.get(g.resident, g.resident)
            end = ("made good" if g.made_good else "talks again, trusts you less") if g.over \
                else "still holding it"
            rows.append(("body", f"{who}, from day {g.began_on}, because {g.reason}: {end}"))
        rows.append(("head", "Off duty"))
        rows += [("body", f"Before {d.title}: {o.label}. "
                          f"{'Broke the ' + o.policy.replace('_', ' ') + ' policy. ' if o.policy else ''}"
                          f"{o.consequence}") for d, o in w.evenings()] or \
            [("body", "You went home and slept every night.")]
        rows.append(("head", "What changed because you came back"))
        rows += [("body", line) for line in w.came_back()]
        return rows

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        surface.fill(palette.panel[:3])
        draw_text(surface, text, text.fit(f"The week · {self.title}", "title", w - 2 * p), "title",
                  palette.text, (p, p // 2))
        button_h = text.line_height("body") + p
        top = p + text.line_height("title")
        chart = pygame.Rect(p, top, w - 2 * p, max(80, (h - top) // 3))
        self._draw_chart(surface, chart)
        view = pygame.Rect(0, chart.bottom + text.line_height("small") + p, w,
                           h - chart.bottom - button_h - 3 * p - text.line_height("small"))
        surface.set_clip(view)
        y = view.y - self.page.offset
        for style, line in self.lines():
            size = "body"
            colour = palette.accent if style == "head" else palette.text
            for part in text.wrap(line, size, w - 2 * p):
                draw_text(surface, text, part, size, colour, (p, y))
                y += text.line_height(size)
        self.page.measure(view.h, y + self.page.offset - view.y)
        surface.set_clip(None)
        if self.page.more_below:
            draw_more_hint(surface, text, palette, (w // 2, view.bottom + p // 2), w - 2 * p)
        width = min(round(260 * text.scale), w - 2 * p)
        self.menu.buttons[0].rect = pygame.Rect(p, h - p - button_h, width, button_h)
        self.menu.draw(surface, text, app.panels, palette)

    def _draw_chart(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Each resident's trust (0-100) from before the first day to after the last."""
        palette, text = self.app.palette, self.app.text
        self.app.panels.draw(surface, rect, (*palette.panel_edge, 90), None, radius=6)
        for level in (25, 50, 75):
            yy = rect.bottom - rect.h * level // 100
            pygame.draw.line(surface, palette.panel_edge, (rect.x, yy), (rect.right, yy), 1)
        series = list(self.week.trust_by_resident.values())[:MAX_CHART_LINES]
        steps = max(1, len(self.week.days))
        colours = (palette.accent, palette.accent_alt, palette.trust_good, palette.trust_mid)
        for k, values in enumerate(series):
            points = [(round(rect.x + rect.w * i / steps), round(rect.bottom - rect.h * v / 100))
                      for i, v in enumerate(values)]
            if len(points) >= 2:
                pygame.draw.lines(surface, colours[k % len(colours)], False, points, 2)
        legend = "trust per resident, 0–100: before day 1, then after each day"
        draw_text(surface, text, text.fit(legend, "small", rect.w), "small", palette.text_dim,
                  (rect.x, rect.bottom + 2))
