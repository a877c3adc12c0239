"""The seam between the session store and the database that holds it.

``SessionStore`` speaks one small SQL dialect (``?`` placeholders,
``ON CONFLICT DO NOTHING``, ``RETURNING``) that SQLite and PostgreSQL both
understand; a backend owns what differs: connecting, the schema version and
the migrations, the exclusive write transaction, the check before a first
write, and turning the driver's errors into words a player can act on. Two
backends exist: ``sqlite_backend`` (one file, the default) and
``postgres_backend`` (an academy-wide server, ``FRONTPORCH_DB=postgresql://…``).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from typing import Any

from game.errors import UserError


class SessionStoreError(UserError):
    """The session database cannot be read or written; the message says why and what to do."""


Row = Mapping[str, Any]


def refuse_foreign(where: str, version: int, application: int, has_tables: bool,
                   what: str) -> None:
    """Refuse a database written by a newer schema or by something else (SessionStoreError):
    never guess, never lose data. ``what`` is "file" or "database", for the advice."""
    from game.sessions.paths import DB_ENV
    from game.sessions.schema import APPLICATION_ID, SCHEMA_VERSION

    if version > SCHEMA_VERSION:
        raise SessionStoreError(
            f"the session database {where} was written by a newer version of Front Porch "
            f"(schema {version}; this version reads up to {SCHEMA_VERSION}). Update Front Porch, "
            f"or set {DB_ENV} to use another {what}; the {what} was left untouched.")
    if application not in (0, APPLICATION_ID) or (application == 0 and has_tables):
        raise SessionStoreError(f"{where} is not a Front Porch session database; it was left "
                                f"untouched (set {DB_ENV} to use another {what})")


class Backend(ABC):
    """One open connection to a session database, already checked and migrated."""

    where: str  # what messages call the database: a file path, or a URL without its password
    writable: bool

    @property
    @abstractmethod
    def connection(self) -> Any:
        """The driver's connection, for tests that reach below the store on purpose."""

    @abstractmethod
    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        """Run one statement (``?`` placeholders) and return its rows, if any (a query, or
        ``RETURNING``); writes belong inside ``transaction()``. Driver errors pass through."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """One exclusive write transaction: all of it is kept, or none of it."""

    @abstractmethod
    def check_before_write(self) -> None:
        """Refuse to write into a database the engine finds damaged (SessionStoreError)."""

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the database is at (``schema.SCHEMA_VERSION`` once migrated)."""

    @abstractmethod
    def reason(self, exc: BaseException) -> str | None:
        """What the player can do about a driver error, or None when ``exc`` is not one."""

    @abstractmethod
    def close(self) -> None: ...

