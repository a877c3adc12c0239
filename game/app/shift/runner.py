"""Runs one shift at the pace of the wall clock: fixed simulation steps, smooth positions in between.

The simulation advances in fixed ticks of game time, so a shift is the same
whatever the frame rate (docs/design.md); frames come whenever the display allows. Each tick lasts
``seconds_per_minute * sim.dt / (time_scale * speed)`` real seconds; the runner
banks frame time, steps as many ticks as are due (capped, so a slow frame never
snowballs), and keeps the positions from before the last tick so drawing can
interpolate between the two. It is also the one place the UI changes the
shift: ``apply`` passes actions through ``Simulation.apply`` and turns an
``ActionError`` into a message.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from game.sim.actions import Action, ActionError
from game.sim.feed import FeedItem
from game.sim.simulation import Simulation
from game.station.shift_link import ShiftLink

MAX_STEPS_PER_FRAME = 12  # catch-up cap at ordinary speeds
FRAME_SECONDS = 1 / 60  # the frame time high-speed autoplay must keep up with
BUSY_MINUTES_PER_SECOND = 10.0  # while a conversation costs time, the clock runs this fast

Point = tuple[float, float]


class ActionDriver(Protocol):
    """Whatever acts on the sim each tick instead of the player: a bot, or a recorded session."""

    def act(self, sim: Simulation) -> object: ...


class ShiftRunner:
    def __init__(self, sim: Simulation, bot: ActionDriver | None = None, speed: float = 1.0) -> None:
        self.sim = sim
        self.bot = bot
        self.speed = speed  # launch multiplier (settings' game speed, --speed)
        self.time_scale = 1  # the player's 1x / 2x / 4x
        self._bank = 0.0  # real seconds not yet spent on ticks
        self._busy_bank = 0.0
        self._feed_cursor = 0
        self.stop_at: int | None = None  # the tick a recording ends on: a replay goes no further
        self.link: ShiftLink | None = None  # streaming to the instructor's station, if in a class
        self._snapshot()

    # --- pacing ------------------------------------------------------------------
    @property
    def tick_seconds(self) -> float:
        """Real seconds one tick lasts at the current time scale."""
        spm = self.sim.scenario.shift.seconds_per_minute
        return spm * self.sim.dt / (self.time_scale * self.speed)

    @property
    def max_steps(self) -> int:
        """Catch-up cap: enough for fast autoplay to keep pace, small enough to stay smooth."""
        return max(MAX_STEPS_PER_FRAME, math.ceil(2 * FRAME_SECONDS / self.tick_seconds))

    @property
    def alpha(self) -> float:
        """How far the wall clock is between the last tick and the next, 0..1."""
        return min(1.0, self._bank / self.tick_seconds)

    @property
    def stopped(self) -> bool:
        """The shift reached ``stop_at``: a recording of a shift that ended early has run out."""
        return self.stop_at is not None and self.sim.tick >= self.stop_at

    @property
    def paused(self) -> bool:
        """The instructor paused this shift from the station."""
        return self.link is not None and self.link.paused

    @property
    def can_run(self) -> bool:
        """Time may pass: the shift is on and no scripted conversation waits for an answer."""
        return not self.sim.finished and not self.stopped and self.sim.open_encounter is None

    def advance(self, real_dt: float) -> int:
        """Step every tick that is due after ``real_dt`` more seconds; returns how many."""
        if self.link is not None:
            self.link.pump(self.apply)  # the instructor's commands in, the live state out
        if not self.can_run or self.paused:
            self._bank = 0.0
            return 0
        self._bank += real_dt
        ticks, steps = self.tick_seconds, 0
        while self._bank >= ticks and steps < self.max_steps and self.can_run:
            self.step()
            self._bank -= ticks
            steps += 1
        if steps == self.max_steps:
            self._bank = min(self._bank, ticks)  # drop the backlog rather than spiral
        return steps

    def pass_busy_time(self, real_dt: float) -> int:
        """Let the minutes a conversation costs pass quickly, even with a dialogue open."""
        if not self._busy_can_run or self.paused:
            self._busy_bank = 0.0
            return 0
        self._busy_bank += real_dt * BUSY_MINUTES_PER_SECOND * self.speed / self.sim.dt
        steps = 0
        while self._busy_bank >= 1.0 and self._busy_can_run:
            self.step()
            self._busy_bank -= 1.0
            steps += 1
        return steps

    @property
    def _busy_can_run(self) -> bool:
        return self.sim.busy and not self.sim.finished and not self.stopped

    def step(self) -> None:
        """One tick: remember where everyone was, let the bot act, advance the simulation."""
        self._snapshot()
        if self.bot is not None:
            self.bot.act(self.sim)
        self.sim.step()

    def bot_act(self) -> None:
        """Let the bot answer between ticks (a dialogue waiting for a choice)."""
        if self.bot is not None:
            self.bot.act(self.sim)

    # --- the door -----------------------------------------------------------------
    def apply(self, *actions: Action) -> str | None:
        """Apply actions in order; the first refusal's reason, or None when all went through."""
        for action in actions:
            try:
                self.sim.apply(action)
            except ActionError as exc:
                return str(exc)
        return None

    def take_feed(self) -> list[FeedItem]:
        """What happened since the last call (this reader's own cursor)."""
        items, self._feed_cursor = self.sim.feed.since(self._feed_cursor)
        return items

    # --- interpolation ------------------------------------------------------------
    def _snapshot(self) -> None:
        o = self.sim.officer
        self._prev_people = self.sim.people.pos.copy()
        self._prev_officer: Point = o.pos
        self._prev_route = list(o.route)

    def people_positions(self) -> np.ndarray:
        """Residents' positions between the last two ticks (N×2, tile coordinates)."""
        now = self.sim.people.pos
        if self._prev_people.shape != now.shape:
            return now
        return self._prev_people + (now - self._prev_people) * self.alpha

    def officer_position(self) -> Point:
        """The officer between ticks, following the route's turns rather than cutting corners."""
        o = self.sim.officer
        consumed = len(self._prev_route) - len(o.route)
        if consumed >= 0 and self._prev_route[consumed:] == o.route:
            corners: list[Point] = [(float(x), float(y)) for x, y in self._prev_route[:consumed]]
            return along([self._prev_officer, *corners, o.pos], self.alpha)
        return along([self._prev_officer, o.pos], self.alpha)

    def car_position(self) -> Point:
        o = self.sim.officer
        return self.officer_position() if o.in_car else o.car_pos


def along(points: Sequence[Point], t: float) -> Point:
    """The point a share ``t`` (0..1) of the way along a polyline."""
    pairs = list(itertools.pairwise(points))
    lengths = [math.dist(a, b) for a, b in pairs]
    remaining = sum(lengths) * t
    for ((ax, ay), (bx, by)), length in zip(pairs, lengths, strict=True):
        if remaining <= length and length > 1e-9:
            k = remaining / length
            return (ax + (bx - ax) * k, ay + (by - ay) * k)
        remaining -= length
    return points[-1]
