"""The vocabulary of the scenario spec: each field type both *checks* a YAML node
and *describes itself* as JSON Schema.

Keeping the two next to each other is what makes the spec the single source of
truth: a range added to ``Int`` is enforced by the loader and shown by the
editor in the same change. A check returns the built Python value, or
``INVALID`` after reporting why through the ``Context``; it never raises for
bad input, so one walk reports every problem in a file.

Rules that JSON Schema cannot express (references, unique ids, map geometry,
times inside the shift, encounter graphs) hang off records and lists as
``check`` hooks: ``hook(ctx, value, node, path) -> bool``.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from game.scenario.context import Context, FieldPath
from game.scenario.errors import did_you_mean
from game.scenario.limits import MAX_ID_CHARS, MAX_LIST_ITEMS, MAX_TEXT_CHARS
from game.scenario.yamlnodes import (
    BOOL_TAG,
    FLOAT_TAG,
    INT_TAG,
    MAP_TAG,
    NULL_TAG,
    SEQ_TAG,
    STR_TAG,
    TAG,
    block_char_mark,
    child,
    is_foreign,
    is_plain,
    mark,
)
from game.tuning import MINUTES_PER_DAY

Hook = Callable[[Context, Any, Node, FieldPath], bool]
JSON = dict[str, Any]


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()  # a check's result after it reported a problem
MISSING: Any = dataclasses.MISSING  # a field without a default
_CONSTRUCTOR = yaml.constructor.SafeConstructor()  # only its YAML 1.1 number parsers are used


class FieldType:
    """Base of every field type."""

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> JSON:
        raise NotImplementedError

    def on_default(self, ctx: Context, value: Any) -> None:
        """Called when a record fills this field with its default (ids it defines, say)."""


class KeyType(FieldType):
    """A text type that can also check mapping keys, which are always taken as written."""

    what = "text"  # for "expected ..., got ..."

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is not ScalarNode or node.tag != STR_TAG:
            ctx.expected(node, path, self.what, textual=True)
            return INVALID
        return node.value if self.check_text(node.value, node, path, ctx) else INVALID

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        raise NotImplementedError


# --- scalars ----------------------------------------------------------------------


def _within_length(text: str, limit: int, node: Node, path: FieldPath, ctx: Context) -> bool:
    if len(text) <= limit:
        return True
    ctx.error(node, path, f"is {len(text):,} characters long; the limit is {limit:,}",
              "shorten it: every text on screen is laid out each frame")
    return False


class Text(KeyType):
    """Free text of at most ``max_chars`` characters; blank text is an error unless
    ``allow_empty`` (then "" is the default)."""

    def __init__(self, allow_empty: bool = False, max_chars: int = MAX_TEXT_CHARS) -> None:
        self.allow_empty, self.max_chars = allow_empty, max_chars

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        if not (self.allow_empty or text.strip()):
            ctx.error(node, path, "must not be empty")
            return False
        return _within_length(text, self.max_chars, node, path, ctx)

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "string"} if self.allow_empty else {
            "type": "string", "pattern": r"\S", "patternErrorMessage": "must not be empty"}
        return {**schema, "maxLength": self.max_chars}


class Grid(Text):
    """Equal-width lines written as one block of text (``rows: |``), built as a tuple of lines,
    at most ``max_side`` wide and high and ``max_tiles`` in all."""

    def __init__(self, max_side: int, max_tiles: int) -> None:
        super().__init__(max_chars=max_tiles + max_side)  # the tiles and a line break a row
        self.max_side, self.max_tiles = max_side, max_tiles

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        if text.strip():
            return True  # the size is checked in tiles, which say more than characters
        ctx.error(node, path, "must not be empty")
        return False

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        text = super().check(node, path, ctx)
        if text is INVALID:
            return INVALID
        rows = tuple(text.rstrip("\n").split("\n"))
        widest = max(len(row) for row in rows)
        if max(widest, len(rows)) > self.max_side or widest * len(rows) > self.max_tiles:
            ctx.error(node, path, f"the map is {widest}x{len(rows)} tiles; the limit is "
                      f"{self.max_side} tiles a side and {self.max_tiles:,} tiles in all",
                      "split the neighborhood into smaller scenarios")
            return INVALID
        width = len(rows[0])
        ok = True
        for y, row in enumerate(rows):
            if len(row) != width:
                ctx.error(node, path, f"row {y} is {len(row)} characters wide, row 0 is {width}",
                          "every row must be as wide as the first",
                          at=block_char_mark(node, ctx.text, y, min(len(row), width)))
                ok = False
        return rows if ok else INVALID


class Name(KeyType):
    """An identifier matching ``pattern``: list ids, policy names, encounter node names."""

    what = "a name"

    def __init__(self, pattern: str, rule: str, defines: str | None = None) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)
        self.rule = rule  # the pattern in words, for the hint
        self.defines = defines  # the name becomes referable as this kind (flags a choice sets)

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        if not _within_length(text, MAX_ID_CHARS, node, path, ctx):
            return False
        if self._regex.fullmatch(text):
            if self.defines is not None:
                ctx.define(self.defines, False, text)
            return True
        suggestion = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        hint = self.rule + (f"; try '{suggestion}'" if suggestion else "")
        ctx.error(node, path, f"'{text}' is not a valid name", hint)
        return False

    def json_schema(self) -> JSON:
        return {"type": "string", "pattern": f"^{self.pattern}$", "patternErrorMessage": self.rule,
                "maxLength": MAX_ID_CHARS}


class Ref(KeyType):
    """The id of something defined elsewhere; checked once the whole file is read.
    As a mapping key it names what the value belongs to (a place and its weight)."""

    def __init__(self, kind: str, local: bool = False, wildcard: str | None = None) -> None:
        self.kind = kind
        self.local = local  # True: the id lives in the enclosing scoped record
        self.wildcard = wildcard  # a word that stands for any of them ("any" policy)
        self.what = f"the id of a {kind}"

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        if text != self.wildcard:
            ctx.refer(self.kind, self.local, text, node, path)
        return True

    def json_schema(self) -> JSON:
        return {"type": "string"}


class Enum(KeyType):
    """One of a closed set of words."""

    def __init__(self, values: Sequence[str], what: str) -> None:
        self.values = tuple(values)
        self._set = frozenset(values)
        self.noun = what
        self.what = f"a {what}"

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        if text in self._set:
            return True
        hint = did_you_mean(text, self.values) or "one of: " + ", ".join(self.values)
        ctx.error(node, path, f"unknown {self.noun} '{text}'", hint)
        return False

    def json_schema(self) -> JSON:
        return {"enum": list(self.values)}


class Char(KeyType):
    """A single character, as written (map legend keys: ``=`` or ``1`` count too)."""

    what = "a single character"

    def check_text(self, text: str, node: Node, path: FieldPath, ctx: Context) -> bool:
        if len(text) == 1:
            return True
        ctx.error(node, path, f"'{text}' is not a single character", "each map tile is one character")
        return False

    def json_schema(self) -> JSON:
        return {"type": "string", "minLength": 1, "maxLength": 1}


def _bound(value: float) -> str:
    """A bound as an author would write it; whole-number bounds in full (seeds reach 2^63 - 1)."""
    return str(value) if isinstance(value, int) else f"{value:g}"


def _range_words(low: float | None, high: float | None, above: float | None) -> str:
    if low is not None and high is not None:
        return f"between {_bound(low)} and {_bound(high)}"
    if above is not None:
        ceiling = "" if high is None else f" and at most {_bound(high)}"
        return f"greater than {_bound(above)}{ceiling}"
    return f"at least {_bound(low)}" if low is not None else f"at most {_bound(high)}"  # type: ignore[arg-type]


class Number(FieldType):
    """A finite number (integers count) within optional bounds; built as ``float``."""

    integral = False
    what = "a number"

    def __init__(
        self,
        minimum: float | None = None,
        maximum: float | None = None,
        above: float | None = None,  # exclusive minimum
    ) -> None:
        self.minimum, self.maximum, self.above = minimum, maximum, above

    def parse(self, node: Node) -> float | int | None:
        """The number the node holds, or None when it holds no finite number."""
        return _parse_number(node, self.integral)

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        value = self.parse(node)
        if value is None:
            if _is_huge(node):
                ctx.error(node, path, f"{node.value} is too large a number; it must be "
                          f"{_range_words(self.minimum, self.maximum, self.above)}")
                return INVALID
            bounds = self.minimum, self.maximum, self.above
            words = "" if bounds == (None, None, None) else " " + _range_words(*bounds)
            ctx.expected(node, path, self.what + words)
            return INVALID
        if (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
            or (self.above is not None and value <= self.above)
        ):
            words = _range_words(self.minimum, self.maximum, self.above)
            ctx.error(node, path, f"must be {words}, got {node.value}")
            return INVALID
        return value

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "integer" if self.integral else "number"}
        for key, bound in (
            ("minimum", self.minimum), ("maximum", self.maximum), ("exclusiveMinimum", self.above)
        ):
            if bound is not None:
                schema[key] = bound
        return schema


class Int(Number):
    """A whole number within optional bounds."""

    integral = True
    what = "a whole number"


# A number in YAML 1.2 (what editors read) that YAML 1.1 leaves as text: 1e308, 2E-3 and
# friends need no dot there. Only unquoted values count: quoted ones are text in both.
_YAML12_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+")
_YAML12_OCTAL = re.compile(r"0o[0-7]+")


def _parse_number(node: Node, integral: bool) -> float | int | None:
    """The finite number a scalar holds (YAML 1.1 forms such as 1_000 or 0x1f included, and
    YAML 1.2 forms such as 1e3 and 0o17); a whole float counts for a whole number, as in JSON
    Schema."""
    if node.__class__ is not ScalarNode:
        return None
    if node.tag == INT_TAG:
        try:
            number: float | int = int(node.value)
        except ValueError:  # 0x1f, 0o17, 1:30 (sexagesimal)
            number = _CONSTRUCTOR.construct_yaml_int(node)
        return number if integral else float(number)
    if node.tag == FLOAT_TAG:
        try:
            number = float(node.value)
        except ValueError:  # .inf, .nan, 1:30.5
            number = _CONSTRUCTOR.construct_yaml_float(node)
    elif node.tag == STR_TAG and is_plain(node) and _YAML12_FLOAT.fullmatch(node.value):
        number = float(node.value)
    elif node.tag == STR_TAG and is_plain(node) and _YAML12_OCTAL.fullmatch(node.value):
        return int(node.value, 8) if integral else float(int(node.value, 8))
    else:
        return None
    if not math.isfinite(number):
        return None
    if integral:
        return int(number) if number.is_integer() else None
    return number


def _is_huge(node: Node) -> bool:
    """An unquoted number too large for a float (1e309): a range problem, not a type one."""
    if not is_plain(node):
        return False
    written = node.value.replace("_", "")
    if node.tag != FLOAT_TAG and not _YAML12_FLOAT.fullmatch(written):
        return False
    try:
        return math.isinf(float(written))
    except ValueError:
        return False


# YAML 1.1 reads these unquoted words as true or false; YAML 1.2 editors read them as text.
# The validator takes them either way, and the schema says so, so both agree.
BOOL_WORDS: Mapping[str, bool] = MappingProxyType({
    word: value
    for words, value in ((("true", "yes", "on"), True), (("false", "no", "off"), False))
    for base in words for word in (base, base.capitalize(), base.upper())
})


class Bool(FieldType):
    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is ScalarNode and node.tag in (BOOL_TAG, STR_TAG) and node.value in BOOL_WORDS:
            return BOOL_WORDS[node.value]
        ctx.expected(node, path, "true or false")
        return INVALID

    def json_schema(self) -> JSON:
        return {"anyOf": [{"type": "boolean"}, {"enum": list(BOOL_WORDS)}]}


class Version(FieldType):
    """One of the format versions this game reads (the newest is what it writes)."""

    def __init__(self, versions: Sequence[int]) -> None:
        self.versions = tuple(versions)
        self.words = " or ".join(str(v) for v in self.versions)

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        value = _parse_number(node, integral=True)
        if value is None:
            ctx.expected(node, path, f"the number {self.words}")
            return INVALID
        if value not in self.versions:
            ctx.error(node, path, f"must be {self.words}, got {value}",
                      f"this game reads formats {self.words}")
            return INVALID
        return value

    def json_schema(self) -> JSON:
        return {"enum": list(self.versions)}


_CLOCK = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


class Clock(FieldType):
    """``HH:MM``. With ``in_shift``, built as minutes after the shift starts and
    checked to lie inside it (the end counts); needs ``shift`` built first."""

    def __init__(self, in_shift: bool) -> None:
        self.in_shift = in_shift

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        # Unquoted 16:00 is a YAML 1.1 integer (960); the text as written is what we read.
        if node.__class__ is not ScalarNode or node.tag not in (STR_TAG, INT_TAG):
            ctx.expected(node, path, "a time HH:MM")
            return INVALID
        match = _CLOCK.fullmatch(node.value)
        if match is None:
            ctx.error(node, path, f"'{node.value}' is not a time", 'write times as HH:MM, e.g. "09:30"')
            return INVALID
        minutes = int(match[1]) * 60 + int(match[2])
        if not self.in_shift:
            return minutes
        shift = ctx.top.get("shift")
        if shift is None:  # the shift itself is wrong and already reported
            return INVALID
        offset = (minutes - shift.start) % MINUTES_PER_DAY
        if offset > shift.minutes:
            ctx.error(node, path, f"{node.value} is outside the shift",
                      f"the shift runs {shift.clock(0)}-{shift.clock(shift.minutes)}")
            return INVALID
        return offset

    def json_schema(self) -> JSON:
        # yaml-language-server shows patternErrorMessage instead of the regular expression.
        return {"type": "string", "pattern": f"^{_CLOCK.pattern}$",
                "patternErrorMessage": 'a time HH:MM from 00:00 to 23:59, e.g. "09:30"'}


# --- collections --------------------------------------------------------------------


def _count_within(count: int, low: int, high: int, nouns: tuple[str, str], node: Node,
                  path: FieldPath, ctx: Context) -> bool:
    """``nouns``: the words after "at least N" and after "has N" (``item(s)``, ``items``)."""
    if count < low:
        ctx.error(node, path, f"needs at least {low} {nouns[0]}")
        return False
    if count > high:
        ctx.error(node, path, f"has {count:,} {nouns[1]}; the limit is {high:,}",
                  "split the scenario, or leave out what the shift does not need")
        return False
    return True


def mapping_pairs(
    node: MappingNode, path: FieldPath, ctx: Context, known: Mapping[str, object] | None
) -> dict[str, tuple[Node, Node]]:
    """Key text -> (key node, value node); reports odd keys, duplicates and, given
    ``known``, unknown field names (with a did-you-mean)."""
    pairs: dict[str, tuple[Node, Node]] = {}
    repeats: list[tuple[Node, Node]] = []  # duplicate keys and their values, in file order
    for key_node, value_node in node.value:
        if key_node.__class__ is not ScalarNode or is_foreign(key_node):
            ctx.error(key_node, path, "keys must be plain names")
            continue
        key = key_node.value
        if key in pairs:
            repeats.append((key_node, value_node))
            continue
        pairs[key] = (key_node, value_node)
        if known is not None and key not in known:
            if key_node.tag == TAG + "merge":
                hint = "merge keys (<<) are not supported; write the fields out"
            elif node.flow_style and value_node.tag == NULL_TAG and not value_node.value:
                hint = "a comma inside { } starts a new field: put text with commas in quotes"
            else:
                hint = did_you_mean(key, known) or "fields here: " + ", ".join(known)
            ctx.error(key_node, (path, key), f"unknown field '{key}'", hint)
    _report_repeats(repeats, pairs, path, ctx)
    return pairs


def _report_repeats(repeats: list[tuple[Node, Node]], pairs: dict[str, tuple[Node, Node]],
                    path: FieldPath, ctx: Context) -> None:
    """Duplicate keys; when a list item's first key comes again, one message: the next
    item's ``- `` is missing (else every one of its fields would be a duplicate)."""
    if not repeats:
        return
    first_key = next(iter(pairs))
    again, again_value = repeats[0]
    parent_is_list = path is not None and isinstance(path[1], int)
    if parent_is_list and again.value == first_key and len(repeats) > 1:
        names = ", ".join(f"'{key.value}'" for key, _ in repeats[:3]) + (
            f" and {len(repeats) - 3} more" if len(repeats) > 3 else "")
        written = again_value.value if again_value.__class__ is ScalarNode else "..."
        ctx.error(again, path, f"missing '- ' before this line: {names} repeat the fields of "
                  "the item above", f"start the next item with '- {first_key}: {written}'")
        return
    for key_node, _ in repeats:
        first = mark(pairs[key_node.value][0])[0]
        ctx.error(key_node, (path, key_node.value), f"duplicate key '{key_node.value}'",
                  f"each key may appear once; the first is at line {first}")


