"""The session database at the edges: damaged, read-only, not a file; `schema -o` over a file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import game.cli
from game.scenario.schema import schema_text

REPO = Path(__file__).resolve().parents[2]
MAPLE = REPO / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"
NOBODY = 65534


@pytest.fixture
def quick_scenario(tmp_path: Path) -> Path:
    path = tmp_path / "maple.yaml"
    path.write_text(MAPLE.read_text(encoding="utf-8").replace("tuning: {}", "tuning: {tick_minutes: 2}"),
                    encoding="utf-8")
    return path


def cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = game.cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "internal error" not in err
    return status, out, err


@pytest.mark.parametrize("target", ["/dev/null", "folder"])
def test_a_database_path_that_is_not_a_regular_file_is_refused(
        target: str, tmp_path: Path, quick_scenario: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / target if target == "folder" else Path(target)
    path.mkdir(exist_ok=True) if target == "folder" else None
    monkeypatch.setenv("FRONTPORCH_DB", str(path))
    for argv in (("sessions",), ("simulate", str(quick_scenario), "--save")):
        status, _, err = cli(*argv, capsys=capsys)
        assert status == 2 and f"the session database {path} is not a regular file" in err
    assert not Path(f"{path}-journal").exists() and not Path(f"{path}-wal").exists()


def test_a_damaged_database_takes_no_new_session_and_stays_as_it_was(
        tmp_path: Path, quick_scenario: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "sessions.db"
    monkeypatch.setenv("FRONTPORCH_DB", str(db))
    assert cli("simulate", str(quick_scenario), "--runs", "3", "--save", capsys=capsys)[0] == 0
    conn = sqlite3.connect(db)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    data[2 * page: 2 * page + 200] = b"\xab" * 200  # inside the sessions table's pages
    db.write_bytes(bytes(data))
    status, _, err = cli("simulate", str(quick_scenario), "--save", capsys=capsys)
    assert status == 2
    assert f"the session database {db} is damaged" in err and "nothing was written" in err
    assert db.read_bytes() == bytes(data)


def test_a_read_only_database_can_be_listed_and_reported(
        quick_scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with tempfile.TemporaryDirectory() as place:  # pytest's own folders are private to us
        readable_by_all(Path(place), quick_scenario, monkeypatch)


def readable_by_all(tmp_path: Path, quick_scenario: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "media"
    folder.mkdir()
    db = folder / "sessions.db"
    monkeypatch.setenv("FRONTPORCH_DB", str(db))
    assert game.cli.main(["simulate", str(quick_scenario), "--save"]) == 0
    db.chmod(0o444)
    folder.chmod(0o555)
    tmp_path.chmod(0o755)
    as_someone_else: list[str] = []
    if os.geteuid() == 0:  # root may write anywhere: read as an ordinary user instead
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv to drop root")
        as_someone_else = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    out = tmp_path / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_someone_else, sys.executable, str(REPO / "run_game.py"), *argv],
                              capture_output=True, text=True, cwd=REPO, timeout=120,
                              env={**os.environ, "FRONTPORCH_DB": str(db)})

    listed = run("sessions", "--json")
    assert listed.returncode == 0, listed.stderr
    assert '"scenario": "maple-street-summer"' in listed.stdout
    report = run("report", "1", "--out", str(out / "one"))
    assert report.returncode == 0, report.stderr
    assert (out / "one" / "index.html").is_file()
    scenario = Path(shutil.copy(quick_scenario, tmp_path / "maple.yaml"))
    scenario.chmod(0o444)
    refused = run("simulate", str(scenario), "--save")
    assert refused.returncode == 2 and "read-only" in refused.stderr
    assert not Path(f"{db}-wal").exists()


def test_schema_output_replaces_only_an_older_schema_unless_forced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("precious", encoding="utf-8")
    status, _, err = cli("schema", "-o", str(notes), capsys=capsys)
    assert status == 2 and "is not a Front Porch scenario schema; pass --force" in err
    assert notes.read_text(encoding="utf-8") == "precious"
    assert cli("schema", "-o", str(notes), "--force", capsys=capsys)[0] == 0
    assert notes.read_text(encoding="utf-8") == schema_text()
    older = tmp_path / "scenario.schema.json"
    older.write_text(schema_text().replace("Run it before sharing", "Older words"), encoding="utf-8")
    assert cli("schema", "-o", str(older), capsys=capsys)[0] == 0
    assert older.read_text(encoding="utf-8") == schema_text()
    assert cli("schema", "-o", str(tmp_path / "new.json"), capsys=capsys)[0] == 0
