"""The session store: round trips, where the file lives, and every way the file can be wrong."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from builders import street_scenario

from game.bots import make_bot, run_shift
from game.scenario.model import Shift
from game.sessions import SessionStore, SessionStoreError, default_db_path
from game.sessions.schema import APPLICATION_ID, SCHEMA_VERSION
from game.sim.simulation import Simulation


@pytest.fixture(scope="module")
def played() -> Simulation:
    scenario = street_scenario(shift=Shift(16 * 60, 90, 1.0))
    return run_shift(Simulation(scenario, 4), make_bot("balanced", 4))


# The round trip, the scenario filter and an unknown id are in
# tests/integration/test_store_backends.py, which runs them on SQLite and PostgreSQL alike.


def test_new_file_gets_schema_version_wal_and_application_id(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "s.db"
    SessionStore.open(path).close()
    SessionStore.open(path).close()  # reopening an up-to-date file changes nothing
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path, played: Simulation) -> None:
    path = tmp_path / "s.db"
    with SessionStore.open(path) as store:
        store.save(played)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    before = _digest(path)
    with pytest.raises(SessionStoreError, match="newer version of Front Porch"):
        SessionStore.open(path)
    assert _digest(path) == before


def test_someone_elses_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(SessionStoreError, match="not a Front Porch session database"):
        SessionStore.open(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 100)
    with pytest.raises(SessionStoreError, match="not a Front Porch session database"):
        SessionStore.open(path)


def test_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(SessionStoreError, match="cannot create the folder"):
        SessionStore.open(blocker / "s.db")


def test_full_disk_is_a_clear_error_and_keeps_earlier_sessions(tmp_path: Path,
                                                               played: Simulation) -> None:
    with SessionStore.open(tmp_path / "s.db") as store:
        store.save(played)
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
        with pytest.raises(SessionStoreError, match="disk is full"):
            store.save(played)
        assert [s.id for s in store.summaries()] == [1]
        store._conn.execute("PRAGMA max_page_count = 1000000")
        assert store.save(played) == 2  # and the store still works once there is room


def test_read_only_database_is_a_clear_error(tmp_path: Path, played: Simulation) -> None:
    with SessionStore.open(tmp_path / "s.db") as store:
        store._conn.execute("PRAGMA query_only = ON")  # what a read-only file looks like to SQLite
        with pytest.raises(SessionStoreError, match="read-only"):
            store.save(played)


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("linux", {}, "/home/u/.local/share/frontporch/sessions.db"),
    ("linux", {"XDG_DATA_HOME": "/data"}, "/data/frontporch/sessions.db"),
    ("linux", {"XDG_DATA_HOME": "relative"}, "/home/u/.local/share/frontporch/sessions.db"),
    ("darwin", {}, "/home/u/Library/Application Support/frontporch/sessions.db"),
    ("win32", {"APPDATA": "/appdata"}, "/appdata/frontporch/sessions.db"),
    ("linux", {"FRONTPORCH_DB": "/class/one.db", "XDG_DATA_HOME": "/data"}, "/class/one.db"),
])
def test_default_db_path(platform: str, env: dict[str, str], expected: str) -> None:
    assert default_db_path(env, platform, Path("/home/u")) == Path(expected)


def test_a_ledger_stored_by_the_first_version_still_reads() -> None:
    """Sources were "kind:id" strings and the how was part of the cause; both read back typed."""
    from game.sim.ledger import Source, SourceKind, TrustChange

    first = {"time": 3.0, "resident": 0, "delta": 0.4, "cause": "said hello through the car window",
             "source": "talk:greet", "tags": [], "via": None}
    change = TrustChange.from_dict(TrustChange.upgrade_stored(first))
    assert change.source == Source(SourceKind.TALK, "greet") and change.through_car_window
    assert change.cause == "said hello" and change.label == "said hello through the car window"
    today = change.to_dict()
    assert TrustChange.upgrade_stored(today) is today
