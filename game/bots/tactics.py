"""Small decisions the strategy bots share: answer well, pick a call, pick whom to visit."""

from __future__ import annotations

import math

import numpy as np

from game.sim import actions as act
from game.sim.media import Approval
from game.sim.simulation import Simulation

# Which conversation to have first, and whether to keep having it.
TOPIC_ORDER = ("follow_up", "story", "listen", "porch", "greet")


def best_choice(sim: Simulation) -> act.Choose | None:
    """The highest-quality line of the open encounter (what a good officer would say)."""
    opened = sim.open_encounter
    if opened is None:
        return None
    qualities = [c.quality for c in opened.choices]
    return act.Choose(qualities.index(max(qualities)))


def worthwhile_topic(sim: Simulation, rid: str) -> act.Talk | None:
    """The best conversation to have with a resident now, skipping the ones worn thin."""
    i = sim.index[rid]
    known = sim.known[i]
    resident = sim.residents[i]
    for option in sorted(sim.talk_options(rid), key=lambda o: TOPIC_ORDER.index(o.topic)):
        if not option.available:
            continue
        times = known.times.get(option.topic, 0)
        if option.topic == "listen" and times > len(resident.concerns):
            continue
        if option.topic in ("porch", "greet") and times >= 1:
            continue
        return act.Talk(rid, option.topic, option.concern)
    return None


def follow_up_place(sim: Simulation) -> tuple[int, int] | None:
    """The nearest place where a concern the officer heard can be looked into."""
    places = [place.at for place in sim.places_to_look_into()]
    return min(places, key=lambda at: sim.officer.distance_to(*at), default=None)


def worth_visiting(sim: Simulation, i: int) -> bool:
    """A cheap test of whether ``worthwhile_topic`` would find anything (no menu building)."""
    known, resident = sim.known[i], sim.residents[i]
    times = known.times
    if known.followable() or times.get("greet", 0) == 0:
        return True
    if times.get("listen", 0) <= len(resident.concerns):
        return True
    if known.next_story(resident, sim.trust.familiarity[i]) is not None:
        return True
    return times.get("porch", 0) == 0 and sim.people.is_home(i)


def resident_to_visit(sim: Simulation, centre: tuple[float, float] | None = None,
                      leash: float = math.inf) -> str | None:
    """The closest resident worth talking to (within ``leash`` of ``centre``, if given)."""
    pos = sim.people.pos
    dist = np.hypot(pos[:, 0] - sim.officer.x, pos[:, 1] - sim.officer.y)
    if centre is not None:
        dist = np.where(np.hypot(pos[:, 0] - centre[0], pos[:, 1] - centre[1]) <= leash, dist, np.inf)
    for i in np.argsort(dist, kind="stable"):
        if not np.isfinite(dist[i]):
            return None
        if worth_visiting(sim, int(i)):
            return sim.residents[int(i)].id
    return None


def media_decision(sim: Simulation) -> act.SocialMedia | None:
    """At an event: ask consent, ask approval, post once approved — the careful order."""
    events = sim.events_here()
    if not events:
        return None
    moment = sim.media_desk.moment(events[0].id)
    if not moment.consent:
        return act.SocialMedia("ask_consent")
    if moment.done:
        return None
    if moment.approval is Approval.NONE:
        return act.SocialMedia("ask_approval")
    if moment.approval is Approval.APPROVED:
        return act.SocialMedia("post_now")
    return None


def back_to_car(sim: Simulation) -> act.Action | None:
    """Walk back to the car, or get in once beside it (never re-issuing the same walk)."""
    if sim.officer.distance_to_car() <= 1.4:
        return act.GetIn()
    car = (round(sim.officer.car_x), round(sim.officer.car_y))
    if sim.officer.route and sim.officer.route[-1] == car:
        return None
    return act.WalkTo(*car)