class ListOf(FieldType):
    """A list. ``key`` names the id field that must be unique within the list;
    ``defines`` also makes those ids referable by ``Ref(defines)``."""

    def __init__(
        self,
        item: FieldType,
        min_items: int = 0,
        key: str | None = None,
        defines: str | None = None,
        unique: bool = False,  # the items themselves (scalars) may not repeat
        check: Callable[[Context, list[Any], list[Node], FieldPath], bool] | None = None,
        max_items: int = MAX_LIST_ITEMS,
    ) -> None:
        self.item, self.min_items, self.key, self.defines = item, min_items, key, defines
        self.unique, self.hook, self.max_items = unique, check, max_items

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is not SequenceNode and self.defines is not None:
            ctx.cannot_define(self.defines)
        if node.__class__ is MappingNode and node.tag == MAP_TAG:
            ctx.error(node, path, "expected a list, got a mapping",
                      "put it in [ ] to make a list of one" if node.flow_style
                      else "start each item of the list with '- ', the first one too")
            return INVALID
        if node.__class__ is not SequenceNode or node.tag != SEQ_TAG:
            ctx.expected(node, path, "a list")
            return INVALID
        item_nodes = node.value
        ok = _count_within(len(item_nodes), self.min_items, self.max_items, ("item(s)", "items"),
                           node, path, ctx)
        first: dict[Any, Node] = {}  # id (or item) -> where it first appeared
        values = []
        for index, item_node in enumerate(item_nodes):
            item_path = (path, index)
            if self.key is not None:
                self._register(item_node, item_path, self.key, first, ctx)
            value = self.item.check(item_node, item_path, ctx)
            if value is INVALID:
                ok = False
            elif self.unique:
                if value in first:
                    ctx.error(item_node, item_path, f"'{value}' is listed twice")
                    ok = False
                first[value] = item_node
            values.append(value)
        if ok and self.hook is not None:
            ok = self.hook(ctx, values, item_nodes, path)
        return tuple(values) if ok else INVALID

    def _register(
        self, item_node: Node, item_path: FieldPath, key: str, first: dict[Any, Node], ctx: Context
    ) -> None:
        key_node = child(item_node, key)
        if key_node is None or key_node.__class__ is not ScalarNode or key_node.tag != STR_TAG:
            return  # the item's own check reports a missing or malformed id
        value = key_node.value
        if value in first:
            ctx.error(key_node, (item_path, key), f"duplicate id '{value}'",
                      f"ids must be unique in the list; the first is at line {mark(first[value])[0]}")
            return
        first[value] = key_node
        if self.defines is not None:
            # An item whose id comes twice is two items run together (a missing '- ',
            # reported as such): both ids exist, so references to the second are not errors too.
            for id_node in _values_of(item_node, key):
                ctx.define(self.defines, False, id_node.value)

    def json_schema(self) -> JSON:
        schema: JSON = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        schema["maxItems"] = self.max_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


