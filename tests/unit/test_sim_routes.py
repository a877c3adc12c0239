"""Route finding through Grid.route and Grid.nearest, against a plain first-in-first-out search
(driving, and walking where every step costs the same) and a plain Dijkstra (walking)."""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.loader import load_scenario
from game.scenario.model import GameMap
from game.sim.grid import WALK_COST, Grid, NoPath, front_path

LEGEND = MappingProxyType({".": "sidewalk", "H": "house", "#": "road", "Y": "yard", "P": "porch",
                           "=": "park", "S": "shop"})
SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"


def reference_parents(rows: list[str], sources: list[tuple[int, int]], passable) -> dict:
    """The textbook search: a queue, trying west, east, north, south from each tile."""
    height, width = len(rows), len(rows[0])
    parent = {s: s for s in sources}
    queue = deque(sources)
    while queue:
        x, y = queue.popleft()
        for nx, ny in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
            if 0 <= nx < width and 0 <= ny < height and (nx, ny) not in parent and passable(nx, ny):
                parent[(nx, ny)] = (x, y)
                queue.append((nx, ny))
    return parent


def reference_route(rows, start, goal, passable="") -> list[tuple[int, int]] | None:
    parent = reference_parents(rows, [goal], lambda x, y: rows[y][x] in passable if passable
                               else rows[y][x] != "H")
    if start not in parent:
        return None
    path = [start]
    while path[-1] != goal:
        path.append(parent[path[-1]])
    return path


maps = st.integers(2, 14).flatmap(lambda w: st.lists(
    st.text(alphabet=".H#", min_size=w, max_size=w), min_size=2, max_size=14))


def grid_of(rows: list[str]) -> Grid:
    return Grid(GameMap(LEGEND, tuple(rows)))


@settings(max_examples=150, deadline=None)
@given(rows=maps, data=st.data(), layer=st.sampled_from(["drive", "walk"]))
def test_routes_are_the_queue_searchs_routes_in_either_direction(rows, data, layer):
    if layer == "walk":  # the same cost for every step: cheapest is fewest
        rows = [row.replace("#", ".") for row in rows]
    grid = grid_of(rows)
    passable = "#" if layer == "drive" else ""
    tiles = st.tuples(st.integers(0, len(rows[0]) - 1), st.integers(0, len(rows) - 1))
    for _ in range(4):  # several queries: a tree grown by one trip must serve the next unchanged
        start, goal = data.draw(tiles), data.draw(tiles)
        expected = [start] if start == goal else reference_route(rows, start, goal, passable)
        if expected is None:
            with pytest.raises(NoPath):
                grid.route(start, goal, layer)
            continue
        assert grid.route(start, goal, layer) == expected
        assert grid.route_xy(start, goal, layer).tolist() == [list(t) for t in expected]
        if start != goal:  # the tree rooted at the start serves the trip reversed
            assert grid.route(goal, start, layer, root=goal)[::-1] == expected
            assert grid.route_xy(goal, start, layer, root=goal)[::-1].tolist() == [list(t) for t in expected]


STREET = {"sidewalk", "road"}


def kind(rows, x, y):
    return LEGEND[rows[y][x]] if 0 <= y < len(rows) and 0 <= x < len(rows[0]) else None


def gates(rows) -> set:
    """(yard tile, street tile) steps a front path makes: the only ways through a yard's hedge."""
    out = set()
    for y, row in enumerate(rows):
        for x, c in enumerate(row):
            if c == "P":
                side, path = front_path(lambda a, b: kind(rows, a, b), (x, y))
                if path:
                    dx, dy = {"w": (-1, 0), "e": (1, 0), "n": (0, -1), "s": (0, 1)}[side]
                    end = path[-1]
                    out |= {(end, (end[0] + dx, end[1] + dy)), ((end[0] + dx, end[1] + dy), end)}
    return out


def step_cost(rows, open_gates, a, b) -> int | None:
    """What a step between two tiles costs on foot either way, None across a hedge.

    Houses cost nothing here: a route may only start or end on one (the search's root).
    """
    ka, kb = kind(rows, *a), kind(rows, *b)
    if {ka, kb} & {"yard"} and {ka, kb} & STREET and (a, b) not in open_gates:
        return None
    return max(WALK_COST.get(ka, 0), WALK_COST.get(kb, 0))


def hedged_in(rows) -> set:
    """Yard tiles walled off from everything but other yards: nobody can stand there. On a map
    with nowhere else to stand at all, every yard counts (the search's own fallback)."""
    if all(kind(rows, x, y) in ("yard", "house") for y, row in enumerate(rows) for x in range(len(row))):
        return set()
    open_gates, seen, out = gates(rows), set(), set()
    for y, row in enumerate(rows):
        for x, c in enumerate(row):
            if c != "Y" or (x, y) in seen:
                continue
            group, todo, kinds = set(), [(x, y)], set()
            while todo:
                t = todo.pop()
                if t in group:
                    continue
                group.add(t)
                kinds.add(kind(rows, *t))
                for n in ((t[0] - 1, t[1]), (t[0] + 1, t[1]), (t[0], t[1] - 1), (t[0], t[1] + 1)):
                    if kind(rows, *n) in (None, "house"):
                        continue
                    if step_cost(rows, open_gates, t, n) is not None:
                        todo.append(n)
            seen |= group
            if kinds == {"yard"}:
                out |= group
    return out


