"""Mistakes a valid scenario can still hold: it loads and plays, but not as its author meant.

Each check here looks at a scenario that already passed validation, together
with the YAML nodes it came from (so a warning names the line). A warning
never stops a file from loading; ``validate --strict`` makes them fail it, and
hot reload shows them beside the running shift.

The checks, by ``WarningKind``:
- the car cannot drive to a call's place, or the roads fall apart into pieces
  the car cannot leave (a sidewalk row drawn across a road is the usual cause);
- an event kind one edit away from a kind the game gives a meaning to
  (``kids-play`` for ``kids_play``), which silently becomes an ordinary event;
- a 0..100 field holding a value of at most 1 (a 0..1 habit: ``trust: 0.62``);
- unquoted text cut short by `` #``, which YAML reads as the start of a comment;
- YAML 1.1 numbers other tools read differently (``1:30`` is 90 in base 60,
  ``1_000`` is 1000; both are text to an editor);
- a resident's schedule entries out of order or overlapping.
"""

from __future__ import annotations

import enum
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.context import ROOT, FieldPath, format_path
from game.scenario.errors import locate
from game.scenario.fieldtypes import (
    Either,
    FieldType,
    ListOf,
    MapOf,
    Number,
    Pool,
    Record,
    Row,
    Text,
)
from game.scenario.model import GameMap, Scenario
from game.scenario.spec import SCENARIO
from game.scenario.yamlnodes import block_char_mark, compose, decode, field_node, is_plain, mark

# Event kinds the game gives a meaning of their own (the kids' game can be joined;
# a cookout has its own title); any other kind is an ordinary event.
KNOWN_EVENT_KINDS: tuple[str, ...] = ("kids_play", "cookout")
DRIVABLE = frozenset({"road", "car_spawn"})  # the tiles the patrol car drives on (game.sim.grid)
Tile = tuple[int, int]  # (column, row)
_STEPS = ((-1, 0), (1, 0), (0, -1), (0, 1))  # west, east, north, south: the game's search order
_COMMENT_AFTER = re.compile(r"[ \t]+#\S")  # `` #word`` right after a plain scalar


class WarningKind(enum.Enum):
    """What kind of silent mistake a warning is about; the value is its name in messages."""

    CAR_CANNOT_REACH = "car-cannot-reach"
    ROAD_CUT = "road-cut"
    EVENT_KIND_TYPO = "event-kind-typo"
    FRACTION_ON_PERCENT_SCALE = "fraction-on-0-100-scale"
    TEXT_CUT_BY_COMMENT = "text-cut-by-comment"
    YAML11_NUMBER = "yaml-1.1-number"
    SCHEDULE_OUT_OF_ORDER = "schedule-out-of-order"
    SCHEDULE_OVERLAP = "schedule-overlap"


@dataclass(frozen=True)
class ScenarioWarning:
    """One warning: where (1-based line and column, field path), what, and how to fix it."""

    kind: WarningKind
    message: str
    line: int | None
    column: int | None
    path: str
    hint: str = ""

    def format(self, source: str) -> str:
        return locate(source, self.line, self.column, self.path, self.message, self.hint,
                      severity=f"warning[{self.kind.value}]")


def scenario_warnings(scenario: Scenario) -> tuple[ScenarioWarning, ...]:
    """Every warning for a scenario the loader accepted, in file order.

    The scenario keeps its file's bytes, so the nodes are composed again here:
    loading stays as fast as before, and only `validate` and hot reload pay.
    """
    source = scenario.source or "<text>"
    text = decode(scenario.content, source)
    root = compose(text, source)
    if root is None:
        return ()
    found = [
        *_road_warnings(scenario, root, text),
        *_event_kind_warnings(scenario, root),
        *_schedule_warnings(scenario, root),
        *_value_warnings(root, text),
    ]
    return tuple(sorted(found, key=lambda w: (w.line or 0, w.column or 0, w.kind.value)))


