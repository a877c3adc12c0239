"""The map as the simulation sees it: who can stand where, and how to get there.

Pathfinding is breadth-first search on the 4-connected tile grid. Maps are a few
thousand tiles, so one search is a millisecond or two; searches are cached as
*distance fields* rooted at one tile (one search per destination serves every
resident heading there, and the same field reversed serves trips back).
"""

from __future__ import annotations

from collections import deque

import numpy as np

from game.scenario.model import GameMap

WALK_BLOCKED = frozenset({"house"})  # people walk (and cross roads) everywhere else
DRIVABLE = frozenset({"road", "car_spawn"})

Tile = tuple[int, int]  # (x, y)


class NoPath(Exception):
    """No route between two tiles on the given layer."""


class Grid:
    """Tile kinds, passability layers and route finding for one scenario map."""

    def __init__(self, game_map: GameMap) -> None:
        self.width = game_map.width
        self.height = game_map.height
        kinds = [[game_map.legend[c] for c in row] for row in game_map.rows]
        self.kinds: tuple[tuple[str, ...], ...] = tuple(tuple(r) for r in kinds)
        self.walkable = np.array([[k not in WALK_BLOCKED for k in r] for r in kinds], dtype=bool)
        self.drivable = np.array([[k in DRIVABLE for k in r] for r in kinds], dtype=bool)
        self._neighbours = self._build_neighbours()
        self._fields: dict[tuple[str, int], np.ndarray] = {}
        self._nearest: dict[str, np.ndarray] = {}

    # --- basic geometry ----------------------------------------------------
    def index(self, tile: Tile) -> int:
        return tile[1] * self.width + tile[0]

    def tile(self, index: int) -> Tile:
        return (index % self.width, index // self.width)

    def inside(self, x: float, y: float) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height

    def layer(self, name: str) -> np.ndarray:
        return self.walkable if name == "walk" else self.drivable

    def _build_neighbours(self) -> list[tuple[int, ...]]:
        w, h = self.width, self.height
        out: list[tuple[int, ...]] = []
        for i in range(w * h):
            x, y = i % w, i // w
            n = []
            if x > 0:
                n.append(i - 1)
            if x < w - 1:
                n.append(i + 1)
            if y > 0:
                n.append(i - w)
            if y < h - 1:
                n.append(i + w)
            out.append(tuple(n))
        return out

    # --- searches --------------------------------------------------------------
    def _bfs(self, sources: list[int], passable: np.ndarray) -> np.ndarray:
        """Parent array: for each reached tile, the next tile toward the nearest source.

        Sources point to themselves; unreached tiles hold -1.
        """
        flat = passable.ravel()
        parent = np.full(self.width * self.height, -1, dtype=np.int64)
        parent_list = parent.tolist()
        queue = deque(sources)
        for s in sources:
            parent_list[s] = s
        neighbours = self._neighbours
        flat_list = flat.tolist()
        while queue:
            i = queue.popleft()
            for j in neighbours[i]:
                if parent_list[j] == -1 and flat_list[j]:
                    parent_list[j] = i
                    queue.append(j)
        return np.array(parent_list, dtype=np.int64)

    def field_to(self, goal: Tile, layer: str = "walk") -> np.ndarray:
        """Cached next-step array toward ``goal`` on a layer (see ``_bfs``)."""
        key = (layer, self.index(goal))
        field = self._fields.get(key)
        if field is None:
            field = self._bfs([key[1]], self.layer(layer))
            self._fields[key] = field
        return field

    def follow(self, field: np.ndarray, start: Tile) -> list[Tile]:
        """Tiles from ``start`` to the field's goal, both included."""
        i = self.index(start)
        if field[i] == -1:
            raise NoPath(f"no route from {start}")
        path = [start]
        while field[i] != i:
            i = int(field[i])
            path.append(self.tile(i))
        return path

    def route(self, start: Tile, goal: Tile, layer: str = "walk", root: Tile | None = None
              ) -> list[Tile]:
        """Shortest 4-connected route from the distance field rooted at ``root`` (default: goal).

        The walk and drive graphs are undirected, so a field rooted at ``start``
        serves the trip reversed. Which root is used is the caller's choice and
        never depends on what happens to be cached: equally short routes differ,
        and a read-only query (the UI drawing a path) must not change the shift.
        """
        if start == goal:
            return [start]
        if root == start:
            return self.follow(self.field_to(start, layer), goal)[::-1]
        return self.follow(self.field_to(goal, layer), start)

    def nearest(self, tile: Tile, layer: str) -> Tile:
        """The passable tile of ``layer`` closest (in steps) to any tile, itself if passable."""
        table = self._nearest.get(layer)
        if table is None:
            passable = self.layer(layer)
            sources = [int(i) for i in np.flatnonzero(passable.ravel())]
            everywhere = np.ones_like(passable)
            parent = self._bfs(sources, everywhere)
            # Resolve parents to their root source once, so lookups are O(1).
            root = parent.copy()
            for _ in range(self.width + self.height):
                nxt = root[root]
                if np.array_equal(nxt, root):
                    break
                root = nxt
            table = root
            self._nearest[layer] = table
        x = min(max(round(tile[0]), 0), self.width - 1)
        y = min(max(round(tile[1]), 0), self.height - 1)
        return self.tile(int(table[self.index((x, y))]))
