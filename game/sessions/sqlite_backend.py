"""The default session database: one SQLite file on the trainee's machine.

Why SQLite (stdlib ``sqlite3``): one file an instructor can copy, atomic
transactions, and WAL mode so the game can write while a ``sessions`` or
``report`` command reads. Each save is a single ``BEGIN IMMEDIATE`` …
``COMMIT`` with ``synchronous=FULL``: a game killed mid-save loses only that
shift, and a saved shift survives the power going out afterwards. The schema
version is ``PRAGMA user_version``; ``PRAGMA application_id`` marks the file
as ours, so a file written by something else is refused, never "migrated".

Everything that can go wrong with the file (full disk, read-only folder or
media, a database from a newer version, a file that is not ours or is damaged)
becomes a ``SessionStoreError`` with a sentence the player can act on. A
damaged database is never written to.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from game.sessions.backend import Backend, Row, SessionStoreError, refuse_foreign
from game.sessions.paths import DB_ENV
from game.sessions.schema import APPLICATION_ID, MIGRATIONS, SCENARIOS_KEPT_FROM, SCHEMA_VERSION

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


def _reason(exc: sqlite3.Error) -> str:
    name, text = getattr(exc, "sqlite_errorname", ""), str(exc)
    for prefix, words, reason in _REASONS:
        if name.startswith(prefix) or words in text:
            return reason
    return text


class SqliteBackend(Backend):
    """Open with ``SqliteBackend.open(path)``."""

    def __init__(self, conn: sqlite3.Connection, path: Path, writable: bool) -> None:
        self._conn = conn
        self.path = path
        self.where = str(path)
        self.writable = writable  # False: opened read-only (read-only media or file)
        self._intact = False  # quick_check passed on this connection

    @classmethod
    def open(cls, db: Path, *, read_only_ok: bool = False) -> SqliteBackend:
        """Open (creating and migrating as needed) the database file ``db``.

        With ``read_only_ok`` (commands that only read) a database that cannot be
        written, such as one on read-only media, is opened read-only instead.
        """
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
    def _connect(cls, db: Path, writable: bool, immutable: bool = False) -> SqliteBackend:
        conn: sqlite3.Connection | None = None
        try:
            if writable:
                conn = sqlite3.connect(db, timeout=BUSY_TIMEOUT, isolation_level=None)
            else:
                flags = "mode=ro&immutable=1" if immutable else "mode=ro"
                conn = sqlite3.connect(f"{db.resolve().as_uri()}?{flags}", uri=True,
                                       timeout=BUSY_TIMEOUT, isolation_level=None)
            conn.row_factory = sqlite3.Row
            backend = cls(conn, db, writable)
            backend._check_ours()
            if writable:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                backend._migrate()
            return backend
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.Error):
                raise SessionStoreError(f"cannot open the session database {db}: "
                                        f"{_reason(exc)}") from exc
            raise

    # --- the seam -------------------------------------------------------------------
    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(sql, tuple(params)).fetchall()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.rollback()
            raise

    def check_before_write(self) -> None:
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

    def schema_version(self) -> int:
        return self._pragma("user_version")

    def reason(self, exc: BaseException) -> str | None:
        return _reason(exc) if isinstance(exc, sqlite3.Error) else None

    def close(self) -> None:
        self._conn.close()

    # --- checking and migrating -------------------------------------------------------
    def _pragma(self, name: str) -> int:
        return int(self._conn.execute(f"PRAGMA {name}").fetchone()[0])

    def _check_ours(self) -> None:
        """Refuse files written by a newer schema or by something else: never guess, never lose data."""
        has_tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        refuse_foreign(self.where, self._pragma("user_version"), self._pragma("application_id"),
                       has_tables, "file")

    def _migrate(self) -> None:
        if self._pragma("user_version") == SCHEMA_VERSION:
            return
        if self._pragma("user_version") > 0:
            self.check_before_write()
        with self.transaction():
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
