"""The map as the simulation sees it: who can stand where, and how to get there.

Pathfinding is breadth-first search on the 4-connected tile grid, grown only as
far as each trip needs and shared by every simulation of the same map
(``game.sim.routes``): one search tree per destination serves every resident
heading there, and the same tree reversed serves trips back.
"""

from __future__ import annotations

import numpy as np

from game.scenario.model import GameMap
from game.sim.routes import NoPath, for_map

__all__ = ["DRIVABLE", "WALK_BLOCKED", "Grid", "NoPath", "Tile"]  # NoPath: callers catch it from here

WALK_BLOCKED = frozenset({"house"})  # people walk (and cross roads) everywhere else
DRIVABLE = frozenset({"road", "car_spawn"})

Tile = tuple[int, int]  # (x, y)


class Grid:
    """Tile kinds, passability layers and route finding for one scenario map."""

    def __init__(self, game_map: GameMap) -> None:
        self.width = game_map.width
        self.height = game_map.height
        kinds = [[game_map.legend[c] for c in row] for row in game_map.rows]
        self.kinds: tuple[tuple[str, ...], ...] = tuple(tuple(r) for r in kinds)
        self.walkable = np.array([[k not in WALK_BLOCKED for k in r] for r in kinds], dtype=bool)
        self.drivable = np.array([[k in DRIVABLE for k in r] for r in kinds], dtype=bool)
        self._routes = for_map({"walk": self.walkable, "drive": self.drivable})

    # --- basic geometry ----------------------------------------------------
    def index(self, tile: Tile) -> int:
        return tile[1] * self.width + tile[0]

    def tile(self, index: int) -> Tile:
        return (index % self.width, index // self.width)

    def inside(self, x: float, y: float) -> bool:
        return 0 <= x < self.width and 0 <= y < self.height

    def layer(self, name: str) -> np.ndarray:
        return self.walkable if name == "walk" else self.drivable

    # --- searches --------------------------------------------------------------
    def route(self, start: Tile, goal: Tile, layer: str = "walk", root: Tile | None = None
              ) -> list[Tile]:
        """Shortest 4-connected route from the search tree rooted at ``root`` (default: goal).

        The walk and drive graphs are undirected, so a tree rooted at ``start``
        serves the trip reversed. Which root is used is the caller's choice and
        never depends on what happens to be cached: equally short routes differ,
        and a read-only query (the UI drawing a path) must not change the shift.
        """
        if start == goal:
            return [start]
        if root == start:
            return self._routes.tree(layer, start).path_from(goal)[::-1]
        return self._routes.tree(layer, goal).path_from(start)

    def nearest(self, tile: Tile, layer: str) -> Tile:
        """The passable tile of ``layer`` closest (in steps) to any tile, itself if passable."""
        table = self._routes.nearest(layer)
        x = min(max(round(tile[0]), 0), self.width - 1)
        y = min(max(round(tile[1]), 0), self.height - 1)
        return self.tile(int(table[self.index((x, y))]))
