"""What an instructor does to a trainee's shift: inject a call or an event, flag a moment.

The instructor's console acts through the same door as the trainee
(``Simulation.apply``), so an injected call or a flag is an action in the
shift's log like any other: the session keeps it, replay re-applies it at the
same tick, and the report shows it. These two actions are accepted even while
the officer is busy or a conversation is open: the instructor does not wait
for the trainee.

An injected call is a copy of one from the scenario's own pool — a scripted
call, or a kind of call a radio generator draws, at one of its places — that
comes in now. Its id is the source's id with ``:instructor-N`` after it, which
neither a scripted slug nor a drawn ``generator:N`` can ever be.

An injected event is one of the scenario's own events starting now at its place,
for as long as it lasts in the scenario. It keeps its id, so what the scenario
ties to that event (an encounter it sets off, an objective to attend it) holds
for the instructor's copy too.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from game.scenario.model import Call, CallGenerator, Event, Place, Scenario
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.state import ShiftState, call_states

MAX_NOTE_CHARS = 500  # a flag's note: a sentence or two for the debrief


@dataclass(frozen=True)
class CallSource:
    """One entry of a scenario's call pool, as the console offers it."""

    source: str  # a scripted call id or a radio generator id
    call_kind: str  # "" for a scripted call; the generator's kind otherwise
    place: str
    label: str


def call_pool(scenario_calls: tuple[Call, ...], radio: tuple[CallGenerator, ...]) -> list[CallSource]:
    """Every call an instructor may inject: each scripted call, and each kind of each radio
    generator at each of its places."""
    pool = [CallSource(c.id, "", c.place, f"P{c.priority} {c.kind} at {c.place}: {c.text}")
            for c in scenario_calls]
    for generator in radio:
        for kind in generator.kinds:
            for place in generator.places:
                pool.append(CallSource(generator.id, kind.kind, place,
                                       f"P{kind.priority} {kind.kind} at {place} ({generator.id})"))
    return pool


@dataclass(frozen=True)
class EventSource:
    """One of a scenario's events, as the console offers it."""

    event: str  # the event's id
    label: str


def event_pool(events: tuple[Event, ...], places: Mapping[str, Place]) -> list[EventSource]:
    """Every event an instructor may start now: each of the scenario's own."""
    return [EventSource(ev.id, f"{ev.kind} at {_place_name(ev.place, places)} "
                               f"({ev.end - ev.start} min): {ev.text}".rstrip(": "))
            for ev in events]


def _place_name(place: str, places: Mapping[str, Place]) -> str:
    return places[place].name if place in places else place


class Instructor:
    def __init__(self, state: ShiftState) -> None:
        self.state = state
        self.injected = 0  # calls injected so far: numbers the next one's id

    def inject_call(self, a: act.InjectCall) -> None:
        """The pool's call comes in at the current minute, as if the radio had it."""
        state = self.state
        template = pool_call(state.scenario, a)
        self.injected += 1
        call = replace(template, id=f"{a.source}:instructor-{self.injected}",
                       at=math.floor(state.time + 1e-9),
                       needs_reporter=False)  # the instructor wants the trainee to get this one
        state.calls.extend(call_states(call))
        state.calls.sort(key=lambda c: (c.call.at, c.call.id))

    def inject_event(self, a: act.InjectEvent) -> None:
        """The scenario's event starts now at its place and lasts as long as it does there."""
        state = self.state
        event = next((ev for ev in state.scenario.events if ev.id == a.event), None)
        if event is None:
            raise ActionError(f"The scenario has no event {a.event!r}.")
        if any(ev.id == event.id and ev.start <= state.time <= ev.end for ev in state.events):
            raise ActionError(f"The event {a.event!r} is already under way.")
        start = math.floor(state.time + 1e-9)
        state.events.append(replace(event, start=start, end=start + event.end - event.start))

    def flag(self, a: act.Flag) -> None:
        """A flag changes nothing in the shift; being in the log is all it is for."""
        if not a.note.strip():
            raise ActionError("A flag needs a note saying what to look at.")
        if len(a.note) > MAX_NOTE_CHARS:
            raise ActionError(f"A flag's note is at most {MAX_NOTE_CHARS} characters.")


def pool_call(scenario: Scenario, a: act.InjectCall) -> Call:
    """The call of the pool ``a`` names, at the place it asks for; ActionError if none.

    The report names an injected call from this too (its place and what dispatch said), so
    what it shows is what the trainee heard on the radio."""
    scripted = next((c for c in scenario.calls if c.id == a.source), None)
    if scripted is not None:
        if a.call_kind or (a.place and a.place != scripted.place):
            raise ActionError(f"The scripted call {a.source!r} has no other kind or place.")
        return scripted
    generator = next((g for g in scenario.radio if g.id == a.source), None)
    if generator is None:
        raise ActionError(f"The scenario has no call or radio {a.source!r}.")
    kind = next((k for k in generator.kinds if k.kind == a.call_kind), None)
    if kind is None:
        raise ActionError(f"The radio {a.source!r} has no kind of call {a.call_kind!r}.")
    if a.place not in generator.places:
        raise ActionError(f"The radio {a.source!r} sends no calls to {a.place!r}.")
    return Call(a.source, 0, a.place, kind.priority, kind.kind, kind.texts[0],
                kind.window_minutes, escalation=kind.escalation, needs_car=kind.needs_car)
