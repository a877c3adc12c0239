"""An academy-wide session database: PostgreSQL through psycopg 3.

``FRONTPORCH_DB=postgresql://user@host/frontporch`` puts every laptop's
sessions in one place. The guarantees are SQLite's: the same tables (the same
migrations, in PostgreSQL's column types), each save one transaction that is
kept whole or not at all (PostgreSQL commits durably by default), writers one
at a time (an advisory lock, as ``BEGIN IMMEDIATE`` does in SQLite, so an
``--import`` never races another into duplicates), a database from a newer
version or one that holds someone else's tables refused and left untouched.

The schema version and the application id live in the ``frontporch_meta``
table, PostgreSQL's stand-in for SQLite's two pragmas. Messages name the
server as a URL without its password.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from game.sessions.backend import Backend, Row, SessionStoreError, refuse_foreign
from game.sessions.paths import DB_ENV, POSTGRES_SCHEMES
from game.sessions.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, postgres_dialect

CONNECT_TIMEOUT = 10  # seconds to wait for the server before saying it cannot be reached
META_TABLE = "frontporch_meta"


def is_postgres_url(location: str) -> bool:
    return location.startswith(POSTGRES_SCHEMES)


def redacted(url: str) -> str:
    """The URL as messages show it: user, host, port and database, never the password."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # psycopg raises ProgrammingError for any malformed URL
        return "postgresql://(a URL psycopg cannot read)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


def _reason(exc: BaseException) -> str | None:
    import psycopg
    from psycopg import errors

    if not isinstance(exc, psycopg.Error):
        return None
    if isinstance(exc, errors.InsufficientPrivilege):
        return "the database user may not do that; ask the academy's administrator for write access"
    if isinstance(exc, errors.DiskFull):
        return "the database server's disk is full"
    if isinstance(exc, errors.ReadOnlySqlTransaction):
        return "the database server is read-only (a standby?)"
    if isinstance(exc, psycopg.OperationalError):
        first = (str(exc).strip().splitlines() or ["no answer"])[0]
        return f"the server cannot be reached or refused the connection ({first})"
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


class PostgresBackend(Backend):
    """Open with ``PostgresBackend.open(url)``."""

    def __init__(self, conn: Any, where: str) -> None:
        self._conn = conn
        self.where = where
        self.writable = True  # a user without rights learns it from the first save's error

    @classmethod
    def open(cls, url: str) -> PostgresBackend:
        import psycopg
        from psycopg.rows import dict_row

        where = redacted(url)
        try:
            conn = psycopg.connect(url, autocommit=True, row_factory=dict_row,
                                   connect_timeout=CONNECT_TIMEOUT)
        except psycopg.Error as exc:
            raise SessionStoreError(f"cannot open the session database {where}: {_reason(exc)} "
                                    f"(check the server, or {DB_ENV})") from exc
        except Exception as exc:  # a malformed URL
            raise SessionStoreError(f"{DB_ENV} is not a PostgreSQL URL psycopg can read ({exc}); "
                                    "write it as postgresql://user@host:port/database") from exc
        backend = cls(conn, where)
        try:
            backend._check_ours()
            backend._migrate()
        except BaseException as exc:
            conn.close()
            if isinstance(exc, psycopg.Error):
                raise SessionStoreError(f"cannot open the session database {where}: "
                                        f"{_reason(exc)}") from exc
            raise
        return backend

    # --- the seam -------------------------------------------------------------------
    @property
    def connection(self) -> Any:
        return self._conn

    def run(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        cursor = self._conn.execute(sql.replace("?", "%s"), tuple(params))
        return cursor.fetchall() if cursor.description is not None else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
            yield

    def check_before_write(self) -> None:
        """The server guards its own pages (and says so in its errors); nothing to check here."""

    def schema_version(self) -> int:
        return self._meta("schema_version")

    def reason(self, exc: BaseException) -> str | None:
        return _reason(exc)

    def close(self) -> None:
        self._conn.close()

    # --- checking and migrating -------------------------------------------------------
    def _has_meta(self) -> bool:
        return self.run("SELECT to_regclass(?) AS meta", (META_TABLE,))[0]["meta"] is not None

    def _meta(self, name: str) -> int:
        if not self._has_meta():
            return 0
        rows = self.run(f"SELECT value FROM {META_TABLE} WHERE name = ?", (name,))
        return int(rows[0]["value"]) if rows else 0

    def _check_ours(self) -> None:
        """Refuse a database of a newer schema or one that holds someone else's tables."""
        tables = self.run("SELECT count(*) AS n FROM information_schema.tables "
                          "WHERE table_schema = current_schema()")[0]["n"]
        refuse_foreign(self.where, self._meta("schema_version"), self._meta("application_id"),
                       tables > 0, "database")

    def _migrate(self) -> None:
        if self.schema_version() == SCHEMA_VERSION:
            return
        with self.transaction():
            version = self.schema_version()  # another laptop may have migrated meanwhile
            self.run(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (name TEXT PRIMARY KEY, "
                     "value BIGINT NOT NULL)")
            for step in MIGRATIONS[version:]:
                for statement in step:
                    self.run(postgres_dialect(statement))
            for name, value in (("application_id", APPLICATION_ID), ("schema_version", SCHEMA_VERSION)):
                self.run(f"INSERT INTO {META_TABLE} (name, value) VALUES (?, ?) "
                         "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value", (name, value))
