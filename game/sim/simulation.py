"""One shift in one neighborhood: the pure, deterministic simulation.

``Simulation(scenario, seed)`` builds the world; ``step()`` advances it by one
fixed tick of game time; ``apply(action)`` is the only way to change what the
officer does. The UI, the bots and replay all use those two doors, so a
recorded (scenario, seed, [(tick, action)]) reproduces a shift exactly.
No pygame, no I/O, no wall clock; one numpy Generator owns all randomness.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from game.scenario.model import Event, Place, Resident, Scenario
from game.sim import actions as act
from game.sim.actions import Action, ActionError
from game.sim.calls import CLEARED_AFTER, CallState
from game.sim.conversation import (
    CAR_WINDOW,
    REPEATS_DAMPED,
    RUSHED,
    TOPIC_CAUSE,
    Acquaintance,
    TalkOption,
    tag_cause,
    topic_quality_and_minutes,
)
from game.sim.encounters import EncounterBook, OpenEncounter
from game.sim.feed import Feed, FeedItem
from game.sim.grid import Grid, NoPath
from game.sim.ledger import PolicyBreach, TrustChange
from game.sim.officer import Officer
from game.sim.residents import Population
from game.sim.results import CallOutcome, ResidentOutcome, ShiftResults, evaluate_objectives
from game.sim.trust import TrustModel
from game.tuning import Tuning, tuning_with

CAR_REACH = 1.5  # tiles: how close to the car the officer must be to get in
SOCIAL_POST_QUALITY = 0.3  # a consented, approved post shows the department cares


class MediaMoment:
    """The social-media decision at one event: consent asked, approval state, done."""

    def __init__(self) -> None:
        self.consent = False
        self.approval = "none"  # none | pending | approved
        self.approved_at: float | None = None
        self.done = False


class Simulation:
    def __init__(self, scenario: Scenario, seed: int | None = None) -> None:
        self.scenario = scenario
        self.seed = scenario.seed if seed is None else int(seed)
        self.rng = np.random.default_rng(self.seed)
        self.tuning: Tuning = tuning_with(scenario.tuning)
        self.dt = self.tuning.tick_minutes
        self.total_ticks = math.ceil(scenario.shift.minutes / self.dt - 1e-9)
        self.tick = 0
        self.grid = Grid(scenario.map)
        places = dict(scenario.places_by_id)
        self.places = places
        self.residents: tuple[Resident, ...] = scenario.residents
        self.index = dict(scenario.resident_index)
        self.trust = TrustModel(scenario.residents, scenario.ties, self.index, self.tuning,
                                scenario.shift.minutes)
        self.people = Population(scenario.residents, places, self.grid, self.tuning.resident_speed,
                                 self.rng)
        sx, sy = scenario.map.car_spawn
        self.officer = Officer(float(sx), float(sy), float(sx), float(sy))
        self.calls = [CallState(c) for c in sorted(scenario.calls, key=lambda c: (c.at, c.id))]
        self.encounters = EncounterBook(scenario.encounters)
        self.known = [Acquaintance() for _ in scenario.residents]
        self.media: dict[str, MediaMoment] = {}
        self._to_look_into: list[tuple[int, str, Place]] = []  # concerns heard, place not yet visited
        self.play_counts: dict[str, int] = {}  # event id -> times the officer joined the game
        self._interruptible = True  # whether the current busy spell may be cut short for a call
        self.breaches: list[PolicyBreach] = []
        self.feed = Feed()
        self.action_log: list[tuple[int, Action]] = []
        self.safety = self.tuning.safety_start
        self.history: list[tuple[float, float, float]] = []  # (minute, trust, safety)
        self.foot_heat = np.zeros((self.grid.height, self.grid.width), dtype=np.float64)
        self.car_heat = np.zeros_like(self.foot_heat)
        self._record_history()

    # --- time -------------------------------------------------------------------------
    @property
    def time(self) -> float:
        """Game minutes since the shift started."""
        return self.tick * self.dt

    @property
    def finished(self) -> bool:
        return self.tick >= self.total_ticks

    @property
    def minutes_left(self) -> float:
        return max(0.0, self.scenario.shift.minutes - self.time)

    def clock(self) -> str:
        return self.scenario.shift.clock(self.time)

    @property
    def busy(self) -> bool:
        return self.time < self.officer.busy_until - 1e-9

    @property
    def neighborhood_trust(self) -> float:
        return self.trust.neighborhood_trust()

    def step(self) -> None:
        """Advance one fixed tick of game time."""
        if self.finished:
            return
        now, dt = self.time, self.dt
        self._calls_come_in(now)
        if not self.busy and self.encounters.open is None:
            speed = self.tuning.car_speed if self.officer.in_car else self.tuning.walk_speed
            self.officer.advance(speed * dt)
            if not self.officer.route and self.officer.activity.startswith(("driving", "walking")):
                self.officer.activity = "parked" if self.officer.in_car else "on foot"
        self.people.step(now, dt)
        self._presence(dt)
        self._check_calls(now)
        self._check_follow_up_places(now)
        self._check_media(now)
        self._check_triggers()
        opened = self.encounters.start_next()
        if opened is not None:
            self.officer.route.clear()
            self._say(now, "encounter", opened.node.text, at=self.officer.pos)
        self.trust.step(dt)
        self._heat(dt)
        self.tick += 1
        if math.floor(self.time + 1e-9) > math.floor(now + 1e-9) or self.finished:
            self._record_history()  # once per whole game minute, whatever the tick length

    def run(self, until_tick: int | None = None) -> None:
        end = self.total_ticks if until_tick is None else min(until_tick, self.total_ticks)
        while self.tick < end:
            self.step()

    # --- the action door ------------------------------------------------------------
    def apply(self, action: Action) -> None:
        """Carry out an action now, or raise ActionError saying why it is not possible."""
        if self.finished:
            raise ActionError("The shift is over.")
        handler = self._handlers().get(type(action))
        if handler is None:
            raise ActionError(f"Unknown action {action!r}.")
        if self.encounters.open is not None and not isinstance(action, act.Choose):
            raise ActionError("Finish the conversation first.")
        if self.busy and isinstance(action, act.RespondToCall) and self._interruptible:
            self.officer.busy_until = self.time
            self._say(self.time, "info", "You excuse yourself to take the call.", at=self.officer.pos)
        if self.busy and not isinstance(action, act.Choose):
            raise ActionError(f"You are still busy ({self.officer.activity}) for "
                              f"{self.officer.busy_until - self.time:.0f} more min.")
        handler(action)
        self.action_log.append((self.tick, action))

    def _handlers(self) -> dict[type, Callable]:
        return {
            act.DriveTo: self._drive_to, act.Park: self._park, act.GetOut: self._get_out,
            act.GetIn: self._get_in, act.WalkTo: self._walk_to, act.Stop: self._stop,
            act.RespondToCall: self._respond, act.Talk: self._talk, act.JoinPlay: self._join_play,
            act.SocialMedia: self._social_media, act.Choose: self._choose,
        }

    # --- movement ---------------------------------------------------------------------
    def _officer_tile(self, layer: str) -> tuple[int, int]:
        return self.grid.nearest((round(self.officer.x), round(self.officer.y)), layer)

    def _route(self, x: float, y: float, layer: str) -> list[tuple[int, int]]:
        if not self.grid.inside(x, y):
            raise ActionError("That is off the map.")
        goal = self.grid.nearest((round(x), round(y)), layer)
        try:
            route = self.grid.route(self._officer_tile(layer), goal, layer)
        except NoPath as exc:
            raise ActionError("There is no way to get there from here.") from exc
        return route

    def _drive_to(self, a: act.DriveTo) -> None:
        if not self.officer.in_car:
            raise ActionError("You are on foot. Walk back to the car and get in to drive.")
        self.officer.route = self._route(a.x, a.y, "drive")
        self.officer.activity = "driving"

    def _walk_to(self, a: act.WalkTo) -> None:
        if self.officer.in_car:
            raise ActionError("You are in the car. Park and get out to walk.")
        self.officer.route = self._route(a.x, a.y, "walk")
        self.officer.activity = "walking"

    def _stop(self, _: act.Stop) -> None:
        if not self.officer.route:
            raise ActionError("You are not moving.")
        self.officer.route.clear()
        self.officer.activity = "parked" if self.officer.in_car else "on foot"

    def _park(self, _: act.Park) -> None:
        if not self.officer.in_car:
            raise ActionError("You are on foot; the car is already parked.")
        self.officer.route.clear()
        self.officer.activity = "parked"

    def _get_out(self, _: act.GetOut) -> None:
        if not self.officer.in_car:
            raise ActionError("You are already on foot.")
        if self.officer.route:
            raise ActionError("Park the car first.")
        self.officer.in_car = False
        self._occupy(self.tuning.door_minutes, "getting out of the car", interruptible=False)
        self._say(self.time, "info", "Parked and on foot.", at=self.officer.pos)

    def _get_in(self, _: act.GetIn) -> None:
        if self.officer.in_car:
            raise ActionError("You are already in the car.")
        if self.officer.distance_to_car() > CAR_REACH:
            raise ActionError("The car is too far away. Walk back to it first.")
        self.officer.route.clear()
        self.officer.in_car = True
        self.officer.x, self.officer.y = self.officer.car_pos
        self._occupy(self.tuning.door_minutes, "getting into the car", interruptible=False)

    def _respond(self, a: act.RespondToCall) -> None:
        state = self.call_state(a.call)
        if state is None:
            raise ActionError(f"There is no call {a.call!r}.")
        if state.status != "waiting":
            raise ActionError(f"Call {a.call} is not waiting for a response ({state.status}).")
        x, y = self.places[state.call.place].at
        if self.officer.in_car:
            self.officer.route = self._route(x, y, "drive")
            self.officer.activity = "driving to a call"
        else:
            self.officer.route = self._route(x, y, "walk")
            self.officer.activity = "walking to a call"

    def _occupy(self, minutes: float, activity: str, interruptible: bool = True) -> None:
        """Time spent adds up: lines answered in quick succession still each take their minutes.

        A conversation can be cut short to answer a call (the radio always
        wins); getting in or out of the car cannot.
        """
        self.officer.busy_until = max(self.officer.busy_until, self.time) + minutes
        self.officer.activity = activity
        self._interruptible = interruptible

    # --- conversations ----------------------------------------------------------------
    def resident_pos(self, i: int) -> tuple[float, float]:
        return (float(self.people.pos[i, 0]), float(self.people.pos[i, 1]))

    def can_reach(self, i: int) -> bool:
        """Close enough to talk: on foot beside them, or in the stopped car right by them."""
        x, y = self.resident_pos(i)
        d = self.officer.distance_to(x, y)
        if self.officer.in_car:
            return not self.officer.route and d <= self.tuning.talk_radius + 1.0
        return d <= self.tuning.talk_radius

    def _p1_waiting(self) -> bool:
        return any(c.active and c.call.priority == 1 for c in self.calls)

    def talk_options(self, resident_id: str) -> list[TalkOption]:
        """Every built-in conversation with this resident, and whether it is possible now."""
        i = self._resident(resident_id)
        r, known, fam = self.residents[i], self.known[i], self.trust.familiarity[i]
        in_car = self.officer.in_car
        car_only = "Get out of the car for this." if in_car else ""
        options = [TalkOption("greet", f"Say hello to {r.name}", True)]
        listen_reason = car_only
        options.append(TalkOption("listen", "Ask what's on their mind", not listen_reason,
                                  listen_reason))
        story = known.next_story(r, fam)
        if known.stories_heard >= len(r.story):
            story_reason = "They have told you their story." if r.story else "They keep to themselves."
        elif story is None:
            need = r.story[known.stories_heard].familiarity
            story_reason = f"They don't know you well enough yet ({fam:.2f} of {need:.2f})."
        else:
            story_reason = car_only
        options.append(TalkOption("story", "Ask about their life", not story_reason, story_reason))
        for cid in known.followable():
            options.append(TalkOption("follow_up", f"Report back: {self._concern(r, cid).text}",
                                      not in_car, car_only, concern=cid))
        porch_reason = car_only or ("" if self.people.is_home(i) else "They are not on their porch.")
        options.append(TalkOption("porch", "Sit with them on the porch", not porch_reason,
                                  porch_reason))
        return options

    @staticmethod
    def _concern(r: Resident, cid: str):
        return next(c for c in r.concerns if c.id == cid)

    def _resident(self, rid: str) -> int:
        try:
            return self.index[rid]
        except KeyError:
            raise ActionError(f"There is nobody called {rid!r} here.") from None

    def _talk(self, a: act.Talk) -> None:
        i = self._resident(a.resident)
        r = self.residents[i]
        if not self.can_reach(i):
            raise ActionError(f"{r.name} is too far away to talk to.")
        option = next((o for o in self.talk_options(a.resident)
                       if o.topic == a.topic and (a.topic != "follow_up" or o.concern == a.concern)),
                      None)
        if option is None:
            raise ActionError(f"You can't do '{a.topic}' with {r.name} now.")
        if not option.available:
            raise ActionError(option.reason)
        quality, minutes = topic_quality_and_minutes(a.topic, self.tuning)
        known = self.known[i]
        cause = TOPIC_CAUSE[a.topic]
        if a.topic in REPEATS_DAMPED:
            quality *= self.tuning.repeat_damping ** known.times.get(a.topic, 0)
        known.times[a.topic] = known.times.get(a.topic, 0) + 1
        if self.officer.in_car:
            quality *= self.tuning.car_talk_factor
            cause += CAR_WINDOW
        if self._p1_waiting():
            quality *= self.tuning.rushed_factor
            cause += RUSHED
        now = self.time
        self._contact(i, quality, cause, f"talk:{a.topic}")
        factor = self.tuning.car_window_factor if self.officer.in_car else 1.0
        self.trust.add_familiarity(i, self.tuning.familiarity_per_talk_minute * minutes * factor)
        if a.topic == "listen":
            self._hear_concern(i)
        elif a.topic == "story":
            text = known.next_story(r, self.trust.familiarity[i])
            known.stories_heard += 1
            self._say(now, "story", f"{r.name}: {text}", resident=i, at=self.resident_pos(i))
        elif a.topic == "follow_up":
            known.concerns_done.add(a.concern or "")
        self._occupy(minutes, f"talking with {r.name}")

    def _hear_concern(self, i: int) -> None:
        r, known = self.residents[i], self.known[i]
        for concern in r.concerns:
            if concern.id not in known.concerns_heard:
                known.concerns_heard.append(concern.id)
                if concern.follow_up is None:
                    known.concerns_checked.add(concern.id)
                else:
                    self._to_look_into.append((i, concern.id, self.places[concern.follow_up]))
                where = (f" (look into it at {self.places[concern.follow_up].name})"
                         if concern.follow_up else "")
                self._say(self.time, "concern", f"{r.name} is worried: {concern.text}{where}",
                          resident=i, at=self.resident_pos(i))
                return

    def places_to_look_into(self) -> list[Place]:
        """Where concerns the officer has heard can be followed up, not yet visited."""
        return [place for _, _, place in self._to_look_into]

    def _check_follow_up_places(self, now: float) -> None:
        radius = self.tuning.arrival_radius
        for i, cid, place in list(self._to_look_into):
            if self.officer.distance_to(*place.at) <= radius:
                self._to_look_into.remove((i, cid, place))
                self.known[i].concerns_checked.add(cid)
                self._say(now, "concern", f"You looked into it at {place.name}. "
                          f"Tell {self.residents[i].name}.", resident=i, at=place.at)

    def events_here(self, kind: str | None = None) -> list[Event]:
        """Events under way within arrival distance of the officer on foot."""
        if self.officer.in_car:
            return []
        now, radius = self.time, self.tuning.arrival_radius
        return [ev for ev in self.scenario.events
                if ev.start <= now <= ev.end and (kind is None or ev.kind == kind)
                and self.officer.distance_to(*self.places[ev.place].at) <= radius]

    def _near_place(self, place: str) -> np.ndarray:
        x, y = self.places[place].at
        d2 = self.people.distance2(x, y)
        return np.flatnonzero(d2 <= self.tuning.presence_radius ** 2)

    def _join_play(self, _: act.JoinPlay) -> None:
        events = self.events_here("kids_play")
        if not events:
            raise ActionError("There is no kids' game under way here. Walk to one first.")
        ev = events[0]
        quality, minutes = topic_quality_and_minutes("play", self.tuning)
        key = f"play:{ev.id}"
        quality *= self.tuning.repeat_damping ** self.play_counts.get(ev.id, 0)
        self.play_counts[ev.id] = self.play_counts.get(ev.id, 0) + 1
        for i in self._near_place(ev.place):
            self._contact(int(i), quality, TOPIC_CAUSE["play"], key)
            self.trust.add_familiarity(int(i), self.tuning.familiarity_per_talk_minute * minutes)
        self._occupy(minutes, "playing with the kids")

    def _social_media(self, a: act.SocialMedia) -> None:
        if a.decision not in act.SOCIAL_MEDIA_DECISIONS:
            raise ActionError(f"Unknown decision {a.decision!r}.")
        events = self.events_here()
        if not events:
            raise ActionError("There is nothing here to post about.")
        ev = events[0]
        moment = self.media.setdefault(ev.id, MediaMoment())
        if moment.done:
            raise ActionError("You already made your decision about posting this.")
        policy = self.scenario.policies.get("social_media")
        needs_approval = policy is not None and policy.on_duty_needs_approval
        present = [int(i) for i in self._near_place(ev.place)]
        now = self.time
        if a.decision == "ask_consent":
            if moment.consent:
                raise ActionError("You already asked for their consent.")
            moment.consent = True
            for i in present:
                self._contact(i, self.tuning.consent_quality, "asked before filming", "media:consent",
                              ("respect",))
        elif a.decision == "ask_approval":
            if moment.approval != "none":
                raise ActionError("You already asked the media office.")
            if needs_approval:
                moment.approval, moment.approved_at = "pending", now + self.tuning.approval_minutes
                self._say(now, "policy", "You asked the media office for approval to post.")
            else:
                moment.approval = "approved"
                self._say(now, "policy", "Policy here lets you post without approval.")
        elif a.decision == "post_now":
            moment.done = True
            if needs_approval and moment.approval != "approved":
                self._breach("social_media", "posted on duty without media-office approval")
            for i in present:
                if moment.consent:
                    self._contact(i, SOCIAL_POST_QUALITY, "posted with their consent", "media:post",
                                  ("trustworthy_motives",))
                else:
                    self._contact(i, self.tuning.post_without_consent_quality,
                                  "posted them without asking", "media:post", ("disrespect",))
        else:
            moment.done = True
            self._say(now, "info", "You put the phone away and stayed in the moment.")
        self._occupy(1.0, "deciding about a post")

    def _check_media(self, now: float) -> None:
        for moment in self.media.values():
            if moment.approval == "pending" and moment.approved_at is not None \
                    and now >= moment.approved_at:
                moment.approval = "approved"
                self._say(now, "policy", "The media office approved your post.")

    def _choose(self, a: act.Choose) -> None:
        opened = self.encounters.open
        if opened is None:
            raise ActionError("No conversation is waiting for an answer.")
        if not 0 <= a.index < len(opened.choices):
            raise ActionError(f"Choose 1 to {len(opened.choices)}.")
        choice = opened.choices[a.index]
        enc = opened.encounter
        minutes = self.tuning.choice_minutes
        for rid in enc.with_:
            i = self.index[rid]
            self._contact(i, choice.quality, tag_cause(choice.tags), f"encounter:{enc.id}",
                          choice.tags)
            self.trust.add_familiarity(i, self.tuning.familiarity_per_talk_minute * minutes)
        if choice.violates:
            self._breach(choice.violates, f'said "{choice.say}"')
        self.encounters.advance(choice)
        if self.encounters.open is not None:
            self._say(self.time, "encounter", self.encounters.open.node.text, at=self.officer.pos)
        self._occupy(minutes, "in conversation")

    @property
    def open_encounter(self) -> OpenEncounter | None:
        return self.encounters.open

    # --- calls, triggers, presence ------------------------------------------------------
    def call_state(self, call_id: str) -> CallState | None:
        return next((c for c in self.calls if c.call.id == call_id), None)

    def active_calls(self) -> list[CallState]:
        return [c for c in self.calls if c.active]

    def _calls_come_in(self, now: float) -> None:
        for state in self.calls:
            if state.status == "pending" and state.call.at <= now:
                state.status = "waiting"
                state.caller = self._caller_for(state.call.place)
                place = self.places[state.call.place]
                self._say(now, "call", f"Priority {state.call.priority} call at {place.name}: "
                          f"{state.call.text}", at=place.at, call=state.call.id)

    def _caller_for(self, place: str) -> int | None:
        """Who called: someone who lives there, else whoever is nearest to it right now."""
        for i, r in enumerate(self.residents):
            if r.home == place:
                return i
        if not self.residents:
            return None
        x, y = self.places[place].at
        d2 = self.people.distance2(x, y)
        return int(np.argmin(d2))

    def _check_calls(self, now: float) -> None:
        t = self.tuning
        for state in self.calls:
            if state.status != "waiting":
                continue
            call = state.call
            px, py = self.places[call.place].at
            scale = t.late_priority_scale ** (call.priority - 1)
            if self._arrived_at(px, py):
                state.arrived_at = now
                state.status = "reached"
                if not state.late:
                    self._adjust_safety(t.safety_in_time * scale)
                    if state.caller is not None:
                        self._contact(state.caller, t.call_in_time_quality, "came quickly",
                                      f"call:{call.id}")
                self._say(now, "call", f"Arrived at call {call.id} after "
                          f"{state.response_minutes:.0f} min"
                          f"{' (late)' if state.late else ''}.", at=(px, py), call=call.id)
                self.encounters.fire("call", call.id)
            elif not state.late and now > state.deadline:
                state.late = True
                self._adjust_safety(t.safety_late * scale)
                if state.caller is not None:
                    delta = t.gain * t.asymmetry * t.call_late_quality * scale
                    change = self.trust.shift_directly(now, state.caller, delta, "late to the call",
                                                       f"call:{call.id}")
                    self._feed_change(change)
                self._say(now, "call", f"Too late for call {call.id}: the window has passed.",
                          at=(px, py), call=call.id)
            elif now > state.deadline + CLEARED_AFTER:
                state.status = "cleared"
                self._say(now, "call", f"Another unit cleared call {call.id}.", at=(px, py),
                          call=call.id)

    def _adjust_safety(self, delta: float) -> None:
        self.safety = min(100.0, max(0.0, self.safety + delta))

    def _arrived_at(self, x: int, y: int) -> bool:
        """Within arrival distance, or stopped as close as the car (or feet) can get."""
        if self.officer.distance_to(x, y) <= self.tuning.arrival_radius:
            return True
        if self.officer.route:
            return False
        layer = "drive" if self.officer.in_car else "walk"
        nx, ny = self.grid.nearest((x, y), layer)
        return self.officer.distance_to(nx, ny) <= 0.5

    def _check_triggers(self) -> None:
        if self.officer.in_car:
            return
        for ev in self.events_here():
            self.encounters.fire("event", ev.id)
        for enc in self.encounters.resident_triggered:
            if enc.id in self.encounters.done:
                continue
            i = self.index[enc.trigger.target]
            if self.trust.familiarity[i] >= enc.trigger.familiarity_at_least - 1e-9 and \
                    self.can_reach(i):
                self.encounters.fire("resident", enc.trigger.target)

    def _presence(self, dt: float) -> None:
        t = self.tuning
        d2 = self.people.distance2(self.officer.x, self.officer.y)
        near = d2 <= t.presence_radius ** 2
        if near.any():
            factor = t.car_window_factor if self.officer.in_car else 1.0
            self.trust.add_presence(near, t.presence_per_minute * dt * factor)

    def _heat(self, dt: float) -> None:
        x = min(max(round(self.officer.x), 0), self.grid.width - 1)
        y = min(max(round(self.officer.y), 0), self.grid.height - 1)
        (self.car_heat if self.officer.in_car else self.foot_heat)[y, x] += dt

    def _record_history(self) -> None:
        self.history.append((self.time, self.neighborhood_trust, self.safety))

    # --- recording ------------------------------------------------------------------------
    def _contact(self, i: int, quality: float, cause: str, source: str,
                 tags: tuple[str, ...] = ()) -> TrustChange:
        change = self.trust.contact(self.time, i, quality, cause, source, tags)
        self._feed_change(change)
        return change

    def _feed_change(self, change: TrustChange) -> None:
        self.feed.add(FeedItem(change.time, "trust", f"{change.delta:+.0f} trust · {change.cause}",
                               resident=change.resident, delta=change.delta,
                               at=self.resident_pos(change.resident), cause=change.cause))

    def _breach(self, policy: str, what: str) -> None:
        self.breaches.append(PolicyBreach(self.time, policy, what))
        text = self.scenario.policies[policy].text if policy in self.scenario.policies else ""
        self._say(self.time, "policy", f"Policy breach ({policy}): {what}. {text}".strip())

    def _say(self, now: float, kind: str, text: str, resident: int | None = None,
             at: tuple[float, float] | None = None, call: str | None = None) -> None:
        self.feed.add(FeedItem(now, kind, text, resident=resident, at=at, call=call))

    # --- results ----------------------------------------------------------------------------
    def ledger(self) -> list[TrustChange]:
        """Every cause-tagged trust change: contacts as they happened, word of mouth and drift summed.

        The entries add up to each resident's change over the shift.
        """
        return self.trust.ledger + self.trust.summed_changes(self.time)

    def stories_heard(self) -> int:
        return sum(1 for k in self.known if k.stories_heard > 0)

    def results(self) -> ShiftResults:
        calls = tuple(
            CallOutcome(s.call.id, s.call.priority, s.call.place, s.call.at, s.response_minutes,
                        s.in_time)
            for s in self.calls if s.status != "pending"
        )
        reached = [c.response_minutes for c in calls if c.response_minutes is not None]
        trust = self.neighborhood_trust
        objectives, score = evaluate_objectives(
            self.scenario.objectives, trust=trust, stories_heard=self.stories_heard(), calls=calls)
        residents = tuple(
            ResidentOutcome(r.id, r.name, float(self.trust.start_trust[i]),
                            float(self.trust.trust[i]), float(self.trust.familiarity[i]),
                            self.known[i].stories_heard, len(self.known[i].concerns_done))
            for i, r in enumerate(self.residents)
        )
        return ShiftResults(
            scenario=self.scenario.id, seed=self.seed, trust=trust,
            trust_start=self.history[0][1], safety=self.safety, score=score,
            mean_response_minutes=(sum(reached) / len(reached)) if reached else None,
            calls_total=len(calls), calls_in_time=sum(c.in_time for c in calls),
            stories_heard=self.stories_heard(), foot_minutes=float(self.foot_heat.sum()),
            car_minutes=float(self.car_heat.sum()), objectives=objectives, residents=residents,
            calls=calls, breaches=tuple(f"{b.policy}: {b.what}" for b in self.breaches),
        )