def _values_of(node: Node, key: str) -> list[Node]:
    """Every text value under ``key`` in a mapping node, duplicates included."""
    return [value for k, value in node.value
            if k.__class__ is ScalarNode and k.value == key
            and value.__class__ is ScalarNode and value.tag == STR_TAG]


class Row(FieldType):
    """A short fixed-length list such as ``[column, row]``, built by ``build(*values)``."""

    def __init__(self, items: Sequence[tuple[str, FieldType]], build: Callable[..., Any]) -> None:
        self.labels = tuple(label for label, _ in items)
        self.types = tuple(kind for _, kind in items)
        self.build = build
        self.what = "[" + ", ".join(self.labels) + "]"

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is not SequenceNode or node.tag != SEQ_TAG:
            ctx.expected(node, path, f"a list {self.what}")
            return INVALID
        if len(node.value) != len(self.types):
            ctx.error(node, path, f"expected {len(self.types)} values {self.what}, got {len(node.value)}")
            return INVALID
        values = [
            kind.check(item, (path, index), ctx)
            for index, (kind, item) in enumerate(zip(self.types, node.value, strict=True))
        ]
        if INVALID in values:
            return INVALID
        return self.build(*values)

    def json_schema(self) -> JSON:
        return {
            "type": "array",
            "prefixItems": [kind.json_schema() for kind in self.types],
            "items": False,
            "minItems": len(self.types),
        }


