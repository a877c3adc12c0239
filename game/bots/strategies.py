"""The strategy family: how the officer moves, which calls they answer, how they talk.

Three ways of moving (stay in the car; park and walk all shift; walk within a
leash of the car and drive to calls too far to walk), three answering
policies (every call, priority 1 only, none) and two exploit probes that
otherwise play like the balanced bot (camping on one porch, greeting everyone
over and over). ``balance`` plays the whole family; ``simulate`` and ``play``
take any member by name. ``car``, ``walk``, ``balanced`` and ``random`` are
the four bots the project always had.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Any

import numpy as np

from game.bots.base import Bot
from game.bots.tactics import (
    TalkedTo,
    back_to_car,
    best_choice,
    busiest_spot,
    follow_up_place,
    media_decision,
    resident_to_visit,
    worthwhile_topic,
)
from game.sim import actions as act
from game.sim.actions import Action
from game.sim.calls import CallState
from game.sim.queries import heading_to_call, most_urgent_call, residents_in_reach, travel_to
from game.sim.simulation import Simulation

BALANCED_LEASH = 5.0  # tiles from the car the balanced officer wanders (about a minute's walk back)
CROWD_SHARE = 0.6  # of the leash: how near residents must be to one another to count as a crowd
MOVE_SHARE = 0.5  # of the leash: how far the crowd must have moved before the car follows it


class Calls(Enum):
    """Which radio calls a strategy answers."""

    ALL = "all calls"
    PRIORITY_1 = "priority 1 only"
    NONE = "no calls"

    def answers(self, call: CallState) -> bool:
        return self is Calls.ALL or (self is Calls.PRIORITY_1 and call.call.priority == 1)


class PatrolBot(Bot):
    """A bot that answers the calls its policy says to, most urgent first."""

    def __init__(self, seed: int, calls: Calls = Calls.ALL) -> None:
        super().__init__(seed)
        self.calls = calls

    def call_to_answer(self, sim: Simulation) -> CallState | None:
        call = most_urgent_call(sim)
        return call if call is not None and self.calls.answers(call) else None


class CarBot(PatrolBot):
    """Stays in the car: patrols the roads and answers calls fast."""

    def decide(self, sim: Simulation) -> Action | None:
        if (choice := best_choice(sim)) is not None:
            return choice
        if sim.busy:
            return None
        if not sim.officer.in_car:
            return back_to_car(sim)
        call = self.call_to_answer(sim)
        if call is not None:
            return None if heading_to_call(sim, call) else act.RespondToCall(call.call.id)
        if sim.officer.route:
            return None
        roads = sim.grid.drivable.nonzero()
        k = int(self.rng.integers(len(roads[0])))
        return act.DriveTo(int(roads[1][k]), int(roads[0][k]))


class WalkBot(PatrolBot):
    """Parks at once and walks all shift, going to calls on foot (so never to one that needs
    the car: standing there without it helps nobody)."""

    follows_up = True  # looks into the worries it hears and reports back

    def __init__(self, seed: int, calls: Calls = Calls.ALL) -> None:
        super().__init__(seed, calls)
        self.talked = TalkedTo()

    def decide(self, sim: Simulation) -> Action | None:
        if (choice := best_choice(sim)) is not None:
            return choice
        call = self.call_to_answer(sim)
        if call is not None and not sim.officer.in_car and not call.call.needs_car:
            # Answering a call may cut a conversation short; the sim allows that.
            return None if heading_to_call(sim, call) else act.RespondToCall(call.call.id)
        if sim.busy:
            return None
        if sim.officer.in_car:
            return act.Park() if sim.officer.route else act.GetOut()
        return self.on_foot(sim)

    def on_foot(self, sim: Simulation, centre: tuple[float, float] | None = None,
                leash: float = math.inf) -> Action | None:
        """Do what can be done here; otherwise walk to the next person or errand."""
        if (here := self.here(sim)) is not None:
            return here
        if sim.officer.route:
            return None
        target = self.errand(sim, centre, leash)
        return None if target is None else act.WalkTo(*target)

    def here(self, sim: Simulation) -> Action | None:
        """Join the kids' game, handle the event's post, or talk to whoever is in reach."""
        if any(sim.play_counts.get(ev.id, 0) < 2 for ev in sim.events_here("kids_play")):
            return act.JoinPlay()
        if (post := media_decision(sim)) is not None:
            return post
        for i in residents_in_reach(sim):
            if (talk := worthwhile_topic(sim, sim.residents[i].id, self.follows_up)) is not None:
                return talk
        return None

    def worth_visiting(self, sim: Simulation) -> np.ndarray:
        """Which residents are worth walking to (one boolean per resident)."""
        return self.talked.worth_visiting(sim)

    def errand(self, sim: Simulation, centre: tuple[float, float] | None,
               leash: float) -> tuple[int, int] | None:
        play = next((sim.places[e.place].at for e in sim.scenario.events
                     if e.kind == "kids_play" and e.start <= sim.time <= e.end
                     and sim.play_counts.get(e.id, 0) < 2), None)
        if play is not None and (centre is None or math.dist(play, centre) <= leash):
            return play
        place = follow_up_place(sim) if self.follows_up else None
        if place is not None and (centre is None or math.dist(place, centre) <= leash):
            return place
        return self.resident_errand(sim, centre, leash)

    def resident_errand(self, sim: Simulation, centre: tuple[float, float] | None,
                        leash: float) -> tuple[int, int] | None:
        rid = resident_to_visit(sim, self.worth_visiting(sim), centre, leash)
        if rid is None:
            return None
        x, y = sim.resident_pos(sim.index[rid])
        return (round(x), round(y))


class LeashBot(WalkBot):
    """Parks near where people are, walks within a leash of the car, drives to calls it can't walk to."""

    def __init__(self, seed: int, calls: Calls = Calls.ALL, leash: float = BALANCED_LEASH) -> None:
        super().__init__(seed, calls)
        self.leash = leash

    def decide(self, sim: Simulation) -> Action | None:
        if (choice := best_choice(sim)) is not None:
            return choice
        call = self.call_to_answer(sim)
        if call is not None:
            if sim.busy:  # excuse yourself first; the next tick decides car or foot
                return act.RespondToCall(call.call.id)
            return self.answer(sim, call)
        if sim.busy:
            return None
        if sim.officer.in_car:
            return self.from_car(sim) or self.park_near_people(sim)
        return self.on_beat(sim)

    def on_beat(self, sim: Simulation) -> Action | None:
        """On foot with no call to answer: work the beat around the car, or move the car."""
        return self.on_foot(sim, sim.officer.car_pos, self.leash) or self.return_to_car(sim)

    def from_car(self, sim: Simulation) -> Action | None:
        """What to do from the car window before parking (this family member: nothing)."""
        return None

    def answer(self, sim: Simulation, call: CallState) -> Action | None:
        """Walk if that is quicker than fetching the car and the call can do without it;
        otherwise back to the car and drive."""
        heading = heading_to_call(sim, call)
        if sim.officer.in_car:
            return None if heading else act.RespondToCall(call.call.id)
        travel = travel_to(sim, *sim.places[call.call.place].at)
        if travel.on_foot <= travel.by_car and not call.call.needs_car:
            return None if heading else act.RespondToCall(call.call.id)
        return back_to_car(sim)

    def park_near_people(self, sim: Simulation) -> Action | None:
        """Drive to the road spot nearest to the most residents still worth visiting, then get out."""
        if sim.officer.route:
            return None
        spot = self.parking_spot(sim)
        if spot is None or math.dist(spot, sim.officer.pos) <= 1.0:
            return act.GetOut()
        return act.DriveTo(*spot)

    def parking_spot(self, sim: Simulation) -> tuple[int, int] | None:
        """Road tile nearest where the most residents worth a visit stand close together."""
        points = sim.people.pos[self.worth_visiting(sim)]
        return busiest_spot(sim, points, self.leash * CROWD_SHARE)

    def return_to_car(self, sim: Simulation) -> Action | None:
        """Nobody left to see here: back to the car to move the beat."""
        if sim.officer.route:
            return None
        if sim.officer.distance_to_car() <= 1.4:
            spot = self.parking_spot(sim)
            if spot is None or math.dist(spot, sim.officer.car_pos) <= self.leash * MOVE_SHARE:
                return None
        return back_to_car(sim)


