"""One store test suite, run on both backends: a SQLite file and a real PostgreSQL server.

``store_location`` (tests/conftest.py) gives each test a new SQLite file, then
a new database on a throwaway PostgreSQL cluster, and points ``FRONTPORCH_DB``
at it, so the commands below (``sessions``, ``replay``, ``report``) read the
same store the test wrote.
"""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pytest
from builders import street_scenario
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.bots import make_bot, run_shift
from game.scenario import load_scenario
from game.scenario.model import Shift
from game.sessions import Recording, SessionStore, SessionStoreError
from game.sessions.schema import SCHEMA_VERSION
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def played() -> Simulation:
    scenario = street_scenario(shift=Shift(16 * 60, 60, 1.0))
    return run_shift(Simulation(scenario, 4), make_bot("balanced", 4))


@pytest.fixture(scope="module")
def first_day() -> Simulation:
    scenario = load_scenario(REPO / "scenarios" / "first-day.yaml")
    return run_shift(Simulation(scenario, 2), make_bot("walk", 2))


@pytest.fixture
def cli(run_cli):
    return run_cli  # against the store ``store_location`` put in FRONTPORCH_DB


def test_save_get_list_round_trip(store_location: str, played: Simulation) -> None:
    started = datetime(2026, 5, 1, 9, 30, tzinfo=timezone.utc)
    with SessionStore.open(store_location) as store:
        first = store.save(played, bot="balanced", trainee="  Sam\x1b[31m Lee ",
                           settings={"speed": 2}, started_at=started)
        second = store.save(played)
        session = store.get(first)
        listed = store.summaries()
    assert (first, second) == (1, 2)
    assert [s.id for s in listed] == [1, 2]
    summary = session.summary
    assert summary.trainee == "Sam[31m Lee"
    assert (summary.bot, summary.seed, summary.settings) == ("balanced", 4, {"speed": 2})
    assert summary.started_at == started and summary.ended_at.tzinfo is not None
    assert summary.score == played.results().score
    assert session.recording.shift_results() == played.results()
    assert session.recording.action_log() == played.action_log
    assert np.array_equal(session.recording.foot_heat, played.foot_heat)
    assert session.recording.differences(Recording.of(played)) == []


def test_filter_unknown_and_reopen(store_location: str, played: Simulation) -> None:
    with SessionStore.open(store_location) as store:
        store.save(played)
    with SessionStore.open(store_location) as store:  # reopening a migrated store changes nothing
        assert [s.id for s in store.summaries("test-street")] == [1]
        assert store.summaries("elsewhere") == []
        with pytest.raises(SessionStoreError, match="no session 9"):
            store.get(9)


def _set_schema_version(store: SessionStore, version: int) -> None:
    """What a newer Front Porch would leave behind, written the way each engine keeps it."""
    if store.where.startswith("postgresql://"):
        store._conn.execute("UPDATE frontporch_meta SET value = %s WHERE name = 'schema_version'",
                            (version,))
    else:
        store._conn.execute(f"PRAGMA user_version = {version}")


def test_a_newer_schema_is_refused_and_kept(store_location: str, played: Simulation) -> None:
    with SessionStore.open(store_location) as store:
        store.save(played)
        _set_schema_version(store, SCHEMA_VERSION + 1)
    with pytest.raises(SessionStoreError, match="newer version of Front Porch"):
        SessionStore.open(store_location)
    with pytest.raises(SessionStoreError, match="left untouched"):
        SessionStore.open(store_location, read_only_ok=True)


def test_a_damaged_row_is_named_and_the_others_still_list(store_location: str,
                                                          played: Simulation) -> None:
    with SessionStore.open(store_location) as store:
        store.save(played)
        damaged_id = store.save(played)
        store._conn.execute("UPDATE sessions SET score = 500 WHERE id = " + str(damaged_id))
        problems: list[str] = []
        assert [s.id for s in store.summaries(damaged=problems)] == [1]
        assert len(problems) == 1 and f"session {damaged_id}" in problems[0]
        with pytest.raises(SessionStoreError, match="damaged"):
            store.get(damaged_id)


