"""Everything one shift knows, shared by the topic modules that change it.

The simulation is split by topic (movement, talk, media, dispatch, presence),
each a small class holding the rules of its topic. They all read and write one
``ShiftState``: the clock, the officer, the residents, the trust model, the
calls and the feed. The state offers the few verbs every topic needs — say
something in the feed, record a contact, keep the officer busy — so a trust
change is recorded the same way whichever topic caused it.
"""

from __future__ import annotations

import math

import numpy as np

from game.scenario.model import Call, Condition, Event, Resident, Scenario
from game.sim.calls import CallState, CallStatus
from game.sim.conditions import all_hold
from game.sim.conversation import Acquaintance
from game.sim.encounters import EncounterBook
from game.sim.feed import Feed, FeedEvent, FeedItem
from game.sim.grid import Grid
from game.sim.ledger import PolicyBreach, Source, SourceKind, TrustChange, points
from game.sim.officer import Doing, Officer
from game.sim.radio import draw_calls, radio_rng
from game.sim.residents import Population
from game.sim.trust import TrustModel
from game.tuning import Tuning, tuning_with

Point = tuple[float, float]
EVENT_CELL = 8  # tiles: events are filed by the 8x8-tile cell of their place, to find the near ones
FEW_EVENTS = 16  # up to this many events, testing each is cheaper than finding the near cells


def shift_calls(scenario: Scenario, seed: int) -> list[CallState]:
    """The scripted calls and the radio's draw for this seed, each with the worse call it
    may turn into (dormant until then), in the order they come in."""
    drawn = draw_calls(scenario.radio, scenario.shift.minutes, radio_rng(seed))
    calls = [state for call in (*scenario.calls, *drawn) for state in call_states(call)]
    calls.sort(key=lambda c: (c.call.at, c.call.id))
    return calls


def call_states(call: Call) -> list[CallState]:
    """A call and the worse call it may turn into (dormant until then), if it has one."""
    state = CallState(call)
    worse = call.escalated()
    if worse is None:
        return [state]
    state.worse = CallState(worse, status=CallStatus.DORMANT)
    return [state.worse, state]


