"""One resident's shift, seen from their porch: the car going by versus the officer on the steps.

The resident-side view (``scenes.porch``) shows a workshop audience the same
encounter twice. Its figures come from the shift itself: minutes the patrol
car and the officer on foot spent within sight of the resident's home (the
simulation's heat maps), and the resident's own trust changes from
``sim.ledger()``, split into what was said through a car window and what
happened face to face. No pygame: the numbers are tested without a window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from game.sim.ledger import TrustChange
from game.sim.simulation import Simulation

SIGHT_TILES = 4  # a porch sees this many tiles up and down the street (a few house lots)
TITLES = ("Rev.", "Reverend", "Deacon", "Dr.", "Mr.", "Mrs.", "Ms.", "Miss", "Pastor", "Officer")


@dataclass(frozen=True)
class PorchStory:
    resident: int  # index into sim.residents
    name: str
    short_name: str  # "Loretta", "Lupe": what a neighbor would call them
    car_minutes: float  # the patrol car within sight of their porch
    foot_minutes: float  # the officer on foot within sight of it
    car_contacts: int  # words through the car window
    car_trust: float  # trust those moved
    foot_contacts: int  # conversations, games and answers face to face
    foot_trust: float
    foot_causes: tuple[str, ...]  # what happened face to face, most trust first
    trust_start: float
    trust_now: float
    finished: bool  # the shift is over (figures are final, not "so far")


def short_name(name: str) -> str:
    """A quoted nickname, else the first name after any title: 'Guadalupe "Lupe" Soto' -> 'Lupe'."""
    quoted = re.search(r'"([^"]+)"', name)
    if quoted:
        return quoted.group(1)
    words = [w for w in name.split() if w not in TITLES]
    return words[0] if words else name


def _near_home(sim: Simulation, i: int, heat: np.ndarray) -> float:
    x, y = sim.places[sim.residents[i].home].at
    return float(heat[max(0, y - SIGHT_TILES): y + SIGHT_TILES + 1,
                      max(0, x - SIGHT_TILES): x + SIGHT_TILES + 1].sum())


def direct_contacts(sim: Simulation, i: int) -> tuple[list[TrustChange], list[TrustChange]]:
    """(through the car window, face to face): resident ``i``'s own direct trust changes."""
    car: list[TrustChange] = []
    foot: list[TrustChange] = []
    for change in sim.ledger():
        if change.resident == i and change.in_person:
            (car if change.through_car_window else foot).append(change)
    return car, foot


def porch_story(sim: Simulation, i: int) -> PorchStory:
    car, foot = direct_contacts(sim, i)
    causes: dict[str, float] = {}
    for change in foot:
        causes[change.label] = causes.get(change.label, 0.0) + change.delta
    r = sim.residents[i]
    return PorchStory(
        resident=i, name=r.name, short_name=short_name(r.name),
        car_minutes=_near_home(sim, i, sim.car_heat), foot_minutes=_near_home(sim, i, sim.foot_heat),
        car_contacts=len(car), car_trust=sum(c.delta for c in car),
        foot_contacts=len(foot), foot_trust=sum(c.delta for c in foot),
        foot_causes=tuple(sorted(causes, key=lambda k: -abs(causes[k]))),
        trust_start=float(sim.trust.start_trust[i]), trust_now=float(sim.trust.trust[i]),
        finished=sim.finished,
    )


def featured_resident(sim: Simulation, prefer: int | None = None) -> int | None:
    """Whose porch to show: ``prefer`` if given, else whoever the officer met most, else the
    resident nearest the officer (someone is always on a porch); None on an empty street."""
    if prefer is not None:
        return prefer
    if not sim.residents:
        return None
    met = np.zeros(len(sim.residents))
    for change in sim.ledger():
        if change.in_person:
            met[change.resident] += abs(change.delta)
    if met.max() > 0:
        return int(np.argmax(met))
    return int(np.argmin(sim.people.distance2(sim.officer.x, sim.officer.y)))
