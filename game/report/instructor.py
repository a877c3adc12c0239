"""The instructor's marks on a shift, read back from its action log for the report.

Injected calls and events and flags are actions like the trainee's (``game.sim.instructor``),
so the recording already holds them with their tick; this turns them into
moments on the shift's clock for the report's timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from game.scenario.model import Scenario
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.instructor import pool_call
from game.tuning import tuning_with


class MomentKind(str, Enum):
    FLAG = "flag"
    CALL = "injected call"
    EVENT = "started event"


@dataclass(frozen=True)
class InstructorMoment:
    minute: float  # game minutes after the shift started
    clock: str  # "HH:MM" on the shift's clock
    kind: MomentKind
    text: str  # the flag's note, the call's place and what dispatch said, or the event's


def instructor_moments(action_log: Sequence[tuple[int, act.Action]],
                       scenario: Scenario) -> tuple[InstructorMoment, ...]:
    """Every flag and injected call of a shift, in the order they happened.

    The debrief, the session report and the class report all read them from here."""
    dt = tuning_with(scenario.tuning).tick_minutes
    moments = []
    for tick, action in action_log:
        minute = tick * dt
        if isinstance(action, act.Flag):
            moments.append(InstructorMoment(minute, scenario.shift.clock(minute), MomentKind.FLAG,
                                            action.note))
        elif isinstance(action, act.InjectCall):
            moments.append(InstructorMoment(minute, scenario.shift.clock(minute), MomentKind.CALL,
                                            _call_words(action, scenario)))
        elif isinstance(action, act.InjectEvent):
            moments.append(InstructorMoment(minute, scenario.shift.clock(minute), MomentKind.EVENT,
                                            _event_words(action, scenario)))
    return tuple(moments)


def _event_words(action: act.InjectEvent, scenario: Scenario) -> str:
    """Where the event was and what the scenario says of it."""
    event = next((ev for ev in scenario.events if ev.id == action.event), None)
    if event is None:
        return "an event from the scenario"
    place = scenario.places_by_id.get(event.place)
    return f"{place.name if place else 'a place off the map'}: {event.text}".rstrip(": ")


def _call_words(action: act.InjectCall, scenario: Scenario) -> str:
    """Where the call was and what dispatch said: the trainee's words for it, never an id."""
    try:
        call = pool_call(scenario, action)
    except ActionError:  # a scenario changed since: the log still says where
        return "a call from the scenario's pool"
    place = scenario.places_by_id.get(call.place)
    return f"{place.name if place else 'a place off the map'}: {call.text}"