def cheapest(rows, start, goal) -> int | None:
    """Textbook Dijkstra from the goal (which may itself be a house, like a search rooted there)."""
    open_gates, walled = gates(rows), hedged_in(rows)
    best = {goal: 0}
    heap = [(0, goal)]
    while heap:
        d, (x, y) = heapq.heappop(heap)
        if d > best[(x, y)]:
            continue
        if (x, y) == start:
            return d
        for n in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
            if kind(rows, *n) in (None, "house") or n in walled:
                continue
            c = step_cost(rows, open_gates, n, (x, y))
            if c is not None and d + c < best.get(n, 1 << 60):
                best[n] = d + c
                heapq.heappush(heap, (d + c, n))
    return None


walk_maps = st.integers(2, 12).flatmap(lambda w: st.lists(
    st.text(alphabet=".H#YP=S", min_size=w, max_size=w), min_size=2, max_size=12))


@settings(max_examples=200, deadline=None)
@given(rows=walk_maps, data=st.data())
def test_walking_takes_a_cheapest_way_and_never_goes_through_a_house_or_a_hedge(rows, data):
    grid = grid_of(rows)
    open_gates, walled = gates(rows), hedged_in(rows)
    tiles = st.tuples(st.integers(0, len(rows[0]) - 1), st.integers(0, len(rows) - 1))
    for _ in range(4):
        start, goal = data.draw(tiles), data.draw(tiles)
        if start == goal or rows[start[1]][start[0]] == "H":
            continue
        if start in walled:  # nobody stands there: the nearest place one can stand instead
            assert not grid.walkable[start[1], start[0]]
            continue
        best = cheapest(rows, start, goal)
        if best is None:
            with pytest.raises(NoPath):
                grid.route(start, goal, "walk")
            continue
        for route in (grid.route(start, goal, "walk"), grid.route(goal, start, "walk", root=goal)[::-1]):
            assert route[0] == start and route[-1] == goal
            costs = [step_cost(rows, open_gates, a, b) for a, b in itertools.pairwise(route)]
            assert None not in costs  # no hedge crossed
            assert "H" not in [rows[y][x] for x, y in route[:-1]]  # no house entered but the goal
            assert all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in itertools.pairwise(route))
            assert sum(costs) == best


@pytest.mark.parametrize("name", ["first-day", "maple-street-summer", "eastside-neighborhood",
                                  "low-trust-block"])
def test_walking_from_a_porch_to_a_shop_keeps_to_the_sidewalk(name):
    scenario = load_scenario(SHIPPED / f"{name}.yaml")
    grid = Grid(scenario.map)
    shops = [p for p in scenario.places if p.kind == "shop"]
    porches = [p for p in scenario.places if p.kind == "porch"]
    assert shops and porches
    steps = sidewalk = 0
    for shop in shops:
        for porch in porches:
            route = grid.route(grid.nearest(porch.at, "walk"), grid.nearest(shop.at, "walk"), "walk")
            between = [grid.kinds[y][x] for x, y in route[1:-1]]
            steps += len(between)
            sidewalk += between.count("sidewalk")
            assert "house" not in between
    assert sidewalk >= 0.75 * steps  # the rest is crossing roads (before: 12-17% sidewalk, most on lawns)


@settings(max_examples=100, deadline=None)
@given(rows=maps, data=st.data())
def test_nearest_is_the_first_passable_tile_a_search_from_all_of_them_reaches(rows, data):
    grid = grid_of(rows)
    height, width = len(rows), len(rows[0])
    roads = [(x, y) for y in range(height) for x in range(width) if rows[y][x] == "#"]
    if not roads:
        return
    parent = reference_parents(rows, roads, lambda x, y: True)
    x, y = data.draw(st.integers(0, width - 1)), data.draw(st.integers(0, height - 1))
    tile = (x, y)
    while parent[tile] != tile:
        tile = parent[tile]
    assert grid.nearest((x, y), "drive") == tile


def test_a_long_map_routes_the_whole_way_along_and_across():
    width, height = 5, 300  # long enough that the search's band of rows must grow many times
    rows = ["." * width for _ in range(height)]
    grid = grid_of(rows)
    route = grid.route((0, 0), (width - 1, height - 1), "walk")
    assert route == reference_route(rows, (0, 0), (width - 1, height - 1))
    wide = ["".join(r[y] for r in rows) for y in range(width)]  # the same map lying on its side
    assert grid_of(wide).route((0, 0), (height - 1, width - 1), "walk") == reference_route(
        wide, (0, 0), (height - 1, width - 1))
