"""The session store: every finished shift, kept in one database.

The database is a SQLite file by default (one laptop; ``sqlite_backend``) or
a PostgreSQL server when ``FRONTPORCH_DB`` is a ``postgresql://`` URL (an
academy; ``postgres_backend``). The store itself is written once against the
small seam in ``backend``: the same queries, checks and guarantees for both.

Each session keeps the scenario file it was played on (the ``scenarios``
table, one copy per distinct content), so replay and report never open a path
read from the database. Every value read back is checked (``checks``): a
damaged row is "session N is damaged: ..." and the other sessions stay usable.

Everything that can go wrong with the database becomes a ``SessionStoreError``
with a sentence the player can act on; the game catches it and keeps running.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.scenario.limits import MAX_SEED
from game.sessions import checks
from game.sessions.backend import Backend, Row, SessionStoreError
from game.sessions.checks import Damage
from game.sessions.paths import db_location
from game.sessions.postgres_backend import PostgresBackend, is_postgres_url
from game.sessions.recording import Recording, encode_heat, to_json
from game.sessions.schema import SCENARIOS_KEPT_FROM
from game.sessions.sqlite_backend import SqliteBackend
from game.sim.actions import ACTION_TYPES
from game.sim.ledger import TrustChange
from game.sim.results import ShiftResults
from game.sim.simulation import Simulation

_SUMMARY_COLUMNS = ("id, scenario_id, scenario_title, scenario_hash, scenario_path, seed, settings, "
                    "trainee, bot, started_at, ended_at, ticks, trust, score, foot_minutes, "
                    "car_minutes")

# What makes two rows the same shift: an import skips a session whose row already has these.
_IDENTITY_COLUMNS = ("scenario_hash", "seed", "trainee", "bot", "started_at", "ended_at", "ticks",
                     "actions")

__all__ = ["Session", "SessionStore", "SessionStoreError", "SessionSummary"]


@dataclass(frozen=True)
class SessionSummary:
    """One line of the session list: who played what, and how it went."""

    id: int
    scenario_id: str
    scenario_title: str
    scenario_hash: str
    scenario_path: str  # absolute; "" when the scenario was built in code
    seed: int
    trainee: str | None
    bot: str | None
    started_at: datetime | None  # UTC
    ended_at: datetime  # UTC
    ticks: int
    trust: float
    score: float
    foot_minutes: float
    car_minutes: float
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def foot_share(self) -> float | None:
        """Share of the shift's minutes spent on foot (None before any time passed)."""
        total = self.foot_minutes + self.car_minutes
        return self.foot_minutes / total if total > 0 else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `sessions --json` prints; ``when`` is when the shift ended (UTC)."""
        return {
            "id": self.id, "when": self.ended_at.isoformat(), "scenario": self.scenario_id,
            "scenario_title": self.scenario_title, "trainee": self.trainee, "bot": self.bot,
            "seed": self.seed, "trust": round(self.trust, 2), "score": round(self.score, 2),
            "foot_minutes": round(self.foot_minutes, 2), "car_minutes": round(self.car_minutes, 2),
            "started_at": None if self.started_at is None else self.started_at.isoformat(),
            "settings": dict(self.settings),
        }


@dataclass(frozen=True, eq=False)
class Session:
    summary: SessionSummary
    recording: Recording
    # The scenario file's bytes as played (their sha256 is summary.scenario_hash); None for
    # a scenario built in code, or one saved before the store kept scenarios whose file had
    # changed or gone when the database was upgraded.
    scenario: bytes | None = None

    @property
    def id(self) -> int:
        return self.summary.id


def _clean_name(text: str | None) -> str | None:
    """Names are shown in terminals, CSV and HTML: drop control characters and outer space."""
    if text is None:
        return None
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()
    return text or None


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)  # a naive datetime is taken as local time


class SessionStore:
    """Open with ``SessionStore.open(path_url_or_None)``; use as a context manager or ``close()``."""

    def __init__(self, backend: Backend) -> None:
        self._backend = backend

    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = None, *,
             read_only_ok: bool = False) -> SessionStore:
        """Open (creating and migrating as needed) the database at ``location``: a file path or
        a ``postgresql://`` URL; by default ``$FRONTPORCH_DB`` or the user data folder.

        With ``read_only_ok`` (commands that only read) a SQLite file that cannot be
        written, such as one on read-only media, is opened read-only instead.
        """
        where = db_location() if location is None else location
        if isinstance(where, str) and is_postgres_url(where):
            return cls(PostgresBackend.open(where))
        return cls(SqliteBackend.open(Path(where), read_only_ok=read_only_ok))

    @property
    def where(self) -> str:
        """The database as messages name it: its file, or its server's URL without a password."""
        return self._backend.where

    @property
    def writable(self) -> bool:
        return self._backend.writable

    @property
    def _conn(self) -> Any:
        return self._backend.connection  # for tests that damage or starve the database on purpose

    def close(self) -> None:
        self._backend.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------
    def save(self, sim: Simulation, *, bot: str | None = None, trainee: str | None = None,
             settings: Mapping[str, Any] | None = None, started_at: datetime | None = None,
             along: Callable[[Backend, int], None] | None = None) -> int:
        """Store the shift as it stands now (normally finished) and return its session id.

        ``started_at`` is the wall time the shift began, if the caller knows it;
        the end time is read here. ``along(backend, session_id)`` writes what belongs
        with the session (a campaign's day) in the same transaction.
        """
        if not 0 <= sim.seed <= MAX_SEED:
            raise SessionStoreError(f"cannot save a shift played on seed {sim.seed}: seeds are "
                                    f"0..{MAX_SEED}")
        scenario = sim.scenario
        row = {
            "scenario_id": scenario.id, "scenario_hash": scenario.content_hash,
            "scenario_title": scenario.title,
            "scenario_path": str(Path(scenario.source).resolve()) if scenario.source else "",
            "seed": sim.seed, "settings": to_json(dict(settings or {})),
            "trainee": _clean_name(trainee), "bot": _clean_name(bot),
            "started_at": None if started_at is None else _utc(started_at).isoformat(),
            "ended_at": datetime.now(timezone.utc).isoformat(),
            **_recording_columns(Recording.of(sim)),
        }
        session_id = self._write("save the session to", row, scenario.content or None,
                                 skip_if_present=False, along=along)
        assert session_id is not None  # only an import skips
        return session_id

    def add(self, session: Session) -> int | None:
        """Keep a session read from another store (``sessions --import``, an upload to the
        instructor's station) and return its new id, or None when this store already holds
        that very shift (nothing is written twice)."""
        return self._write("import the session into", session_row(session), session.scenario,
                           skip_if_present=True)

    def _write(self, doing: str, row: Mapping[str, Any], scenario: bytes | None,
               skip_if_present: bool,
               along: Callable[[Backend, int], None] | None = None) -> int | None:
        """One transaction: the scenario's bytes (once per content) and the session's row."""
        if not self.writable:
            raise SessionStoreError(f"cannot {doing} {self.where}: it was opened read-only")
        backend = self._backend
        try:
            backend.check_before_write()
            with backend.transaction():
                if skip_if_present and backend.run(
                        "SELECT id FROM sessions WHERE " + " AND ".join(
                            f"{name} IS NOT DISTINCT FROM ?" for name in _IDENTITY_COLUMNS),
                        [row[name] for name in _IDENTITY_COLUMNS]):
                    return None
                if scenario:
                    backend.run("INSERT INTO scenarios (hash, content) VALUES (?, ?) "
                                "ON CONFLICT DO NOTHING", (row["scenario_hash"], scenario))
                inserted = backend.run(
                    f"INSERT INTO sessions ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) "
                    "RETURNING id", list(row.values()))
                if along is not None:
                    along(backend, int(inserted[0]["id"]))
        except Exception as exc:
            reason = backend.reason(exc)
            if reason is None:
                raise
            raise SessionStoreError(f"could not {doing} {self.where}: {reason}") from exc
        return int(inserted[0]["id"])

    def write(self, statements: Sequence[tuple[str, Sequence[Any]]]) -> list[Row]:
        """Statements in one transaction (the campaign rows); the last one's rows (RETURNING)."""
        if not self.writable:
            raise SessionStoreError(f"cannot save to {self.where}: it was opened read-only")
        backend, rows = self._backend, []
        try:
            backend.check_before_write()
            with backend.transaction():
                for sql, params in statements:
                    rows = backend.run(sql, params)
        except Exception as exc:
            reason = backend.reason(exc)
            if reason is None:
                raise
            raise SessionStoreError(f"could not save to {self.where}: {reason}") from exc
        return rows

    def read(self, sql: str, params: tuple[Any, ...] = ()) -> list[Row]:
        """Rows of a query (the campaign rows); SessionStoreError when the store fails."""
        return self._read(sql, params)

    # --- reading -------------------------------------------------------------------
    def summaries(self, scenario: str | None = None,
                  damaged: list[str] | None = None) -> list[SessionSummary]:
        """Every session (or one scenario's), oldest first.

        A damaged row raises SessionStoreError naming it; given a ``damaged``
        list, its message goes there instead and the other sessions are listed.
        """
        where, params = ("WHERE scenario_id = ?", (scenario,)) if scenario else ("", ())
        rows = self._read(f"SELECT {_SUMMARY_COLUMNS} FROM sessions {where} ORDER BY id", params)
        out = []
        for row in rows:
            try:
                out.append(_summary(row))
            except Damage as exc:
                error = self._damaged(row["id"], exc)
                if damaged is None:
                    raise error from exc
                damaged.append(str(error))
        return out

    def get(self, session_id: int) -> Session:
        """The whole session, checked field by field; SessionStoreError when there is none
        or it is damaged."""
        rows = self._read("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise SessionStoreError(f"there is no session {session_id} in {self.where} "
                                    "(`frontporch sessions` lists them)")
        row = rows[0]
        try:
            summary = _summary(row)
            recording = _recording(row)
            scenario = self._scenario_bytes(summary.scenario_hash)
        except Damage as exc:
            raise self._damaged(session_id, exc) from exc
        return Session(summary, recording, scenario)

    def _scenario_bytes(self, content_hash: str) -> bytes | None:
        if not content_hash or self._backend.schema_version() < SCENARIOS_KEPT_FROM:
            return None
        rows = self._read("SELECT content FROM scenarios WHERE hash = ?", (content_hash,))
        if not rows:
            return None
        content = rows[0]["content"]
        if not isinstance(content, bytes) or hashlib.sha256(content).hexdigest() != content_hash:
            raise Damage("its scenario copy does not match the recorded scenario_hash")
        return content

    def _damaged(self, session_id: object, exc: Damage) -> SessionStoreError:
        return SessionStoreError(f"session {session_id} in {self.where} is damaged: {exc} "
                                 "(the other sessions are fine)")

    def _read(self, sql: str, params: tuple[Any, ...]) -> list[Row]:
        try:
            return self._backend.run(sql, params)
        except Exception as exc:
            reason = self._backend.reason(exc)
            if reason is None:
                raise
            raise SessionStoreError(f"could not read the session database {self.where}: "
                                    f"{reason}") from exc


