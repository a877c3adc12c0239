"""The session store: every finished shift, kept in one SQLite file.

Why SQLite (stdlib ``sqlite3``): one file an instructor can copy, atomic
transactions, and WAL mode so the game can write while a ``sessions`` or
``report`` command reads. Each save is a single ``BEGIN IMMEDIATE`` …
``COMMIT`` with ``synchronous=FULL``: a game killed mid-save loses only that
shift, and a saved shift survives the power going out afterwards.

Each session keeps the scenario file it was played on (the ``scenarios``
table, one copy per distinct content), so replay and report never open a path
read from the database. Every value read back is checked (``checks``): a
damaged row is "session N is damaged: ..." and the other sessions stay usable.

Everything that can go wrong with the file (full disk, read-only folder or
media, a database from a newer version, a file that is not ours or is damaged)
becomes a ``SessionStoreError`` with a sentence the player can act on; the game
catches it and keeps running. A damaged database is never written to.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import unicodedata
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.errors import UserError
from game.scenario.limits import MAX_SEED
from game.sessions import checks
from game.sessions.checks import Damage
from game.sessions.paths import DB_ENV, default_db_path
from game.sessions.recording import Recording, encode_heat, to_json
from game.sessions.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from game.sim.actions import ACTION_TYPES
from game.sim.ledger import TrustChange
from game.sim.results import ShiftResults
from game.sim.simulation import Simulation

SCENARIOS_KEPT_FROM = 2  # the schema version from which the store keeps each scenario's bytes

BUSY_TIMEOUT = 10.0  # seconds to wait for another process's write before giving up

# sqlite error names (prefixes, so extended codes match too) → what the player can do about it.
_REASONS: tuple[tuple[str, str, str], ...] = (
    ("SQLITE_FULL", "database or disk is full", "the disk is full; free some space"),
    ("SQLITE_READONLY", "readonly", "the file or its folder is read-only"),
    ("SQLITE_NOTADB", "not a database", "it is not a Front Porch session database"),
    ("SQLITE_CORRUPT", "malformed", "the file is damaged"),
    ("SQLITE_BUSY", "locked", "another program is using it; try again in a moment"),
    ("SQLITE_CANTOPEN", "unable to open", "the file cannot be opened; check the folder exists "
                                          "and you may write there"),
    ("SQLITE_IOERR", "disk I/O error", "reading or writing the disk failed (is it full or gone?)"),
)

_READ_ONLY = next(reason for name, _, reason in _REASONS if name == "SQLITE_READONLY")
_CANNOT_OPEN = next(reason for name, _, reason in _REASONS if name == "SQLITE_CANTOPEN")

_SUMMARY_COLUMNS = ("id, scenario_id, scenario_title, scenario_hash, scenario_path, seed, settings, "
                    "trainee, bot, started_at, ended_at, ticks, trust, score, foot_minutes, "
                    "car_minutes")


class SessionStoreError(UserError):
    """The session database cannot be read or written; the message says why and what to do."""


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


def _reason(exc: sqlite3.Error) -> str:
    name, text = getattr(exc, "sqlite_errorname", ""), str(exc)
    for prefix, words, reason in _REASONS:
        if name.startswith(prefix) or words in text:
            return reason
    return text


def _clean_name(text: str | None) -> str | None:
    """Names are shown in terminals, CSV and HTML: drop control characters and outer space."""
    if text is None:
        return None
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc").strip()
    return text or None


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc)  # a naive datetime is taken as local time


class SessionStore:
    """Open with ``SessionStore.open(path_or_None)``; use as a context manager or ``close()``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, writable: bool = True) -> None:
        self._conn = conn
        self.path = path
        self.writable = writable  # False: opened read-only (read-only media or file)
        self._intact = False  # quick_check passed on this connection

    # --- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *,
             read_only_ok: bool = False) -> SessionStore:
        """Open (creating and migrating as needed) the database at ``path`` or the default place.

        With ``read_only_ok`` (commands that only read) a database that cannot be
        written, such as one on read-only media, is opened read-only instead.
        """
        db = default_db_path() if path is None else Path(path)
        try:
            info: os.stat_result | None = os.stat(db)
        except (FileNotFoundError, NotADirectoryError):
            info = None  # created below (or its folder cannot be, which says so)
        except OSError as exc:
            raise SessionStoreError(f"cannot reach the session database {db}: "
                                    f"{exc.strerror or exc} (set {DB_ENV} to use another file)"
                                    ) from exc
        if info is not None and not stat.S_ISREG(info.st_mode):  # /dev/null, a folder, a pipe
            raise SessionStoreError(f"the session database {db} is not a regular file; set "
                                    f"{DB_ENV} to a file path")
        try:
            db.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SessionStoreError(f"cannot create the folder for the session database {db}: "
                                    f"{exc.strerror or exc} (set {DB_ENV} to use another file)"
                                    ) from exc
        try:
            return cls._connect(db, writable=True)
        except SessionStoreError as exc:
            cause = exc.__cause__
            if not (read_only_ok and info is not None and isinstance(cause, sqlite3.Error)
                    and _reason(cause) in (_READ_ONLY, _CANNOT_OPEN)):
                raise
        try:
            return cls._connect(db, writable=False)
        except SessionStoreError:  # WAL on read-only media: no -shm file can be made beside it
            return cls._connect(db, writable=False, immutable=True)

    @classmethod
    def _connect(cls, db: Path, writable: bool, immutable: bool = False) -> SessionStore:
        conn: sqlite3.Connection | None = None
        try:
            if writable:
                conn = sqlite3.connect(db, timeout=BUSY_TIMEOUT, isolation_level=None)
            else:
                flags = "mode=ro&immutable=1" if immutable else "mode=ro"
                conn = sqlite3.connect(f"{db.resolve().as_uri()}?{flags}", uri=True,
                                       timeout=BUSY_TIMEOUT, isolation_level=None)
            conn.row_factory = sqlite3.Row
            store = cls(conn, db, writable)
            store._check_ours()
            if writable:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                store._migrate()
            return store
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.Error):
                raise SessionStoreError(f"cannot open the session database {db}: "
                                        f"{_reason(exc)}") from exc
            raise

    def _check_intact(self) -> None:
        """Before the first write into an existing database: refuse one SQLite finds damaged,
        and leave it exactly as it is for someone to rescue."""
        if self._intact:
            return
        try:
            verdict = [row[0] for row in self._conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.Error as exc:
            verdict = [str(exc)]
        if verdict != ["ok"]:
            raise SessionStoreError(
                f"the session database {self.path} is damaged ({verdict[0]}), so nothing was "
                f"written to it and it was left as it is; copy it somewhere safe and set {DB_ENV} "
                "to use a new file")
        self._intact = True

    def _pragma(self, name: str) -> int:
        return int(self._conn.execute(f"PRAGMA {name}").fetchone()[0])

    def _check_ours(self) -> None:
        """Refuse files written by a newer schema or by something else: never guess, never lose data."""
        version, app = self._pragma("user_version"), self._pragma("application_id")
        if version > SCHEMA_VERSION:
            raise SessionStoreError(
                f"the session database {self.path} was written by a newer version of Front Porch "
                f"(schema {version}; this version reads up to {SCHEMA_VERSION}). Update Front Porch, "
                f"or set {DB_ENV} to use another file; the file was left untouched.")
        has_tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        if app not in (0, APPLICATION_ID) or (app == 0 and has_tables):
            raise SessionStoreError(
                f"{self.path} is not a Front Porch session database; it was left untouched "
                f"(set {DB_ENV} to use another file)")

    def _migrate(self) -> None:
        if self._pragma("user_version") == SCHEMA_VERSION:
            return
        if self._pragma("user_version") > 0:
            self._check_intact()
        with self._transaction():
            version = self._pragma("user_version")  # another process may have migrated meanwhile
            for step in MIGRATIONS[version:]:
                for statement in step:
                    self._conn.execute(statement)
            if 0 < version < SCENARIOS_KEPT_FROM:
                self._adopt_scenario_files()
            self._conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _adopt_scenario_files(self) -> None:
        """Keep the scenarios of sessions saved before the store kept them, from their files.

        Once, while upgrading: a file is taken only if its bytes still have the
        sha256 the session recorded, so whatever a row names, nothing but that
        very scenario is ever read into the database (and nothing of it is shown).
        """
        from game.scenario import ScenarioError
        from game.scenario.yamlnodes import read_limited

        rows = self._conn.execute("SELECT DISTINCT scenario_hash, scenario_path FROM sessions "
                                  "WHERE scenario_path != ''").fetchall()
        for recorded_hash, path in rows:
            if not (isinstance(path, str) and isinstance(recorded_hash, str)):
                continue  # a damaged row: reported when that session is read
            try:
                data = read_limited(path, path)
            except (ScenarioError, OSError, ValueError):
                continue  # moved, unreadable or not a file: that session cannot be replayed
            if hashlib.sha256(data).hexdigest() == recorded_hash:
                self._conn.execute("INSERT OR IGNORE INTO scenarios (hash, content) VALUES (?, ?)",
                                   (recorded_hash, data))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.rollback()
            raise

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------
    def save(self, sim: Simulation, *, bot: str | None = None, trainee: str | None = None,
             settings: Mapping[str, Any] | None = None, started_at: datetime | None = None) -> int:
        """Store the shift as it stands now (normally finished) and return its session id.

        ``started_at`` is the wall time the shift began, if the caller knows it;
        the end time is read here.
        """
        if not self.writable:
            raise SessionStoreError(f"cannot save to {self.path}: it was opened read-only")
        if not 0 <= sim.seed <= MAX_SEED:
            raise SessionStoreError(f"cannot save a shift played on seed {sim.seed}: seeds are "
                                    f"0..{MAX_SEED}")
        recording = Recording.of(sim)
        scenario = sim.scenario
        source = str(Path(scenario.source).resolve()) if scenario.source else ""
        results = recording.results
        height, width = recording.foot_heat.shape
        row = {
            "scenario_id": scenario.id, "scenario_hash": scenario.content_hash,
            "scenario_title": scenario.title, "scenario_path": source, "seed": sim.seed,
            "settings": to_json(dict(settings or {})), "trainee": _clean_name(trainee),
            "bot": _clean_name(bot),
            "started_at": None if started_at is None else _utc(started_at).isoformat(),
            "ended_at": datetime.now(timezone.utc).isoformat(), "ticks": recording.ticks,
            "trust": results["trust"], "score": results["score"],
            "foot_minutes": results["foot_minutes"], "car_minutes": results["car_minutes"],
            "actions": to_json(recording.actions), "results": to_json(results),
            "ledger": to_json(recording.ledger), "history": to_json(recording.history),
            "heat_height": height, "heat_width": width,
            "foot_heat": encode_heat(recording.foot_heat), "car_heat": encode_heat(recording.car_heat),
        }
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        try:
            self._check_intact()
            with self._transaction():
                if scenario.content:
                    self._conn.execute(
                        "INSERT OR IGNORE INTO scenarios (hash, content) VALUES (?, ?)",
                        (scenario.content_hash, scenario.content))
                cursor = self._conn.execute(f"INSERT INTO sessions ({names}) VALUES ({marks})", row)
        except sqlite3.Error as exc:
            raise SessionStoreError(f"could not save the session to {self.path}: {_reason(exc)}"
                                    ) from exc
        return int(cursor.lastrowid or 0)

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
            raise SessionStoreError(f"there is no session {session_id} in {self.path} "
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
        if not content_hash or self._pragma("user_version") < SCENARIOS_KEPT_FROM:
            return None
        rows = self._read("SELECT content FROM scenarios WHERE hash = ?", (content_hash,))
        if not rows:
            return None
        content = rows[0]["content"]
        if not isinstance(content, bytes) or hashlib.sha256(content).hexdigest() != content_hash:
            raise Damage("its scenario copy does not match the recorded scenario_hash")
        return content

    def _damaged(self, session_id: object, exc: Damage) -> SessionStoreError:
        return SessionStoreError(f"session {session_id} in {self.path} is damaged: {exc} "
                                 "(the other sessions are fine)")

    def _read(self, sql: str, params: tuple[Any, ...]) -> list[sqlite3.Row]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise SessionStoreError(f"could not read the session database {self.path}: "
                                    f"{_reason(exc)}") from exc


def _summary(row: sqlite3.Row) -> SessionSummary:
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


def _recording(row: sqlite3.Row) -> Recording:
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