def _warning(kind: WarningKind, node: Node, path: FieldPath, message: str, hint: str = "",
             at: Tile | None = None) -> ScenarioWarning:
    line, column = at or mark(node)
    return ScenarioWarning(kind, message, line, column, format_path(path), hint)


def _path(*keys: str | int) -> FieldPath:
    path: FieldPath = ROOT
    for key in keys:
        path = (path, key)
    return path


def _item(node: Node, *keys: str | int) -> Node:
    """The node at ``keys`` below ``node`` (field names and list indexes); the scenario is
    valid, so the path exists."""
    for key in keys:
        node = node.value[key] if isinstance(key, int) else field_node(node, key)
    return node


# --- roads -----------------------------------------------------------------------------------


def _components(game_map: GameMap) -> dict[Tile, int]:
    """Drivable tile -> number of its road piece; the car spawn's piece is 0."""
    piece: dict[Tile, int] = {}
    starts = [game_map.car_spawn] + [
        (x, y) for y in range(game_map.height) for x in range(game_map.width)
        if game_map.kind_at(x, y) in DRIVABLE
    ]
    count = 0
    for start in starts:
        if start in piece:
            continue
        piece[start] = count
        queue = deque([start])
        while queue:
            x, y = queue.popleft()
            for dx, dy in _STEPS:
                nxt = (x + dx, y + dy)
                if (nxt not in piece and 0 <= nxt[0] < game_map.width and 0 <= nxt[1] < game_map.height
                        and game_map.kind_at(*nxt) in DRIVABLE):
                    piece[nxt] = count
                    queue.append(nxt)
        count += 1
    return piece


def _nearest_drivable(game_map: GameMap, piece: dict[Tile, int]) -> dict[Tile, Tile]:
    """For every tile, the drivable tile the game parks at for it: a breadth-first search from
    every drivable tile at once, in map order, trying west, east, north, south (game.sim.routes)."""
    nearest = {tile: tile for tile in sorted(piece, key=lambda t: (t[1], t[0]))}
    queue = deque(nearest)
    while queue:
        x, y = queue.popleft()
        for dx, dy in _STEPS:
            nxt = (x + dx, y + dy)
            if nxt not in nearest and 0 <= nxt[0] < game_map.width and 0 <= nxt[1] < game_map.height:
                nearest[nxt] = nearest[(x, y)]
                queue.append(nxt)
    return nearest


def _cut_between(game_map: GameMap, piece: dict[Tile, int], other: int) -> Tile | None:
    """A tile that touches both the car's road piece and piece ``other``: where the road is cut."""
    for y in range(game_map.height):
        for x in range(game_map.width):
            if (x, y) in piece:
                continue
            touching = {piece.get((x + dx, y + dy)) for dx, dy in _STEPS}
            if 0 in touching and other in touching:
                return (x, y)
    return None


@dataclass(frozen=True)
class CutOffPlace:
    """A place the patrol car cannot drive to: the road it would park on for the place lies
    in a road piece the car's piece does not join."""

    place: str
    road: Tile  # the drivable tile the game parks at for this place
    cut: Tile | None  # a tile touching both pieces, where they would join; None if none touches
    cut_kind: str  # that tile's kind ("" without one)

    def reason(self) -> str:
        where = f" at the {self.cut_kind} [{self.cut[0]}, {self.cut[1]}]" if self.cut else ""
        return f"its road [{self.road[0]}, {self.road[1]}] is cut off from the car's roads{where}"


def _cut_hint(cut: Tile | None, kind: str) -> str:
    if cut is None:
        return "join it to the car's roads with road tiles"
    return f"the {kind} at [{cut[0]}, {cut[1]}] cuts the road: make it road to join the pieces"


def places_the_car_cannot_reach(scenario: Scenario) -> dict[str, CutOffPlace]:
    """Every place whose road the car cannot drive to, by place id (most maps: none)."""
    game_map = scenario.map
    piece = _components(game_map)
    if max(piece.values()) == 0:
        return {}
    nearest = _nearest_drivable(game_map, piece)
    out = {}
    for place in scenario.places:
        park = nearest[place.at]
        if piece[park] != 0:
            cut = _cut_between(game_map, piece, piece[park])
            out[place.id] = CutOffPlace(place.id, park, cut, game_map.kind_at(*cut) if cut else "")
    return out


