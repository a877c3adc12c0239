"""The end-of-shift debrief: how the street's trust moved, what was met, and who changed and why.

Everything comes from ``build_debrief`` over ``sim.results()`` and
``sim.ledger()``: the same data the written report uses, so what the trainee
sees matches what the instructor reads.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import Enum

import pygame

from game.app.context import App
from game.app.scenes.base import BackToBriefing, BackToPicker, BackToTitle, Scene
from game.app.scenes.evening import EveningScene
from game.app.scenes.week import WeekScene
from game.app.ui.input import command_of
from game.app.ui.palette import Palette
from game.app.ui.text import Text
from game.app.ui.widgets import (
    Button,
    Menu,
    Scroller,
    draw_lines,
    draw_mark,
    draw_more_hint,
    draw_text,
    pack_parts,
    pad,
)
from game.bots.par import par_results
from game.report.debrief import CallDebrief, Debrief, build_debrief
from game.report.instructor import InstructorMoment, MomentKind
from game.scenario.model import Scenario
from game.sessions import SessionStore, SessionStoreError
from game.sim.simulation import Simulation

CAUSES_SHOWN = 3  # reasons listed per resident
CHART_HEIGHT = 120  # px: a picture, so it does not grow with the text
PART_GAP = "   ·   "  # between two facts on one line


@dataclass(frozen=True)
class Change:
    """One resident's shift in a sentence: who, from, to, and the biggest reasons."""

    name: str
    start: float
    end: float
    reasons: tuple[tuple[str, float], ...]


def changes(debrief: Debrief) -> list[Change]:
    """Residents ordered by how much they changed, each with the causes that moved them most."""
    out = []
    for r in debrief.residents:
        totals: dict[str, float] = defaultdict(float)
        for contact in r.contacts:
            totals[contact.cause] += contact.delta
        for word in r.word_of_mouth:
            totals[f"heard from {word.source}"] += word.delta
        totals["eased back toward old views"] += r.drift
        reasons = sorted(totals.items(), key=lambda kv: -abs(kv[1]))
        shown = tuple((k, v) for k, v in reasons if abs(v) >= 0.05)[:CAUSES_SHOWN]
        out.append(Change(r.name, r.trust_start, r.trust_end, shown))
    return sorted(out, key=lambda c: -abs(c.end - c.start))


def call_line(call: CallDebrief) -> str:
    how = call.outcome if call.response_minutes is None else \
        f"{call.response_minutes:.1f} min, {call.outcome}"
    return f"P{call.priority}  {call.place} at {call.came_in}: {how}"


def instructor_line(moment: InstructorMoment) -> str:
    """One flag or injected call in a line: when, which, and the note or what dispatch said."""
    what = {MomentKind.FLAG: "flagged", MomentKind.CALL: "sent a call",
            MomentKind.EVENT: "started an event"}[moment.kind]
    return f"{moment.clock}  {what}: {moment.text}"