class ForgetfulBot(LeashBot):
    """As balanced, but never looks into a worry it heard or reports back on one."""

    follows_up = False


class GreetingSpammer(LeashBot):
    """Says hello to everyone, round after round, through the car window too: an exploit probe.

    Each round greets every resident once before anyone is greeted again, so
    the probe covers the whole street rather than one doorstep.
    """

    def worth_visiting(self, sim: Simulation) -> np.ndarray:
        greets = self.talked.times(sim, "greet")
        return greets == greets.min()

    def here(self, sim: Simulation) -> Action | None:
        worth = self.worth_visiting(sim)
        for i in residents_in_reach(sim):
            if worth[i]:
                return act.Talk(sim.residents[i].id, "greet")
        return None

    def from_car(self, sim: Simulation) -> Action | None:
        return None if sim.officer.route else self.here(sim)

    def errand(self, sim: Simulation, centre: tuple[float, float] | None,
               leash: float) -> tuple[int, int] | None:
        return self.resident_errand(sim, centre, leash)


class PorchCamper(LeashBot):
    """Sits on the same porch with the same resident again and again: an exploit probe.

    The host is whoever is home nearest the car at the first decision; between
    visits the officer waits on their porch, leaving only for calls.
    """

    def __init__(self, seed: int, calls: Calls = Calls.ALL, leash: float = BALANCED_LEASH) -> None:
        super().__init__(seed, calls, leash)
        self.host: int | None = None

    def host_of(self, sim: Simulation) -> int:
        if self.host is None:
            d2 = sim.people.distance2(*sim.officer.car_pos)
            home = np.array([sim.people.is_home(i) for i in range(len(sim.residents))], dtype=bool)
            self.host = int(np.argmin(np.where(home, d2, np.inf) if home.any() else d2))
        return self.host

    def porch(self, sim: Simulation) -> tuple[int, int]:
        return sim.places[sim.residents[self.host_of(sim)].home].at

    def parking_spot(self, sim: Simulation) -> tuple[int, int] | None:
        return sim.grid.nearest(self.porch(sim), "drive")

    def on_beat(self, sim: Simulation) -> Action | None:
        host = self.host_of(sim)
        rid = sim.residents[host].id
        if sim.can_reach(host) and any(o.topic == "porch" and o.available
                                       for o in sim.talk_options(rid)):
            return act.Talk(rid, "porch")
        if sim.officer.route or sim.officer.distance_to(*self.porch(sim)) <= sim.tuning.talk_radius:
            return None  # on the way, or waiting on the porch for them
        return act.WalkTo(*self.porch(sim))


