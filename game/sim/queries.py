"""Read-only questions about a shift that the UI and the bots both ask.

Who is within reach, which call is most urgent, whether the officer is already
on the way, how long it would take to get somewhere by car or on foot. They
live here, beside the simulation, so the front end never has to import bot
code to ask them and the two can never disagree. Nothing here changes the sim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.sim.calls import CallState
from game.sim.simulation import Simulation

REACH_SLACK = 0.01  # tiles: the vector pre-filter keeps anyone the exact test might accept


def residents_in_reach(sim: Simulation) -> list[int]:
    """Residents the officer could talk to now, in resident order.

    One vector test over everyone with a little slack, then the sim's own
    ``can_reach`` on the few left, so the answer is exactly the sim's.
    """
    reach = sim.talk.reach() + REACH_SLACK
    near = (sim.people.distance2(sim.officer.x, sim.officer.y) <= reach ** 2).nonzero()[0]
    return [i for i in near.tolist() if sim.can_reach(i)]


def reachable_residents(sim: Simulation) -> list[int]:
    """Residents the officer could talk to now, nearest first."""
    d2 = sim.people.distance2(sim.officer.x, sim.officer.y)
    return sorted(residents_in_reach(sim), key=lambda i: d2[i])


def nearest_resident(sim: Simulation, radius: float) -> int | None:
    """The nearest resident within ``radius`` tiles, reachable or not."""
    if not sim.residents:
        return None
    d2 = sim.people.distance2(sim.officer.x, sim.officer.y)
    i = int(np.argmin(d2))
    return i if d2[i] <= radius ** 2 else None


def most_urgent_call(sim: Simulation) -> CallState | None:
    """The waiting call to answer first: highest priority, then the window closing soonest."""
    waiting = sim.active_calls()
    if not waiting:
        return None
    return min(waiting, key=lambda c: (c.call.priority, c.deadline, c.call.id))


def heading_to_call(sim: Simulation, call: CallState) -> bool:
    """Whether the officer's current route ends at the call's place."""
    route = sim.officer.route
    if not route:
        return False
    px, py = sim.places[call.call.place].at
    gx, gy = route[-1]
    # A route ends on the nearest road or walkable tile, up to a tile and a half from the place.
    return math.hypot(gx - px, gy - py) <= sim.tuning.arrival_radius + 1.5


@dataclass(frozen=True)
class Travel:
    """Straight-line estimates, in game minutes, of getting somewhere from where the officer is."""

    on_foot: float  # walking (getting out of the car first, if in it)
    by_car: float  # driving (walking back to the car and getting in first, if on foot)
    distance: float  # tiles, as the crow flies

    def by_current_means(self, in_car: bool) -> float:
        return self.by_car if in_car else self.on_foot

    def to_call(self, needs_car: bool, in_car: bool) -> float:
        """Minutes to reach a call: by the means at hand, or by car (back to it first when on
        foot) when the call needs the car."""
        return self.by_car if needs_car else self.by_current_means(in_car)


def travel_to(sim: Simulation, x: float, y: float) -> Travel:
    t, officer = sim.tuning, sim.officer
    distance = officer.distance_to(x, y)
    if officer.in_car:
        return Travel(t.door_minutes + distance / t.walk_speed, distance / t.car_speed, distance)
    walk = distance / t.walk_speed
    drive = (officer.distance_to_car() / t.walk_speed + t.door_minutes
             + math.dist(officer.car_pos, (x, y)) / t.car_speed)
    return Travel(walk, drive, distance)