def _road_warnings(scenario: Scenario, root: Node, text: str) -> Iterator[ScenarioWarning]:
    game_map = scenario.map
    piece = _components(game_map)
    rows_node = _item(root, "map", "rows")
    firsts: dict[int, Tile] = {}
    for tile in sorted(piece, key=lambda t: (t[1], t[0])):
        firsts.setdefault(piece[tile], tile)
    for number, (x, y) in sorted(firsts.items()):
        if number == 0:
            continue
        size = sum(1 for p in piece.values() if p == number)
        cut = _cut_between(game_map, piece, number)
        yield _warning(WarningKind.ROAD_CUT, rows_node, _path("map", "rows"),
                       f"the road at [{x}, {y}] ({size} tiles) is cut off from the car's roads",
                       _cut_hint(cut, game_map.kind_at(*cut) if cut else ""),
                       at=block_char_mark(rows_node, text, y, x))
    cut_off = places_the_car_cannot_reach(scenario) if len(firsts) > 1 else {}
    if not cut_off:
        return
    spots: list[tuple[Node, FieldPath, str, str]] = [
        (_item(root, "calls", index, "place"), _path("calls", index, "place"), call.place,
         f"call '{call.id}'")
        for index, call in enumerate(scenario.calls)
    ]
    for index, generator in enumerate(scenario.radio):
        pool = _item(root, "radio", index, "places")
        for place_id in generator.places:
            spot = _pool_entry(pool, place_id)
            spots.append((spot, _path("radio", index, "places", place_id), place_id,
                          f"radio calls of '{generator.id}'"))
    for node, path, place_id, what in spots:
        place = cut_off.get(place_id)
        if place is not None:
            yield _warning(WarningKind.CAR_CANNOT_REACH, node, path,
                           f"the car cannot reach {what} at '{place_id}': its road [{place.road[0]}, "
                           f"{place.road[1]}] is cut off from the car's roads",
                           _cut_hint(place.cut, place.cut_kind))


def _pool_entry(pool: Node, place_id: str) -> Node:
    """Where a place is named in a generator's ``places`` (a list item or a mapping key)."""
    if pool.__class__ is SequenceNode:
        return next((item for item in pool.value if item.value == place_id), pool)
    return next((key for key, _ in pool.value if key.value == place_id), pool)


# --- event kinds -------------------------------------------------------------------------------


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one insertion, deletion or substitution turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:k] + long[k + 1:] == short for k in range(len(long)))


def _normal(kind: str) -> str:
    return re.sub(r"[\s_-]+", "_", kind.strip().lower())


def _event_kind_warnings(scenario: Scenario, root: Node) -> Iterator[ScenarioWarning]:
    for index, event in enumerate(scenario.events):
        if event.kind in KNOWN_EVENT_KINDS:
            continue
        close = next((known for known in KNOWN_EVENT_KINDS
                      if _normal(event.kind) == known or _one_edit_apart(event.kind, known)), None)
        if close is not None:
            yield _warning(WarningKind.EVENT_KIND_TYPO, _item(root, "events", index, "kind"),
                           _path("events", index, "kind"),
                           f"'{event.kind}' is an ordinary event, not '{close}'",
                           f"write kind: {close} for what the game does at a {close} event")


# --- schedules ---------------------------------------------------------------------------------


