"""Breadth-first route search that only goes as far as the trips need, shared by every run on one map.

A search tree rooted at one tile grows a layer at a time (numpy over the whole
layer) and stops as soon as the tile asked about is reached; a later, longer
trip resumes it. A resident walking to the park on their street therefore
costs a search of the few streets around it, not of the whole map, and the
search is kept as one byte per tile of a band around the root (the direction
of the step back), not as a full-map array per destination.

The order in which a layer's new tiles are found is exactly the order of a
first-in-first-out queue that tries west, east, north, south from each tile,
so equally short routes are broken the same way as that queue breaks them.

Walking weighs its steps (``CostTree``): the same growth one distance at a
time, but a distance is a sum of step costs (Dial's bucketed Dijkstra), so
a tree settles the tiles at the next smallest distance, each by its cheapest
step (ties to the first found, in the same west, east, north, south order).

Trees depend only on the map, so they are kept per map (``for_map``) and every
simulation of the same map, whatever its seed, reuses them: a tree is the
same however far it has grown, so sharing never changes a route.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict
from collections.abc import Callable, Sequence

import numpy as np

Tile = tuple[int, int]  # (x, y)

UNREACHED = -1
ROOT = 4
STEP_BACK = np.array([1, 0, 3, 2], dtype=np.int8)  # west<->east, north<->south
SIDE_STEP = {"w": 0, "e": 1, "n": 2, "s": 3}  # map sides in the search's order of steps
FIRST_BAND = 16  # storage rows either side of the root a new tree starts with
MAPS_KEPT = 4  # maps whose searches stay cached (a balance sweep alternates a few scenarios)


class NoPath(Exception):
    """No route between two tiles on the given layer."""


class Layout:
    """One passability layer stored flat with a closed border, long side as storage rows.

    The border means a step never needs a bounds check; making the map's long
    side the storage rows means a band of rows around a root is narrow.
    """

    def __init__(self, passable: np.ndarray) -> None:
        height, width = passable.shape
        self.by_rows = height >= width
        grid = passable if self.by_rows else passable.T
        self.rows: int = int(grid.shape[0]) + 2
        self.stride: int = int(grid.shape[1]) + 2
        padded = np.zeros((self.rows, self.stride), dtype=bool)
        padded[1:-1, 1:-1] = grid
        self.open = padded.ravel()
        across, along = (1, self.stride) if self.by_rows else (self.stride, 1)
        # The search's order of steps: west, east, north, south.
        self.steps = np.array([-across, across, -along, along], dtype=np.int64)

    def index(self, tile: Tile) -> int:
        x, y = tile
        return (y + 1) * self.stride + x + 1 if self.by_rows else (x + 1) * self.stride + y + 1

    def indices(self, xs: np.ndarray, ys: np.ndarray) -> np.ndarray:
        across, along = (xs, ys) if self.by_rows else (ys, xs)
        flat: np.ndarray = (along.astype(np.int64) + 1) * self.stride + across.astype(np.int64) + 1
        return flat

    def tiles(self, indices: np.ndarray) -> list[Tile]:
        xs, ys = self._xs_ys(indices)
        return list(zip(xs.tolist(), ys.tolist(), strict=True))

    def xy(self, indices: np.ndarray) -> np.ndarray:
        """The tiles at ``indices`` as an (n, 2) array of x, y."""
        return np.stack(self._xs_ys(indices), axis=1)

    def _xs_ys(self, indices: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        rows, cols = np.divmod(indices - self.stride - 1, self.stride)
        return (cols, rows) if self.by_rows else (rows, cols)

    def spread(self, frontier: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Open tiles one step from ``frontier`` and the step taken, in queue order (repeats kept)."""
        reached = (frontier[:, None] + self.steps).ravel()
        step = np.tile(np.arange(4, dtype=np.int8), len(frontier))
        keep = self.open[reached]
        return reached[keep], step[keep]