class RandomBot(Bot):
    """Does random things: a baseline and a fuzzer for the action API."""

    def decide(self, sim: Simulation) -> Action | None:
        rng = self.rng
        opened = sim.open_encounter
        if opened is not None:
            return act.Choose(int(rng.integers(len(opened.choices))))
        if sim.busy or rng.random() > 0.25:
            return None
        roll = rng.random()
        x, y = int(rng.integers(sim.grid.width)), int(rng.integers(sim.grid.height))
        if roll < 0.2:
            return act.DriveTo(x, y) if sim.officer.in_car else act.WalkTo(x, y)
        if roll < 0.3:
            return act.GetIn() if not sim.officer.in_car else act.GetOut()
        if roll < 0.4 and sim.active_calls():
            return act.RespondToCall(sim.active_calls()[0].call.id)
        if roll < 0.45:
            return act.SocialMedia(str(rng.choice(act.SOCIAL_MEDIA_DECISIONS)))
        if roll < 0.5:
            return act.JoinPlay()
        i = int(rng.integers(len(sim.residents)))
        return act.Talk(sim.residents[i].id, str(rng.choice(act.TALK_TOPICS)))


@dataclass(frozen=True)
class Strategy:
    """A named family member: what it does in a line, and how to build it for a seed."""

    name: str
    about: str
    build: Callable[[int], Bot]


def _member(name: str, about: str, cls: Callable[..., Bot], **params: Any) -> Strategy:
    return Strategy(name, about, partial(cls, **params))


CAR = _member("car", "stays in the car, answers every call", CarBot)
WALK = _member("walk", "parks at once and walks all shift, calls on foot", WalkBot)
BALANCED = _member("balanced", f"walks within {BALANCED_LEASH:g} tiles of the car, answers every call",
                   LeashBot)
RANDOM = _member("random", "does random things", RandomBot)
LEASHES = tuple(_member(f"leash-{leash}", f"walks within {leash} tiles of the car, answers every call",
                        LeashBot, leash=float(leash)) for leash in (0, 2, 10, 20))
P1_CALLS = _member("p1-calls", "as balanced, but answers priority-1 calls only", LeashBot,
                   calls=Calls.PRIORITY_1)
NO_CALLS = _member("no-calls", "as balanced, but answers no calls", LeashBot, calls=Calls.NONE)
PORCH_CAMP = _member("porch-camp", "sits on one porch over and over, answers every call",
                     PorchCamper)
NO_FOLLOW_UP = _member("no-follow-up", "as balanced, but never follows up a worry it heard",
                       ForgetfulBot)
GREET_SPAM = _member("greet-spam", "greets everyone again and again, from the car too",
                     GreetingSpammer)

# How far from the car each strategy that answers every call walks: None never goes back to it.
# `balance` asks that the best of these be neither the shortest nor the unlimited one.
LEASH_LADDER: tuple[tuple[Strategy, float | None], ...] = (
    (LEASHES[0], 0.0), (LEASHES[1], 2.0), (BALANCED, BALANCED_LEASH), (LEASHES[2], 10.0),
    (LEASHES[3], 20.0), (WALK, None))

# What `balance` plays, in the order its table lists them (leash 5 with every call is `balanced`).
FAMILY: tuple[Strategy, ...] = (CAR, WALK, *LEASHES[:2], BALANCED, *LEASHES[2:], P1_CALLS, NO_CALLS,
                                PORCH_CAMP, GREET_SPAM)
BOTS: dict[str, Strategy] = {s.name: s for s in (CAR, WALK, BALANCED, RANDOM, *FAMILY,
                                                 NO_FOLLOW_UP)}


def make_bot(name: str, seed: int) -> Bot:
    try:
        strategy = BOTS[name]
    except KeyError:
        from game.errors import UserError

        raise UserError(f"unknown bot {name!r} (known bots: {', '.join(BOTS)})") from None
    bot = strategy.build(seed)
    bot.name = strategy.name
    return bot
