"""Reading the tile grid the way a painter would: which tiles form one building,
which way a road runs, which side of a house faces the street.

Pure Python with no pygame, so the decisions behind the picture can be tested
on their own. Coordinates are tile columns and rows, ``(x, y)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from game.scenario.model import GameMap
from game.sim import grid as sim_grid

Tile = tuple[int, int]
TileRect = tuple[int, int, int, int]  # x, y, width, height in tiles

ROADISH = frozenset({"road", "car_spawn"})
BUILDINGS = frozenset({"house", "shop", "church", "school"})
GRASSY = frozenset({"yard", "park"})
WALKABLE = frozenset({"sidewalk", "yard", "park", "porch"})

# Sides in the order used to break ties: a front door facing the viewer (south) reads best.
SIDES: dict[str, Tile] = {"s": (0, 1), "e": (1, 0), "w": (-1, 0), "n": (0, -1)}
OPPOSITE = {"s": "n", "n": "s", "e": "w", "w": "e"}

# How much each neighbouring kind invites a door; absent kinds never get one.
DOOR_PREFERENCE = {"porch": 5, "sidewalk": 4, "yard": 3, "park": 2, "road": 1, "car_spawn": 1}
SHOPFRONT_PREFERENCE = {"sidewalk": 5, "road": 3, "car_spawn": 3, "park": 2, "yard": 1, "porch": 1}


class Grid:
    """Tile kinds by position, with ``None`` outside the map."""

    def __init__(self, game_map: GameMap) -> None:
        self.width = game_map.width
        self.height = game_map.height
        self._kinds = tuple(tuple(game_map.legend[ch] for ch in row) for row in game_map.rows)

    def kind(self, x: int, y: int) -> str | None:
        if 0 <= x < self.width and 0 <= y < self.height:
            return self._kinds[y][x]
        return None

    def neighbour(self, tile: Tile, side: str) -> str | None:
        dx, dy = SIDES[side]
        return self.kind(tile[0] + dx, tile[1] + dy)

    def tiles(self, kinds: Iterable[str] | str) -> Iterator[Tile]:
        wanted = {kinds} if isinstance(kinds, str) else set(kinds)
        for y in range(self.height):
            for x in range(self.width):
                if self._kinds[y][x] in wanted:
                    yield (x, y)

    def components(self, kinds: Iterable[str] | str) -> list[list[Tile]]:
        """4-connected groups of tiles of the given kinds, in reading order."""
        todo = set(self.tiles(kinds))
        groups: list[list[Tile]] = []
        for start in sorted(todo, key=lambda t: (t[1], t[0])):
            if start not in todo:
                continue
            todo.discard(start)
            stack, group = [start], []
            while stack:
                x, y = stack.pop()
                group.append((x, y))
                for dx, dy in SIDES.values():
                    n = (x + dx, y + dy)
                    if n in todo:
                        todo.discard(n)
                        stack.append(n)
            groups.append(sorted(group, key=lambda t: (t[1], t[0])))
        return groups


def split_rects(tiles: Iterable[Tile], max_len: int) -> list[TileRect]:
    """Cover a group of tiles with rectangles, none longer than ``max_len`` tiles.

    A row of eight house tiles reads as a street of houses, not one barracks, so
    houses are split at three tiles; shops, churches and schools are not split.
    """
    free = set(tiles)
    rects: list[TileRect] = []
    for x, y in sorted(free, key=lambda t: (t[1], t[0])):
        if (x, y) not in free:
            continue
        w = 1
        while w < max_len and (x + w, y) in free:
            w += 1
        h = 1
        while h < max_len and all((x + i, y + h) in free for i in range(w)):
            h += 1
        for j in range(h):
            for i in range(w):
                free.discard((x + i, y + j))
        rects.append((x, y, w, h))
    return rects


def perimeter(rect: TileRect) -> Iterator[tuple[str, Tile, Tile]]:
    """(side, tile inside the rect, tile just outside it) along every edge."""
    x, y, w, h = rect
    for i in range(w):
        yield "s", (x + i, y + h - 1), (x + i, y + h)
        yield "n", (x + i, y), (x + i, y - 1)
    for j in range(h):
        yield "e", (x + w - 1, y + j), (x + w, y + j)
        yield "w", (x, y + j), (x - 1, y + j)


def front(grid: Grid, rect: TileRect, preference: dict[str, int]) -> tuple[str, Tile] | None:
    """The side and edge tile where a building's door (or shopfront) should go."""
    x, y, w, h = rect
    centre = (x + (w - 1) / 2, y + (h - 1) / 2)
    side_rank = {s: i for i, s in enumerate(SIDES)}
    best: tuple[tuple[float, ...], str, Tile] | None = None
    for side, inside, outside in perimeter(rect):
        score = preference.get(grid.kind(*outside) or "", 0)
        if score == 0:
            continue
        off_centre = abs(inside[0] - centre[0]) + abs(inside[1] - centre[1])
        key = (-score, side_rank[side], off_centre, inside[1], inside[0])
        if best is None or key < best[0]:
            best = (key, side, inside)
    return None if best is None else (best[1], best[2])


