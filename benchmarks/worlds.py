"""Synthetic neighborhoods of any size, built in code, for benchmarks and stress tests.

The layout repeats a street module (houses with porches, sidewalks, a two-lane
road) so that maps grow with the number of households; a shop and a park sit
at the east end of every street. Residents get schedules, stories, concerns
and ties so that every part of the simulation has work to do.
"""

from __future__ import annotations

from types import MappingProxyType

from game.scenario.model import (
    Call,
    Concern,
    Event,
    GameMap,
    Place,
    Resident,
    Scenario,
    ScheduleEntry,
    Shift,
    StoryBeat,
    Tie,
)

LEGEND = {"H": "house", ".": "sidewalk", "#": "road", "P": "porch", "S": "shop", "=": "park",
          "C": "car_spawn"}
HOUSES_PER_STREET_SIDE = 12  # houses along one side of a street module
LOT = 3  # tiles per house lot


def _street_rows(width: int, houses: int) -> list[str]:
    """One street module: houses+porches, sidewalk, road x2, sidewalk, porches+houses."""
    def porch_row() -> str:
        row = "".join("HPH" for _ in range(houses))
        return row + "SS=="[: width - len(row)].ljust(width - len(row), "=")

    def house_row() -> str:
        row = "H" * (LOT * houses)
        return row + "SS==".ljust(width - len(row), "=")

    return [house_row(), porch_row(), "." * width, "#" * width, "#" * width, "." * width,
            porch_row(), house_row()]


def synthetic_scenario(residents: int, seed: int = 1, shift_minutes: int = 480,
                       per_household: int = 2, size: tuple[int, int] | None = None) -> Scenario:
    """``per_household`` residents share each porch: more of them packs a crowd onto fewer streets.

    ``size`` (tiles, at least 40 x 8) fixes the map instead: as many streets as fit, as long as
    the width allows, park along the bottom; residents are shared among its porches.
    """
    houses = HOUSES_PER_STREET_SIDE if size is None else (size[0] - 4) // LOT
    width = LOT * houses + 4 if size is None else size[0]
    households_per_street = 2 * houses
    if size is None:
        streets = max(1, -(-residents // (households_per_street * per_household)))
    else:
        streets = size[1] // 8
    rows: list[str] = []
    for _ in range(streets):
        rows += _street_rows(width, houses)
    if size is not None:
        rows += ["=" * width] * (size[1] - len(rows))
    # A north-south road on the west edge joins the streets; the car starts on it.
    rows = ["#" + r[1:] if i % 8 not in (3, 4) else r for i, r in enumerate(rows)]
    rows[3] = "C" + rows[3][1:]
    grid = [list(r) for r in rows]
    for y in range(len(grid)):
        grid[y][0] = "#" if grid[y][0] != "C" else "C"
    rows = ["".join(r) for r in grid]
    game_map = GameMap(MappingProxyType(dict(LEGEND)), tuple(rows))
    places: list[Place] = []
    for y, row in enumerate(rows):
        for x, c in enumerate(row):
            if c == "P":
                places.append(Place(f"porch-{x}-{y}", (x, y), "porch", f"House {x},{y}"))
    porch_count = len(places)
    for s in range(streets):
        places.append(Place(f"shop-{s}", (LOT * houses, 8 * s + 1), "shop",
                            f"Shop {s}"))
        places.append(Place(f"park-{s}", (width - 1, 8 * s + 6), "park", f"Park {s}"))
    people: list[Resident] = []
    for i in range(residents):
        home = places[(i // per_household) % porch_count].id
        street = min(streets - 1, (i // per_household) // households_per_street)
        start = (i * 37) % max(1, shift_minutes - 120)
        schedule = (ScheduleEntry(start, start + 60 + i % 50, f"park-{street}"),) if i % 2 else ()
        people.append(Resident(
            id=f"r{i}", name=f"Resident {i}", home=home, trust=30.0 + (i * 7) % 50,
            openness=0.3 + (i % 7) / 10, influence=0.2 + (i % 5) / 6, schedule=schedule,
            story=(StoryBeat(0.1, "A story."), StoryBeat(0.4, "A deeper story.")),
            concerns=(Concern(f"worry-{i}", "Cars speed here.", f"shop-{street}"),),
        ))
    ties = tuple(Tie(f"r{i}", f"r{(i * 7 + k) % residents}", 0.5)
                 for i in range(residents) for k in (1, 3)
                 if (i * 7 + k) % residents > i)
    calls = tuple(
        Call(f"call-{k}", 20 + k * 40, f"shop-{k % streets}" if k % 2 else f"park-{k % streets}",
             1 + k % 3, "disturbance", "Shouting.", 8.0)
        for k in range(shift_minutes // 40 - 1)
    )
    events = tuple(Event(f"play-{s}", 60, 180, f"park-{s}", "kids_play", "Water fight")
                   for s in range(streets))
    return Scenario(
        id=f"synthetic-{residents}", title=f"Synthetic {residents}",
        shift=Shift(16 * 60, shift_minutes, 1.5), map=game_map, places=tuple(places),
        residents=tuple(people), ties=ties, calls=calls, events=events, seed=seed,
    )
