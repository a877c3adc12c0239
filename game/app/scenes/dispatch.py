"""The dispatch card: a priority-1 call is a decision, not a reflex.

When the radio brings a priority-1 call the shift stops and this card says
what a dispatcher would: where, how long the window is, how long it takes from
here by car and on foot, and who called. The trainee takes it (a
``RespondToCall`` through the orders, the one door) or finishes what they are
doing first; either way the call stays in the calls panel, and R answers it
from anywhere. The card opened by itself, so it holds input a moment
(``InputGuard``) and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.guard import InputGuard
from game.app.ui.input import command_of
from game.app.ui.widgets import Button, Menu, Veil, draw_lines, draw_text, pad
from game.sim.calls import CallState
from game.sim.queries import heading_to_call, travel_to
from game.sim.simulation import Simulation
from game.tuning import METRES_PER_TILE

if TYPE_CHECKING:
    from game.app.scenes.play import PlayScene

VEIL = (14, 16, 26, 150)
WHY_OPENED = "The radio: priority-1 call. The shift waits while you decide."


@dataclass(frozen=True)
class CallFacts:
    """What a trainee needs to decide about one waiting call, in words."""

    place: str
    left: float  # game minutes until the window closes (negative once late)
    window: str  # "5 min, until 17:35"
    travel: str  # "~1 min by car · ~4 min on foot · 40 m"
    caller: str  # "Earl Washington", or "a neighbor" when nobody known called
    eta: float  # game minutes by the means the officer has now
    on_the_way: bool


def minutes(m: float) -> str:
    return f"~{max(1, round(m))} min"


def call_facts(sim: Simulation, state: CallState) -> CallFacts:
    place = sim.places[state.call.place]
    trip = travel_to(sim, *place.at)
    left = state.time_left(sim.time)
    metres = round(trip.distance) * METRES_PER_TILE
    caller = sim.residents[state.caller].name if state.caller is not None else "a neighbor"
    window = (f"{state.call.window_minutes:g} min, until {sim.scenario.shift.clock(state.deadline)}"
              f" ({max(0, left):.0f} min left)")
    on_foot = "needs the car on scene" if state.call.needs_car else f"{minutes(trip.on_foot)} on foot"
    return CallFacts(place.name, left, window,
                     f"{minutes(trip.by_car)} by car  ·  {on_foot}  ·  {metres} m",
                     caller, trip.to_call(state.call.needs_car, sim.officer.in_car),
                     heading_to_call(sim, state))


def call_summary(sim: Simulation, state: CallState) -> str:
    """One line for a menu: time left and the trip by the means at hand."""
    facts = call_facts(sim, state)
    how = "by car" if sim.officer.in_car or state.call.needs_car else "on foot"
    timing = f"LATE by {-facts.left:.0f} min" if facts.left < 0 else f"{facts.left:.0f} min left"
    going = "  ·  on your way" if facts.on_the_way else ""
    return f"{timing}  ·  {minutes(facts.eta)} {how}{going}"


class DispatchScene(Scene):
    """The card over ``beneath`` (the street, or a conversation); ``call_id`` is the call."""

    def __init__(self, app: App, play: PlayScene, call_id: str, beneath: Scene) -> None:
        self.app = app
        self.play = play
        self.sim = play.sim
        self.call_id = call_id
        self.beneath = beneath
        self.menu = Menu([Button("take", "Take it"), Button("finish", "Finish here first")])
        self.guard = InputGuard()
        self.guard.arm(WHY_OPENED)
        self._veil = Veil(VEIL)

    @property
    def state(self) -> CallState | None:
        return self.sim.call_state(self.call_id)

    def take(self) -> Scene:
        """Head for the call; a conversation beneath closes with the card (the radio wins)."""
        self.app.audio.play("click")
        if not self.play.orders.respond(self.call_id):
            return self.beneath  # refused: the reason is in a toast on the street
        return self.play.back_to_the_street()

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        if self.guard.blocks(event):
            return None
        command = command_of(event, self.app.settings.keys)
        if command == "respond":
            return self.take()
        if command == "back":
            return self.beneath
        choice = self.menu.handle(event, command)
        if choice == "take":
            return self.take()
        if choice == "finish":
            return self.beneath
        return None

    def update(self, dt: float) -> Scene | None:
        """The shift waits; only the street's animation runs. A call gone meanwhile closes the card."""
        self.guard.update(dt)
        for button in self.menu.buttons:
            button.enabled = not self.guard.holding  # greyed while the guard holds
        self.play.animate(dt)
        state = self.state
        if state is None or not state.active or self.sim.finished:
            return self.beneath
        return None

    # --- drawing -------------------------------------------------------------------------
    def rows(self, state: CallState) -> list[tuple[str, str]]:
        facts = call_facts(self.sim, state)
        return [("Where", facts.place), ("Window", facts.window), ("From here", facts.travel),
                ("Called in by", facts.caller)]

    def hint(self) -> str:
        if self.guard.holding:
            return "Opened by the radio: one moment…"
        keys = self.app.settings
        return (f"{keys.first_key('respond')} or Take it to go  ·  {keys.first_key('back')} "
                f"to finish here first")

    def draw(self, surface: pygame.Surface) -> None:
        self.beneath.draw(surface)
        self._veil.draw(surface)
        state = self.state
        if state is None:
            return
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        width = min(w - 2 * p, round(640 * text.scale))
        inner = width - 2 * p
        label_w = max(text.width(label, "small") for label, _ in self.rows(state)) + p
        rows = [(label, text.wrap(value, "body", inner - label_w)) for label, value in self.rows(state)]
        why = text.wrap(WHY_OPENED, "small", inner)
        said = text.wrap(state.call.text, "body", inner)
        hint = text.wrap(self.hint(), "small", inner)
        button_h = text.line_height("body") + p
        lh_small, lh_body = text.line_height("small"), text.line_height("body")
        height = (text.line_height("title") + len(why) * lh_small + p // 2 + len(said) * lh_body + p // 2
                  + sum(len(lines) for _, lines in rows) * lh_body + p + button_h + p // 2
                  + len(hint) * lh_small + 2 * p)
        card = pygame.Rect(0, 0, width, min(h - 2 * p, height))
        card.center = (w // 2, h // 2)
        colour = palette.priority[state.call.priority - 1]
        app.panels.draw(surface, card, (*palette.panel[:3], 250), colour)
        x, y = card.x + p, card.y + p
        surface.set_clip(card)
        draw_text(surface, text, text.fit(f"Priority {state.call.priority} call", "title", inner), "title",
                  colour, (x, y))
        y = draw_lines(surface, text, why, "small", palette.accent, x, y + text.line_height("title"))
        y = draw_lines(surface, text, said, "body", palette.text, x, y + p // 2) + p // 2
        for label, lines in rows:
            draw_text(surface, text, label, "small", palette.text_dim,
                      (x, y + (lh_body - lh_small) // 2))
            y = draw_lines(surface, text, lines, "body", palette.text, x + label_w, y)
        y += p
        half = (inner - p // 2) // 2
        take, finish = self.menu.buttons
        take.rect = pygame.Rect(x, y, half, button_h)
        finish.rect = pygame.Rect(x + inner - half, y, half, button_h)
        self.menu.draw(surface, text, app.panels, palette)
        draw_lines(surface, text, hint, "small", palette.text_dim, x, y + button_h + p // 2)
        surface.set_clip(None)