class MapOf(FieldType):
    """A mapping from checked keys to values (legend, policies, encounter nodes, tuning).
    With ``key_attr`` the key is passed to the value record under that name."""

    def __init__(
        self,
        key: KeyType,
        value: FieldType,
        defines: str | None = None,
        local: bool = False,
        key_attr: str | None = None,
        min_items: int = 0,
        max_items: int = MAX_LIST_ITEMS,
    ) -> None:
        self.key, self.value, self.defines, self.local = key, value, defines, local
        self.key_attr, self.min_items, self.max_items = key_attr, min_items, max_items

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is not MappingNode or node.tag != MAP_TAG:
            ctx.expected(node, path, "a mapping")
            return INVALID
        pairs = mapping_pairs(node, path, ctx, None)
        ok = _count_within(len(pairs), self.min_items, self.max_items, ("entry", "entries"), node, path, ctx)
        out = {}
        for key, (key_node, value_node) in pairs.items():
            key_path = (path, key)
            if not self.key.check_text(key, key_node, key_path, ctx):
                ok = False
                continue
            if self.defines is not None:
                ctx.define(self.defines, self.local, key)
            if self.key_attr is None:
                value = self.value.check(value_node, key_path, ctx)
            else:
                value = self.value.check(value_node, key_path, ctx, {self.key_attr: key})  # type: ignore[call-arg]
            if value is INVALID:
                ok = False
            out[key] = value
        return MappingProxyType(out) if ok else INVALID

    def on_default(self, ctx: Context, value: Any) -> None:
        if self.defines is not None:
            for key in value:
                ctx.define(self.defines, self.local, key)

    def json_schema(self) -> JSON:
        schema: JSON = {
            "type": "object",
            "propertyNames": self.key.json_schema(),
            "additionalProperties": self.value.json_schema(),
        }
        if self.min_items:
            schema["minProperties"] = self.min_items
        schema["maxProperties"] = self.max_items
        return schema


