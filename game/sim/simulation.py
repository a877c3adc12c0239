"""One shift in one neighborhood: the pure, deterministic simulation behind one door.

``Simulation(scenario, seed)`` builds the world; ``step()`` advances it by one
fixed tick of game time; ``apply(action)`` is the only way to change what the
officer does. The UI, the bots and replay all use those two doors, so a
recorded (scenario, seed, [(tick, action)]) reproduces a shift exactly.

``apply`` is all or nothing: every rule is checked before anything changes, so
an action that raises ``ActionError`` leaves the shift exactly as it was (and,
like every refusal, is not recorded). The rules themselves live in one module
per topic — movement, talk, media, dispatch, presence — all working on one
shared ``ShiftState``. No pygame, no I/O, no wall clock; one numpy Generator
owns all randomness.
"""

from __future__ import annotations

import math

import numpy as np

from game.scenario.model import Event, Place, Resident, Scenario
from game.sim import actions as act
from game.sim.actions import ACTION_TYPES, Action, ActionError
from game.sim.calls import CallState
from game.sim.carry import DayCarry, ResidentCarry, carry_out, morning, resume
from game.sim.conversation import Acquaintance, TalkOption
from game.sim.dispatch import Dispatch
from game.sim.encounters import EncounterBook, OpenEncounter
from game.sim.feed import Feed, FeedEvent
from game.sim.grid import Grid
from game.sim.instructor import Instructor
from game.sim.ledger import PolicyBreach, TrustChange
from game.sim.media import Media, MediaMoment, MediaOption
from game.sim.movement import Movement
from game.sim.officer import Officer
from game.sim.presence import Presence
from game.sim.residents import Population
from game.sim.results import ShiftResults, build_results
from game.sim.state import ShiftState
from game.sim.talk import Talk
from game.sim.trust import TrustModel
from game.tuning import Tuning

KNOWN_ACTIONS = frozenset(ACTION_TYPES.values())