class ShiftState:
    def __init__(self, scenario: Scenario, seed: int) -> None:
        self.scenario = scenario
        self.seed = seed
        self.rng = np.random.default_rng(seed)
        self.tuning: Tuning = tuning_with(scenario.tuning)
        self.dt = self.tuning.tick_minutes
        self.total_ticks = math.ceil(scenario.shift.minutes / self.dt - 1e-9)
        self.tick = 0
        self.time = 0.0  # game minutes since the shift started: tick × dt, set as the tick moves
        self.grid = Grid(scenario.map)
        self.places = dict(scenario.places_by_id)
        self.residents: tuple[Resident, ...] = scenario.residents
        self.index = dict(scenario.resident_index)
        self.trust = TrustModel(scenario.residents, scenario.ties, self.index, self.tuning)
        self.people = Population(scenario.residents, self.places, self.grid, self.tuning, self.rng)
        sx, sy = scenario.map.car_spawn
        self.officer = Officer(float(sx), float(sy), float(sx), float(sy))
        self.calls = shift_calls(scenario, seed)
        self.encounters = EncounterBook(scenario.encounters, self.holds)
        self.flags: set[str] = set()  # set by choices (``sets``), read by ``requires``
        self.events: list[Event] = list(scenario.events)  # and those the instructor started
        self._event_cells: dict[tuple[int, int], list[int]] = {}  # cell -> indices into events
        self._events_filed = 0  # how many of self.events are filed there (the rest came since)
        self.attended: set[str] = set()  # events the officer was at on foot while under way
        self.play_counts: dict[str, int] = {}  # event id -> times the officer joined the game
        self.known = [Acquaintance() for _ in scenario.residents]
        self.breaches: list[PolicyBreach] = []
        self.off_duty_rules = False  # a campaign day: last evening's choices could break a rule
        self.feed = Feed()
        self.safety = self.tuning.safety_start
        self.interruptible = True  # whether the current busy spell may be cut short for a call

    # --- the clock ------------------------------------------------------------------
    def next_tick(self) -> None:
        """The clock moves on one tick. ``time`` is kept beside ``tick`` rather than computed
        on each read: the rules read it tens of times a tick."""
        self.tick += 1
        self.time = self.tick * self.dt

    @property
    def busy(self) -> bool:
        return self.time < self.officer.busy_until - 1e-9

    def occupy(self, minutes: float, doing: Doing, with_whom: str = "",
               interruptible: bool = True) -> None:
        """Time spent adds up: lines answered in quick succession still each take their minutes.

        A conversation can be cut short to answer a call (the radio always
        wins); getting in or out of the car cannot.
        """
        self.officer.busy_until = max(self.officer.busy_until, self.time) + minutes
        self.officer.set_doing(doing, with_whom)
        self.interruptible = interruptible

    # --- where people are ---------------------------------------------------------------
    def resident_pos(self, i: int) -> Point:
        return (float(self.people.pos[i, 0]), float(self.people.pos[i, 1]))

    def near_place(self, place: str) -> list[int]:
        """Residents within presence distance of a place (the crowd at an event)."""
        x, y = self.places[place].at
        d2 = self.people.distance2(x, y)
        return [int(i) for i in np.flatnonzero(d2 <= self.tuning.presence_radius ** 2)]

    def events_here(self, kind: str | None = None) -> list[Event]:
        """Events under way within arrival distance of the officer on foot."""
        if self.officer.in_car:
            return []
        now, radius, officer = self.time, self.tuning.arrival_radius, self.officer
        candidates = (self.events if len(self.events) <= FEW_EVENTS
                      else self._events_near(officer.x, officer.y, radius))
        return [ev for ev in candidates
                if ev.start <= now <= ev.end and (kind is None or ev.kind == kind)
                and officer.distance_to(*self.places[ev.place].at) <= radius]

    def _events_near(self, x: float, y: float, radius: float) -> list[Event]:
        """Events whose place lies in a cell that the square ``radius`` around (x, y) touches,
        in the order of ``events``: every event within ``radius`` and a few more, so the
        exact test runs on a handful on a big map asked every tick."""
        for i in range(self._events_filed, len(self.events)):
            px, py = self.places[self.events[i].place].at
            self._event_cells.setdefault((px // EVENT_CELL, py // EVENT_CELL), []).append(i)
        self._events_filed = len(self.events)
        cells = self._event_cells
        xs = range(math.floor((x - radius) / EVENT_CELL), math.floor((x + radius) / EVENT_CELL) + 1)
        ys = range(math.floor((y - radius) / EVENT_CELL), math.floor((y + radius) / EVENT_CELL) + 1)
        found = [i for cx in xs for cy in ys for i in cells.get((cx, cy), ())]
        if len(found) > 1:
            found.sort()
        return [self.events[i] for i in found]

    def holds(self, conditions: tuple[Condition, ...]) -> bool:
        """Whether a scenario's ``requires`` holds now (a method, so the state still pickles)."""
        return all_hold(conditions, self)

    def priority_one_waiting(self) -> bool:
        return any(c.active and c.call.priority == 1 for c in self.calls)

    def adjust_safety(self, delta: float) -> None:
        self.safety = min(100.0, max(0.0, self.safety + delta))

    # --- recording ------------------------------------------------------------------------
    def contact(self, i: int, quality: float, cause: str, source: Source,
                tags: tuple[str, ...] = (), *, through_car_window: bool = False,
                rushed: bool = False, refusal: str = "") -> TrustChange:
        """Record a contact; a bad enough one in person makes them turn away for a while.

        ``refusal`` says what put them off ("you posted them without asking").
        """
        change = self.trust.contact(self.time, i, quality, cause, source, tags,
                                    through_car_window=through_car_window, rushed=rushed)
        self.feed_change(change)
        t = self.tuning
        if quality <= t.refusal_quality and change.in_person:
            known = self.known[i]
            known.refuses_until = self.time + t.refusal_minutes
            known.refusal_reason = refusal or f"of how it went ({cause})"
        return change

    def feed_change(self, change: TrustChange) -> None:
        self.feed.add(FeedItem(change.time, FeedEvent.TRUST,
                               f"{points(change.delta)} trust · {change.label}",
                               resident=change.resident, at=self.resident_pos(change.resident),
                               change=change))

    def policy_at_stake(self) -> bool:
        """Whether this shift offered a way to break a policy: a rule broken, an encounter line
        that breaks one, an event (the social-media moment) under a rule that posting on duty
        needs approval, or a campaign evening before it. Without one, keeping to policy is no
        judgment, and the score leaves its part out."""
        posting = bool(self.events) and self.scenario.posting_needs_approval
        return (bool(self.breaches) or self.off_duty_rules or posting
                or self.scenario.has_policy_choices)

    def breach(self, policy: str, what: str) -> None:
        """Record a breach; whoever stands near sees it (if the policy says how it lands), and
        the follow-ups it triggers (the sergeant, the media office) are scheduled."""
        self.breaches.append(PolicyBreach(self.time, policy, what))
        rule = self.scenario.policies.get(policy)
        text = rule.text if rule is not None else ""
        name = policy.replace("_", " ")
        self.say(FeedEvent.BREACH, f"Broke the {name} policy: {what}. {text}".strip())
        if rule is not None and rule.witness_quality is not None:
            x, y = self.officer.pos
            near = np.flatnonzero(self.people.distance2(x, y) <= self.tuning.presence_radius ** 2)
            for i in near:
                self.contact(int(i), rule.witness_quality, f"saw you break the {name} policy",
                             Source(SourceKind.WITNESSED, policy),
                             refusal=f"they saw you break the {name} policy")
        self.encounters.schedule("breach", policy, self.time)

    def set_flags(self, flags: tuple[str, ...]) -> None:
        """Flags a choice sets; the follow-ups waiting on a flag newly set are scheduled."""
        for flag in flags:
            if flag not in self.flags:
                self.flags.add(flag)
                self.encounters.schedule("flag", flag, self.time)

    def say(self, event: FeedEvent, text: str, resident: int | None = None,
            at: Point | None = None, call: str | None = None) -> None:
        self.feed.add(FeedItem(self.time, event, text, resident=resident, at=at, call=call))
