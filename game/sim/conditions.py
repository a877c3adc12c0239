"""Whether a scenario's ``requires:`` holds now: the closed set of condition kinds, read off the
shift's state.

A condition is data (``game.scenario.model``), never code: the validator knows every kind,
and here each kind is one line of reading the state — flags set by choices, policies broken,
what became of a scripted call, the clock, who is near the officer, one resident's trust or
familiarity, the events the officer attended. Nothing here changes the state or draws a
random number, so the same shift asks the same question with the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.scenario.model import (
    ANY_POLICY,
    Between,
    CallResult,
    CallWas,
    Condition,
    EventAttended,
    FlagIs,
    Measure,
    PolicyBreached,
    ResidentLevel,
    ResidentPresent,
)

if TYPE_CHECKING:
    from game.sim.state import ShiftState

EPSILON = 1e-9  # float slack, as everywhere the sim compares a level with a threshold


def all_hold(conditions: Iterable[Condition], state: ShiftState) -> bool:
    """Every condition holds now (none: always)."""
    return all(holds(condition, state) for condition in conditions)


def holds(condition: Condition, state: ShiftState) -> bool:
    match condition:
        case FlagIs(flag, is_set):
            return (flag in state.flags) == is_set
        case PolicyBreached(policy, breached):
            broken = any(policy in (ANY_POLICY, b.policy) for b in state.breaches)
            return broken == breached
        case CallWas(call, result):
            return _call_was(state, call, result)
        case Between(start, end):
            return start - EPSILON <= state.time < end - EPSILON
        case ResidentPresent(resident, present):
            i = state.index[resident]
            near = state.officer.distance_to(*state.resident_pos(i)) <= state.tuning.presence_radius
            return near == present
        case ResidentLevel(resident, measure, at_least, at_most):
            i = state.index[resident]
            model = state.trust
            level = float(model.trust[i] if measure is Measure.TRUST else model.familiarity[i])
            return ((at_least is None or level >= at_least - EPSILON)
                    and (at_most is None or level <= at_most + EPSILON))
        case EventAttended(event, played):
            return state.play_counts.get(event, 0) > 0 if played else event in state.attended
    raise TypeError(f"unknown condition {condition!r}")  # pragma: no cover - the spec's closed set


def _call_was(state: ShiftState, call_id: str, result: CallResult) -> bool:
    call = next((c for c in state.calls if c.call.id == call_id), None)
    if call is None or not call.status.came_in:
        return False
    if result is CallResult.IN_TIME:
        return call.in_time
    if result is CallResult.LATE:
        return call.reached and call.late
    return not call.reached and state.time > call.deadline + EPSILON