class Simulation:
    def __init__(self, scenario: Scenario, seed: int | None = None,
                 carry: DayCarry | None = None) -> None:
        """``carry``: start where the last day of a campaign left the street (game.sim.carry)."""
        self.state = ShiftState(scenario, scenario.seed if seed is None else int(seed))
        self.movement = Movement(self.state)
        self.talk = Talk(self.state)
        self.media_desk = Media(self.state)
        self.dispatch = Dispatch(self.state, self.movement)
        self.presence = Presence(self.state)
        self.instructor = Instructor(self.state)
        self.action_log: list[tuple[int, Action]] = []
        self.history: list[tuple[float, float, float]] = []  # (minute, trust, safety)
        self.carry = carry
        if carry is not None:
            resume(carry, self.state, self.talk)
        self._record_history()
        if carry is not None:
            morning(carry, self.state)  # the night's news is part of the day

    # --- what the shift is made of (read these; change them only through apply) --------
    @property
    def scenario(self) -> Scenario:
        return self.state.scenario

    @property
    def seed(self) -> int:
        return self.state.seed

    @property
    def rng(self) -> np.random.Generator:
        return self.state.rng

    @property
    def tuning(self) -> Tuning:
        return self.state.tuning

    @property
    def dt(self) -> float:
        return self.state.dt

    @property
    def total_ticks(self) -> int:
        return self.state.total_ticks

    @property
    def tick(self) -> int:
        return self.state.tick

    @property
    def grid(self) -> Grid:
        return self.state.grid

    @property
    def places(self) -> dict[str, Place]:
        return self.state.places

    @property
    def residents(self) -> tuple[Resident, ...]:
        return self.state.residents

    @property
    def index(self) -> dict[str, int]:
        return self.state.index

    @property
    def officer(self) -> Officer:
        return self.state.officer

    @property
    def people(self) -> Population:
        return self.state.people

    @property
    def trust(self) -> TrustModel:
        return self.state.trust

    @property
    def known(self) -> list[Acquaintance]:
        return self.state.known

    @property
    def calls(self) -> list[CallState]:
        return self.state.calls

    @property
    def encounters(self) -> EncounterBook:
        return self.state.encounters

    @property
    def feed(self) -> Feed:
        return self.state.feed

    @property
    def breaches(self) -> list[PolicyBreach]:
        return self.state.breaches

    @property
    def safety(self) -> float:
        return self.state.safety

    @property
    def media(self) -> dict[str, MediaMoment]:
        return self.media_desk.moments

    @property
    def play_counts(self) -> dict[str, int]:
        return self.state.play_counts

    @property
    def foot_heat(self) -> np.ndarray:
        return self.presence.foot_heat

    @property
    def car_heat(self) -> np.ndarray:
        return self.presence.car_heat

    # --- time -------------------------------------------------------------------------
    @property
    def time(self) -> float:
        """Game minutes since the shift started."""
        return self.state.time

    @property
    def finished(self) -> bool:
        return self.state.tick >= self.state.total_ticks

    @property
    def minutes_left(self) -> float:
        return max(0.0, self.scenario.shift.minutes - self.time)

    def clock(self) -> str:
        return self.scenario.shift.clock(self.time)

    @property
    def busy(self) -> bool:
        return self.state.busy

    @property
    def neighborhood_trust(self) -> float:
        return self.state.trust.neighborhood_trust()

    def step(self) -> None:
        """Advance one fixed tick of game time."""
        if self.finished:
            return
        state = self.state
        before = state.time
        self.dispatch.calls_come_in()
        self.movement.step()
        state.people.step(before, state.dt)
        self.presence.familiarity()
        self.dispatch.check_calls()
        self.talk.check_follow_up_places()
        self.talk.check_promises()
        self.media_desk.step()
        self.talk.check_triggers()
        state.encounters.fire_due(state.time)
        opened = state.encounters.start_next()
        if opened is not None:
            state.officer.route.clear()
            state.say(FeedEvent.ENCOUNTER, opened.text, at=state.officer.pos)
        state.trust.step(state.dt)
        self.presence.heat()
        state.next_tick()
        self.talk.settle_if_over()  # a talk that just ended counts now
        if self.finished:
            self.talk.settle()  # the shift ends mid-talk: it counts for the minutes spent
            self.dispatch.end_of_shift()
        if math.floor(self.time + 1e-9) > math.floor(before + 1e-9) or self.finished:
            self._record_history()  # once per whole game minute, whatever the tick length

    def run(self, until_tick: int | None = None) -> None:
        end = self.total_ticks if until_tick is None else min(until_tick, self.total_ticks)
        while self.tick < end:
            self.step()

    # --- the action door ------------------------------------------------------------
    def apply(self, action: Action) -> None:
        """Carry out an action now, or raise ActionError saying why not and change nothing."""
        state = self.state
        if self.finished:
            raise ActionError("The shift is over.")
        if type(action) not in KNOWN_ACTIONS:
            raise ActionError(f"Unknown action {action!r}.")
        if isinstance(action, act.INSTRUCTOR_ACTIONS):  # the instructor never waits for the trainee
            self._apply_instructor(action)
            self.action_log.append((state.tick, action))
            return
        choosing = isinstance(action, act.Choose)
        if state.encounters.open is not None and not choosing:
            raise ActionError("Finish the conversation first.")
        # The radio always wins: a call may cut a conversation short (not a car door).
        excuse = state.busy and isinstance(action, act.RespondToCall) and state.interruptible
        if state.busy and not (excuse or choosing):
            raise ActionError(f"You are still busy ({state.officer.activity}) for "
                              f"{state.officer.busy_until - state.time:.0f} more min.")
        match action:
            case act.DriveTo():
                self.movement.drive_to(action)
            case act.WalkTo():
                self.movement.walk_to(action)
            case act.Stop():
                self.movement.stop(action)
            case act.Park():
                self.movement.park(action)
            case act.GetOut():
                self.movement.get_out(action)
            case act.GetIn():
                self.movement.get_in(action)
            case act.RespondToCall():
                self.dispatch.respond(action, excuse, end_talk=self.talk.settle)
            case act.Talk():
                self.talk.talk(action)
            case act.JoinPlay():
                self.talk.join_play(action)
            case act.SocialMedia():
                self.media_desk.decide(action)
            case act.Choose():
                self.talk.choose(action)
        self.action_log.append((state.tick, action))

    def _apply_instructor(self, action: Action) -> None:
        match action:
            case act.InjectCall():
                self.instructor.inject_call(action)
            case act.InjectEvent():
                self.instructor.inject_event(action)
            case act.Flag():
                self.instructor.flag(action)

    # --- questions the UI and the bots ask (read-only) ------------------------------
    def resident_pos(self, i: int) -> tuple[float, float]:
        return self.state.resident_pos(i)

    def can_reach(self, i: int) -> bool:
        """Close enough to talk: on foot beside them, or in the stopped car right by them."""
        return self.talk.can_reach(i)

    def talk_options(self, resident_id: str) -> list[TalkOption]:
        """Every built-in conversation with this resident, and whether it is possible now."""
        return self.talk.talk_options(resident_id)

    def media_options(self, ev: Event) -> list[MediaOption]:
        """The social-media decisions at an event, and whether each is possible now."""
        return self.media_desk.options(ev)

    def places_to_look_into(self) -> list[Place]:
        """Where concerns the officer has heard can be followed up, not yet visited."""
        return self.talk.places_to_look_into()

    def events_here(self, kind: str | None = None) -> list[Event]:
        """Events under way within arrival distance of the officer on foot."""
        return self.state.events_here(kind)

    @property
    def events(self) -> tuple[Event, ...]:
        """The scenario's events and any the instructor started (``InjectEvent``)."""
        return tuple(self.state.events)

    @property
    def open_encounter(self) -> OpenEncounter | None:
        return self.state.encounters.open

    def call_state(self, call_id: str) -> CallState | None:
        return self.dispatch.call_state(call_id)

    def active_calls(self) -> list[CallState]:
        return self.dispatch.active_calls()

    # --- results ----------------------------------------------------------------------------
    def _record_history(self) -> None:
        self.history.append((self.time, self.neighborhood_trust, self.safety))

    def ledger(self) -> list[TrustChange]:
        """Every cause-tagged trust change: contacts as they happened, word of mouth and drift summed.

        The entries add up to each resident's change over the shift.
        """
        return self.state.trust.ledger + self.state.trust.summed_changes(self.time)

    def carry_out(self) -> dict[str, ResidentCarry]:
        """Every resident as the street stands now, for the next day of a campaign."""
        return carry_out(self.carry or DayCarry(1), self.state, self.talk)

    def stories_heard(self) -> int:
        return sum(1 for k in self.known if k.stories_heard > 0)

    def results(self) -> ShiftResults:
        return build_results(self.state, self.presence, self.history[0][1], self.stories_heard())
