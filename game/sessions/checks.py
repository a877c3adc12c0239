"""Every value read back from the session database is checked before anything uses it.

A row may have been hand-edited, written by a buggy or newer tool, or damaged
on disk. Each check here either returns the value in the form the rest of the
game expects or raises ``Damage`` with a short description of what is wrong
(``"results.trust is 'abc', not a number"``); the store turns that into
"session N is damaged: ..." and the other sessions stay readable.

The recorded dataclasses (actions, results, ledger entries) are checked against
their own type hints, so a field added to one of them is checked without a
change here.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import math
import types
import typing
import zlib
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Any

import numpy as np

from game.scenario.limits import MAX_MAP_SIDE, MAX_MAP_TILES, MAX_SEED
from game.sessions.recording import HEAT_DTYPE

MAX_STORED_TEXT = 100_000  # characters in one recorded text field (names, causes, ids)


class Damage(ValueError):
    """What is wrong with one value of a stored session, in words."""


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def json_value(text: Any, where: str) -> Any:
    """Parsed JSON; NaN and Infinity (which Python's parser accepts) count as damage."""
    if not isinstance(text, str):
        raise Damage(f"{where} is {type(text).__name__}, not JSON text")

    def refuse(constant: str) -> float:
        raise Damage(f"{where} holds {constant}, not a finite number")

    try:
        return json.loads(text, parse_constant=refuse)
    except (ValueError, RecursionError) as exc:
        if isinstance(exc, Damage):
            raise
        raise Damage(f"{where} is not valid JSON") from None


def integer(value: Any, where: str, low: int = 0, high: int = MAX_SEED) -> int:
    if type(value) is not int:
        raise Damage(f"{where} is {_short(value)}, not a whole number")
    if not low <= value <= high:
        raise Damage(f"{where} is {value}, outside {low}..{high}")
    return value


def number(value: Any, where: str, low: float = -math.inf, high: float = math.inf) -> float:
    if type(value) not in (int, float) or not math.isfinite(value):
        raise Damage(f"{where} is {_short(value)}, not a finite number")
    if not low <= value <= high:
        raise Damage(f"{where} is {value}, outside {low:g}..{high:g}")
    return float(value)


def text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise Damage(f"{where} is {_short(value)}, not text")
    if len(value) > MAX_STORED_TEXT:
        raise Damage(f"{where} is {len(value):,} characters long")
    return value


def optional_text(value: Any, where: str) -> str | None:
    return None if value is None else text(value, where)


def moment(value: Any, where: str) -> datetime:
    try:
        return datetime.fromisoformat(text(value, where))
    except ValueError:
        raise Damage(f"{where} is {_short(value)}, not a date and time") from None


def optional_moment(value: Any, where: str) -> datetime | None:
    return None if value is None else moment(value, where)


def mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Damage(f"{where} is {_short(value)}, not an object")
    return value


def listing(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise Damage(f"{where} is {_short(value)}, not a list")
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _as(kind: Any, value: Any, where: str) -> Any:
    """``value`` checked against a type hint: int, float, str, bool, an enum (its values),
    ``X | None``, ``tuple[X, ...]`` or a dataclass (checked field by field)."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        (kind,) = [option for option in options if option is not type(None)]
        return _as(kind, value, where)
    if origin is tuple:
        item = typing.get_args(kind)[0]
        return [_as(item, part, f"{where}[{k}]") for k, part in enumerate(listing(value, where))]
    if kind is int:
        return integer(value, where, -MAX_SEED, MAX_SEED)  # what SQLite and numpy hold
    if kind is float:
        return number(value, where)
    if kind is str:
        return text(value, where)
    if kind is bool:
        if type(value) is not bool:
            raise Damage(f"{where} is {_short(value)}, not true or false")
        return value
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        if not any(value == member.value for member in kind):
            raise Damage(f"{where} is {_short(value)}, not one of "
                         f"{', '.join(str(member.value) for member in kind)}")
        return value
    if dataclasses.is_dataclass(kind):
        return record(kind, value, where)  # type: ignore[arg-type]
    raise TypeError(f"no check for {kind!r} at {where}")  # pragma: no cover - a new field type


def record(cls: type, value: Any, where: str) -> dict[str, Any]:
    """A stored dataclass as a dict: known fields checked, unknown ones dropped (newer versions
    may add some), missing fields with defaults left to their defaults."""
    data = mapping(value, where)
    out = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            out[field.name] = _as(_hints(cls)[field.name], data[field.name], f"{where}.{field.name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise Damage(f"{where} has no {field.name}")
    return out


def history(value: Any, where: str) -> list[list[float]]:
    """The trust history: ``[[minute, trust, safety], ...]``, all finite."""
    rows = listing(value, where)
    for k, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != 3:
            raise Damage(f"{where}[{k}] is {_short(row)}, not [minute, trust, safety]")
        for n, part in enumerate(row):
            number(part, f"{where}[{k}][{n}]", 0 if n else -math.inf, 100 if n else math.inf)
    return rows


def heat(blob: Any, height: Any, width: Any, where: str) -> np.ndarray:
    """A zlib'd float64 heat map of ``height`` x ``width`` finite, non-negative minutes."""
    rows = integer(height, f"{where} height", 1, MAX_MAP_SIDE)
    columns = integer(width, f"{where} width", 1, MAX_MAP_SIDE)
    if rows * columns > MAX_MAP_TILES:
        raise Damage(f"{where} is {columns}x{rows} tiles, larger than any map")
    if not isinstance(blob, bytes):
        raise Damage(f"{where} is {type(blob).__name__}, not compressed data")
    expected = rows * columns * np.dtype(HEAT_DTYPE).itemsize
    try:
        raw = zlib.decompressobj().decompress(blob, expected + 1)  # never inflate past the map
    except zlib.error:
        raise Damage(f"{where} cannot be decompressed") from None
    if len(raw) != expected:
        raise Damage(f"{where} holds {len(raw):,} bytes, not the {expected:,} of a "
                     f"{columns}x{rows} map")
    values = np.frombuffer(raw, dtype=HEAT_DTYPE).reshape(rows, columns).copy()
    if not (np.isfinite(values).all() and (values >= 0).all()):
        raise Damage(f"{where} holds a negative or non-finite number of minutes")
    return values


def settings(value: Any, where: str) -> Mapping[str, Any]:
    return mapping(json_value(value, where), where)
