"""Small decisions the strategy bots share: answer well, pick a call, pick whom to visit."""

from __future__ import annotations

import math

from game.sim import actions as act
from game.sim.calls import CallState
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


def most_urgent_call(sim: Simulation) -> CallState | None:
    waiting = sim.active_calls()
    if not waiting:
        return None
    return min(waiting, key=lambda c: (c.call.priority, c.deadline, c.call.id))


def heading_to_call(sim: Simulation, call: CallState) -> bool:
    route = sim.officer.route
    if not route:
        return False
    px, py = sim.places[call.call.place].at
    gx, gy = route[-1]
    return math.hypot(gx - px, gy - py) <= sim.tuning.arrival_radius + 1.5


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
    best, best_d = None, math.inf
    for i, known in enumerate(sim.known):
        resident = sim.residents[i]
        for cid in known.concerns_heard:
            if cid in known.concerns_checked:
                continue
            concern = next(c for c in resident.concerns if c.id == cid)
            at = sim.places[concern.follow_up].at if concern.follow_up else None
            if at is None:
                continue
            d = sim.officer.distance_to(*at)
            if d < best_d:
                best, best_d = at, d
    return best


def resident_to_visit(sim: Simulation, centre: tuple[float, float] | None = None,
                      leash: float = math.inf) -> str | None:
    """The closest resident worth talking to (within ``leash`` of ``centre``, if given)."""
    ox, oy = sim.officer.pos
    best, best_d = None, math.inf
    for i, r in enumerate(sim.residents):
        x, y = sim.resident_pos(i)
        if centre is not None and math.hypot(x - centre[0], y - centre[1]) > leash:
            continue
        d = math.hypot(x - ox, y - oy)
        if d < best_d and worthwhile_topic(sim, r.id) is not None:
            best, best_d = r.id, d
    return best


def media_decision(sim: Simulation) -> act.SocialMedia | None:
    """At an event: ask consent, ask approval, post once approved — the careful order."""
    events = [e for e in sim.scenario.events if e.start <= sim.time <= e.end
              and sim.officer.distance_to(*sim.places[e.place].at) <= sim.tuning.arrival_radius]
    if not events or sim.officer.in_car:
        return None
    moment = sim.media.get(events[0].id)
    if moment is None or not moment.consent:
        return act.SocialMedia("ask_consent")
    if moment.done:
        return None
    if moment.approval == "none":
        return act.SocialMedia("ask_approval")
    if moment.approval == "approved":
        return act.SocialMedia("post_now")
    return None