def _schedule_warnings(scenario: Scenario, root: Node) -> Iterator[ScenarioWarning]:
    for r, resident in enumerate(scenario.residents):
        entries = resident.schedule
        for k in range(1, len(entries)):
            before, entry = entries[k - 1], entries[k]
            if entry.start >= before.end:
                continue
            node = _item(root, "residents", r, "schedule", k, "from")
            path = _path("residents", r, "schedule", k, "from")
            start, previous = node.value, _item(root, "residents", r, "schedule", k - 1)
            if entry.start < before.start:
                yield _warning(WarningKind.SCHEDULE_OUT_OF_ORDER, node, path,
                               f"starts at {start}, before the entry above it "
                               f"(from {field_node(previous, 'from').value})",
                               "list a resident's schedule in time order")
            else:
                yield _warning(WarningKind.SCHEDULE_OVERLAP, node, path,
                               f"starts at {start}, before the entry above it ends at "
                               f"{field_node(previous, 'to').value}",
                               "a resident is in one place at a time: make the entries follow each other")


# --- values, by the spec's field types -----------------------------------------------------------


def _fields(kind: FieldType, node: Node, path: FieldPath) -> Iterator[tuple[FieldType, Node, FieldPath]]:
    """Every (field type, node, path) of a valid document, walking the spec beside the nodes."""
    yield kind, node, path
    if isinstance(kind, Record) and node.__class__ is MappingNode:
        for key, value in node.value:
            field = kind.by_name.get(key.value)
            if field is not None:
                yield from _fields(field.kind, value, (path, field.name))
    elif isinstance(kind, ListOf) and node.__class__ is SequenceNode:
        for index, item in enumerate(node.value):
            yield from _fields(kind.item, item, (path, index))
    elif isinstance(kind, MapOf) and node.__class__ is MappingNode:
        for key, value in node.value:
            yield from _fields(kind.value, value, (path, key.value))
    elif isinstance(kind, Row) and node.__class__ is SequenceNode:
        for index, (item_kind, item) in enumerate(zip(kind.types, node.value, strict=False)):
            yield from _fields(item_kind, item, (path, index))
    elif isinstance(kind, Pool):
        yield from _fields(kind.as_list if node.__class__ is SequenceNode else kind.as_mapping, node, path)
    elif isinstance(kind, Either):  # format 2's short or long form, told apart by shape
        yield from _fields(kind.long if node.__class__ is kind.long_shape else kind.short, node, path)


def _value_warnings(root: Node, text: str) -> Iterator[ScenarioWarning]:
    lines = text.split("\n")
    for kind, node, path in _fields(SCENARIO, root, ROOT):
        if node.__class__ is not ScalarNode:
            continue
        if isinstance(kind, Text) and is_plain(node):
            yield from _cut_by_comment(node, path, lines)
        elif isinstance(kind, Number) and is_plain(node):
            yield from _number_surprises(kind, node, path)


def _cut_by_comment(node: ScalarNode, path: FieldPath, lines: list[str]) -> Iterator[ScenarioWarning]:
    end = node.end_mark
    rest = lines[end.line][end.column:] if end.line < len(lines) else ""
    found = _COMMENT_AFTER.match(rest)
    if found is None:
        return
    column = end.column + found.end() - 1  # 0-based column of the '#'
    comment = rest[found.end() - 2:].strip()
    if len(comment) > 30:
        comment = comment[:27] + "..."
    yield _warning(WarningKind.TEXT_CUT_BY_COMMENT, node, path,
                   f"the text ends at '{node.value}': YAML reads '{comment}' as a comment",
                   "if it belongs to the text, put the whole text in double quotes",
                   at=(end.line + 1, column))


def _number_surprises(kind: Number, node: ScalarNode, path: FieldPath) -> Iterator[ScenarioWarning]:
    written, value = node.value, kind.parse(node)
    if value is None:
        return
    if ":" in written or "_" in written:
        how = ("base 60, a YAML 1.1 rule editors do not follow" if ":" in written
               else "'_' makes it a number only in YAML 1.1; editors read it as text")
        yield _warning(WarningKind.YAML11_NUMBER, node, path, f"{written} is read as {value:g} ({how})",
                       f"write {value:g} if you mean it")
    elif kind.minimum == 0 and kind.maximum == 100 and 0 < value <= 1:
        yield _warning(WarningKind.FRACTION_ON_PERCENT_SCALE, node, path,
                       f"{written} on a 0..100 scale is almost nothing",
                       f"if you meant a share of 1, write {value * 100:g}")
