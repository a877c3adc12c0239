"""What the trainees' games, the station and the instructor's browser say to each other.

Every message is one JSON object with a ``type``. Nothing from the network is
trusted: ``parse`` refuses a message that is too big, not JSON, of an unknown
type, or whose fields are not exactly of the expected types and lengths, with
a ``BadMessage`` saying which field; the receiver answers with an error and
carries on. The trainee's live state is built here from the simulation's
read-only state (``live_state``), so the game and the headless trainee send
the very same thing.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from game.sim.actions import Action, action_from_dict
from game.sim.instructor import call_pool, event_pool
from game.sim.officer import Doing
from game.sim.simulation import Simulation

MAX_MESSAGE_BYTES = 64 * 1024  # a live state, a command or a hello
MAX_UPLOAD_BYTES = 16 * 1024 * 1024  # a whole session (its heat maps and scenario file inside)
MAX_NAME_CHARS = 60
MAX_TEXT_CHARS = 500
CLASS_CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out across a room
CLASS_CODE_LENGTH = 6
POOL_LABEL_CHARS = 90  # a pool entry as the console's menu shows it
MAX_MAP_SIDE = 256  # tiles: larger maps are sent without their streets
EVERYONE = "*"  # a command's target meaning every trainee in the class


class BadMessage(ValueError):
    """A message from the network that is refused; the text says which part and why."""


def new_class_code() -> str:
    return "".join(secrets.choice(CLASS_CODE_LETTERS) for _ in range(CLASS_CODE_LENGTH))


def new_passphrase() -> str:
    """Four short words' worth of randomness, easy to type: e.g. ``k7dq-2mfa-x9tr``."""
    return "-".join(secrets.token_hex(2) + secrets.choice("abcdefghjkmnpqrstuvwxyz")
                    for _ in range(3))


# --- field checks -------------------------------------------------------------------------
Check = Callable[[Any, str], Any]


