"""Conversations: the talk menu and scripted encounters, in one panel over the street.

While the panel is open the shift waits (reading is free); a choice is an
action, and the minutes it costs pass quickly on the clock before the next
choice can be made. The reaction, and every trust change it caused, shows in
the panel at once and floats over the resident's head.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.calls import ANSWER_FIRST, take_call, waiting_calls
from game.app.scenes.guard import InputGuard
from game.app.scenes.pause import PauseScene
from game.app.ui.input import command_of
from game.app.ui.palette import RGB, Palette
from game.app.ui.widgets import PanelPainter, chip_size, draw_chip, draw_lines, draw_text, pad
from game.app.view.hud import noticeable, trust_words
from game.app.view.sprites import portrait
from game.app.view.world_view import event_title
from game.report.words import familiarity_words
from game.scenario.model import NEGATIVE_TAGS, Encounter, Event
from game.sim import actions as act
from game.sim.feed import FeedItem
from game.sim.simulation import Simulation

if TYPE_CHECKING:
    from game.app.scenes.play import PlayScene

NUMBER_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7,
               pygame.K_8, pygame.K_9)
REACTION_KINDS = ("trust", "story", "concern", "policy", "info", "call")
REACTIONS_SHOWN = 6
SCENE_BEGAN = "A scene began while you were talking"


@dataclass(frozen=True)
class Fit:
    """How the panel is arranged this frame (see ``DialogueScene._fit``)."""

    two_columns: bool
    left_w: int  # the scene text and reactions
    right_w: int  # the choices
    body_size: str
    option_size: str
    height: int  # of the content, between the heading and the bottom edge


@dataclass
class Option:
    """One line the trainee can pick: an action, taking a waiting ``call``, or else closing the panel."""

    label: str
    action: act.Action | None = None
    enabled: bool = True
    detail: str = ""
    tags: tuple[str, ...] = ()
    call: str | None = None
    rect: pygame.Rect = field(default_factory=pygame.Rect)


def tag_chip(tag: str, palette: Palette) -> tuple[str, RGB]:
    """A tone chip: sign and colour both say whether the tone builds or breaks trust."""
    words = tag.replace("_", " ")
    if tag in NEGATIVE_TAGS:
        return f"− {words}", palette.trust_bad
    return f"+ {words}", palette.trust_good


def tags_said(tags: tuple[str, ...]) -> str:
    """The tones of an answer already given, for its feedback: '+ voice  ·  − threat'."""
    return "  ·  ".join(f"{'−' if t in NEGATIVE_TAGS else '+'} {t.replace('_', ' ')}" for t in tags)


def call_options(sim: Simulation) -> list[Option]:
    """'Take the call' for each waiting call, most urgent first; a scripted scene must be answered
    first (the simulation takes no other action while one waits)."""
    answering = sim.open_encounter is not None
    return [Option(c.label, enabled=not answering, detail=ANSWER_FIRST if answering else c.detail,
                   call=c.call_id) for c in waiting_calls(sim)]


def media_options(sim: Simulation, ev: Event) -> list[Option]:
    """The social-media moment at an event: consent, approval, post or not."""
    moment = sim.media_desk.moment(ev.id)
    if moment.done:
        return [Option("You have decided about posting this.", enabled=False)]
    allowed = {o.decision: o.available for o in sim.media_options(ev)}
    office = moment.approval.value
    asked = "asked" if moment.consent else "not asked"
    return [
        Option("Ask the families if you may film their kids", act.SocialMedia("ask_consent"),
               enabled=allowed["ask_consent"], detail="They said yes." if moment.consent else ""),
        Option("Ask the media-relations office to approve a post", act.SocialMedia("ask_approval"),
               enabled=allowed["ask_approval"], detail=f"Media office: {office}"),
        Option("Post the video now", act.SocialMedia("post_now"), enabled=allowed["post_now"],
               detail=f"Families {asked} · media office {office}"),
        Option("Put the phone away", act.SocialMedia("dont_post"), enabled=allowed["dont_post"]),
    ]


class DialogueScene(Scene):
    def __init__(self, app: App, play: PlayScene, resident: int | None, by_itself: str = "") -> None:
        """``by_itself`` says why the panel opened when the trainee did not open it (it then holds
        input a moment, so a key meant for the street does not answer it)."""
        self.app = app
        self.play = play
        self.sim = play.sim
        self.resident = resident
        opened = self.sim.open_encounter
        # The scripted encounter this panel shows, kept after it ends for the closing reactions.
        self.encounter: Encounter | None = opened.encounter if opened is not None else None
        self.reactions: list[FeedItem] = []
        self.error = ""
        self.focus = 0
        self.scroll = 0  # px the choices are scrolled up when they do not all fit
        self.options: list[Option] = []
        self.waited = 0.0
        self.guard = InputGuard()
        if by_itself:
            self.guard.arm(by_itself)
        self.answered: tuple[str, ...] = ()  # the tones of the last answer, shown once it is given
        self.hidden_below = 0  # choices below the last one drawn whole (last frame), for the hint

    # --- what can be said -------------------------------------------------------------
    def build_options(self) -> list[Option]:
        sim = self.sim
        opened = sim.open_encounter
        if opened is not None:
            return [*(Option(c.say, act.Choose(k), tags=c.tags) for k, c in enumerate(opened.choices)),
                    *call_options(sim)]
        if self.encounter is not None:
            return [Option("Continue"), *call_options(sim)]
        options = []
        if self.resident is not None:
            rid = sim.residents[self.resident].id
            for o in sim.talk_options(rid):
                options.append(Option(o.label, act.Talk(rid, o.topic, o.concern), o.available,
                                      o.reason or o.hint))
        for ev in sim.events_here()[:1]:
            if ev.kind == "kids_play":
                times = sim.play_counts.get(ev.id, 0)
                played = f"You have played {times} time{'s' * (times != 1)}" if times else ""
                options.append(Option("Join the kids' game", act.JoinPlay(), detail=played))
            options += media_options(sim, ev)
        options.append(Option("Walk on"))
        return options + call_options(sim)  # last, so a call coming in never renumbers a line

    def choose(self, k: int) -> Scene | None:
        if not 0 <= k < len(self.options):
            return None
        option = self.options[k]
        if not option.enabled:
            self.error = option.detail
            return None
        if option.call is not None:
            return self.take_call(option.call)  # the radio may cut a conversation short
        if self.sim.busy:
            return None
        if option.action is None:
            return self.close()
        error = self.play.runner.apply(option.action)
        self.app.audio.play("click")
        if error is not None:
            self.error = error
        else:
            self.error = ""
            self.reactions = []
            self.answered = option.tags
            self._absorb()  # the reaction shows at once, not a frame later
        return None

    def take_call(self, call_id: str | None) -> Scene | None:
        """Leave the conversation for a call (R: the most urgent); a scripted scene is answered first."""
        street, self.error = take_call(self.play, call_id)
        return street

    def _absorb(self) -> None:
        self.reactions += [i for i in self.play.take_feed() if i.kind in REACTION_KINDS and noticeable(i)]

    def close(self) -> Scene:
        return self.play.back_to_the_street()

    # --- events and time ------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        if self.guard.blocks(event):
            return None
        command = command_of(event, self.app.settings.keys)
        if event.type == pygame.KEYDOWN and event.key in NUMBER_KEYS:
            return self.choose(NUMBER_KEYS.index(event.key))
        if command == "respond":
            return self.take_call(None)
        if command == "back" or command == "pause":
            if self.sim.open_encounter is not None or command == "pause":
                return PauseScene(self.app, self, self.play)
            return self.close()
        if command in ("up", "down") and self.options:
            self.focus = (self.focus + (1 if command == "down" else -1)) % len(self.options)
        elif command in ("confirm", "interact"):
            return self.choose(self.focus)
        elif event.type == pygame.MOUSEMOTION:
            for k, o in enumerate(self.options):
                if o.rect.collidepoint(event.pos):
                    self.focus = k
        elif event.type == pygame.MOUSEWHEEL and self.options:
            self.focus = min(max(self.focus - event.y, 0), len(self.options) - 1)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for k, o in enumerate(self.options):
                if o.rect.collidepoint(event.pos):
                    return self.choose(k)
        return None

    def update(self, dt: float) -> Scene | None:
        runner = self.play.runner
        self.guard.update(dt)
        runner.pass_busy_time(dt)
        self._absorb()
        self.play.animate(dt)
        if self.sim.open_encounter is not None:
            fresh = self.sim.open_encounter.encounter
            if fresh is not self.encounter:  # a scene replaced what the trainee was reading
                self.guard.arm(SCENE_BEGAN)
                self.answered = ()
            self.encounter = fresh
        if self.sim.finished:
            return self.close()
        card = self.play.dispatch_card(self)
        if card is not None:
            return card
        self.options = self.build_options()
        self.focus = min(self.focus, len(self.options) - 1)
        if self.app.options.autoplay:
            self.waited += dt
            if self.waited >= self.app.autoplay_pause and not self.sim.busy:
                self.waited = 0.0
                if self.sim.open_encounter is None:
                    return self.close()
                self.reactions = []
                runner.bot_act()
                self._absorb()
        return None

    # --- drawing -------------------------------------------------------------------------
    def _heading(self) -> tuple[str, str, str | None]:
        """Title, subtitle and whose portrait to show."""
        sim = self.sim
        opened = sim.open_encounter
        if self.encounter is not None:
            with_ = self.encounter.with_
            names = [sim.residents[sim.index[r]].name for r in with_ if r in sim.index]
            rid = with_[0] if with_ else None
            sub = "Choose how you respond" if opened is not None else "How it went"
            return (" & ".join(names) or "A conversation", sub, rid)
        if self.resident is not None:
            i = self.resident
            trust, fam = float(sim.trust.trust[i]), float(sim.trust.familiarity[i])
            sub = f"Trust {trust:.0f} · {trust_words(trust)} · {familiarity_words(fam)}"
            return (sim.residents[i].name, sub, sim.residents[i].id)
        events = sim.events_here()
        title = event_title(events[0]) if events else "Nearby"
        return (title, sim.places[events[0].place].name if events else "", None)

    def _body(self) -> str:
        opened = self.sim.open_encounter
        if opened is not None:
            return opened.text
        if self.encounter is not None:
            return "The conversation is over."
        events = self.sim.events_here()
        return events[0].text if events else ""

    def _reaction_lines(self, width: int) -> list[tuple[str, RGB]]:
        sim, text, palette = self.sim, self.app.text, self.app.palette
        out: list[tuple[str, RGB]] = []
        if self.answered:  # the tones are told after the answer, never before (not a quiz)
            bad = any(t in NEGATIVE_TAGS for t in self.answered)
            colour = palette.trust_mid if bad else palette.trust_good
            out += [(part, colour) for part in text.wrap(f"Your answer: {tags_said(self.answered)}",
                                                         "small", width)]
        for item in self.reactions[-REACTIONS_SHOWN:]:
            if item.kind == "trust" and item.delta is not None:
                who = sim.residents[item.resident].name if item.resident is not None else ""
                colour = palette.trust_good if item.delta >= 0 else palette.trust_mid
                line = f"{who}: {item.text}" if who else item.text
            else:
                colour = palette.accent_alt if item.kind in ("story", "concern") else palette.text_dim
                line = item.text
            out += [(part, colour) for part in text.wrap(line, "small", width)]
        return out

    def _shown_tags(self, o: Option) -> tuple[str, ...]:
        """A choice's tones before it is made: only for an instructor who turned them on."""
        return o.tags if self.app.settings.show_tags else ()

    def _option_height(self, o: Option, width: int, size: str) -> int:
        text = self.app.text
        p = pad(text)
        lines = len(text.wrap(f"{9}.  {o.label}", size, width - p))
        extra = text.line_height("small") + 4 if (o.detail or self._shown_tags(o)) else 0
        return lines * text.line_height(size) + extra + p // 2 + 4

    def _fit(self, inner: int, max_h: int, body: str) -> Fit:
        """The roomiest arrangement that fits: one column, two columns, then two with smaller text."""
        text, p = self.app.text, pad(self.app.text)
        fit = Fit(False, inner, inner, "body", "body", 0)
        for two, size in ((False, "body"), (True, "body"), (True, "small")):
            left_w = inner * 2 // 5 if two else inner
            right_w = inner - left_w - p if two else inner
            reaction_h = (len(self._reaction_lines(left_w)) + 1) * text.line_height("small")
            body_h = len(text.wrap(body, size, left_w)) * text.line_height(size) if body else 0
            left_h = body_h + reaction_h + p // 2
            right_h = sum(self._option_height(o, right_w, size) for o in self.options)
            height = max(left_h + text.line_height("small"), right_h) if two else left_h + right_h
            fit = Fit(two, left_w, right_w, size, size, height)
            if height <= max_h:
                break
        return Fit(fit.two_columns, fit.left_w, fit.right_w, fit.body_size, fit.option_size,
                   min(fit.height, max_h))

    def draw(self, surface: pygame.Surface) -> None:
        self.play.draw(surface, focus=True)
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        panel_w = min(w - 2 * p, round(900 * text.scale))
        title, sub, rid = self._heading()
        head_h = text.line_height("title") + text.line_height("small") + p // 2
        body = self._body()
        if not self.options:
            self.options = self.build_options()
        inner = panel_w - 2 * p
        footer_h = text.line_height("small") + p // 2
        layout = self.play.hud.layout
        top_limit = layout.bar.bottom + p if layout is not None else p  # keep the clock in view
        fit = self._fit(inner, h - p - top_limit - head_h - footer_h - 2 * p, body)
        extra_footer = 0 if fit.two_columns else footer_h  # two columns: the hint sits under the text
        panel = pygame.Rect(0, 0, panel_w, head_h + fit.height + extra_footer + 2 * p)
        panel.midbottom = (w // 2, h - p)
        self.play.covered_from = panel.y
        app.panels.draw(surface, panel, (*palette.panel[:3], 255), palette.accent)
        self._draw_head(surface, panel, p, title, sub, rid)
        top = panel.y + p + head_h
        hint = self._hint()
        if fit.two_columns:
            hint_lines = text.wrap(hint, "small", fit.left_w)
        else:
            hint_lines = [text.fit(hint, "small", inner)]
        hint_y = panel.bottom - p // 2 - len(hint_lines) * text.line_height("small")
        left_bottom = hint_y if fit.two_columns else panel.bottom - p // 2
        surface.set_clip(pygame.Rect(panel.x, top, panel.w, left_bottom - top))
        y = top
        if body:
            y = draw_lines(surface, text, text.wrap(body, fit.body_size, fit.left_w), fit.body_size,
                           palette.text, panel.x + p, y)
        if self.sim.busy:
            y = draw_lines(surface, text, ["Time passes…"], "small", palette.text_dim, panel.x + p, y)
        for line, colour in self._reaction_lines(fit.left_w):
            if fit.two_columns and y + text.line_height("small") > left_bottom:
                break  # no half lines: the newest reactions are also in the log
            draw_text(surface, text, line, "small", colour, (panel.x + p, y))
            y += text.line_height("small")
        x = panel.x + p + (fit.left_w + p if fit.two_columns else 0)
        y = top if fit.two_columns else y + p // 2
        column = pygame.Rect(x, y, fit.right_w, panel.bottom - p // 2 - y)
        surface.set_clip(column)
        self._draw_options(surface, column, fit.option_size, palette, app.panels)
        surface.set_clip(None)
        colour = palette.trust_mid if self.error else palette.text_dim
        draw_lines(surface, text, hint_lines, "small", colour, panel.x + p, hint_y)

    def _hint(self) -> str:
        """The line at the foot: why the panel holds input, a refusal, or what to press. A waiting
        call comes first, so it shows even when the choices scroll."""
        if self.guard.holding:
            return f"{self.guard.reason}: one moment…"
        if self.error:
            return self.error
        hint = f"1–{min(len(self.options), len(NUMBER_KEYS))} or click to choose"
        if self.hidden_below:
            hint = f"{hint}  ·  {self.hidden_below} more below (↓ or the wheel)"
        waiting = waiting_calls(self.sim)
        if waiting and self.sim.open_encounter is None:
            respond = self.app.settings.first_key("respond")
            return f"{respond} take the call ({waiting[0].short})  ·  {hint}"
        return f"{hint}  ·  the shift waits while you read"

    def _draw_head(self, surface: pygame.Surface, panel: pygame.Rect, p: int, title: str, sub: str,
                   rid: str | None) -> None:
        text, palette = self.app.text, self.app.palette
        x = panel.x + p
        size = text.line_height("title") + text.line_height("small")
        if rid is not None:
            surface.blit(portrait(rid, size), (x, panel.y + p // 2))
            x += size + p // 2
        draw_text(surface, text, text.fit(title, "title", panel.right - p - x), "title", palette.text,
                  (x, panel.y + p // 2))
        draw_text(surface, text, text.fit(sub, "small", panel.right - p - x), "small", palette.accent,
                  (x, panel.y + p // 2 + text.line_height("title")))

    def _draw_options(self, surface: pygame.Surface, column: pygame.Rect, size: str, palette: Palette,
                      panels: PanelPainter) -> None:
        """The choices, scrolled so the focused one is in view when they do not all fit."""
        text = self.app.text
        p = pad(text)
        busy = self.sim.busy
        x, width = column.x, column.w
        heights = [self._option_height(o, width, size) for o in self.options]
        start = sum(heights[: self.focus])
        self.scroll = min(max(self.scroll, start + heights[self.focus] - column.h), start)
        self.scroll = max(0, min(self.scroll, sum(heights) - column.h))
        y = column.y - self.scroll
        self.hidden_below = 0
        for k, o in enumerate(self.options):
            hgt = heights[k] - 4
            full = pygame.Rect(x, y, width, hgt)
            y += hgt + 4
            if not column.contains(full) and k != self.focus:
                o.rect = pygame.Rect(0, 0, 0, 0)  # scrolled out of view, whole: keys and the wheel reach it
                self.hidden_below += full.y > column.y
                continue
            o.rect = full.clip(column)  # what the mouse can hit: the visible part
            lit = k == self.focus and o.enabled and not busy
            fill = (*palette.panel[:3], 255) if not lit else (*palette.panel_edge, 255)
            panels.draw(surface, full, fill, palette.accent if lit else None, radius=6)
            colour = palette.text if o.enabled and not busy else palette.text_dim
            lines = text.wrap(f"{k + 1}.  {o.label}", size, width - p)
            ly = draw_lines(surface, text, lines, size, colour, x + p // 2, full.y + p // 4)
            cx = x + p // 2
            for tag in self._shown_tags(o):
                label, chip_colour = tag_chip(tag, palette)
                if cx + chip_size(text, label)[0] > x + width:
                    break
                cx = draw_chip(surface, text, panels, palette, label, chip_colour, (cx, ly + 2)).right + 6
            if o.detail:
                draw_text(surface, text, text.fit(o.detail, "small", x + width - cx - p // 2), "small",
                          palette.text_dim, (cx, ly + 2))
