"""The instructor's marks on a shift, read back from its action log for the report.

Injected calls and flags are actions like the trainee's (``game.sim.instructor``),
so the recording already holds them with their tick; this turns them into
moments on the shift's clock for the report's timeline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from game.scenario.model import Scenario
from game.sim import actions as act
from game.tuning import tuning_with


class MomentKind(str, Enum):
    FLAG = "flag"
    CALL = "injected call"


@dataclass(frozen=True)
class InstructorMoment:
    minute: float  # game minutes after the shift started
    kind: MomentKind
    text: str  # the flag's note, or which call of the pool came in


def instructor_moments(action_log: Sequence[tuple[int, act.Action]],
                       scenario: Scenario) -> list[InstructorMoment]:
    """Every flag and injected call of a shift, in the order they happened."""
    dt = tuning_with(scenario.tuning).tick_minutes
    places = {p.id: p.name for p in scenario.places}
    scripted = {c.id: c for c in scenario.calls}
    moments = []
    for tick, action in action_log:
        if isinstance(action, act.Flag):
            moments.append(InstructorMoment(tick * dt, MomentKind.FLAG, action.note))
        elif isinstance(action, act.InjectCall):
            call = scripted.get(action.source)
            kind, place = (call.kind, call.place) if call else (action.call_kind, action.place)
            moments.append(InstructorMoment(tick * dt, MomentKind.CALL,
                                            f"{kind} at {places.get(place, place)}"))
    return moments