def button_widths(text: Text, buttons: list[Button], each: int, room: int) -> list[int]:
    """Equal widths of at most ``each`` in ``room`` when every label fits them; otherwise each
    button as wide as its label and the room left over shared out (no label shortened)."""
    share = min(each, room // len(buttons))
    needed = [b.min_width(text) for b in buttons]
    if all(n <= share for n in needed):
        return [share] * len(buttons)
    extra = max(0, room - sum(needed)) // len(buttons)
    return [n + extra for n in needed]


class Mark(Enum):
    """What an objective's mark says: met; missed, once the shift is over; or not yet."""

    MET = "met"
    MISSED = "missed"
    NOT_YET = "not yet"


def objective_mark(met: bool, shift_over: bool) -> Mark:
    """A cross mid-shift would call missed what the trainee can still do (a call not in yet)."""
    if met:
        return Mark.MET
    return Mark.MISSED if shift_over else Mark.NOT_YET


def draw_objective_mark(surface: pygame.Surface, rect: pygame.Rect, mark: Mark, palette: Palette) -> None:
    """A tick, a cross, or a hollow ring for not yet."""
    if mark is Mark.NOT_YET:
        pygame.draw.circle(surface, palette.text_dim, rect.center, min(rect.w, rect.h) // 2, 3)
    else:
        draw_mark(surface, rect, mark is Mark.MET, palette)


class SummaryScene(Scene):
    def __init__(self, app: App, scenario: Scenario, sim: Simulation) -> None:
        self.app = app
        self.scenario = scenario
        self.sim = sim
        self.results = sim.results()
        # Par: the best bot on the same street and seed, played headless now (a fraction of a second).
        self.par = par_results(scenario, sim.seed, sim.tick, sim.carry)
        self.debrief = build_debrief(self.results, sim.ledger(), scenario, self.par, sim.action_log)
        self.changes = changes(self.debrief)
        self.saved = app.recorder.finish()  # None when nothing is kept (kiosk mode)
        self.week = app.recorder.week  # the campaign this shift was a day of, if any
        self.menu = Menu(self._buttons())
        self.page = Scroller()
        self.marks = [objective_mark(o.met, not self.ended_early) for o in self.results.objectives]

    def _buttons(self) -> list[Button]:
        title = Button("title", "Another street" if self.app.options.kiosk else "Title screen")
        if self.week is None:
            return [Button("again", "Play again"), Button("picker", "Another neighborhood"), title]
        if self.week.over:
            return [Button("week", "The week"), title]
        label = "Try the day again" if self.ended_early else "Next day"
        return [Button("next", label), title]

    @property
    def ended_early(self) -> bool:
        """The trainee ended the shift from the pause menu (or a replay of such a shift ran out)."""
        return not self.sim.finished

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if self.page.handle(event, command, self.app.text.line_height("body") * 3):
            return None  # up/down scroll the page; left/right move between the buttons
        if command == "back":
            return self._open("title")
        return self._open(self.menu.handle(event, command))

    def _open(self, choice: str | None) -> Scene | None:
        if choice == "again":
            return BackToBriefing(self.scenario)
        if choice == "picker":
            return BackToPicker()
        if choice == "next" and self.week is not None:
            if self.week.last is not None:  # the day is done: its evening comes first
                return EveningScene(self.app, self.week)
            return BackToBriefing(self.week.scenario(), week=self.week)
        if choice == "week" and self.week is not None:
            return self._week_scene()
        if choice == "title":
            return BackToTitle()
        return None

    def _week_scene(self) -> Scene | None:
        assert self.week is not None
        week = self.week.debrief(None)
        if self.app.keeps_data:
            try:
                with SessionStore.open(read_only_ok=True) as store:
                    week = self.week.debrief(store)
            except SessionStoreError:
                pass  # the days played in this window still make a debrief
        return None if week is None else WeekScene(self.app, self.week.campaign.title, week)

    # --- drawing ---------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette, r = self.app, self.app.text, self.app.palette, self.results
        w, h = surface.get_size()
        p = pad(text)
        surface.fill(palette.panel[:3])
        button_h = text.line_height("body") + p
        score = f"Score {r.score:.0f} / 100   ·   par {self.par.score:.0f}"
        score_w = text.width(score, "title")
        heading = f"End of shift · {self.scenario.title}"
        y = p // 2
        if text.width(heading, "title") <= w - score_w - 3 * p:  # side by side, or the score below
            draw_text(surface, text, heading, "title", palette.text, (p, y))
        else:
            y = draw_lines(surface, text, text.wrap(heading, "title", w - 2 * p), "title", palette.text, p, y)
        draw_text(surface, text, score, "title", palette.accent, (w - p, y), "topright")
        change = r.trust - r.trust_start
        facts = [f"Neighborhood trust from {r.trust_start:.0f} to {r.trust:.0f} ({change:+.1f})",
                 f"perceived safety {r.safety:.0f}",
                 f"{r.foot_minutes:.0f} min on foot, {r.car_minutes:.0f} min in the car"]
        y = draw_lines(surface, text, pack_parts(text, facts, "body", w - 2 * p, PART_GAP), "body",
                       palette.text_dim, p, y + text.line_height("title"))
        head_h = y + p // 2
        hint_h = text.line_height("small")
        view = pygame.Rect(0, head_h, w, h - head_h - button_h - 2 * p - hint_h)
        one_column = w < round(1000 * text.scale)
        col_w = view.w - 2 * p if one_column else (view.w - 3 * p) // 2
        surface.set_clip(view)
        y0 = view.y + p // 2 - self.page.offset
        left_end = self._draw_left(surface, p, y0, col_w)
        if one_column:
            right_end = self._draw_right(surface, p, left_end + p, col_w)
        else:
            right_end = self._draw_right(surface, 2 * p + col_w, y0, col_w)
        self.page.measure(view.h, max(left_end, right_end) - y0 + p)
        surface.set_clip(None)
        if self.page.more_below:
            draw_more_hint(surface, text, palette, (w // 2, view.bottom + hint_h), w - 2 * p)
        widths = button_widths(text, self.menu.buttons, round(260 * text.scale), w - 4 * p)
        x = p
        for b, width in zip(self.menu.buttons, widths, strict=True):
            b.rect = pygame.Rect(x, h - p - button_h, width, button_h)
            x += width + p
        self.menu.draw(surface, text, app.panels, palette)

    def _heading(self, surface: pygame.Surface, title: str, x: int, y: int) -> int:
        text = self.app.text
        draw_text(surface, text, title, "body", self.app.palette.accent, (x, y))
        return y + text.line_height("body")

    def _wrapped(self, surface: pygame.Surface, line: str, x: int, y: int, width: int, colour) -> int:
        text = self.app.text
        for part in text.wrap(line, "small", width):
            draw_text(surface, text, part, "small", colour, (x, y))
            y += text.line_height("small")
        return y

    def _draw_left(self, surface: pygame.Surface, x: int, y: int, width: int) -> int:
        text, palette, r = self.app.text, self.app.palette, self.results
        if self.ended_early:
            y = self._wrapped(surface, f"You ended this shift early at {self.sim.clock()}: everything "
                              "below counts what happened until then.", x, y, width, palette.accent) + 6
        y = self._heading(surface, "Trust and safety over the shift", x, y)
        chart = pygame.Rect(x, y, width, CHART_HEIGHT)
        self._draw_chart(surface, chart)
        y = chart.bottom + text.line_height("small") + 6
        y = self._draw_score(surface, x, y, width) + 6
        if r.objectives:
            y = self._heading(surface, "Objectives", x, y)
        for o, how in zip(r.objectives, self.marks, strict=True):
            mark = pygame.Rect(x, y + 3, text.line_height("small") - 6, text.line_height("small") - 6)
            draw_objective_mark(surface, mark, how, palette)
            y = self._wrapped(surface, f"{o.text} ({o.detail})", x + mark.w + 8, y, width - mark.w - 8,
                              palette.text if o.met else palette.text_dim)
        y += 6
        y = self._heading(surface, "Calls for service", x, y)
        if not self.debrief.calls:
            y = self._wrapped(surface, "No calls came in.", x, y, width, palette.text_dim)
        for c in self.debrief.calls:
            colour = palette.trust_good if c.in_time else palette.trust_mid
            y = self._wrapped(surface, call_line(c), x, y, width, colour)
        if self.debrief.instructor:
            y += 6
            y = self._heading(surface, "Your instructor's flags and calls", x, y)
            for m in self.debrief.instructor:
                y = self._wrapped(surface, instructor_line(m), x, y, width, palette.text)
        if r.breaches:
            y += 6
            y = self._heading(surface, "Policy", x, y)
            for b in r.breaches:
                y = self._wrapped(surface, b, x, y, width, palette.trust_mid)
        if self.saved is not None:
            y += 6
            colour = palette.text_dim if self.saved.session_id is not None else palette.trust_mid
            y = self._wrapped(surface, self.saved.message, x, y, width, colour)
        return y

    def _draw_score(self, surface: pygame.Surface, x: int, y: int, width: int) -> int:
        """Each part of the score as a bar, par's mark on it, and what earned it."""
        text, palette = self.app.text, self.app.palette
        y = self._heading(surface, "How the score was made", x, y)
        line_h = text.line_height("small")
        label_w = min(width // 3, round(170 * text.scale))
        bar_w = max(40, width - label_w - round(60 * text.scale))
        for part in self.debrief.score_lines:
            draw_text(surface, text, text.fit(part.label, "small", label_w - 6), "small", palette.text,
                      (x, y))
            bar = pygame.Rect(x + label_w, y + line_h // 4, bar_w, line_h // 2)
            self.app.panels.draw(surface, bar, (*palette.panel_edge, 140), None, radius=3)
            filled = bar.copy()
            filled.w = max(2, round(bar.w * part.value))
            self.app.panels.draw(surface, filled, (*palette.accent, 255), None, radius=3)
            if part.par is not None:
                px = bar.x + round(bar.w * part.par)
                pygame.draw.line(surface, palette.text, (px, bar.y - 3), (px, bar.bottom + 3), 2)
            draw_text(surface, text, f"{part.value * 100:.0f}%", "small", palette.text,
                      (bar.right + 6, y))
            y = self._wrapped(surface, f"{part.detail} · counts ×{part.weight:g}", x + label_w, y + line_h,
                              width - label_w, palette.text_dim)
        return self._wrapped(surface, f"The upright line across each bar is par: what the best bot "
                             f"made of this street and seed (score {self.par.score:.0f}).", x, y,
                             width, palette.text_dim)

    def _draw_right(self, surface: pygame.Surface, x: int, y: int, width: int) -> int:
        palette = self.app.palette
        y = self._heading(surface, "Who changed, and why", x, y)
        for c in self.changes:
            delta = c.end - c.start
            colour = palette.text
            if abs(delta) > 0.5:
                colour = palette.trust_good if delta > 0 else palette.trust_mid
            line = f"{c.name}   {c.start:.0f} to {c.end:.0f}  ({delta:+.1f})"
            y = self._wrapped(surface, line, x, y, width, colour)
            if c.reasons:
                why = "   ·   ".join(f"{v:+.1f} {k}" for k, v in c.reasons)
                y = self._wrapped(surface, why, x + 12, y, width - 12, palette.text_dim)
            y += 3
        y += 6
        y = self._heading(surface, "What to try next time", x, y)
        for tip in self.debrief.tips:
            y = self._wrapped(surface, tip.title, x, y, width, palette.text)
            y = self._wrapped(surface, tip.why, x + 12, y, width - 12, palette.text_dim) + 3
        if self.debrief.questions:
            y += 6
            y = self._heading(surface, "Talk it through", x, y)
            for q in self.debrief.questions:
                y = self._wrapped(surface, f"•  {q}", x, y, width, palette.text) + 2
        return y

    def _draw_chart(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Trust (solid) and safety (thin) from 0 to 100 across the shift."""
        palette, text, history = self.app.palette, self.app.text, self.sim.history
        self.app.panels.draw(surface, rect, (*palette.panel_edge, 90), None, radius=6)
        for level in (25, 50, 75):
            yy = rect.bottom - rect.h * level // 100
            pygame.draw.line(surface, palette.panel_edge, (rect.x, yy), (rect.right, yy), 1)
        total = max(1.0, self.scenario.shift.minutes)
        if len(history) >= 2:
            def point(minute: float, value: float) -> tuple[int, int]:
                return (round(rect.x + rect.w * minute / total), round(rect.bottom - rect.h * value / 100))
            pygame.draw.lines(surface, palette.accent_alt, False, [point(m, s) for m, _, s in history], 2)
            pygame.draw.lines(surface, palette.accent, False, [point(m, t) for m, t, _ in history], 3)
        legend = f"trust (thick) · safety (thin) · 0–100 · {self.scenario.shift.clock(0)}–" \
                 f"{self.scenario.shift.clock(self.scenario.shift.minutes)}"
        draw_text(surface, text, text.fit(legend, "small", rect.w), "small", palette.text_dim,
                  (rect.x, rect.bottom + 2))

