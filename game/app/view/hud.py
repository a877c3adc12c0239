"""The heads-up display: the shift at a glance, laid out relative to the window and text size.

``HudLayout`` is a pure function of window size, text size and content, so a
test can check that nothing overlaps at 1280×720 at any text scale without
drawing. ``Hud`` draws the panels and remembers where the clickable parts
(call cards, the minimap) ended up, for the play scene's mouse handling.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import pygame

from game.app.context import App
from game.app.ui.palette import Palette, trust_colour
from game.app.ui.text import Text
from game.app.ui.widgets import draw_lines, draw_text, pack_parts, pad
from game.app.view.minimap import Minimap
from game.app.view.sprites import portrait, ring_icon
from game.report.words import familiarity_words
from game.sim.calls import CallState
from game.sim.feed import FeedItem
from game.sim.ledger import SHOWN_POINTS
from game.sim.queries import heading_to_call, travel_to
from game.sim.simulation import Simulation
from game.tuning import METRES_PER_TILE, TRUSTING_FROM, WARY_FROM

LOG_KEEP = 60  # feed items kept for the notification log
LOG_SHOWN = 5  # the newest items the log panel makes room for
TREND_MINUTES = 20  # the trust arrow compares with this many game minutes ago
TREND_EPSILON = 0.25  # trust points of change before the arrow tilts
HINT_GAP = "   ·   "  # between two hints on one line of the hint bar
TOAST_MIN_WIDTH = 300  # px at text scale 1: narrower beside the card, toasts stack above it instead
TOAST_ROOM_LINES = 4  # lines of body text kept free above the card for toasts when they go there


@dataclass(frozen=True)
class CallLine:
    size: str
    text: str
    colour: tuple[int, int, int]


@dataclass(frozen=True)
class HudLayout:
    bar: pygame.Rect
    calls: pygame.Rect
    log: pygame.Rect
    card: pygame.Rect
    minimap: pygame.Rect
    hints: pygame.Rect
    toasts: pygame.Rect  # where toasts may stack

    def panels(self) -> dict[str, pygame.Rect]:
        return {k: v for k, v in self.__dict__.items() if k != "toasts" and v.w and v.h}


def column_width(window_w: int, text: Text) -> int:
    """Width of the right-hand column (calls, log, minimap)."""
    return min(max(round(330 * text.scale), 240), round(window_w * 0.36))


def card_width(window_w: int, text: Text) -> int:
    """Width of the resident card (bottom left), never reaching into the right-hand column."""
    p = pad(text)
    return min(max(round(360 * text.scale), 260), window_w - column_width(window_w, text) - 3 * p)


def layout(size: tuple[int, int], text: Text, map_tiles: tuple[int, int], bar_rows: int,
           calls_h: int, log_h: int, card_h: int, hint_rows: int = 1) -> HudLayout:
    """Place every HUD panel for a window ``size``; panels never overlap."""
    w, h = size
    p = pad(text)
    bar_h = bar_rows * text.line_height("title") + p
    bar = pygame.Rect(p, p, w - 2 * p, bar_h)
    col_w = column_width(w, text)
    col_x = w - p - col_w
    mw, mh = map_tiles
    mini_w = min(col_w, round(w * 0.22))
    mini_h = min(round(mini_w * mh / max(mw, 1)), round(h * 0.26))
    mini_w = min(mini_w, round(mini_h * mw / max(mh, 1))) if mh else mini_w
    minimap = pygame.Rect(w - p - mini_w, h - p - mini_h, mini_w, mini_h)
    hints_h = hint_rows * text.line_height("small") + p // 2
    hints = pygame.Rect(p, h - p - hints_h, minimap.x - 2 * p, hints_h)
    top = bar.bottom + p
    calls = pygame.Rect(col_x, top, col_w, min(calls_h, max(0, minimap.y - p - top)))
    log_top = calls.bottom + p if calls.h else top
    log = pygame.Rect(col_x, log_top, col_w, max(0, min(log_h, minimap.y - p - log_top)))
    if log.h < text.line_height("small") + p:  # no room even for its heading: no panel at all
        log.h = 0
    card_w = card_width(w, text)
    beside = col_x - p - (p + card_w + p)  # the room for toasts right of the card
    above = beside < round(TOAST_MIN_WIDTH * text.scale)  # too narrow: toasts go above the card
    card_room = hints.y - p - top - (TOAST_ROOM_LINES * text.line_height("body") + p if above else 0)
    card_h = max(0, min(card_h, card_room))
    card = pygame.Rect(p, hints.y - p - card_h, card_w, card_h)
    if not card.h:
        toasts = pygame.Rect(p, top, col_x - 2 * p, hints.y - top)
    elif above:
        toasts = pygame.Rect(p, top, col_x - 2 * p, card.y - p - top)
    else:
        toasts = pygame.Rect(card.right + p, top, beside, hints.y - top)
    return HudLayout(bar, calls, log, card, minimap, hints, toasts)


def noticeable(item: FeedItem) -> bool:
    """Everything but trust changes too small to read ("+0.0 trust" only confuses)."""
    return item.delta is None or abs(item.delta) >= SHOWN_POINTS


def trust_words(trust: float) -> str:
    if trust < WARY_FROM:
        return "distrustful"
    if trust < TRUSTING_FROM:
        return "wary"
    return "trusting"


def minutes_text(minutes: float) -> str:
    """'2 h 05 min' or '14 min': time left in the shift, in game minutes."""
    m = max(0, round(minutes))
    return f"{m // 60} h {m % 60:02d} min" if m >= 60 else f"{m} min"


class Hud:
    def __init__(self, app: App, sim: Simulation) -> None:
        self.app = app
        self.sim = sim
        self.minimap = Minimap(app, sim)
        self.log: deque[FeedItem] = deque(maxlen=LOG_KEEP)
        self.layout: HudLayout | None = None
        self.call_cards: list[tuple[pygame.Rect, str]] = []
        self.log_open = True  # the trainee can fold the log away to see the map beneath it
        self.log_heading: pygame.Rect | None = None  # where a click folds or unfolds the log
        self.calls_unshown = 0  # waiting calls with no room for a card this frame

    def toggle_log(self) -> None:
        self.log_open = not self.log_open

    def add(self, items: list[FeedItem]) -> None:
        self.log.extend(i for i in items if noticeable(i))

    # --- clicks -------------------------------------------------------------------
    def call_at(self, pos: tuple[int, int]) -> str | None:
        return next((cid for rect, cid in self.call_cards if rect.collidepoint(pos)), None)

    def on_log_heading(self, pos: tuple[int, int]) -> bool:
        return self.log_heading is not None and self.log_heading.collidepoint(pos)

    def panels(self) -> list[pygame.Rect]:
        """Where the HUD drew panels last frame (nothing before the first)."""
        return [] if self.layout is None else list(self.layout.panels().values())

    def over_panel(self, pos: tuple[int, int]) -> bool:
        return any(r.collidepoint(pos) for r in self.panels())

    # --- content sizes ------------------------------------------------------------------
    def _bar_items(self, mode: str, speed: str) -> list[tuple[str, str]]:
        sim = self.sim
        return [
            ("clock", sim.clock()),
            ("left", f"{minutes_text(sim.minutes_left)} left"),
            ("trust", f"Trust {sim.neighborhood_trust:.0f}"),
            ("safety", f"Safety {sim.safety:.0f}"),
            ("mode", mode),
            ("speed", speed),
        ]

    def _bar_rows(self, width: int, items: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
        gap = pad(self.app.text) * 2
        rows: list[list[tuple[str, str]]] = [[]]
        x = 0
        for item in items:
            w = self._item_width(item)
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0
            rows[-1].append(item)
            x += w + gap
        return rows

    def _item_width(self, item: tuple[str, str]) -> int:
        key, label = item
        text = self.app.text
        if key == "clock":
            return text.width(label, "title")
        icon = text.line_height("body")
        extra = icon + 6 + icon // 2 + 6 if key == "trust" else 0  # ring before, trend arrow after
        return text.width(label, "body") + extra

    def _card_lines(self, i: int, width: int) -> list[tuple[str, str]]:
        """(size, line) pairs of the resident card, wrapped to ``width``."""
        sim, text = self.sim, self.app.text
        r, known = sim.residents[i], sim.known[i]
        lines: list[tuple[str, str]] = []

        def add(size: str, string: str) -> None:
            lines.extend((size, line) for line in text.wrap(string, size, width))

        fam = float(sim.trust.familiarity[i])
        trust = float(sim.trust.trust[i])
        add("small", f"Trust {trust:.0f} · {trust_words(trust)} · {familiarity_words(fam)}")
        heard = r.story[: known.stories_heard]
        if heard:
            add("small", f"Their story ({len(heard)} of {len(r.story)}):")
            for beat in heard:
                add("small", f"“{beat.text}”")
        elif fam < 0.05:
            add("small", "You haven't met yet.")
        concerns = {c.id: c for c in r.concerns}
        for cid in known.concerns_heard:
            concern = concerns.get(cid)
            if concern is None:
                continue
            if cid in known.concerns_done:
                status = "followed up"
            elif cid in known.concerns_checked:
                status = "looked into: go tell them"
            else:
                where = sim.places[concern.follow_up].name if concern.follow_up in sim.places else ""
                status = f"look into it at {where}" if where else "heard"
            add("small", f"Worried: {concern.text} ({status})")
        return lines

    def where(self, i: int) -> str:
        sim = self.sim
        if sim.people.is_home(i):
            return "at home"
        place = sim.people.at_place[i]
        if place is not None and place in sim.places:
            return f"at {sim.places[place].name}"
        return "out walking"

    # --- drawing -------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, *, mode: str, speed: str, hints: list[str],
             card_for: int | None, camera_rect: tuple[float, float, float, float],
             focus: bool = False) -> None:
        """Draw the HUD; with ``focus`` only the top bar and the calls (a panel covers the rest)."""
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        w, _ = surface.get_size()
        items = self._bar_items(mode, speed)
        rows = self._bar_rows(w - 4 * p, items)
        col_w = column_width(w, text)
        room = layout(surface.get_size(), text, (self.sim.grid.width, self.sim.grid.height), len(rows),
                      surface.get_height(), 0, 0).calls.h
        calls, call_lines, self.calls_unshown = self._fit_calls(col_w - 2 * p, room)
        calls_h = (sum(self._call_height(lines) + p // 2 for lines in call_lines)
                   + p + text.line_height("small") * (2 if self.calls_unshown else 1)) if calls else 0
        card_lines = [] if card_for is None else self._card_lines(card_for, card_width(w, text) - 2 * p)
        card_h = 0 if card_for is None else (
            text.line_height("body") + text.line_height("small") + 2 * p
            + sum(text.line_height(size) for size, _ in card_lines))
        log_h = self._log_height(col_w)
        hint_lines = self._hint_lines(hints, self._hints_width(surface.get_size()) - p)
        lay = layout(surface.get_size(), text, (self.sim.grid.width, self.sim.grid.height),
                     len(rows), calls_h, log_h, card_h, len(hint_lines))
        self.layout = lay
        self._draw_bar(surface, lay.bar, rows)
        self._draw_calls(surface, lay.calls, list(zip(calls, call_lines, strict=True)))
        self.log_heading = None
        if focus:
            return
        self._draw_log(surface, lay.log)
        if card_for is not None and lay.card.h:
            self._draw_card(surface, lay.card, card_for, card_lines)
        self.minimap.draw(surface, lay.minimap, camera_rect)
        app.panels.draw(surface, lay.hints, palette.panel)
        draw_lines(surface, text, hint_lines, "small", palette.text, lay.hints.x + p // 2,
                   lay.hints.y + p // 4)

    def _hint_lines(self, parts: list[str], width: int) -> list[str]:
        """The hints packed into as few lines as fit ``width``, breaking only between hints."""
        return pack_parts(self.app.text, parts, "small", width, HINT_GAP)

    def _hints_width(self, size: tuple[int, int]) -> int:
        """The hint bar's width, which does not depend on how many lines it takes."""
        return layout(size, self.app.text, (self.sim.grid.width, self.sim.grid.height),
                      1, 0, 0, 0).hints.w

    def _draw_bar(self, surface: pygame.Surface, rect: pygame.Rect,
                  rows: list[list[tuple[str, str]]]) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        app.panels.draw(surface, rect, palette.panel, palette.panel_edge)
        row_h = text.line_height("title")
        for r, row in enumerate(rows):
            x = rect.x + p
            cy = rect.y + p // 2 + r * row_h + row_h // 2
            for key, label in row:
                x = self._draw_bar_item(surface, key, label, x, cy, palette) + 2 * p

    def _draw_bar_item(self, surface: pygame.Surface, key: str, label: str, x: int, cy: int,
                       palette: Palette) -> int:
        text = self.app.text
        if key == "clock":
            return draw_text(surface, text, label, "title", palette.text, (x, cy), "midleft").right
        if key == "trust":
            size = text.line_height("body")
            ring = ring_icon(self.sim.neighborhood_trust, size, palette)
            surface.blit(ring, ring.get_rect(midleft=(x, cy)))
            x += size + 6
            right = draw_text(surface, text, label, "body", palette.text, (x, cy), "midleft").right
            return self._draw_trend(surface, right + 6, cy, size)
        colour = palette.accent if key == "speed" else palette.text
        if key == "left":
            colour = palette.text_dim
        return draw_text(surface, text, label, "body", colour, (x, cy), "midleft").right

    def _draw_trend(self, surface: pygame.Surface, x: int, cy: int, size: int) -> int:
        """An arrow for where trust is heading: shape says the direction, colour repeats it."""
        palette, history = self.app.palette, self.sim.history
        past = history[max(0, len(history) - 1 - TREND_MINUTES)][1]
        change = self.sim.neighborhood_trust - past
        s = size // 2
        if change > TREND_EPSILON:
            points = [(x, cy + s // 2), (x + s, cy + s // 2), (x + s // 2, cy - s // 2)]
            pygame.draw.polygon(surface, palette.trust_good, points)
        elif change < -TREND_EPSILON:
            points = [(x, cy - s // 2), (x + s, cy - s // 2), (x + s // 2, cy + s // 2)]
            pygame.draw.polygon(surface, palette.trust_bad, points)
        else:
            pygame.draw.line(surface, palette.text_dim, (x, cy), (x + s, cy), 3)
        return x + s

    def _draw_calls(self, surface: pygame.Surface, rect: pygame.Rect,
                    calls: list[tuple[CallState, list[CallLine]]]) -> None:
        self.call_cards = []
        if not calls or not rect.h:
            return
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        app.panels.draw(surface, rect, palette.panel, palette.priority[0])
        key = self.app.settings.first_key("respond")
        heading = f"Calls for service  ·  {key} to respond"
        if text.width(heading, "small") > rect.w - 2 * p:  # big text: the short form, whole
            heading = f"Calls  ·  {key} to respond"
        draw_text(surface, text, text.fit(heading, "small", rect.w - 2 * p), "small", palette.text,
                  (rect.x + p, rect.y + p // 2))
        y = rect.y + p // 2 + text.line_height("small") + p // 2
        surface.set_clip(rect)
        for state, lines in calls:
            card = pygame.Rect(rect.x + p // 2, y, rect.w - p, self._call_height(lines))
            self.call_cards.append((card, state.call.id))
            self._draw_call(surface, card, state, lines)
            y += card.h + p // 2
        if self.calls_unshown:
            more = f"+{self.calls_unshown} more  ·  {self.app.settings.first_key('people')} lists them"
            if text.width(more, "small") > rect.w - 2 * p:
                more = f"+{self.calls_unshown} more"
            draw_text(surface, text, more, "small", palette.text_dim, (rect.x + p, y))
        surface.set_clip(None)

    def _fit_calls(self, width: int, room: int) -> tuple[list[CallState], list[list[CallLine]], int]:
        """The calls whose cards fit whole in ``room`` px, most urgent first, and how many did not.

        Where the full cards do not all fit, the calls after the most urgent lose their
        description (the place and the time left stay), then the most urgent does too; calls
        that still do not fit are counted, not cut ("+2 more").
        """
        text, p = self.app.text, pad(self.app.text)
        calls = sorted(self.sim.active_calls(), key=lambda c: (c.call.priority, c.deadline))
        if not calls:
            return [], [], 0
        overhead = p + text.line_height("small")
        for told in (len(calls), 1, 0):  # how many cards keep their description
            lines = [self._call_lines(state, width, k < told) for k, state in enumerate(calls)]
            heights = [self._call_height(ls) + p // 2 for ls in lines]
            if overhead + sum(heights) <= room:
                return calls, lines, 0
        shown, used = 0, overhead + text.line_height("small")  # and the "+N more" line
        while shown < len(calls) and used + heights[shown] <= room:
            used += heights[shown]
            shown += 1
        shown = max(shown, 1)  # the most urgent call is always there (the panel clips, at worst)
        return calls[:shown], lines[:shown], len(calls) - shown

    def _call_lines(self, state: CallState, width: int, told: bool = True) -> list[CallLine]:
        """A call card's lines, wrapped to ``width`` (the place name beside the badge): whole
        words, never cut, so "2 min left" and the distance are always there to read; ``told``
        keeps the caller's description."""
        text, palette, sim = self.app.text, self.app.palette, self.sim
        p = pad(text)
        call = state.call
        place = sim.places[call.place]
        lines = [CallLine("body", line, palette.text)
                 for line in text.wrap(place.name, "body", width - self._badge_w() - p // 2)]
        if told:
            lines += [CallLine("small", line, palette.text_dim)
                      for line in text.wrap(call.text, "small", width)]
        left = state.time_left(sim.time)
        travel = travel_to(sim, *place.at)
        eta = max(1, round(travel.to_call(call.needs_car, sim.officer.in_car)))
        how = "by car" if sim.officer.in_car or call.needs_car else "on foot"
        going = "  ·  on your way" if heading_to_call(sim, state) else ""
        timing = (f"LATE by {-left:.0f} min" if left < 0 else f"{left:.0f} min left")
        line = f"{timing}  ·  {round(travel.distance) * METRES_PER_TILE} m, ~{eta} min {how}{going}"
        warn = palette.trust_bad if left < 0 else (palette.priority[0] if left < eta else palette.accent)
        return lines + [CallLine("small", part, warn) for part in text.wrap(line, "small", width)]

    def _badge_w(self) -> int:
        return self.app.text.line_height("body") * 2

    def _call_height(self, lines: list[CallLine]) -> int:
        text = self.app.text
        return sum(text.line_height(line.size) for line in lines) + pad(text)

    def _draw_call(self, surface: pygame.Surface, card: pygame.Rect, state: CallState,
                   lines: list[CallLine]) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        call = state.call
        colour = palette.priority[call.priority - 1]
        app.panels.draw(surface, card, (*palette.panel[:3], 255), colour, radius=6)
        badge = pygame.Rect(card.x + p // 2, card.y + p // 2, self._badge_w(), text.line_height("body"))
        app.panels.draw(surface, badge, (*colour, 255), None, radius=4)
        draw_text(surface, text, f"P{call.priority}", "small", palette.text_dark, badge.center, "center")
        y = badge.y
        for line in lines:
            x = badge.right + p // 2 if line.size == "body" else card.x + p // 2
            draw_text(surface, text, line.text, line.size, line.colour, (x, y))
            y += text.line_height(line.size)

    def _feed_colour(self, item: FeedItem, palette: Palette) -> tuple[int, int, int]:
        if item.kind == "trust" and item.delta is not None:
            return palette.trust_good if item.delta >= 0 else palette.trust_bad
        return {
            "call": palette.priority[0], "story": palette.accent_alt, "concern": palette.accent,
            "policy": palette.trust_bad, "encounter": palette.highlight,
        }.get(item.kind, palette.text_dim)

    def _log_lines(self, item: FeedItem, width: int) -> list[str]:
        p = pad(self.app.text)
        stamp = self.sim.scenario.shift.clock(item.time)
        who = ""
        if item.kind == "trust" and item.resident is not None:
            who = f"{self.sim.residents[item.resident].name} "
        return self.app.text.wrap(f"{stamp}  {who}{item.text}", "small", width - 2 * p - 6)

    def _log_height(self, width: int) -> int:
        """Room for the newest few items, or the heading alone when folded away; nothing at all
        before anything has happened."""
        if not self.log:
            return 0
        text = self.app.text
        if not self.log_open:
            return text.line_height("small") + pad(text)
        lines = sum(len(self._log_lines(item, width)) for item in list(self.log)[-LOG_SHOWN:])
        return (lines + 1) * text.line_height("small") + pad(text) + 3 * LOG_SHOWN

    def _log_title(self, width: int) -> str:
        """The log's heading, saying how to fold it (or unfold it, with how much is inside)."""
        key = self.app.settings.first_key("feed")
        if self.log_open:
            forms = [f"What happened  ·  {key} to hide", f"What happened  ·  {key}", "What happened"]
        else:
            forms = [f"What happened ({len(self.log)})  ·  {key} to show",
                     f"What happened  ·  {key} to show", f"What happened  ·  {key}", "What happened"]
        text = self.app.text
        return next((f for f in forms if text.width(f, "small") <= width), forms[-1])

    def _draw_log(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        if not rect.h:
            return
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        app.panels.draw(surface, rect, palette.panel, palette.panel_edge)
        title = self._log_title(rect.w - 2 * p)
        self.log_heading = pygame.Rect(rect.x, rect.y, rect.w, p + text.line_height("small"))
        draw_text(surface, text, title, "small", palette.text_dim, (rect.x + p, rect.y + p // 2))
        if not self.log_open:
            return
        y = rect.y + p // 2 + text.line_height("small") + 2
        bottom = rect.bottom - p // 2
        step = text.line_height("small")
        for item in reversed(self.log):
            lines = self._log_lines(item, rect.w)
            if y + len(lines) * step > bottom:
                break  # whole items only: the rest of a half-shown line is nowhere to be read
            pygame.draw.rect(surface, self._feed_colour(item, palette),
                             (rect.x + p // 2, y + 2, 4, len(lines) * step - 4))
            y = draw_lines(surface, text, lines, "small", palette.text, rect.x + p + 4, y) + 3

    def _draw_card(self, surface: pygame.Surface, rect: pygame.Rect, i: int,
                   lines: list[tuple[str, str]]) -> None:
        app, text, palette, sim = self.app, self.app.text, self.app.palette, self.sim
        p = pad(text)
        trust = float(sim.trust.trust[i])
        app.panels.draw(surface, rect, palette.panel, trust_colour(trust, palette))
        head = text.line_height("body") + text.line_height("small")
        face = portrait(sim.residents[i].id, head)
        surface.blit(face, (rect.x + p, rect.y + p))
        x = rect.x + p + head + 8
        draw_text(surface, text, text.fit(sim.residents[i].name, "body", rect.right - p - x), "body",
                  palette.text, (x, rect.y + p))
        draw_text(surface, text, self.where(i), "small", palette.text_dim,
                  (x, rect.y + p + text.line_height("body")))
        ring = ring_icon(trust, head, palette)
        at = ring.get_rect(topright=(rect.right - p, rect.y + p))
        surface.blit(ring, at)
        draw_text(surface, text, f"{trust:.0f}", "small", palette.text, at.center, "center")
        y = rect.y + p + head
        surface.set_clip(rect)
        for size, line in lines:
            if y + text.line_height(size) > rect.bottom - p // 2:
                break
            draw_text(surface, text, line, size, palette.text, (rect.x + p, y))
            y += text.line_height(size)
        surface.set_clip(None)