def first_arrivals(reached: np.ndarray, step: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each tile once, by the first way it was reached, in the order first reached."""
    _, first = np.unique(reached, return_index=True)
    first.sort()
    return reached[first], step[first]


class BandedTree:
    """What every search tree keeps: one step code per tile of a band of storage rows around the root.

    A tile within ``reach`` steps of the root lies within ``reach`` rows of it,
    so the band grows (doubling) only as far as the search has gone.
    """

    def __init__(self, layout: Layout, root: Tile) -> None:
        self._layout = layout
        start = layout.index(root)
        self._root_row = start // layout.stride
        self._band = (0, 0)  # storage rows [first, last) held in self._back
        self._back = np.empty(0, dtype=np.int8)
        self._grow_band(FIRST_BAND)
        self._back[start - self._band[0] * layout.stride] = ROOT
        self._start = start

    def _grow_band(self, reach: int) -> None:
        """Hold rows up to ``reach`` from the root (every tile within ``reach`` steps lies there)."""
        lay = self._layout
        first = max(0, self._root_row - reach)
        last = min(lay.rows, self._root_row + reach + 1)
        back = np.full((last - first) * lay.stride, UNREACHED, dtype=np.int8)
        old_first, old_last = self._band
        if old_last > old_first:
            at = (old_first - first) * lay.stride
            back[at: at + self._back.size] = self._back
        self._back, self._band = back, (first, last)

    def _hold(self, reach: int) -> None:
        """Make sure the band holds every tile within ``reach`` steps."""
        lay = self._layout
        if (self._band[0] > max(0, self._root_row - reach)
                or self._band[1] < min(lay.rows, self._root_row + reach + 1)):
            self._grow_band(2 * reach)

    def _step_back(self, index: int) -> int:
        """The step code stored for a tile: UNREACHED if the search has not reached it yet."""
        first, last = self._band
        if not first * self._layout.stride <= index < last * self._layout.stride:
            return UNREACHED
        return int(self._back[index - first * self._layout.stride])

    def _exhausted(self) -> bool:
        raise NotImplementedError

    def _expand(self) -> None:
        raise NotImplementedError

    def path_from(self, start: Tile) -> list[Tile]:
        """Tiles from ``start`` to the root, both included."""
        return self._layout.tiles(self._path(start))

    def path_xy_from(self, start: Tile) -> np.ndarray:
        """``path_from`` as an (n, 2) array of x, y, for a caller that keeps routes in arrays:
        no tuple per tile made only to be copied into one."""
        return self._layout.xy(self._path(start))

    def _path(self, start: Tile) -> np.ndarray:
        lay = self._layout
        index = lay.index(start)
        while self._step_back(index) == UNREACHED:
            if self._exhausted():
                raise NoPath(f"no route from {start}")
            self._expand()
        offset = self._band[0] * lay.stride
        return trace(lay, self._back, index - offset, offset)


class SearchTree(BandedTree):
    """Shortest routes (fewest steps) from every tile to one root, found as far out as has been asked."""

    def __init__(self, layout: Layout, root: Tile) -> None:
        super().__init__(layout, root)
        self._frontier = np.array([self._start], dtype=np.int64)
        self._depth = 0

    def _exhausted(self) -> bool:
        return not self._frontier.size

    def _expand(self) -> None:
        """Add the next breadth-first layer."""
        lay = self._layout
        self._hold(self._depth + 1)
        reached, step = lay.spread(self._frontier)
        local = reached - self._band[0] * lay.stride
        fresh = self._back[local] == UNREACHED
        reached, step = first_arrivals(reached[fresh], step[fresh])
        self._back[reached - self._band[0] * lay.stride] = STEP_BACK[step]
        self._frontier = reached
        self._depth += 1


def trace(layout: Layout, back: np.ndarray, local: int, offset: int) -> np.ndarray:
    """Follow the stored steps back from storage position ``local`` to the root (``offset``: the
    storage's first tile), as the layout's indices of the tiles."""
    steps = layout.steps.tolist()
    code_at = back.item  # a plain int per tile: a numpy scalar then int() costs twice as much
    code = code_at(local)
    path = [local]
    while code != ROOT:
        local += steps[code]
        code = code_at(local)
        path.append(local)
    found: np.ndarray = np.array(path) + offset
    return found


class CostLayout(Layout):
    """A layer whose steps have costs: a step costs the dearer of its two tiles, and some are closed."""

    def __init__(self, cost: np.ndarray, closed: Sequence[tuple[Tile, str]]) -> None:
        super().__init__(cost > 0)
        grid = cost if self.by_rows else cost.T
        padded = np.zeros((self.rows, self.stride), dtype=np.int64)
        padded[1:-1, 1:-1] = grid
        flat = padded.ravel()
        inner = np.flatnonzero(np.pad(np.ones((self.rows - 2, self.stride - 2), dtype=bool), 1).ravel())
        # step_cost[tile, step]: the cost of that step from that tile, 0 where it cannot be taken
        # (a blocked tile is never entered, but a search rooted on one may step off it)
        self.step_cost = np.zeros((flat.size, 4), dtype=np.int64)
        for step, delta in enumerate(self.steps.tolist()):
            there = flat[inner + delta]
            self.step_cost[inner, step] = np.where(there > 0, np.maximum(flat[inner], there), 0)
        for tile, side in closed:  # both ways
            step, here = SIDE_STEP[side], self.index(tile)
            self.step_cost[here, step] = 0
            self.step_cost[here + int(self.steps[step]), STEP_BACK[step]] = 0
        self.cost_values: list[int] = sorted(set(np.unique(self.step_cost).tolist()) - {0})


_STEP_CODES = [np.tile(np.arange(4, dtype=np.int8), 64)]


def _step_codes(tiles: int) -> np.ndarray:
    """West, east, north, south once per tile: the steps out of ``tiles`` tiles, in queue order."""
    while _STEP_CODES[0].size < 4 * tiles:
        _STEP_CODES[0] = np.tile(np.arange(4, dtype=np.int8), 2 * _STEP_CODES[0].size // 4)
    return _STEP_CODES[0][: 4 * tiles]


class CostTree(BandedTree):
    """Cheapest routes from every tile to one root, settled as far out as has been asked.

    Offers wait in buckets by distance; settling a bucket keeps, for each tile
    not settled yet, its first offer (the cheapest, as buckets go cheapest
    first; ties in the order found). Every step costs at least 1, so a tile at
    distance ``d`` is within ``d`` steps and the band holds it.
    """

    def __init__(self, layout: CostLayout, root: Tile) -> None:
        super().__init__(layout, root)
        self._costs, self._cost_values = layout.step_cost, layout.cost_values
        self._distance = 0  # of the bucket settled last
        self._buckets: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
        self._due: list[int] = []  # distances with a bucket, as a heap
        self._offer(np.array([self._start], dtype=np.int64), 0)

    def _exhausted(self) -> bool:
        return not self._due

    def _offer(self, here: np.ndarray, d: int) -> None:
        """Offer the steps out of the tiles ``here``, just settled at distance ``d``."""
        lay = self._layout
        cost = self._costs[here].ravel()  # tile by tile, west, east, north, south: queue order
        there = (here[:, None] + lay.steps).ravel()
        step = _step_codes(len(here))
        counts = np.bincount(cost, minlength=self._cost_values[-1] + 1).tolist() if self._cost_values else []
        for value in self._cost_values:
            if counts[value]:  # one count of every cost, not an array test per cost
                at = cost == value
                if d + value not in self._buckets:
                    self._buckets[d + value] = []
                    heapq.heappush(self._due, d + value)
                self._buckets[d + value].append((there[at], step[at]))

    def _expand(self) -> None:
        """Settle the tiles of the cheapest waiting bucket and offer the steps out of them."""
        lay = self._layout
        d = heapq.heappop(self._due)
        self._hold(d + 1)
        offers = self._buckets.pop(d)
        there = np.concatenate([t for t, _ in offers])
        step = np.concatenate([k for _, k in offers])
        offset = self._band[0] * lay.stride
        fresh = self._back[there - offset] == UNREACHED
        there, step = first_arrivals(there[fresh], step[fresh])
        self._back[there - offset] = STEP_BACK[step]
        if there.size:
            self._offer(there, d)


def nearest_open(passable: np.ndarray) -> np.ndarray:
    """For every tile (flat, row-major), the flat index of the nearest open tile.

    Ties go to the open tile first in row-major order, spreading west, east,
    north, south: a multi-source breadth-first search over the whole map.
    """
    width = passable.shape[1]
    everywhere = Layout(np.ones(passable.shape, dtype=bool))
    sources = np.flatnonzero(passable.ravel())  # row-major map order: the queue's order
    frontier = everywhere.indices(sources % width, sources // width)
    label = np.full(everywhere.open.size, -1, dtype=np.int64)
    label[frontier] = sources
    while frontier.size:
        reached, step = everywhere.spread(frontier)
        fresh = label[reached] == -1
        reached, step = first_arrivals(reached[fresh], step[fresh])
        label[reached] = label[reached - everywhere.steps[step]]
        frontier = reached
    inner = label.reshape(everywhere.rows, everywhere.stride)[1:-1, 1:-1]
    table: np.ndarray = (inner if everywhere.by_rows else inner.T).ravel().copy()
    return table


# cost per tile (0: blocked), closed edges, where everyone can be (a search from these finds the rest)
WalkCost = tuple[np.ndarray, Sequence[tuple[Tile, str]], np.ndarray]


def within_reach(layout: CostLayout, seeds: np.ndarray) -> np.ndarray:
    """Which tiles (a map-shaped mask) can be walked to from the ``seeds`` mask's tiles.

    All the open tiles when no seed is open (a map with nowhere in particular to start).
    """
    mask = np.zeros(layout.open.size, dtype=bool)
    ys, xs = np.nonzero(seeds)
    frontier = layout.indices(xs, ys)
    frontier = frontier[layout.open[frontier]]
    if not frontier.size:
        frontier = np.flatnonzero(layout.open)
    mask[frontier] = True
    while frontier.size:
        cost = layout.step_cost[frontier].ravel()
        there = (frontier[:, None] + layout.steps).ravel()[cost > 0]
        frontier = np.unique(there[~mask[there]])
        mask[frontier] = True
    grid = mask.reshape(layout.rows, layout.stride)[1:-1, 1:-1]
    reach: np.ndarray = (grid if layout.by_rows else grid.T).copy()
    return reach


class MapRoutes:
    """Every search made on one map: a tree per (layer, root) and the nearest-open-tile tables.

    Layers named in ``costs`` are searched by cost, the others by steps.
    """

    def __init__(self, layers: dict[str, np.ndarray], costs: dict[str, WalkCost]) -> None:
        self._passable = {name: p.copy() for name, p in layers.items()}
        self._layouts: dict[str, Layout] = {name: Layout(p) for name, p in layers.items()
                                            if name not in costs}
        for name, (cost, closed, seeds) in costs.items():  # tiles out of reach count as blocked
            reach = within_reach(CostLayout(cost, closed), seeds)
            self._passable[name] &= reach
            self._layouts[name] = CostLayout(np.where(reach, cost, 0), closed)
        self._trees: dict[tuple[str, Tile], SearchTree | CostTree] = {}
        self._nearest: dict[str, np.ndarray] = {}

    def tree(self, layer: str, root: Tile) -> SearchTree | CostTree:
        tree = self._trees.get((layer, root))
        if tree is None:
            layout = self._layouts[layer]
            tree = CostTree(layout, root) if isinstance(layout, CostLayout) else SearchTree(layout, root)
            self._trees[(layer, root)] = tree
        return tree

    def passable(self, layer: str) -> np.ndarray:
        """Where one can be on ``layer`` (for a weighed layer: open and within reach of its seeds)."""
        mask: np.ndarray = self._passable[layer]
        return mask

    def nearest(self, layer: str) -> np.ndarray:
        table = self._nearest.get(layer)
        if table is None:
            table = self._nearest[layer] = nearest_open(self._passable[layer])
        return table


_MAPS: OrderedDict[bytes, MapRoutes] = OrderedDict()


def for_map(layers: dict[str, np.ndarray], kinds: bytes = b"",
            walk_cost: Callable[[], WalkCost] | None = None) -> MapRoutes:
    """The searches of the map with these passability layers, shared by every caller.

    ``walk_cost`` (called only the first time this map is seen) weighs walking;
    ``kinds`` is what else the weights depend on (the map's tile kinds), for telling maps apart.
    """
    h, w = next(iter(layers.values())).shape
    parts = [np.array([h, w]).tobytes()] + [name.encode() + p.tobytes() for name, p in sorted(layers.items())]
    key = b"".join([*parts, b"weighed" if walk_cost is not None else b"", kinds])
    routes = _MAPS.get(key)
    if routes is None:
        routes = _MAPS[key] = MapRoutes(layers, {} if walk_cost is None else {"walk": walk_cost()})
        while len(_MAPS) > MAPS_KEPT:
            _MAPS.popitem(last=False)
    _MAPS.move_to_end(key)
    return routes
