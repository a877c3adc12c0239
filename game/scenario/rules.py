"""Scenario rules beyond types and ranges: the ones JSON Schema cannot express.

Each function is a spec hook ``(ctx, value, node, path) -> bool``: it runs on a
value whose fields are already valid, reports through ``ctx`` at the exact place
in the file, and returns False when the value must not be used further.
References between ids are resolved generically (``Ref`` in fieldtypes).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from yaml.nodes import Node

from game.scenario.context import Context, FieldPath
from game.scenario.model import (
    CallKind,
    Encounter,
    FollowedUp,
    GameMap,
    Line,
    Objective,
    Place,
    RateBand,
    ResidentLevel,
    Tie,
    Trigger,
)
from game.scenario.model import Node as Scene
from game.scenario.yamlnodes import block_char_mark, field_node, key_node, mark


def check_map(ctx: Context, game_map: GameMap, node: Node, path: FieldPath) -> bool:
    """Every character of the (rectangular) rows is in the legend; exactly one car_spawn."""
    rows_node = field_node(node, "rows")
    rows_path = (path, "rows")
    rows = game_map.rows
    ok = True
    for char in sorted(set("".join(rows)) - game_map.legend.keys()):
        x, y = next(_find(rows, {char}))
        ctx.error(rows_node, rows_path, f"map character '{char}' at [{x}, {y}] is not in the legend",
                  f"add it to map.legend, e.g. \"{char}\": house",
                  at=block_char_mark(rows_node, ctx.text, y, x))
        ok = False
    spawn_chars = {char for char, kind in game_map.legend.items() if kind == "car_spawn"}
    spawns = _find(rows, spawn_chars)
    first = next(spawns, None)
    if first is None:
        ctx.error(rows_node, rows_path, "the map has no car_spawn tile",
                  "mark where the patrol car starts with a legend character for car_spawn")
        return False
    for x, y in spawns:
        ctx.error(rows_node, rows_path, f"a second car_spawn tile at [{x}, {y}]",
                  f"the map needs exactly one; the first is at [{first[0]}, {first[1]}]",
                  at=block_char_mark(rows_node, ctx.text, y, x))
        ok = False
    if ok and not _touches(game_map, first, {"road"}):
        ctx.error(rows_node, rows_path, f"the car_spawn at [{first[0]}, {first[1]}] does not touch a road",
                  "put it beside a road tile so the car can drive away",
                  at=block_char_mark(rows_node, ctx.text, first[1], first[0]))
        ok = False
    return ok


def _touches(game_map: GameMap, tile: tuple[int, int], kinds: set[str]) -> bool:
    return any(game_map.kind_at(nx, ny) in kinds for nx, ny in _neighbours(game_map, *tile))


def _neighbours(game_map: GameMap, x: int, y: int) -> Iterator[tuple[int, int]]:
    for nx, ny in ((x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)):
        if 0 <= nx < game_map.width and 0 <= ny < game_map.height:
            yield nx, ny


def _reachable_on_foot(game_map: GameMap) -> frozenset[tuple[int, int]]:
    """Tiles a person can walk to from the car spawn (people walk everywhere but houses)."""
    return _walk_from_spawn(game_map.rows, tuple(sorted(game_map.legend.items())))


@lru_cache(maxsize=8)  # every place of a file asks; the map is walked once
def _walk_from_spawn(
    rows: tuple[str, ...], legend: tuple[tuple[str, str], ...]
) -> frozenset[tuple[int, int]]:
    game_map = GameMap(dict(legend), rows)
    seen = {game_map.car_spawn}
    queue = deque(seen)
    while queue:
        for nxt in _neighbours(game_map, *queue.popleft()):
            if nxt not in seen and game_map.kind_at(*nxt) != "house":
                seen.add(nxt)
                queue.append(nxt)
    return frozenset(seen)


def _find(rows: tuple[str, ...], chars: set[str]) -> Iterator[tuple[int, int]]:
    """Positions ``(column, row)`` of the given characters, in reading order."""
    for y, row in enumerate(rows):
        if not chars.isdisjoint(row):
            for x, char in enumerate(row):
                if char in chars:
                    yield x, y


def check_place(ctx: Context, place: Place, node: Node, path: FieldPath) -> bool:
    """A place lies inside the map on a tile of its own kind (needs a valid map)."""
    game_map: GameMap | None = ctx.top.get("map")
    if game_map is None:
        return True  # the map is wrong and already reported
    at_node = field_node(node, "at")
    x, y = place.at
    if not (x < game_map.width and y < game_map.height):
        ctx.error(at_node, (path, "at"), f"[{x}, {y}] is outside the map",
                  f"columns run 0..{game_map.width - 1}, rows 0..{game_map.height - 1}")
        return False
    tile = game_map.kind_at(x, y)
    if tile == place.kind:
        if place.at in _reachable_on_foot(game_map):
            return True
        ctx.error(at_node, (path, "at"), f"[{x}, {y}] cannot be reached on foot from the car spawn",
                  "houses wall it in: open a sidewalk, yard or porch tile next to it")
        return False
    kind_chars = {char for char, kind in game_map.legend.items() if kind == place.kind}
    nearest = min(_find(game_map.rows, kind_chars), default=None,
                  key=lambda spot: abs(spot[0] - x) + abs(spot[1] - y))
    hint = (f"the nearest {place.kind} tile is [{nearest[0]}, {nearest[1]}]" if nearest
            else f"the map has no {place.kind} tile")
    ctx.error(at_node, (path, "at"),
              f"a {place.kind} must sit on a {place.kind} tile, but [{x}, {y}] is {tile}", hint)
    return False


def check_span(ctx: Context, value: Any, node: Node, path: FieldPath) -> bool:
    """``from`` comes before ``to`` (both already inside the shift, as offsets)."""
    if value.start < value.end:
        return True
    end_node, start_node = field_node(node, "to"), field_node(node, "from")
    ctx.error(end_node, (path, "to"), f"ends at {end_node.value}, not after it starts at "
              f"{start_node.value}", "'from' must be earlier than 'to'")
    return False


def check_ties(ctx: Context, ties: list[Tie], nodes: list[Node], path: FieldPath) -> bool:
    """A tie joins two different residents; ties are undirected, so the same pair
    twice, in either order, is a mistake."""
    first: dict[frozenset[str], int] = {}
    ok = True
    for index, tie in enumerate(ties):
        pair = frozenset((tie.a, tie.b))
        if tie.a == tie.b:
            ctx.error(nodes[index].value[1], ((path, index), 1), f"'{tie.a}' is tied to itself",
                      "a tie joins two different residents")
            ok = False
        elif pair in first:
            earlier = first[pair]
            ctx.error(nodes[index], (path, index),
                      f"'{tie.a}' and '{tie.b}' are already tied at ties[{earlier}]",
                      f"ties are undirected: list each pair once; the first is at line "
                      f"{mark(nodes[earlier])[0]}")
            ok = False
        else:
            first[pair] = index
    return ok


def check_bands(ctx: Context, bands: list[RateBand], nodes: list[Node], path: FieldPath) -> bool:
    """Rate bands do not overlap: each minute of the shift has one rate (a gap has none)."""
    ok = True
    order = sorted(range(len(bands)), key=lambda index: bands[index].start)
    latest = order[0]  # of the bands so far, the one that ends last
    for index in order[1:]:
        if bands[index].start < bands[latest].end:
            start_node = field_node(nodes[index], "from")
            ctx.error(start_node, ((path, index), "from"),
                      f"starts at {start_node.value}, before rate[{latest}] ends at "
                      f"{field_node(nodes[latest], 'to').value}",
                      "rate bands may not overlap; between two bands no calls come in")
            ok = False
        if bands[index].end > bands[latest].end:
            latest = index
    return ok


def check_call_kind(ctx: Context, kind: CallKind, node: Node, path: FieldPath) -> bool:
    """An escalation waits for the window to pass and never makes a call less urgent:
    otherwise "in time" would mean nothing, and ignoring a call would pay."""
    step = kind.escalation
    if step is None:
        return True
    escalates_node = field_node(node, "escalates")
    ok = True
    if step.after_minutes < kind.window_minutes:
        ctx.error(field_node(escalates_node, "after_minutes"), ((path, "escalates"), "after_minutes"),
                  f"escalates after {step.after_minutes} minutes, before the "
                  f"{kind.window_minutes:g}-minute window closes",
                  f"make after_minutes at least {math.ceil(kind.window_minutes)}")
        ok = False
    if step.priority > kind.priority:
        ctx.error(field_node(escalates_node, "priority"), ((path, "escalates"), "priority"),
                  f"escalates to priority {step.priority}, less urgent than its priority "
                  f"{kind.priority}", "an unanswered call gets worse: use priority "
                  + " or ".join(str(p) for p in range(kind.priority, 0, -1)))
        ok = False
    return ok


def check_encounter(ctx: Context, encounter: Encounter, node: Node, path: FieldPath) -> bool:
    """Every node is reachable from ``start`` and can still reach an ending; per-resident
    qualities name exactly the residents the encounter is with."""
    return _check_graph(ctx, encounter, node, path) and _check_choice_residents(ctx, encounter,
                                                                                node, path)


def _check_choice_residents(ctx: Context, encounter: Encounter, node: Node, path: FieldPath) -> bool:
    """A choice that moves each resident by their own quality says how it moves every one of
    ``with``, and nobody else (whom it would not reach)."""
    ok = True
    with_ = set(encounter.with_)
    nodes_node = field_node(node, "nodes")
    for name, scene in encounter.nodes.items():
        for index, choice in enumerate(scene.choices):
            named = set(choice.qualities)
            if not named or named == with_:
                continue
            choices_node = field_node(field_node(nodes_node, name), "choices")
            where = field_node(choices_node.value[index], "quality")
            where_path = ((((((path, "nodes"), name), "choices"), index)), "quality")
            missing, extra = sorted(with_ - named), sorted(named - with_)
            if extra:
                ctx.error(where, where_path, f"names {', '.join(extra)}, not in the encounter's with",
                          "add them to with, or leave them out here")
            if missing:
                ctx.error(where, where_path, f"gives no quality for {', '.join(missing)}",
                          "a per-resident quality names everyone in with")
            ok = False
    return ok


def _check_graph(ctx: Context, encounter: Encounter, node: Node, path: FieldPath) -> bool:
    graph = {
        name: {choice.goto for choice in scene.choices
               if choice.goto is not None and choice.goto in encounter.nodes}
        for name, scene in encounter.nodes.items()
    }
    if encounter.start not in graph:
        return True  # reported as an unknown node when references resolve
    reachable = _closure({encounter.start}, graph)
    ends = {name for name, scene in encounter.nodes.items()
            if any(choice.goto is None for choice in scene.choices)}
    backwards: dict[str, set[str]] = {name: set() for name in graph}
    for name, targets in graph.items():
        for target in targets:
            backwards[target].add(name)
    can_end = _closure(ends, backwards)
    nodes_node = field_node(node, "nodes")
    ok = True
    for name in graph:
        where = key_node(nodes_node, name)
        where = nodes_node if where is None else where
        if name not in reachable:
            ctx.error(where, ((path, "nodes"), name),
                      f"node '{name}' cannot be reached from start '{encounter.start}'",
                      f"add a choice with goto: {name}, or remove the node")
            ok = False
        elif name not in can_end:
            ctx.error(where, ((path, "nodes"), name),
                      f"from node '{name}' the encounter can never end",
                      "give at least one choice on the way no goto")
            ok = False
    return ok


def _closure(start: set[str], edges: dict[str, set[str]]) -> set[str]:
    seen = set(start)
    todo = list(start)
    while todo:
        for target in edges[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def check_level(ctx: Context, level: ResidentLevel, node: Node, path: FieldPath) -> bool:
    """A trust or familiarity condition gives a bound, and a range that can hold."""
    if level.at_least is None and level.at_most is None:
        ctx.error(node, path, f"a {level.measure.value} condition needs at_least or at_most",
                  f"e.g. {{resident: {level.resident}, at_least: "
                  f"{'60' if level.measure.value == 'trust' else '0.3'}}}")
        return False
    if level.at_least is not None and level.at_most is not None and level.at_least > level.at_most:
        ctx.error(field_node(node, "at_most"), (path, "at_most"),
                  f"at_most {level.at_most:g} is below at_least {level.at_least:g}",
                  "the condition could never hold")
        return False
    return True


def check_lines(ctx: Context, lines: list[Line], nodes: list[Node], path: FieldPath) -> bool:
    """Lines are tried in order: every one but the last has conditions, the last has none,
    so exactly one line always fits and none is hidden behind an earlier catch-all."""
    ok = True
    for index, line in enumerate(lines[:-1]):
        if not line.requires:
            ctx.error(nodes[index], (path, index), "a line without requires hides the lines after it",
                      "give it requires, or move it to the end")
            ok = False
    if lines[-1].requires:
        ctx.error(field_node(nodes[-1], "requires"), ((path, len(lines) - 1), "requires"),
                  "the last line needs no requires: it is shown when no other fits",
                  "add a last line without requires")
        ok = False
    return ok


def check_node(ctx: Context, scene: Scene, node: Node, path: FieldPath) -> bool:
    """At least one choice is always offered, so a scene can always be answered."""
    if scene.choices and all(choice.requires for choice in scene.choices):
        ctx.error(field_node(node, "choices"), (path, "choices"),
                  "every choice has requires, so none may be offered",
                  "leave at least one choice without requires")
        return False
    return True


def check_trigger_delay(ctx: Context, trigger: Trigger, node: Node, path: FieldPath) -> bool:
    """Only a follow-up (after a breach or a flag) can wait: the others fire as they happen."""
    if trigger.after_minutes and trigger.kind not in ("breach", "flag"):
        ctx.error(field_node(node, "after_minutes"), (path, "after_minutes"),
                  "'after_minutes' only applies together with 'breach' or 'flag'",
                  f"a {trigger.kind} trigger starts the encounter as it happens")
        return False
    return True


def check_objective(ctx: Context, objective: Objective, node: Node, path: FieldPath) -> bool:
    """``no_breaches: true`` (false would mean nothing); a followed-up worry names one resident's."""
    check = objective.check
    check_node_ = field_node(node, "check")
    if check is None:  # no_breaches: false
        ctx.error(field_node(check_node_, "no_breaches"), ((path, "check"), "no_breaches"),
                  "no_breaches can only be true", "write no_breaches: true, or remove it")
        return False
    if isinstance(check, FollowedUp):
        owners = [r.id for r in ctx.top.get("residents", ())
                  if any(c.id == check.concern for c in r.concerns)]
        if len(owners) > 1:
            ctx.error(field_node(check_node_, "followed_up"), ((path, "check"), "followed_up"),
                      f"'{check.concern}' is a worry of {', '.join(owners)}",
                      "give the worries different ids, so the objective names one")
            return False
    return True
