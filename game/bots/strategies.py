"""The four strategies: car, walk, balanced, random."""

from __future__ import annotations

import math

import numpy as np

from game.bots.base import Bot
from game.bots.tactics import (
    back_to_car,
    best_choice,
    follow_up_place,
    media_decision,
    resident_to_visit,
    worth_visiting,
    worthwhile_topic,
)
from game.sim import actions as act
from game.sim.actions import Action
from game.sim.queries import heading_to_call, most_urgent_call, travel_to
from game.sim.simulation import Simulation

MAX_SPOT_CANDIDATES = 400  # residents considered when choosing where to park


class CarBot(Bot):
    """Stays in the car: patrols the roads and answers every call fast."""

    name = "car"

    def decide(self, sim: Simulation) -> Action | None:
        if (choice := best_choice(sim)) is not None:
            return choice
        if sim.busy:
            return None
        if not sim.officer.in_car:
            return back_to_car(sim)
        call = most_urgent_call(sim)
        if call is not None:
            return None if heading_to_call(sim, call) else act.RespondToCall(call.call.id)
        if sim.officer.route:
            return None
        roads = sim.grid.drivable.nonzero()
        k = int(self.rng.integers(len(roads[0])))
        return act.DriveTo(int(roads[1][k]), int(roads[0][k]))


class WalkBot(Bot):
    """Parks at once and walks all shift, going to calls on foot."""

    name = "walk"

    def decide(self, sim: Simulation) -> Action | None:
        if (choice := best_choice(sim)) is not None:
            return choice
        call = most_urgent_call(sim)
        if call is not None and not sim.officer.in_car:
            # Answering a call may cut a conversation short; the sim allows that.
            return None if heading_to_call(sim, call) else act.RespondToCall(call.call.id)
        if sim.busy:
            return None
        if sim.officer.in_car:
            return act.Park() if sim.officer.route else act.GetOut()
        return self.on_foot(sim)

    def on_foot(self, sim: Simulation, centre: tuple[float, float] | None = None,
                leash: float = math.inf) -> Action | None:
        """Talk to whoever is here; otherwise walk to the next person or errand."""
        if any(sim.play_counts.get(ev.id, 0) < 2 for ev in sim.events_here("kids_play")):
            return act.JoinPlay()
        if (post := media_decision(sim)) is not None:
            return post
        for i, r in enumerate(sim.residents):
            if sim.can_reach(i) and (talk := worthwhile_topic(sim, r.id)) is not None:
                return talk
        if sim.officer.route:
            return None
        target = self.errand(sim, centre, leash)
        return None if target is None else act.WalkTo(*target)

    def errand(self, sim: Simulation, centre: tuple[float, float] | None,
               leash: float) -> tuple[int, int] | None:
        play = next((sim.places[e.place].at for e in sim.scenario.events
                     if e.kind == "kids_play" and e.start <= sim.time <= e.end
                     and sim.play_counts.get(e.id, 0) < 2), None)
        if play is not None and (centre is None or math.dist(play, centre) <= leash):
            return play
        place = follow_up_place(sim)
        if place is not None and (centre is None or math.dist(place, centre) <= leash):
            return place
        rid = resident_to_visit(sim, centre, leash)
        if rid is not None:
            x, y = sim.resident_pos(sim.index[rid])
            return (round(x), round(y))
        return None


class BalancedBot(WalkBot):
    """Parks near where people are, walks the beat, and takes the car to calls it can't walk to."""

    name = "balanced"
    LEASH = 10.0  # tiles from the car the officer will wander (under 2 minutes' walk back)

    def decide(self, sim: Simulation) -> Action | None:
        if (choice := best_choice(sim)) is not None:
            return choice
        call = most_urgent_call(sim)
        if call is not None:
            if sim.busy:  # excuse yourself first; the next tick decides car or foot
                return act.RespondToCall(call.call.id)
            return self.answer(sim, call)
        if sim.busy:
            return None
        if sim.officer.in_car:
            return self.park_near_people(sim)
        return self.on_foot(sim, sim.officer.car_pos, self.LEASH) or self.return_to_car(sim)

    def answer(self, sim: Simulation, call) -> Action | None:
        """Walk if that is quicker than fetching the car; otherwise back to the car and drive."""
        heading = heading_to_call(sim, call)
        if sim.officer.in_car:
            return None if heading else act.RespondToCall(call.call.id)
        travel = travel_to(sim, *sim.places[call.call.place].at)
        if travel.on_foot <= travel.by_car:
            return None if heading else act.RespondToCall(call.call.id)
        return back_to_car(sim)

    def park_near_people(self, sim: Simulation) -> Action | None:
        """Drive to the road spot nearest to the most residents still worth visiting, then get out."""
        if sim.officer.route:
            return None
        spot = self.busiest_spot(sim)
        if spot is None or math.dist(spot, sim.officer.pos) <= 1.0:
            return act.GetOut()
        return act.DriveTo(*spot)

    def busiest_spot(self, sim: Simulation) -> tuple[int, int] | None:
        """Road tile nearest the place with the most residents still worth a visit."""
        worth = np.array([worth_visiting(sim, i) for i in range(len(sim.residents))], dtype=bool)
        if not worth.any():
            return None
        pos = sim.people.pos[worth][:MAX_SPOT_CANDIDATES]
        d2 = ((pos[:, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
        crowd = (d2 <= (self.LEASH * 0.6) ** 2).sum(axis=1)
        x, y = pos[int(np.argmax(crowd))]
        return sim.grid.nearest((round(x), round(y)), "drive")

    def return_to_car(self, sim: Simulation) -> Action | None:
        """Nobody left to see here: back to the car to move the beat."""
        if sim.officer.route:
            return None
        if sim.officer.distance_to_car() <= 1.4:
            spot = self.busiest_spot(sim)
            if spot is None or math.dist(spot, sim.officer.car_pos) <= self.LEASH * 0.5:
                return None
        return back_to_car(sim)


class RandomBot(Bot):
    """Does random things: a baseline and a fuzzer for the action API."""

    name = "random"

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


BOTS: dict[str, type[Bot]] = {cls.name: cls for cls in (CarBot, WalkBot, BalancedBot, RandomBot)}


def make_bot(name: str, seed: int) -> Bot:
    try:
        return BOTS[name](seed)
    except KeyError:
        from game.errors import UserError

        raise UserError(f"unknown bot {name!r} (known bots: {', '.join(BOTS)})") from None
