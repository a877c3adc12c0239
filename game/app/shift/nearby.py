"""What is within the officer's reach right now: people to talk to, events to join.

Read-only questions about the simulation that the play scene, the dialogue
panel and the hint bar all ask.
"""

from __future__ import annotations

import numpy as np

from game.sim.simulation import Simulation


def reachable_residents(sim: Simulation) -> list[int]:
    """Residents the officer could talk to now, nearest first."""
    if not sim.residents:
        return []
    d2 = sim.people.distance2(sim.officer.x, sim.officer.y)
    close = np.flatnonzero(d2 <= (sim.tuning.talk_radius + 1.0) ** 2)
    return [int(i) for i in close[np.argsort(d2[close])] if sim.can_reach(int(i))]


def nearest_resident(sim: Simulation, radius: float) -> int | None:
    """The nearest resident within ``radius`` tiles, reachable or not."""
    if not sim.residents:
        return None
    d2 = sim.people.distance2(sim.officer.x, sim.officer.y)
    i = int(np.argmin(d2))
    return i if d2[i] <= radius ** 2 else None