def text(limit: int = MAX_TEXT_CHARS, empty: bool = False) -> Check:
    def check(value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise BadMessage(f"{where} must be text")
        if len(value) > limit or (not empty and not value.strip()):
            raise BadMessage(f"{where} must be 1 to {limit} characters")
        if any(ord(ch) < 32 for ch in value):
            raise BadMessage(f"{where} may not hold control characters")
        return value
    return check


def number(low: float, high: float) -> Check:
    def check(value: Any, where: str) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise BadMessage(f"{where} must be a number")
        if not low <= value <= high:
            raise BadMessage(f"{where} must be between {low} and {high}")
        return float(value)
    return check


def integer(low: int, high: int) -> Check:
    def check(value: Any, where: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise BadMessage(f"{where} must be a whole number from {low} to {high}")
        return value
    return check


def flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise BadMessage(f"{where} must be true or false")
    return value


def optional(check: Check) -> Check:
    return lambda value, where: None if value is None else check(value, where)


def items(check: Check, limit: int) -> Check:
    def each(value: Any, where: str) -> list[Any]:
        if not isinstance(value, list) or len(value) > limit:
            raise BadMessage(f"{where} must be a list of at most {limit}")
        return [check(v, f"{where}[{k}]") for k, v in enumerate(value)]
    return each


def record(fields: Mapping[str, Check]) -> Check:
    """An object with exactly these fields (no more, no fewer)."""
    def check(value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise BadMessage(f"{where} must be an object")
        extra = sorted(set(value) - set(fields))
        missing = sorted(set(fields) - set(value))
        if extra or missing:
            raise BadMessage(f"{where}: unexpected {extra[:3]}" if extra
                             else f"{where}: missing {missing[:3]}")
        return {name: field(value[name], f"{where}.{name}") for name, field in fields.items()}
    return check


def b64(limit: int) -> Check:
    def check(value: Any, where: str) -> bytes:
        if not isinstance(value, str) or len(value) > limit * 4 // 3 + 4:
            raise BadMessage(f"{where} must be base64 text of at most {limit} bytes")
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise BadMessage(f"{where} is not base64") from exc
    return check


def anything(value: Any, where: str) -> Any:
    return value  # checked further by whoever owns the value (e.g. the session store)


# --- the messages -------------------------------------------------------------------------
POINT = items(number(-1e4, 1e4), 2)
POOL_ENTRY = record({"source": text(MAX_NAME_CHARS), "call_kind": text(MAX_NAME_CHARS, empty=True),
                     "place": text(MAX_NAME_CHARS), "label": text()})
EVENT_ENTRY = record({"event": text(MAX_NAME_CHARS), "label": text()})
LIVE_STATE = record({
    "seq": integer(0, 2 ** 31), "sent": number(0, 1e11), "clock": text(8), "minute": number(0, 1e5),
    "minutes_left": number(0, 1e5), "trust": number(0, 100), "safety": number(0, 100),
    "calls_waiting": integer(0, 10_000), "responding": flag, "in_car": flag, "officer": POINT,
    "activity": text(MAX_TEXT_CHARS, empty=True), "finished": flag, "paused": flag,
    "score": optional(number(0, 100)),
})

TRAINEE_MESSAGES: dict[str, Check] = {
    "hello": record({"type": text(), "trainee": text(MAX_NAME_CHARS), "link": text(64),
                     "scenario": text(MAX_NAME_CHARS), "title": text(200), "seed": integer(0, 2 ** 63),
                     "map": items(integer(1, 10_000), 2), "pool": items(POOL_ENTRY, 500),
                     "events": items(EVENT_ENTRY, 500),
                     "roads": items(text(MAX_MAP_SIDE, empty=True), MAX_MAP_SIDE)}),
    "state": record({"type": text(), "state": LIVE_STATE}),
    "ack": record({"type": text(), "id": integer(0, 2 ** 31), "ok": flag,
                   "error": text(MAX_TEXT_CHARS, empty=True)}),
    "upload": record({"type": text(), "upload": integer(0, 2 ** 31), "row": anything,
                      "scenario": optional(b64(MAX_UPLOAD_BYTES))}),
}

TARGET = text(64)  # a trainee's link id, or EVERYONE
CONSOLE_MESSAGES: dict[str, Check] = {
    "inject": record({"type": text(), "target": TARGET, "source": text(MAX_NAME_CHARS),
                      "call_kind": text(MAX_NAME_CHARS, empty=True),
                      "place": text(MAX_NAME_CHARS, empty=True)}),
    "inject_event": record({"type": text(), "target": TARGET, "event": text(MAX_NAME_CHARS)}),
    "flag": record({"type": text(), "target": TARGET, "note": text()}),
    "pause": record({"type": text(), "target": TARGET}),
    "resume": record({"type": text(), "target": TARGET}),
}

STATION_MESSAGES: dict[str, Check] = {  # what the station tells a trainee's game
    "welcome": record({"type": text(), "trainee": text(64)}),
    "command": record({"type": text(), "id": integer(0, 2 ** 31), "action": anything}),
    "pause": record({"type": text(), "paused": flag}),
    "uploaded": record({"type": text(), "upload": integer(0, 2 ** 31), "ok": flag,
                        "error": text(MAX_TEXT_CHARS, empty=True)}),
    "error": record({"type": text(), "error": text(MAX_TEXT_CHARS, empty=True)}),
}


def parse(raw: str | bytes, kinds: Mapping[str, Check], limit: int = MAX_MESSAGE_BYTES
          ) -> dict[str, Any]:
    """One message, checked against the kinds this receiver accepts; BadMessage otherwise."""
    if len(raw) > limit:
        raise BadMessage(f"the message is larger than {limit} bytes")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadMessage("the message is not JSON") from exc
    kind = data.get("type") if isinstance(data, dict) else None
    if not isinstance(kind, str) or kind not in kinds:
        raise BadMessage(f"unknown message type {str(kind)[:40]!r}")
    checked: dict[str, Any] = kinds[kind](data, kind)
    return checked


def dump(message: Mapping[str, Any]) -> str:
    return json.dumps(message, separators=(",", ":"), allow_nan=False)


# --- what a trainee's game sends ------------------------------------------------------------
@dataclass
class LiveCounter:
    """Numbers a trainee's live states, so the console can tell if one went missing."""

    seq: int = 0

    def next(self) -> int:
        self.seq += 1
        return self.seq


def hello(sim: Simulation, trainee: str, link: str) -> dict[str, Any]:
    scenario = sim.scenario
    pool = call_pool(scenario.calls, scenario.radio)[:500]
    return {"type": "hello", "trainee": trainee[:MAX_NAME_CHARS], "link": link,
            "scenario": scenario.id[:MAX_NAME_CHARS], "title": scenario.title[:200], "seed": sim.seed,
            "map": [sim.grid.width, sim.grid.height], "roads": roads(sim),
            "pool": [{"source": e.source, "call_kind": e.call_kind, "place": e.place,
                      "label": e.label[:POOL_LABEL_CHARS]} for e in pool],
            "events": [{"event": e.event, "label": e.label[:POOL_LABEL_CHARS]}
                       for e in event_pool(scenario.events, scenario.places_by_id)[:500]]}


def roads(sim: Simulation) -> list[str]:
    """The map as the console's small map draws it: a row of text per tile row, ``#`` where
    the car can drive, ``.`` where one can walk, a space elsewhere."""
    grid = sim.grid
    if max(grid.width, grid.height) > MAX_MAP_SIDE:
        return []
    return ["".join("#" if drive else "." if walk else " " for drive, walk in zip(d, w, strict=True))
            for d, w in zip(grid.drivable.tolist(), grid.walkable.tolist(), strict=True)]


def live_state(sim: Simulation, seq: int, sent: float, paused: bool) -> dict[str, Any]:
    """The shift as the console shows it: clock, trust, safety, calls, where the officer is."""
    officer = sim.officer
    active = sim.active_calls()
    return {
        "seq": seq, "sent": sent, "clock": sim.clock(), "minute": round(sim.time, 2),
        "minutes_left": round(sim.minutes_left, 2), "trust": round(float(sim.neighborhood_trust), 2),
        "safety": round(float(sim.safety), 2), "calls_waiting": len(active),
        "responding": officer.doing in (Doing.DRIVING_TO_CALL, Doing.WALKING_TO_CALL),
        "in_car": bool(officer.in_car), "officer": [round(officer.x, 2), round(officer.y, 2)],
        "activity": officer.activity[:MAX_TEXT_CHARS], "finished": sim.finished, "paused": paused,
        "score": round(float(sim.results().score), 2) if sim.finished else None,
    }


# --- the instructor's actions, as the station sends them to a game ----------------------------
INSTRUCTOR_ACTIONS: dict[str, Check] = {
    "inject_call": record({"kind": text(), "source": text(MAX_NAME_CHARS),
                           "call_kind": text(MAX_NAME_CHARS, empty=True),
                           "place": text(MAX_NAME_CHARS, empty=True)}),
    "inject_event": record({"kind": text(), "event": text(MAX_NAME_CHARS)}),
    "flag": record({"kind": text(), "note": text()}),
}


def instructor_action(data: Any) -> Action:
    """The action a station's command carries, checked; BadMessage for anything else (a game
    takes only the instructor's own actions from the network, never a trainee's)."""
    kind = data.get("kind") if isinstance(data, dict) else None
    if not isinstance(kind, str) or kind not in INSTRUCTOR_ACTIONS:
        raise BadMessage(f"not an instructor's action: {str(kind)[:40]!r}")
    return action_from_dict(INSTRUCTOR_ACTIONS[kind](data, kind))
