"""Route finding through Grid.route and Grid.nearest, against a plain first-in-first-out search."""

from __future__ import annotations

from collections import deque
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.model import GameMap
from game.sim.grid import Grid, NoPath

LEGEND = MappingProxyType({".": "sidewalk", "H": "house", "#": "road"})


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


def reference_route(rows, start, goal) -> list[tuple[int, int]] | None:
    parent = reference_parents(rows, [goal], lambda x, y: rows[y][x] != "H")
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
@given(rows=maps, data=st.data())
def test_routes_are_the_queue_searchs_routes_in_either_direction(rows, data):
    grid = grid_of(rows)
    tiles = st.tuples(st.integers(0, len(rows[0]) - 1), st.integers(0, len(rows) - 1))
    for _ in range(4):  # several queries: a tree grown by one trip must serve the next unchanged
        start, goal = data.draw(tiles), data.draw(tiles)
        expected = [start] if start == goal else reference_route(rows, start, goal)
        if expected is None:
            with pytest.raises(NoPath):
                grid.route(start, goal, "walk")
            continue
        assert grid.route(start, goal, "walk") == expected
        if start != goal:  # the tree rooted at the start serves the trip reversed
            assert grid.route(goal, start, "walk", root=goal)[::-1] == expected


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
