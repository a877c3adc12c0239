"""What a shift leaves behind, in the plain form the store keeps and replay compares.

One type serves both sides on purpose: ``Recording.of(sim)`` is what ``save``
writes and also what a replay produces, so "the replay matches" means exactly
"the two recordings are equal", field by field. Values pass through JSON once
(``_plain``) so a fresh recording compares equal to one read back from disk.
"""

from __future__ import annotations

import dataclasses
import json
import math
import zlib
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np

from game.sim.actions import Action, action_from_dict
from game.sim.ledger import TrustChange
from game.sim.results import CallOutcome, ResidentOutcome, ShiftResults
from game.sim.score import ObjectiveResult, ScorePart
from game.sim.simulation import Simulation

HEAT_DTYPE = "<f8"  # heat maps are stored as little-endian float64, whatever the machine
T = TypeVar("T")


def _numpy_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class NonFiniteError(ValueError):
    """A NaN or infinity was about to leave the simulation (into JSON or the store).

    Validated scenarios keep every figure finite, so this is a bug; it is raised
    rather than writing ``NaN`` (invalid JSON) or a row the store cannot read back.
    """


def _non_finite_path(value: Any, path: str) -> str | None:
    """Where the first NaN or infinity sits in a JSON-like value, as ``path[3].field``."""
    if isinstance(value, (float, np.floating)):
        return None if math.isfinite(value) else f"{path} = {value}"
    if isinstance(value, dict):
        items: Any = ((f"{path}.{key}", item) for key, item in value.items())
    elif isinstance(value, (list, tuple)):
        items = ((f"{path}[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    return next((found for where, item in items if (found := _non_finite_path(item, where))), None)


def to_json(value: Any, what: str = "value", compact: bool = True) -> str:
    """JSON (compact for the store, json.dumps' own spacing for the terminal);
    NonFiniteError, naming the place, instead of writing NaN or Infinity."""
    separators = (",", ":") if compact else None
    try:
        return json.dumps(value, default=_numpy_default, separators=separators, allow_nan=False)
    except ValueError:
        raise _not_finite(_non_finite_path(value, what) or what) from None


def _not_finite(where: str) -> NonFiniteError:
    return NonFiniteError(f"{where} is not a finite number; this is a bug in Front Porch "
                          "(nothing was written)")


def _plain(value: Any, what: str) -> Any:
    """The value as it will read back from the store (tuples become lists, numpy becomes Python)."""
    return json.loads(to_json(value, what))


def _finite_heat(heat: np.ndarray, what: str) -> np.ndarray:
    heat = np.array(heat, dtype=np.float64)
    if not np.isfinite(heat).all():
        y, x = np.argwhere(~np.isfinite(heat))[0]
        raise _not_finite(f"{what}[{y}][{x}] = {heat[y, x]}")
    return heat


def encode_heat(heat: np.ndarray) -> bytes:
    return zlib.compress(np.ascontiguousarray(heat, dtype=HEAT_DTYPE).tobytes())


def _build(cls: type[T], data: dict[str, Any], **typed: Any) -> T:
    """``cls(**data)`` keeping only the fields ``cls`` has, so older or newer rows still load."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names}, **typed)


RULES_KEY = "rules_version"  # the results field naming the rules a shift was played under


@dataclass(frozen=True, eq=False)
class Recording:
    ticks: int  # sim.tick when recorded: replay runs exactly this far
    actions: list[list[Any]]  # [[tick, Action.to_dict()], ...]
    results: dict[str, Any]  # ShiftResults.to_dict()
    ledger: list[dict[str, Any]]  # every TrustChange as a dict
    history: list[list[float]]  # [[minute, trust, safety], ...]
    foot_heat: np.ndarray  # H×W game minutes per tile
    car_heat: np.ndarray

    @classmethod
    def of(cls, sim: Simulation) -> Recording:
        return cls(
            ticks=sim.tick,
            actions=_plain([[tick, action.to_dict()] for tick, action in sim.action_log], "actions"),
            results=_plain(sim.results().to_dict(), "results"),
            ledger=_plain([change.to_dict() for change in sim.ledger()], "ledger"),
            history=_plain(sim.history, "history"),
            foot_heat=_finite_heat(sim.foot_heat, "foot_heat"),
            car_heat=_finite_heat(sim.car_heat, "car_heat"),
        )

    def action_log(self) -> list[tuple[int, Action]]:
        """The actions as objects; ValueError names an action kind this version does not know."""
        return [(int(tick), action_from_dict(data)) for tick, data in self.actions]

    def shift_results(self) -> ShiftResults:
        r = self.results
        return _build(
            ShiftResults, {k: v for k, v in r.items()
                           if k not in ("objectives", "residents", "calls", "breaches", "score_parts",
                                        "questions")},
            objectives=tuple(_build(ObjectiveResult, o) for o in r.get("objectives", ())),
            residents=tuple(_build(ResidentOutcome, o) for o in r.get("residents", ())),
            calls=tuple(_build(CallOutcome, o) for o in r.get("calls", ())),
            breaches=tuple(r.get("breaches", ())),
            questions=None if r.get("questions") is None else tuple(r["questions"]),
            score_parts=tuple(_build(ScorePart, p) for p in r.get("score_parts", ())),
        )

    @property
    def rules_version(self) -> int | None:
        """The rules the shift was played under (game.sim.rules); None if saved before
        results carried it."""
        version = self.results.get(RULES_KEY)
        return version if isinstance(version, int) else None

    def trust_changes(self) -> list[TrustChange]:
        return [TrustChange.from_dict(c) for c in self.ledger]

    def differences(self, other: Recording) -> list[str]:
        """Plain-words list of what differs from ``other``; empty when they are identical.

        One line per results field, then the first difference in the ledger and
        in the trust history, each naming the exact entry and field.
        """
        out = []
        if self.ticks != other.ticks:
            out.append(f"ran {other.ticks} ticks, recorded {self.ticks}")
        for key in [*self.results, *(k for k in other.results if k not in self.results)]:
            if key == RULES_KEY:  # which rules, not what happened: the replay says so itself
                continue
            found = _first_difference(f"results.{key}", self.results.get(key),
                                      other.results.get(key))
            out += [found] if found else []
        for name, mine, theirs in (("ledger", self.ledger, other.ledger),
                                   ("trust history", self.history, other.history)):
            found = _first_difference(name, mine, theirs)
            out += [found] if found else []
        for name in ("foot_heat", "car_heat"):
            a, b = getattr(self, name), getattr(other, name)
            if a.shape != b.shape or not np.array_equal(a, b):
                out.append(f"{name.replace('_', ' ')} map differs")
        return out


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _first_difference(path: str, recorded: Any, replayed: Any) -> str | None:
    """Where two JSON-like values first differ, as "path[3].field: recorded A, replayed B"."""
    if recorded == replayed:
        return None
    if isinstance(recorded, dict) and isinstance(replayed, dict):
        for key in [*recorded, *(k for k in replayed if k not in recorded)]:
            found = _first_difference(f"{path}.{key}", recorded.get(key), replayed.get(key))
            if found:
                return found
    if isinstance(recorded, list) and isinstance(replayed, list):
        if len(recorded) != len(replayed):
            return f"{path}: recorded {len(recorded)} entries, replayed {len(replayed)}"
        for k, (a, b) in enumerate(zip(recorded, replayed, strict=True)):
            found = _first_difference(f"{path}[{k}]", a, b)
            if found:
                return found
    return f"{path}: recorded {_short(recorded)}, replayed {_short(replayed)}"