def session_row(session: Session) -> dict[str, Any]:
    """A session as the columns of its row (without its id): what ``add`` writes, and what
    travels to the instructor's station."""
    summary = session.summary
    return {
        "scenario_id": summary.scenario_id, "scenario_hash": summary.scenario_hash,
        "scenario_title": summary.scenario_title, "scenario_path": summary.scenario_path,
        "seed": summary.seed, "settings": to_json(dict(summary.settings)),
        "trainee": summary.trainee, "bot": summary.bot,
        "started_at": None if summary.started_at is None else summary.started_at.isoformat(),
        "ended_at": summary.ended_at.isoformat(), **_recording_columns(session.recording),
    }


def session_from_row(row: Mapping[str, Any], scenario: bytes | None) -> Session:
    """A session rebuilt from ``session_row`` output that came from elsewhere, every value
    checked as if read from a database; Damage names the first thing wrong."""
    summary = _summary({**row, "id": 1})
    if scenario is not None and hashlib.sha256(scenario).hexdigest() != summary.scenario_hash:
        raise Damage("its scenario copy does not match the recorded scenario_hash")
    return Session(summary, _recording(row), scenario)


def _recording_columns(recording: Recording) -> dict[str, Any]:
    """The columns that hold what the shift left behind (and the listing's copies of results)."""
    results = recording.results
    height, width = recording.foot_heat.shape
    return {
        "ticks": recording.ticks, "trust": results["trust"], "score": results["score"],
        "foot_minutes": results["foot_minutes"], "car_minutes": results["car_minutes"],
        "actions": to_json(recording.actions), "results": to_json(results),
        "ledger": to_json(recording.ledger), "history": to_json(recording.history),
        "heat_height": height, "heat_width": width,
        "foot_heat": encode_heat(recording.foot_heat), "car_heat": encode_heat(recording.car_heat),
    }


