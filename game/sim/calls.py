"""Calls for service: what became of each one, from the first ring to the end of the shift.

A call's life: it is *pending* until its minute; then it comes in (*waiting*)
— unless it needs a resident to report it and nobody trusts the police enough
to call (*unreported*). A waiting call is *reached* when the officer arrives,
in time or late, and then *resolved* or left *unresolved* depending on whether
anyone there helps. Left too long it *escalates* into a worse call (which was
*dormant* until then) or another unit *clears* it; a call still waiting when
the shift ends was *missed*.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from game.scenario.model import Call
from game.tuning import Tuning


class CallStatus(str, Enum):
    PENDING = "pending"  # not yet its minute
    DORMANT = "dormant"  # the worse call an unanswered one may turn into
    UNREPORTED = "unreported"  # it happened, but nobody called it in
    WAITING = "waiting"  # came in; nobody there yet
    RESOLVED = "resolved"  # sorted out, with the help of people there
    UNRESOLVED = "unresolved"  # the officer came, but nobody saw anything
    ESCALATED = "escalated"  # left too long: it became a worse call
    CLEARED = "cleared"  # another unit took it
    MISSED = "missed"  # still waiting, past its window, when the shift ended
    HANDED_OVER = "handed over"  # came in so late that the next shift takes it (not scored)

    @property
    def closed(self) -> bool:
        return self in (CallStatus.RESOLVED, CallStatus.UNRESOLVED, CallStatus.ESCALATED,
                        CallStatus.CLEARED, CallStatus.MISSED, CallStatus.UNREPORTED,
                        CallStatus.HANDED_OVER)

    @property
    def came_in(self) -> bool:
        """The radio announced it (the trainee was asked to answer it)."""
        return self not in (CallStatus.PENDING, CallStatus.DORMANT, CallStatus.UNREPORTED)


@dataclass
class CallState:
    call: Call
    caller: int | None = None  # resident index of who called, once it has come in
    status: CallStatus = CallStatus.PENDING
    arrived_at: float | None = None
    late: bool = False  # the window passed before the officer arrived
    helped_by: tuple[int, ...] = ()  # residents who helped on scene
    scene_until: float | None = None  # game minute the officer is done on scene
    worse: CallState | None = None  # the dormant call this one escalates into
    told_needs_car: bool = False  # the feed has said the car is needed here
    closed_at: float | None = None  # game minute it escalated, was cleared or missed, unreached

    @property
    def deadline(self) -> float:
        return self.call.at + self.call.window_minutes

    @property
    def active(self) -> bool:
        """Come in and not yet reached, escalated or taken by another unit."""
        return self.status is CallStatus.WAITING

    @property
    def reached(self) -> bool:
        return self.arrived_at is not None

    @property
    def in_time(self) -> bool:
        return self.arrived_at is not None and not self.late

    @property
    def response_minutes(self) -> float | None:
        return None if self.arrived_at is None else self.arrived_at - self.call.at

    @property
    def waited_minutes(self) -> float | None:
        """How long the caller waited for the officer: until the arrival, or, never reached,
        until the call closed without them (None while it still waits)."""
        end = self.arrived_at if self.arrived_at is not None else self.closed_at
        return None if end is None else end - self.call.at

    @property
    def minutes_late(self) -> float:
        """How long past the window the officer arrived (0 when in time or never)."""
        if self.arrived_at is None:
            return 0.0
        return max(0.0, self.arrived_at - self.deadline)

    def time_left(self, now: float) -> float:
        """Minutes until the window closes (negative once late)."""
        return self.deadline - now

    def credit(self, tuning: Tuning) -> float:
        """What the response earned: 1 in time, 0 never, and in between when late, falling
        fastest for priority 1, where minutes decide what is left to save."""
        if self.arrived_at is None:
            return 0.0
        if not self.late:
            return 1.0
        minutes = tuning.late_credit_minutes * tuning.late_credit_slowdown ** (self.call.priority - 1)
        return tuning.late_credit * math.exp(-self.minutes_late / minutes)