class Pool(FieldType):
    """Ids to draw from, each with a relative weight: a list (all weigh 1) or a mapping
    id -> weight. Both build a read-only mapping id -> weight in file order, so an
    author weights a pool only when it matters."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.as_list = ListOf(Ref(kind), min_items=1, unique=True)
        self.as_mapping = MapOf(Ref(kind), Number(above=0), min_items=1)

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is SequenceNode and node.tag == SEQ_TAG:
            ids = self.as_list.check(node, path, ctx)
            return INVALID if ids is INVALID else MappingProxyType(dict.fromkeys(ids, 1.0))
        if node.__class__ is MappingNode and node.tag == MAP_TAG:
            return self.as_mapping.check(node, path, ctx)
        ctx.expected(node, path, f"a list of {self.kind} ids or a mapping {self.kind} id: weight")
        return INVALID

    def json_schema(self) -> JSON:
        return {"oneOf": [self.as_list.json_schema(), self.as_mapping.json_schema()]}


class Either(FieldType):
    """A short form, or from format ``since`` a long one, told apart by the node's shape:
    ``quality: 0.5`` or ``quality: {ana: 0.5, ben: -0.2}``; ``text: "..."`` or a list of lines."""

    def __init__(self, short: FieldType, long: FieldType, long_shape: type[Node], since: int,
                 what: str) -> None:
        self.short, self.long, self.long_shape = short, long, long_shape
        self.since, self.what = since, what

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is not self.long_shape:
            return self.short.check(node, path, ctx)
        if not ctx.format_allows(self.since, node, path, self.what):
            return INVALID
        return self.long.check(node, path, ctx)

    def json_schema(self) -> JSON:
        return {"anyOf": [self.short.json_schema(), self.long.json_schema()]}


class Field:
    """One named field of a record. ``attr`` is the model attribute when it differs
    (``with`` -> ``with_``); ``default`` is given only where the model has none;
    ``since`` is the first format version that has the field."""

    def __init__(
        self,
        name: str,
        kind: FieldType,
        doc: str,
        required: bool = False,
        default: Any = MISSING,
        attr: str | None = None,
        since: int = 1,
    ) -> None:
        self.name, self.kind, self.doc, self.required = name, kind, doc, required
        self.default, self.attr, self.since = default, attr or name, since


class Record(FieldType):
    """A mapping with a fixed set of fields, built into ``build(**fields)``.

    Fields are checked in spec order, not file order, so a later field may rely on
    an earlier one (times on ``shift``). ``exactly_one`` names fields of which one
    must be present; ``requires`` maps a field to the field it only works with;
    ``scoped`` gives local ids (encounter nodes) a namespace of their own;
    ``publish`` shares valid values through ``ctx.top``.
    """

    def __init__(
        self,
        model: type | None,  # the dataclass built, for defaults; None when ``build`` says all
        fields: Sequence[Field],
        build: Callable[..., Any] | None = None,
        exactly_one: Sequence[str] = (),
        requires: Mapping[str, str] | None = None,
        check: Hook | None = None,
        scoped: bool = False,
        publish: bool = False,
    ) -> None:
        self.model, self.fields = model, tuple(fields)
        self.build: Callable[..., Any] = build or model  # type: ignore[assignment]
        self.by_name = {f.name: f for f in self.fields}
        self.exactly_one, self.requires = tuple(exactly_one), dict(requires or {})
        self.hook, self.scoped, self.publish = check, scoped, publish

    def check(
        self, node: Node, path: FieldPath, ctx: Context, preset: Mapping[str, Any] | None = None
    ) -> Any:
        if node.__class__ is not MappingNode or node.tag != MAP_TAG:
            ctx.expected(node, path, "a mapping")
            return INVALID
        present = mapping_pairs(node, path, ctx, self.by_name)
        outer_scope = ctx.scope
        if self.scoped:
            ctx.scope = path
        kwargs = dict(preset) if preset else {}
        ok = True
        for field in self.fields:
            pair = present.get(field.name)
            if pair is None:
                if field.required:
                    ctx.error(node, (path, field.name), f"missing required field '{field.name}'")
                    ok = False
                elif field.default is not MISSING:
                    kwargs[field.attr] = field.default
                    field.kind.on_default(ctx, field.default)
                continue
            if field.since > 1 and not ctx.format_allows(field.since, pair[0], (path, field.name),
                                                         f"'{field.name}'"):
                ok = False
                continue
            value = field.kind.check(pair[1], (path, field.name), ctx)
            if value is INVALID:
                ok = False
                continue
            kwargs[field.attr] = value
            if self.publish:
                ctx.top[field.name] = value
        ctx.scope = outer_scope
        ok = self._check_combinations(node, path, ctx, present) and ok
        if not ok:
            return INVALID
        value = self.build(**kwargs)
        if self.hook is not None and not self.hook(ctx, value, node, path):
            return INVALID
        return value

    def _check_combinations(
        self, node: Node, path: FieldPath, ctx: Context, present: Mapping[str, tuple[Node, Node]]
    ) -> bool:
        ok = True
        if self.exactly_one:
            given = [name for name in self.exactly_one if name in present]
            if len(given) != 1:
                names = ", ".join(name for name in self.exactly_one
                                  if ctx.format_has(self.by_name[name].since))
                ctx.error(node, path, f"needs exactly one of {names}",
                          f"found {', '.join(given)}" if given else "found none")
                ok = False
        for field, partner in self.requires.items():
            if field in present and partner not in present:
                ctx.error(present[field][0], (path, field),
                          f"'{field}' only applies together with '{partner}'")
                ok = False
        return ok

    def default_of(self, field: Field) -> Any:
        """The field's default for the schema: the spec's, else the model dataclass's."""
        if field.default is not MISSING:
            return field.default
        if dataclasses.is_dataclass(self.model):
            for model_field in dataclasses.fields(self.model):
                if model_field.name == field.attr:
                    return model_field.default
        return MISSING

    def json_schema(self) -> JSON:
        properties = {}
        for field in self.fields:
            prop = {"description": field.doc, **field.kind.json_schema()}
            default = MISSING if field.required else self.default_of(field)
            if isinstance(default, (str, int, float, bool)) or default == ():
                prop["default"] = list(default) if default == () else default
            properties[field.name] = prop
        schema: JSON = {"type": "object", "properties": properties}
        required = [f.name for f in self.fields if f.required]
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        if self.exactly_one:
            # "At least one" as anyOf, "at most one" per property: an editor then flags the
            # second field itself ("Property event is not allowed") instead of saying
            # "Matches multiple schemas", which is what oneOf makes it say.
            schema["anyOf"] = [{"required": [name]} for name in self.exactly_one]
            schema["dependentSchemas"] = {
                name: {"properties": {other: False for other in self.exactly_one if other != name}}
                for name in self.exactly_one
            }
        if self.requires:
            schema["dependentRequired"] = {k: [v] for k, v in self.requires.items()}
        return schema