def _summary(row: Mapping[str, Any]) -> SessionSummary:
    """The listing columns of a row, each checked (Damage names the first bad one)."""
    return SessionSummary(
        id=checks.integer(row["id"], "id", 1),
        scenario_id=checks.text(row["scenario_id"], "scenario_id"),
        scenario_title=checks.text(row["scenario_title"], "scenario_title"),
        scenario_hash=checks.text(row["scenario_hash"], "scenario_hash"),
        scenario_path=checks.text(row["scenario_path"], "scenario_path"),
        seed=checks.integer(row["seed"], "seed"),
        trainee=checks.optional_text(row["trainee"], "trainee"),
        bot=checks.optional_text(row["bot"], "bot"),
        started_at=checks.optional_moment(row["started_at"], "started_at"),
        ended_at=checks.moment(row["ended_at"], "ended_at"),
        ticks=checks.integer(row["ticks"], "ticks"),
        trust=checks.number(row["trust"], "trust", 0, 100),
        score=checks.number(row["score"], "score", 0, 100),
        foot_minutes=checks.number(row["foot_minutes"], "foot_minutes", 0),
        car_minutes=checks.number(row["car_minutes"], "car_minutes", 0),
        settings=checks.settings(row["settings"], "settings"),
    )


def _recording(row: Mapping[str, Any]) -> Recording:
    """The recorded shift of a row: every action, result, ledger entry and map checked."""
    ticks = checks.integer(row["ticks"], "ticks")
    actions = []
    for k, entry in enumerate(checks.listing(checks.json_value(row["actions"], "actions"), "actions")):
        where = f"actions[{k}]"
        if not (isinstance(entry, list) and len(entry) == 2):
            raise Damage(f"{where} is not [tick, action]")
        tick = checks.integer(entry[0], f"{where} tick", 0, ticks)
        data = checks.mapping(entry[1], where)
        name = data.get("kind")
        if not (isinstance(name, str) and name in ACTION_TYPES):
            raise Damage(f"{where} is an action this version does not know: {name!r:.40}")
        actions.append([tick, {"kind": name, **checks.record(ACTION_TYPES[name], data, where)}])
    stored = checks.listing(checks.json_value(row["ledger"], "ledger"), "ledger")
    ledger = [checks.record(TrustChange, TrustChange.upgrade_stored(entry), f"ledger[{k}]")
              for k, entry in enumerate(stored)]
    results = checks.json_value(row["results"], "results")
    checks.record(ShiftResults, results, "results")
    return Recording(
        ticks=ticks, actions=actions, results=results,
        ledger=ledger, history=checks.history(checks.json_value(row["history"], "history"), "history"),
        foot_heat=checks.heat(row["foot_heat"], row["heat_height"], row["heat_width"], "foot_heat"),
        car_heat=checks.heat(row["car_heat"], row["heat_height"], row["heat_width"], "car_heat"),
    )
