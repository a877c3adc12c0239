"""Calls for service: they come in over the radio, the officer answers, in time or late.

A call waits from its minute until the officer arrives (in time, or late once
its window has passed) or, long after, another unit clears it. Arriving in
time earns the caller's trust and raises perceived safety; a late arrival
costs both, less for lower priorities.
"""

from __future__ import annotations

import numpy as np

from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.calls import CallState
from game.sim.feed import FeedEvent
from game.sim.ledger import Source, SourceKind
from game.sim.movement import Movement
from game.sim.officer import Doing
from game.sim.state import ShiftState


class Dispatch:
    def __init__(self, state: ShiftState, movement: Movement) -> None:
        self.state = state
        self.movement = movement

    # --- queries ----------------------------------------------------------------------
    def call_state(self, call_id: str) -> CallState | None:
        return next((c for c in self.state.calls if c.call.id == call_id), None)

    def active_calls(self) -> list[CallState]:
        return [c for c in self.state.calls if c.active]

    # --- orders -----------------------------------------------------------------------
    def respond(self, a: act.RespondToCall, excuse: bool) -> None:
        """Head for the call by the current means; ``excuse`` cuts a conversation short first."""
        state, officer = self.state, self.state.officer
        call = self.call_state(a.call)
        if call is None:
            raise ActionError(f"There is no call {a.call!r}.")
        if call.status != "waiting":
            raise ActionError(f"That call is not waiting for a response ({call.status}).")
        x, y = state.places[call.call.place].at
        route = self.movement.route_by_current_means(x, y)
        if excuse:
            officer.busy_until = state.time
            state.say(FeedEvent.INFO, "You excuse yourself to take the call.", at=officer.pos)
        officer.route = route
        officer.set_doing(Doing.DRIVING_TO_CALL if officer.in_car else Doing.WALKING_TO_CALL)

    # --- per tick -----------------------------------------------------------------------
    def calls_come_in(self) -> None:
        state = self.state
        for call in state.calls:
            if call.status == "pending" and call.call.at <= state.time:
                call.status = "waiting"
                call.caller = self._caller_for(call.call.place)
                place = state.places[call.call.place]
                state.say(FeedEvent.CALL_IN, f"Priority {call.call.priority} call at {place.name}: "
                          f"{call.call.text}", at=place.at, call=call.call.id)

    def _caller_for(self, place: str) -> int | None:
        """Who called: someone who lives there, else whoever is nearest to it right now."""
        state = self.state
        for i, r in enumerate(state.residents):
            if r.home == place:
                return i
        if not state.residents:
            return None
        x, y = state.places[place].at
        return int(np.argmin(state.people.distance2(x, y)))

    def check_calls(self) -> None:
        state, t, now = self.state, self.state.tuning, self.state.time
        for call in state.calls:
            if call.status != "waiting":
                continue
            spec = call.call
            px, py = state.places[spec.place].at
            place = state.places[spec.place].name
            scale = t.late_priority_scale ** (spec.priority - 1)
            if self._arrived_at(px, py):
                call.arrived_at = now
                call.status = "reached"
                if not call.late:
                    state.adjust_safety(t.safety_in_time * scale)
                    if call.caller is not None:
                        state.contact(call.caller, t.call_in_time_quality, "came quickly",
                                      Source(SourceKind.CALL, spec.id))
                late = " (late)" if call.late else ""
                state.say(FeedEvent.CALL_REACHED, f"Arrived at {place} after "
                          f"{call.response_minutes:.0f} min{late}.", at=(px, py), call=spec.id)
                state.encounters.fire("call", spec.id)
            elif not call.late and now > call.deadline:
                call.late = True
                state.adjust_safety(t.safety_late * scale)
                if call.caller is not None:
                    delta = t.gain * t.asymmetry * t.call_late_quality * scale
                    change = state.trust.shift_directly(now, call.caller, delta, "late to the call",
                                                        Source(SourceKind.CALL, spec.id))
                    state.feed_change(change)
                state.say(FeedEvent.CALL_LATE, f"Too late for the call at {place}: "
                          "the window has passed.", at=(px, py), call=spec.id)
            elif now > call.deadline + t.cleared_after_minutes:
                call.status = "cleared"
                state.say(FeedEvent.CALL_CLEARED, f"Another unit cleared the call at {place}.",
                          at=(px, py), call=spec.id)

    def _arrived_at(self, x: int, y: int) -> bool:
        """Within arrival distance, or stopped as close as the car (or feet) can get."""
        state, officer = self.state, self.state.officer
        if officer.distance_to(x, y) <= state.tuning.arrival_radius:
            return True
        if officer.route:
            return False
        layer = "drive" if officer.in_car else "walk"
        nx, ny = state.grid.nearest((x, y), layer)
        return officer.distance_to(nx, ny) <= state.tuning.arrival_slack