def porch_sides(grid: Grid, tile: Tile) -> tuple[str, str]:
    """(side the house is on, side the steps go down) for a porch tile: the simulation's reading,
    so the painted front path is the one people walk."""
    return sim_grid.porch_sides(grid.kind, tile)


@dataclass(frozen=True)
class RoadMarks:
    """Per road tile: ``axis`` is 'h', 'v', 'x' (junction) or '' (a plaza or stub)."""

    axis: dict[Tile, str]
    band: dict[Tile, tuple[int, int]]  # first and last row (h) or column (v) of the road band


def in_carriageway(grid: Grid, tile: Tile) -> bool:
    """True for a space within the road rather than a bay beside it.

    That is road on two opposite sides, or road on one side running on in the
    same direction with the map's edge on the other (the road leaves the map).
    """
    for a, b in (("w", "e"), ("n", "s")):
        kinds = {side: grid.neighbour(tile, side) for side in (a, b)}
        if kinds[a] == kinds[b] == "road":
            return True
        for road_side, edge_side in ((a, b), (b, a)):
            if kinds[road_side] == "road" and kinds[edge_side] is None:
                dx, dy = SIDES[road_side]
                if grid.kind(tile[0] + 2 * dx, tile[1] + 2 * dy) == "road":
                    return True
    return False


def road_marks(grid: Grid) -> RoadMarks:
    """Work out which way each stretch of road runs, from how far it extends.

    A tile in a long horizontal run whose vertical extent is at most two tiles
    is part of an east-west road; the reverse for north-south; long in both
    directions is a junction. Wider areas get no lane marks at all.
    """
    # A parking bay beside the road is not carriageway; a space within the road is.
    road = set(grid.tiles("road")) | {t for t in grid.tiles("car_spawn") if in_carriageway(grid, t)}
    hrun: dict[Tile, tuple[int, int]] = {}
    vrun: dict[Tile, tuple[int, int]] = {}
    for runs, step in ((hrun, (1, 0)), (vrun, (0, 1))):
        for tile in road:
            if tile in runs:
                continue
            a = tile
            while (a[0] - step[0], a[1] - step[1]) in road:
                a = (a[0] - step[0], a[1] - step[1])
            members = [a]
            while (members[-1][0] + step[0], members[-1][1] + step[1]) in road:
                members.append((members[-1][0] + step[0], members[-1][1] + step[1]))
            first = a[0] if step[0] else a[1]
            last = members[-1][0] if step[0] else members[-1][1]
            for m in members:
                runs[m] = (first, last)
    axis: dict[Tile, str] = {}
    band: dict[Tile, tuple[int, int]] = {}
    for tile in road:
        h_len = hrun[tile][1] - hrun[tile][0] + 1
        v_len = vrun[tile][1] - vrun[tile][0] + 1
        if h_len >= 3 and v_len <= 2:
            axis[tile], band[tile] = "h", vrun[tile]
        elif v_len >= 3 and h_len <= 2:
            axis[tile], band[tile] = "v", hrun[tile]
        elif h_len >= 3 and v_len >= 3:
            axis[tile] = "x"
        else:
            axis[tile] = ""
    return RoadMarks(axis, band)


def streetlight_tiles(grid: Grid, spacing: float = 4.0) -> list[tuple[Tile, str]]:
    """Sidewalk tiles along a road, about ``spacing`` tiles apart, with the road's side."""
    chosen: list[tuple[Tile, str]] = []
    for tile in grid.tiles("sidewalk"):
        road_side = next((s for s in SIDES if grid.neighbour(tile, s) in ROADISH), None)
        if road_side is None:
            continue
        if all((tile[0] - t[0]) ** 2 + (tile[1] - t[1]) ** 2 >= spacing**2 for t, _ in chosen):
            chosen.append((tile, road_side))
    return chosen
