"""Where residents are: schedules turned into walks along the map, as numpy arrays.

Each resident either stands at a place (home porch, the shop, the park...) or
walks a route there. Routes live in one padded array so a crowd of walkers
advances in a single vector operation per tick; a street's worth (up to
``FEW_WALKERS``) walk one by one in plain arithmetic, which is cheaper than the
array calls at that size, to the same positions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from game.scenario.model import Place, Resident
from game.sim.grid import Grid, NoPath
from game.tuning import Tuning

# Walkers up to this many advance one by one in plain Python, more in one array pass: below it
# numpy's per-call overhead outweighs the arithmetic (benchmarks/bench_walk.py measures where).
FEW_WALKERS = 18


class Population:
    def __init__(
        self, residents: Sequence[Resident], places: dict[str, Place], grid: Grid,
        tuning: Tuning, rng: np.random.Generator,
    ) -> None:
        self.grid = grid
        n = len(residents)
        self.count = n
        self._place_tiles = {pid: p.at for pid, p in places.items()}
        self.home = [r.home for r in residents]
        self.at_place: list[str | None] = [None] * n  # place id while standing there, else None
        apart, spread = tuning.standing_apart, tuning.resident_speed_spread
        self.offset = rng.uniform(-apart, apart, size=(n, 2))
        self.speed = tuning.resident_speed * rng.uniform(1.0 - spread, 1.0 + spread, size=n)
        # Tile coordinates (x, y), float. Column-major, so every x (and every y) lies together:
        # the distance from everyone to a point, asked every tick, then reads two plain runs.
        self.pos = np.zeros((n, 2), dtype=np.float64, order="F")
        self.heading = rng.uniform(0, 2 * np.pi, size=n)
        self.moving = np.zeros(n, dtype=bool)
        self._route = np.zeros((n, 2, 2), dtype=np.float64)  # padded (n, L, xy)
        self._route_len = np.ones(n, dtype=np.int64)
        self._progress = np.zeros(n, dtype=np.float64)
        self._destination: list[str | None] = [None] * n
        self._movers: _Movers | None = None  # who walks now, gathered once per change of walkers
        self._plan = self._build_plan(residents)
        self._next = 0
        # How many trips start or end at each place: routes are rooted at the busier end so
        # one search serves many trips, decided up front so caching never changes a route.
        self._traffic: dict[tuple[int, int], int] = {}
        for _, _, resident, place in self._plan:
            for tile in (self._place_tiles[place], self._place_tiles[self.home[resident]]):
                self._traffic[tile] = self._traffic.get(tile, 0) + 1
        for i in range(n):
            self._place(i, self._where_at_start(residents[i]))

    @staticmethod
    def _build_plan(residents: Sequence[Resident]) -> list[tuple[int, int, int, str]]:
        """Every departure of the shift, sorted: (minute, order, resident, place)."""
        plan: list[tuple[int, int, int, str]] = []
        for i, r in enumerate(residents):
            starts = {e.start for e in r.schedule}
            for e in r.schedule:
                if e.start > 0:
                    plan.append((e.start, 1, i, e.place))
                if e.end not in starts:
                    plan.append((e.end, 0, i, r.home))
        plan.sort()
        return plan

    @staticmethod
    def _where_at_start(r: Resident) -> str:
        for e in r.schedule:
            if e.start <= 0 < e.end:
                return e.place
        return r.home

    def _place(self, i: int, place: str) -> None:
        x, y = self._place_tiles[place]
        self.pos[i] = (x + self.offset[i, 0], y + self.offset[i, 1])
        self.at_place[i] = place
        self.moving[i] = False
        self._movers = None

    # --- movement -------------------------------------------------------------------
    def step(self, now: float, dt: float) -> None:
        while self._next < len(self._plan) and self._plan[self._next][0] <= now:
            _, _, i, place = self._plan[self._next]
            self._next += 1
            self._set_off(i, place)
        movers = self._movers
        if movers is None or movers.dt != dt:
            movers = self._movers = _Movers.gather(self, dt)
        if len(movers.idx):
            self._advance(movers)

    def send_home(self, i: int) -> None:
        """Walk home now (someone who has had enough leaves the event); the schedule
        still says where they go next."""
        self._set_off(i, self.home[i])

    def _set_off(self, i: int, place: str) -> None:
        if self.at_place[i] == place and not self.moving[i]:
            return
        start = self._current_tile(i)
        goal = self._place_tiles[place]
        root = start if self._traffic.get(start, 0) > self._traffic.get(goal, 0) else goal
        try:
            route = self.grid.route_xy(start, goal, "walk", root=root)
        except NoPath:
            self._place(i, place)  # validator guarantees places exist; unreachable ones teleport
            return
        length = len(route)
        if length > self._route.shape[1]:
            grown = np.zeros((self.count, max(length, 2 * self._route.shape[1]), 2))
            grown[:, : self._route.shape[1]] = self._route
            self._route = grown
        self._route[i, :length] = route
        self._route[i, length:] = route[-1]
        self._route_len[i] = length
        self._progress[i] = 0.0
        self._destination[i] = place
        self.at_place[i] = None
        self.moving[i] = True
        self._movers = None

    def _current_tile(self, i: int) -> tuple[int, int]:
        standing_at = self.at_place[i]
        if standing_at is not None:
            return self._place_tiles[standing_at]
        x, y = np.rint(self.pos[i] - self.offset[i]).astype(int)
        x = min(max(int(x), 0), self.grid.width - 1)
        y = min(max(int(y), 0), self.grid.height - 1)
        return self.grid.nearest((x, y), "walk")

    def _advance(self, movers: _Movers) -> None:
        arrived = (self._advance_each(movers) if len(movers.idx) <= FEW_WALKERS
                   else self._advance_all(movers))
        for i in arrived:
            self._place(i, self._destination[i] or self.home[i])

    def _advance_all(self, movers: _Movers) -> list[int]:
        """One tick of walking for many walkers at once; who arrived. The same arithmetic, in
        the same order, as ``_advance_each``, so positions agree to the bit; facing (drawn,
        never scored) may differ in its last bit between numpy's and math's atan2
        (tests/unit/test_sim_residents_walk.py)."""
        idx, last = movers.idx, movers.last
        progress = np.minimum(self._progress[idx] + movers.stride, last)
        self._progress[idx] = progress
        seg = np.minimum(progress.astype(np.int64), movers.last_segment)
        frac = (progress - seg)[:, None]
        a = self._route[idx, seg]
        b = self._route[idx, np.minimum(seg + 1, last)]
        new_pos = a + (b - a) * frac + movers.offset
        delta = new_pos - self.pos[idx]
        moved = np.abs(delta).sum(axis=1) > 1e-9
        self.heading[idx[moved]] = np.arctan2(delta[moved, 1], delta[moved, 0])
        self.pos[idx] = new_pos
        if progress.max() < movers.last_min:  # nobody can have arrived
            return []
        return [int(i) for i in idx[progress >= last]]

    def _advance_each(self, movers: _Movers) -> list[int]:
        """One tick of walking for a few walkers, one by one: on a street's worth of people the
        dozen array calls of ``_advance_all`` cost more than this plain arithmetic."""
        pos, progress, heading = self.pos, self._progress, self.heading
        arrived = []
        for i, last, last_segment, stride, ox, oy, route in movers.rows:
            p = min(progress.item(i) + stride, float(last))
            progress[i] = p
            seg = min(int(p), last_segment)
            frac = p - seg
            ax, ay = route[seg]
            bx, by = route[min(seg + 1, last)]
            x = ax + (bx - ax) * frac + ox
            y = ay + (by - ay) * frac + oy
            dx, dy = x - pos.item(i, 0), y - pos.item(i, 1)
            if abs(dx) + abs(dy) > 1e-9:
                heading[i] = math.atan2(dy, dx)
            pos[i, 0], pos[i, 1] = x, y
            if p >= last:
                arrived.append(i)
        return arrived

    def distance2(self, x: float, y: float) -> np.ndarray:
        """Squared distance in tiles from every resident to a point (one vector operation)."""
        return (self.pos[:, 0] - x) ** 2 + (self.pos[:, 1] - y) ** 2

    def is_home(self, i: int) -> bool:
        return self.at_place[i] == self.home[i]


@dataclass(frozen=True)
class _Movers:
    """What a tick's advance needs of the residents walking now, gathered when someone sets off
    or arrives rather than every tick: walkers change far less often than the clock ticks."""

    dt: float
    idx: np.ndarray  # resident indices of the walkers
    last: np.ndarray  # last route index of each
    last_segment: np.ndarray  # index of each route's last segment (0 for a one-tile route)
    last_min: float  # the shortest route's end: no one arrives before progress reaches it
    stride: np.ndarray  # route steps each walks in a tick
    offset: np.ndarray  # where each stands within a tile
    # The same, walker by walker, as plain numbers: (i, last, last_segment, stride, ox, oy,
    # route as (x, y) pairs); only for a street's worth of walkers (none for a crowd, which
    # walks as arrays).
    rows: tuple[tuple[int, int, int, float, float, float, list[list[float]]], ...]

    @staticmethod
    def gather(people: Population, dt: float, one_by_one: bool | None = None) -> _Movers:
        """``one_by_one``: whether to list the walkers as ``rows`` (default: if they are few;
        benchmarks/bench_walk.py asks for them at any count, to time both ways)."""
        idx = np.flatnonzero(people.moving)
        last = people._route_len[idx] - 1
        last_segment = np.maximum(last - 1, 0)
        stride, offset = people.speed[idx] * dt, people.offset[idx]
        rows = tuple(zip(idx.tolist(), last.tolist(), last_segment.tolist(), stride.tolist(),
                         offset[:, 0].tolist(), offset[:, 1].tolist(),
                         [people._route[i, : end + 1].tolist() for i, end in zip(idx, last, strict=True)],
                         strict=True)
                     ) if (len(idx) <= FEW_WALKERS if one_by_one is None else one_by_one) else ()
        last_min = float(last.min()) if len(idx) else math.inf
        return _Movers(dt, idx, last, last_segment, last_min, stride, offset, rows)