def test_two_writers_get_distinct_ids(store_location: str, played: Simulation) -> None:
    with SessionStore.open(store_location) as one, SessionStore.open(store_location) as two:
        ids = [one.save(played), two.save(played), one.save(played)]
        assert sorted(ids) == [1, 2, 3]
        assert [s.id for s in two.summaries()] == [1, 2, 3]


def test_import_moves_a_laptops_sessions_once(store_location: str, tmp_path: Path,
                                              first_day: Simulation, played: Simulation, cli) -> None:
    laptop = tmp_path / "laptop.db"
    with SessionStore.open(laptop) as store:
        store.save(first_day, trainee="Ana", bot="walk")
        store.save(played, trainee="Ben")
    with SessionStore.open(store_location) as store:
        store.save(played, trainee="Already here")
    status, out, err = cli("sessions", "--import", str(laptop))
    assert (status, err) == (0, "") and "Imported 2 session(s)" in out
    status, out, _ = cli("sessions", "--import", str(laptop))
    assert status == 0 and "Imported 0 session(s)" in out and "2 were already there" in out
    status, out, _ = cli("sessions", "--json")
    listed = json.loads(out)
    assert [row["trainee"] for row in listed] == ["Already here", "Ana", "Ben"]
    ana = next(row for row in listed if row["trainee"] == "Ana")
    status, out, err = cli("replay", str(ana["id"]), "--json")
    assert (status, err) == (0, "")
    assert json.loads(out)["matches"] is True and json.loads(out)["score"] == ana["score"]


def test_listed_replayed_and_reported_from_either_store(store_location: str, tmp_path: Path,
                                                        first_day: Simulation, cli) -> None:
    with SessionStore.open(store_location) as store:
        session_id = store.save(first_day, trainee="Cleo <b>")
    status, out, _ = cli("sessions")
    assert status == 0 and "first-day" in out and "Cleo <b>" in out
    status, out, _ = cli("replay", str(session_id))
    assert status == 0 and "matches the recording exactly" in out
    status, _, err = cli("report", str(session_id), "--out", str(tmp_path / "report"))
    assert (status, err) == (0, "")
    page = (tmp_path / "report" / "index.html").read_text()
    assert "Cleo &lt;b&gt;" in page and "Cleo <b>" not in page
    status, _, err = cli("report", "--class", "--out", str(tmp_path / "class"))
    assert (status, err) == (0, "")
    assert "Cleo &lt;b&gt;" in (tmp_path / "class" / "index.html").read_text()


_names = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trainee=_names, bot=st.none() | _names,
       speed=st.integers(-(2 ** 53), 2 ** 53) | st.floats(allow_nan=False, allow_infinity=False))
def test_what_is_saved_reads_back_the_same(store_location: str, played: Simulation, trainee: str,
                                           bot: str | None, speed: float) -> None:
    with SessionStore.open(store_location) as store:
        session_id = store.save(played, trainee=trainee, bot=bot, settings={"speed": speed})
        summary = store.get(session_id).summary
    assert summary.settings == {"speed": speed}
    shown = summary.trainee or ""
    assert not any(unicodedata.category(ch) == "Cc" for ch in shown) and shown == shown.strip()
    if not any(unicodedata.category(ch) == "Cc" for ch in trainee) and trainee == trainee.strip():
        assert summary.trainee == (trainee or None)  # a clean name comes back exactly


def test_an_unreachable_server_is_a_clear_error_without_the_password(tmp_path: Path) -> None:
    url = f"postgresql://trainer:s3cret@/frontporch?host={tmp_path}&port=1"
    with pytest.raises(SessionStoreError, match="cannot be reached") as caught:
        SessionStore.open(url)
    assert "s3cret" not in str(caught.value) and "trainer@" in str(caught.value)


def test_a_postgres_database_holding_other_tables_is_refused(postgres_cluster) -> None:
    import psycopg

    url = postgres_cluster.new_database()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(SessionStoreError, match="not a Front Porch session database"):
        SessionStore.open(url)
    with psycopg.connect(url, autocommit=True) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables "
                              "WHERE table_schema = 'public'").fetchall()
    assert tables == [("recipes",)]  # left exactly as it was
