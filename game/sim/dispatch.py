"""Calls for service: the radio, the response, and what people there do about it.

Trust co-produces safety (Gill et al. 2014; Weisburd et al. 2022): whether a
resident reports a problem at all, and whether anyone on scene helps, is a
logistic in their trust (``cooperation``). A call nobody reports never reaches
the radio, and the problem comes back later as a worse call; a call where
nobody saw anything stays unresolved and the street feels less safe.

Lateness costs in proportion: arriving late earns partial credit and costs the
caller less than never arriving (``CallState.credit``). A call left waiting long
enough escalates into its worse call, or another unit clears it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.calls import CallState, CallStatus
from game.sim.feed import FeedEvent
from game.sim.ledger import Source, SourceKind
from game.sim.movement import Movement
from game.sim.officer import Doing
from game.sim.state import ShiftState


def cooperation(trust: np.ndarray, mid: float, spread: float) -> np.ndarray:
    """Chance that each resident reports or helps: 1/2 at ``mid`` trust, logistic in trust."""
    return 1.0 / (1.0 + np.exp(np.clip(-(trust - mid) / spread, -500.0, 500.0)))


class Dispatch:
    def __init__(self, state: ShiftState, movement: Movement) -> None:
        self.state = state
        self.movement = movement

    # --- queries ----------------------------------------------------------------------
    def call_state(self, call_id: str) -> CallState | None:
        return next((c for c in self.state.calls if c.call.id == call_id), None)

    def active_calls(self) -> list[CallState]:
        """The calls waiting for the officer (``CallState.active``, spelled out: this runs for
        every call every tick)."""
        return [c for c in self.state.calls if c.status is CallStatus.WAITING]

    def witnesses(self, place: str) -> list[int]:
        """Who is near enough to see or help at a place: within witness_radius, else the nearest."""
        state = self.state
        if not state.residents:
            return []
        x, y = state.places[place].at
        d2 = state.people.distance2(x, y)
        near = np.flatnonzero(d2 <= state.tuning.witness_radius ** 2)
        if not len(near):
            near = np.array([int(np.argmin(d2))])
        return [int(i) for i in near[np.argsort(d2[near], kind="stable")]]

    # --- orders -----------------------------------------------------------------------
    def respond(self, a: act.RespondToCall, excuse: bool, end_talk: Callable[[], None]) -> None:
        """Head for the call by the current means; ``excuse`` cuts a conversation short first."""
        state, officer = self.state, self.state.officer
        call = self.call_state(a.call)
        if call is None:
            raise ActionError(f"There is no call {a.call!r}.")
        if not call.active:
            raise ActionError(f"That call is not waiting for a response ({call.status.value}).")
        x, y = state.places[call.call.place].at
        route = self.movement.route_by_current_means(x, y)
        if excuse:
            end_talk()
            officer.busy_until = state.time
            state.say(FeedEvent.INFO, "You excuse yourself to take the call.", at=officer.pos)
        officer.route = route
        officer.set_doing(Doing.DRIVING_TO_CALL if officer.in_car else Doing.WALKING_TO_CALL)

    # --- per tick -----------------------------------------------------------------------
    def calls_come_in(self) -> None:
        state = self.state
        for call in state.calls:
            if call.status is not CallStatus.PENDING or call.call.at > state.time:
                continue
            reporter = self._reporter(call)
            if reporter is None:
                call.status = CallStatus.UNREPORTED
                self._escalate(call)
                state.adjust_safety(state.tuning.safety_unreported * self._scale(call))
                continue
            call.status = CallStatus.WAITING
            call.caller = reporter
            place = state.places[call.call.place]
            state.say(FeedEvent.CALL_IN, f"Priority {call.call.priority} call at {place.name}: "
                      f"{call.call.text}", at=place.at, call=call.call.id)

    def _reporter(self, call: CallState) -> int | None:
        """Who calls it in. A call that needs a reporter comes in only if someone trusts the
        police enough to phone; the others always do (someone who lives there, else the nearest)."""
        state, t = self.state, self.state.tuning
        if not call.call.needs_reporter:
            return self._caller_for(call.call.place)
        seen_by = self.witnesses(call.call.place)
        chances = cooperation(state.trust.trust[seen_by], t.report_trust_mid, t.cooperation_spread)
        for i, chance in zip(seen_by, chances, strict=True):
            if state.rng.random() < chance:
                return i
        return None

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

    def _scale(self, call: CallState) -> float:
        """Lower priorities matter this much less, per level."""
        return float(self.state.tuning.late_priority_scale ** (call.call.priority - 1))

    def _escalate(self, call: CallState) -> None:
        """The worse call this one turns into comes in at its own minute."""
        if call.worse is not None and call.worse.status is CallStatus.DORMANT:
            call.worse.status = CallStatus.PENDING

    def check_calls(self) -> None:
        state, t, now = self.state, self.state.tuning, self.state.time
        for call in self.active_calls():  # none becomes active while they are checked
            spec = call.call
            px, py = state.places[spec.place].at
            place = state.places[spec.place].name
            if self._arrived_at(px, py):
                if not spec.needs_car or state.officer.in_car:
                    self._arrive(call)
                    continue
                self._tell_car_needed(call, place, (px, py))
            if call.worse is not None and now >= call.worse.call.at:
                call.status = CallStatus.ESCALATED
                self._escalate(call)
                self._missed(call, f"Nobody came: the call at {place} got worse.")
            elif not call.late and now > call.deadline:
                call.late = True
                state.say(FeedEvent.CALL_LATE, f"Too late for the call at {place}: "
                          "the window has passed.", at=(px, py), call=spec.id)
            elif now > call.deadline + t.cleared_after_minutes:
                call.status = CallStatus.CLEARED
                self._missed(call, f"Another unit cleared the call at {place}.")

    def _tell_car_needed(self, call: CallState, place: str, at: tuple[int, int]) -> None:
        """Once per call: on scene on foot where only the car's kit or a ride will do."""
        if not call.told_needs_car:
            call.told_needs_car = True
            self.state.say(FeedEvent.CALL_NEEDS_CAR, f"You are at {place} on foot, but this call "
                           "needs the car: the kit is in the trunk. Go back for it.",
                           at=at, call=call.call.id)

    def _arrive(self, call: CallState) -> None:
        """On scene: in time or late, and whether anyone there helps sort it out."""
        state, t, now = self.state, self.state.tuning, self.state.time
        spec = call.call
        px, py = state.places[spec.place].at
        call.arrived_at = now
        credit = call.credit(t)
        if call.caller is not None:
            if not call.late:
                state.contact(call.caller, t.call_in_time_quality, "came quickly",
                              Source(SourceKind.CALL, spec.id))
            else:
                delta = t.gain * t.asymmetry * t.call_missed_quality * (1.0 - credit) * self._scale(call)
                change = state.trust.shift_directly(now, call.caller, delta, "late to the call",
                                                    Source(SourceKind.CALL, spec.id))
                state.feed_change(change)
        present = self.witnesses(spec.place)
        if call.caller is not None and call.caller not in present:
            present.append(call.caller)
        model = state.trust
        standing = model.trust[present] + t.familiarity_help_points * model.familiarity[present]
        # Witnesses drift away while nobody comes (Spelman & Brown 1981): the slower, the fewer.
        stayed = math.exp(-(call.response_minutes or 0.0) / t.witness_patience_minutes)
        chances = cooperation(standing, t.help_trust_mid, t.cooperation_spread) * stayed
        call.helped_by = tuple(i for i, chance in zip(present, chances, strict=True)
                               if state.rng.random() < chance)
        late = " (late)" if call.late else ""
        if call.helped_by:
            call.status = CallStatus.RESOLVED
            state.adjust_safety(t.safety_resolved * credit * self._scale(call))
            names = ", ".join(state.residents[i].name for i in call.helped_by[:2])
            text = f"On scene at {state.places[spec.place].name}{late}: {names} helped sort it out."
            minutes = t.scene_minutes_helped
        else:
            call.status = CallStatus.UNRESOLVED
            state.adjust_safety(t.safety_unresolved * self._scale(call))
            text = (f"On scene at {state.places[spec.place].name}{late}: nobody saw anything, "
                    "and it stays unresolved.")
            minutes = t.scene_minutes_alone
        state.say(FeedEvent.CALL_REACHED, text, at=(px, py), call=spec.id)
        state.officer.route.clear()
        if not state.encounters.fire("call", spec.id):  # a scripted scene is the time on scene
            state.occupy(minutes, Doing.ON_SCENE)

    def _missed(self, call: CallState, text: str) -> None:
        """Never reached: the caller's trust and the street's safety pay the full price."""
        state, t = self.state, self.state.tuning
        call.closed_at = state.time
        if call.caller is not None:
            delta = t.gain * t.asymmetry * t.call_missed_quality * self._scale(call)
            change = state.trust.shift_directly(state.time, call.caller, delta, "nobody came",
                                                Source(SourceKind.CALL, call.call.id))
            state.feed_change(change)
        state.adjust_safety(t.safety_missed * self._scale(call))
        state.say(FeedEvent.CALL_CLEARED, text, at=state.places[call.call.place].at,
                  call=call.call.id)

    def end_of_shift(self) -> None:
        """Calls still waiting: missed if their window has passed, else handed to the next shift."""
        for call in self.state.calls:
            if call.active:
                if call.late:
                    call.status = CallStatus.MISSED
                    self._missed(call, f"The call at {self.state.places[call.call.place].name} "
                                 "was never answered.")
                else:
                    call.status = CallStatus.HANDED_OVER

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
