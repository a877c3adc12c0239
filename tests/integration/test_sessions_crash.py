"""A game killed mid-save (SIGKILL) loses at most that shift; finished sessions stay intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from builders import street_scenario

from game.scenario.model import Shift
from game.sessions import SessionStore
from game.sim.simulation import Simulation

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

# The writer plays one short shift, saves it three times, then keeps saving (or stops inside a
# transaction) until it is killed. It prints each committed id so the test knows what must survive.
WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from builders import street_scenario
    from game.bots import make_bot, run_shift
    from game.scenario.model import Shift
    from game.sessions import SessionStore
    from game.sim.simulation import Simulation

    sim = run_shift(Simulation(street_scenario(shift=Shift(960, 60, 1.0)), 1), make_bot("walk", 1))
    store = SessionStore.open({db!r})
    for k in range(3):
        print(store.save(sim, trainee=f"finished {{k}}"), flush=True)
    if {hold!r}:
        store._conn.execute("PRAGMA cache_size = 1")  # spill the half-written rows into the WAL
        def hold(sql):
            if sql.strip().upper() == "COMMIT":
                print("inside", flush=True)
                time.sleep(60)
        store._conn.set_trace_callback(hold)
    while True:
        print(store.save(sim, trainee="killed"), flush=True)
""")


def kill_writer(db: Path, hold: bool, lines_before_kill: int) -> list[str]:
    code = WRITER.format(tests=str(TESTS), db=str(db), hold=hold)
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    lines = [proc.stdout.readline().strip() for _ in range(lines_before_kill)]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    return lines


def assert_intact(db: Path, committed: list[int]) -> None:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with SessionStore.open(db) as store:
        ids = [s.id for s in store.summaries()]
        assert ids[: len(committed)] == committed
        first = store.get(1).recording
        for session_id in ids:  # every row that survived is whole and readable
            session = store.get(session_id)
            assert session.recording.differences(first) == []
        assert [s.trainee for s in store.summaries()][:3] == ["finished 0", "finished 1", "finished 2"]


def test_killed_inside_a_save_transaction(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    lines = kill_writer(db, hold=True, lines_before_kill=4)
    assert lines == ["1", "2", "3", "inside"]
    assert_intact(db, [1, 2, 3])
    with SessionStore.open(db) as store:
        assert [s.id for s in store.summaries()] == [1, 2, 3]  # the unfinished save left nothing
        sim = Simulation(street_scenario(shift=Shift(960, 10, 1.0)), 0)
        sim.run()
        assert store.save(sim) == 4  # and the store carries on


def test_killed_while_saving_in_a_loop(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    lines = kill_writer(db, hold=False, lines_before_kill=8)
    assert_intact(db, [int(x) for x in lines])
