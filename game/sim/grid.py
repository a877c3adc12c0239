"""The map as the simulation sees it: who can stand where, and how to get there.

Route finding runs on the 4-connected tile grid, grown only as far as each trip
needs and shared by every simulation of the same map (``game.sim.routes``):
one search tree per destination serves every resident heading there, and the
same tree reversed serves trips back. Driving takes the fewest tiles. Walking
takes the cheapest way by WALK_COST: people keep to sidewalks, paths and
parks, cross a road rather than walk down it, cut through a building only to
reach it, and enter a yard from the street only along its front path (the
painted map's hedges and fences run along every other such edge).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from game.scenario.model import GameMap
from game.sim.routes import CostTree, NoPath, SearchTree, WalkCost, for_map

__all__ = ["DRIVABLE", "WALK_BLOCKED", "WALK_COST", "Grid", "NoPath", "Tile", "front_path", "porch_sides"]

WALK_BLOCKED = frozenset({"house"})  # people walk (and cross roads) everywhere else
DRIVABLE = frozenset({"road", "car_spawn"})
# What a step onto or off a tile costs on foot, relative to a step along a sidewalk
# (a step costs the dearer of its two tiles). Not a model of anyone's choices, the map's
# etiquette: pavement first, a lawn if it saves three steps, a road only to cross it.
WALK_COST = {"sidewalk": 1, "porch": 1, "park": 1, "yard": 3, "road": 4, "car_spawn": 4,
             "shop": 6, "church": 6, "school": 6}
STREET = frozenset({"sidewalk", "road", "car_spawn"})  # a yard meets these across a hedge or fence
BUILDINGS = frozenset({"house", "shop", "church", "school"})
PORCH_STEPS_ONTO = frozenset({"sidewalk", "yard", "park", "porch"})
FRONT_PATH_LONGEST = 4  # yard tiles a front path crosses at most
SIDES: dict[str, tuple[int, int]] = {"s": (0, 1), "e": (1, 0), "w": (-1, 0), "n": (0, -1)}
OPPOSITE = {"s": "n", "n": "s", "e": "w", "w": "e"}

Tile = tuple[int, int]  # (x, y)
KindAt = Callable[[int, int], "str | None"]  # tile kind at (x, y), None off the map


def porch_sides(kind: KindAt, tile: Tile) -> tuple[str, str]:
    """(side the house is on, side the steps go down) for a porch tile."""
    def neighbour(side: str) -> str | None:
        return kind(tile[0] + SIDES[side][0], tile[1] + SIDES[side][1])

    house_side = next((s for s in SIDES if neighbour(s) == "house"),
                      next((s for s in SIDES if neighbour(s) in BUILDINGS), "n"))
    step_side = OPPOSITE[house_side]
    if neighbour(step_side) not in PORCH_STEPS_ONTO | STREET:
        step_side = next((s for s in SIDES if s != house_side and neighbour(s) in PORCH_STEPS_ONTO),
                         step_side)
    return house_side, step_side


def front_path(kind: KindAt, porch: Tile) -> tuple[str, list[Tile]]:
    """The side a porch's steps go down and the yard tiles its front path crosses to the street.

    No tiles when the steps do not lead across a yard to a sidewalk or road.
    """
    side = porch_sides(kind, porch)[1]
    dx, dy = SIDES[side]
    used: list[Tile] = []
    x, y = porch[0] + dx, porch[1] + dy
    while kind(x, y) == "yard" and len(used) < FRONT_PATH_LONGEST:
        used.append((x, y))
        x, y = x + dx, y + dy
    return side, used if used and kind(x, y) in STREET else []


def hedged_edges(kind: KindAt, width: int, height: int) -> Iterator[tuple[Tile, str]]:
    """Every (yard tile, side) facing the street across a hedge or fence: all but a front path's end."""
    gates = set()
    for y in range(height):
        for x in range(width):
            if kind(x, y) == "porch":
                side, path = front_path(kind, (x, y))
                if path:
                    gates.add((path[-1], side))
    for y in range(height):
        for x in range(width):
            if kind(x, y) == "yard":
                for side, (dx, dy) in SIDES.items():
                    if kind(x + dx, y + dy) in STREET and ((x, y), side) not in gates:
                        yield (x, y), side


class Grid:
    """Tile kinds, passability layers and route finding for one scenario map."""

    def __init__(self, game_map: GameMap) -> None:
        self.width = game_map.width
        self.height = game_map.height
        kinds = [[game_map.legend[c] for c in row] for row in game_map.rows]
        self.kinds: tuple[tuple[str, ...], ...] = tuple(tuple(r) for r in kinds)
        walkable = np.array([[k not in WALK_BLOCKED for k in r] for r in kinds], dtype=bool)
        self.drivable = np.array([[k in DRIVABLE for k in r] for r in kinds], dtype=bool)
        signature = "\n".join(game_map.rows).encode() + repr(sorted(game_map.legend.items())).encode()
        self._routes = for_map({"walk": walkable, "drive": self.drivable}, signature,
                               walk_cost=lambda: self._walk_cost(walkable))
        # Yards hedged in on every side with no front path or porch are out of reach: nobody stands there.
        self.walkable = self._routes.passable("walk")

    def _walk_cost(self, walkable: np.ndarray) -> WalkCost:
        """What walking weighs on this map: a cost per tile, the hedges, and where everyone can be."""
        cost = np.array([[WALK_COST.get(k, 1) if k not in WALK_BLOCKED else 0 for k in r]
                         for r in self.kinds],
                        dtype=np.int64)
        not_yard = walkable & np.array([[k != "yard" for k in r] for r in self.kinds], dtype=bool)
        return cost, sorted(hedged_edges(self.kind_at, self.width, self.height)), not_yard

    # --- basic geometry ----------------------------------------------------
    def kind_at(self, x: int, y: int) -> str | None:
        return self.kinds[y][x] if 0 <= x < self.width and 0 <= y < self.height else None

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
        """Shortest 4-connected route (on foot: cheapest) from the tree rooted at ``root`` (default: goal).

        The walk and drive graphs are undirected, so a tree rooted at ``start``
        serves the trip reversed. Which root is used is the caller's choice and
        never depends on what happens to be cached: equally short routes differ,
        and a read-only query (the UI drawing a path) must not change the shift.
        """
        if start == goal:
            return [start]
        tree, start_there, reverse = self._tree_for(start, goal, layer, root)
        path = tree.path_from(start_there)
        return path[::-1] if reverse else path

    def route_xy(self, start: Tile, goal: Tile, layer: str = "walk", root: Tile | None = None
                 ) -> np.ndarray:
        """``route`` as an (n, 2) array of x, y: residents keep their routes in one array."""
        if start == goal:
            return np.array([start])
        tree, start_there, reverse = self._tree_for(start, goal, layer, root)
        path = tree.path_xy_from(start_there)
        return path[::-1] if reverse else path

    def _tree_for(self, start: Tile, goal: Tile, layer: str, root: Tile | None
                  ) -> tuple[SearchTree | CostTree, Tile, bool]:
        """The search tree a route comes from, the end to trace from, and whether to reverse."""
        if root == start:
            return self._routes.tree(layer, start), goal, True
        return self._routes.tree(layer, goal), start, False

    def nearest(self, tile: Tile, layer: str) -> Tile:
        """The passable tile of ``layer`` closest (in steps) to any tile, itself if passable."""
        table = self._routes.nearest(layer)
        x = min(max(round(tile[0]), 0), self.width - 1)
        y = min(max(round(tile[1]), 0), self.height - 1)
        return self.tile(int(table[self.index((x, y))]))
