"""Small decisions the strategy bots share: answer well, pick a call, pick whom to visit."""

from __future__ import annotations

import math

import numpy as np

from game.sim import actions as act
from game.sim.media import Approval
from game.sim.simulation import Simulation

# Which conversation to have first, and whether to keep having it.
TOPIC_ORDER = ("follow_up", "story", "listen", "porch", "greet")
MAX_SPOT_CANDIDATES = 400  # residents considered when choosing where to park
BAND_SLACK = 1e-9  # relative: the sweep's band keeps every pair the exact test might accept


def best_choice(sim: Simulation) -> act.Choose | None:
    """The highest-quality line of the open encounter (what a good officer would say)."""
    opened = sim.open_encounter
    if opened is None:
        return None
    qualities = [c.quality for c in opened.choices]
    return act.Choose(qualities.index(max(qualities)))


def worthwhile_topic(sim: Simulation, rid: str, follow_up: bool = True) -> act.Talk | None:
    """The best conversation to have with a resident now, skipping the ones worn thin.

    A careful officer never presses: a topic that could backfire (they do not
    know the officer well enough for it yet) waits, and a story they are not
    ready to tell is not asked for. ``follow_up=False`` never reports back (the
    strategy that hears worries and lets them drop).
    """
    i = sim.index[rid]
    known = sim.known[i]
    resident = sim.residents[i]
    for option in sorted(sim.talk_options(rid), key=lambda o: TOPIC_ORDER.index(o.topic)):
        if not option.available or sim.talk.backfire_chance(i, option.topic) > 0:
            continue
        if option.topic == "follow_up" and not follow_up:
            continue
        if option.topic == "story" and known.next_story(resident, sim.trust.familiarity[i]) is None:
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
    if known.refusing(sim.time):
        return False
    times = known.times
    if known.followable() or times.get("greet", 0) == 0:
        return True
    if times.get("listen", 0) <= len(resident.concerns):
        return True
    if known.next_story(resident, sim.trust.familiarity[i]) is not None:
        return True
    return times.get("porch", 0) == 0 and sim.people.is_home(i)


class TalkedTo:
    """The residents the officer has talked to this shift, read from the sim's action log.

    Only a ``Talk`` changes what the officer has done with a resident, so
    everyone else still has a hello waiting: the bots test the few talked-to
    residents one by one and the rest as one array, instead of every resident
    every tick. Reading the log (not the bot's own actions) keeps this right
    when a bot takes over a shift a person began.
    """

    def __init__(self) -> None:
        self.indices: set[int] = set()
        self._read = 0  # entries of the action log already read

    def update(self, sim: Simulation) -> set[int]:
        log = sim.action_log
        for _, action in log[self._read:]:
            if isinstance(action, act.Talk) and action.resident in sim.index:
                self.indices.add(sim.index[action.resident])
        self._read = len(log)
        return self.indices

    def worth_visiting(self, sim: Simulation) -> np.ndarray:
        """``worth_visiting`` for every resident at once, as a boolean array."""
        worth = np.ones(len(sim.residents), dtype=bool)
        for i in self.update(sim):
            worth[i] = worth_visiting(sim, i)
        return worth

    def times(self, sim: Simulation, topic: str) -> np.ndarray:
        """How often each resident has had ``topic`` this shift."""
        counts = np.zeros(len(sim.residents), dtype=np.int64)
        for i in self.update(sim):
            counts[i] = sim.known[i].times.get(topic, 0)
        return counts


def resident_to_visit(sim: Simulation, worth: np.ndarray, centre: tuple[float, float] | None = None,
                      leash: float = math.inf) -> str | None:
    """The closest resident in ``worth`` (within ``leash`` of ``centre``, if given); ties: first."""
    pos = sim.people.pos
    dist = np.hypot(pos[:, 0] - sim.officer.x, pos[:, 1] - sim.officer.y)
    if centre is not None:
        dist = np.where(np.hypot(pos[:, 0] - centre[0], pos[:, 1] - centre[1]) <= leash, dist, np.inf)
    dist = np.where(worth, dist, np.inf)
    i = int(np.argmin(dist)) if len(dist) else 0
    return sim.residents[i].id if len(dist) and np.isfinite(dist[i]) else None


def busiest_spot(sim: Simulation, points: np.ndarray, radius: float) -> tuple[int, int] | None:
    """Road tile nearest the point with the most ``points`` within ``radius``; ties: the first.

    Only the first ``MAX_SPOT_CANDIDATES`` points count. Pairs are compared
    only within a band along the points' longer axis (a sorted sweep), not
    as a full pairwise matrix; each pair's distance is the same sum as the
    matrix's, so the crowd counts are too.
    """
    if not len(points):
        return None
    pts = points[:MAX_SPOT_CANDIDATES]
    crowd = crowd_sizes(pts, radius)
    x, y = pts[int(np.argmax(crowd))]
    return sim.grid.nearest((round(float(x)), round(float(y))), "drive")


def crowd_sizes(pts: np.ndarray, radius: float) -> np.ndarray:
    """For each point, how many points (itself included) lie within ``radius``."""
    axis = int(np.ptp(pts[:, 1]) > np.ptp(pts[:, 0]))
    order = np.argsort(pts[:, axis], kind="stable")
    xs, ys = pts[order, 0], pts[order, 1]
    key = ys if axis else xs
    band = radius * (1 + BAND_SLACK) + BAND_SLACK
    lo = np.searchsorted(key, key - band, side="left")
    hi = np.searchsorted(key, key + band, side="right")
    counts = hi - lo
    rows = np.repeat(np.arange(len(pts)), counts)
    cols = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts - lo, counts)
    dx, dy = xs[rows] - xs[cols], ys[rows] - ys[cols]
    crowd = np.empty(len(pts), dtype=np.int64)
    crowd[order] = np.bincount(rows[dx * dx + dy * dy <= radius ** 2], minlength=len(pts))
    return crowd


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
