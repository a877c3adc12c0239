"""A saved session tampered with, column by column: `replay`, `report` and `sessions` each
end with a clean message (exit 0 or 2; 1 only for a replay that honestly differs), never a crash."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import game.cli
from game.sessions.schema import SCHEMA_VERSION

REPO = Path(__file__).resolve().parents[2]
MAPLE = REPO / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"
# Wrong types, out-of-range numbers, bad JSON, bad dates, bytes where text belongs.
HOSTILE: tuple[Any, ...] = ("abc", -1, 1e308, b"\x00\xff\x01", None, '{"a": Infinity}',
                            "2026-13-45T99:00:00")
HOSTILE_LEAVES: tuple[Any, ...] = ("abc", ["x"], -1, 10**30, None)
JSON_COLUMNS = ("actions", "results", "ledger", "history", "settings")
LEAVES_PER_COLUMN = 3


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with two sessions of a quick (5-minute tick) shift."""
    folder = tmp_path_factory.mktemp("saved")
    scenario = folder / "maple.yaml"
    scenario.write_text(MAPLE.read_text(encoding="utf-8").replace(
        "tuning: {}", "tuning: {tick_minutes: 5}"), encoding="utf-8")
    db = folder / "sessions.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FRONTPORCH_DB", str(db))
        assert game.cli.main(["simulate", str(scenario), "--runs", "2", "--bot", "walk",
                              "--save", "--json"]) == 0
    return db


def leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths to every scalar in a JSON value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*path, index))
    else:
        yield path


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    value[path[0]] = replaced(value[path[0]], path[1:], new)
    return value


def tamperings(db: Path) -> list[tuple[str, str, Any]]:
    """(id, column, new value): every column with every hostile value, and for the JSON
    columns a hostile value at a sample of the places inside."""
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT * FROM sessions WHERE id = 1").fetchone()
    names = [d[0] for d in conn.execute("SELECT * FROM sessions").description]
    conn.close()
    cases = [(f"{name}={value!r:.20}", name, value) for name in names if name != "id"
             for value in HOSTILE]
    pick = random.Random(14)
    for name in JSON_COLUMNS:
        original = json.loads(row[names.index(name)])
        paths = list(leaves(original))
        for path in pick.sample(paths, min(LEAVES_PER_COLUMN, len(paths))):
            for new in HOSTILE_LEAVES:
                text = json.dumps(replaced(json.loads(row[names.index(name)]), path, new))
                cases.append((f"{name}{list(path)}={new!r:.20}", name, text))
    return cases


def run(*argv: str, capsys: pytest.CaptureFixture[str], label: str = "") -> tuple[int, str]:
    status = game.cli.main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err, (label, argv, err)
    assert status in (0, 2) or (status == 1 and "DIFFERS from the recording" in err), \
        (label, argv, status, err)
    return status, err


@pytest.fixture(scope="module")
def cases(saved: Path) -> list[tuple[str, str, Any]]:
    return tamperings(saved)


def test_every_tampered_column_gives_a_clean_message(saved: Path, cases, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    damaged = 0
    for label, column, value in cases:
        db = tmp_path / "tampered.db"
        shutil.copy(saved, db)
        conn = sqlite3.connect(db)
        try:
            conn.execute(f"UPDATE sessions SET {column} = ? WHERE id = 1", (value,))
        except sqlite3.IntegrityError:  # NOT NULL: the database itself refuses this one
            conn.close()
            continue
        conn.commit()
        conn.close()
        monkeypatch.setenv("FRONTPORCH_DB", str(db))
        statuses = []
        for argv in (("replay", "1"), ("report", "1", "--out", str(tmp_path / "r")),
                     ("sessions",), ("report", "--class", "--out", str(tmp_path / "c"))):
            status, err = run(*argv, capsys=capsys, label=label)
            statuses.append(status)
            if "damaged" in err:
                assert "session 1 " in err and "(the other sessions are fine)" in err, (label, err)
        damaged += 2 in statuses
        status = game.cli.main(["sessions", "--json"])
        listed = [s["id"] for s in json.loads(capsys.readouterr().out)]
        assert 2 in listed and status in (0, 2), label  # the other session is still there
    assert damaged > len(cases) // 2  # most tamperings are damage, reported as such
    assert run("replay", "2", capsys=capsys)[0] == 0  # and the other session still replays


def test_a_tampered_scenario_copy_is_damage(saved: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "tampered.db"
    shutil.copy(saved, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE scenarios SET content = ?", (b"format: 1\nid: other\n",))
    conn.commit()
    conn.close()
    monkeypatch.setenv("FRONTPORCH_DB", str(db))
    status, err = run("replay", "1", capsys=capsys)
    assert status == 2
    assert "session 1 in" in err and "is damaged: its scenario copy does not match" in err
    assert "(the other sessions are fine)" in err


def as_version_1(db: Path) -> None:
    """Turn a database back into schema 1: no kept scenarios, no campaigns."""
    conn = sqlite3.connect(db)
    conn.execute("DROP TABLE scenarios")
    conn.execute("DROP TABLE campaign_days")
    conn.execute("DROP TABLE campaign_runs")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_an_old_database_keeps_the_scenarios_whose_files_are_unchanged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "old.db"
    monkeypatch.setenv("FRONTPORCH_DB", str(db))
    kept, changed = tmp_path / "kept.yaml", tmp_path / "changed.yaml"
    for path in (kept, changed):
        path.write_text(MAPLE.read_text(encoding="utf-8").replace(
            "tuning: {}", "tuning: {tick_minutes: 2}") + f"# {path.name}\n", encoding="utf-8")
        assert game.cli.main(["simulate", str(path), "--save"]) == 0
    conn = sqlite3.connect(db)  # a third row names a system file, with a made-up hash
    conn.execute("INSERT INTO sessions (scenario_id, scenario_hash, scenario_title, scenario_path, "
                 "seed, settings, ended_at, ticks, trust, score, foot_minutes, car_minutes, "
                 "actions, results, ledger, history, heat_height, heat_width, foot_heat, car_heat) "
                 "SELECT scenario_id, 'f00d', scenario_title, '/etc/passwd', seed, settings, "
                 "ended_at, ticks, trust, score, foot_minutes, car_minutes, actions, results, "
                 "ledger, history, heat_height, heat_width, foot_heat, car_heat FROM sessions "
                 "WHERE id = 1")
    conn.commit()
    conn.close()
    as_version_1(db)
    changed.write_text(changed.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    capsys.readouterr()
    assert game.cli.main(["sessions"]) == 0  # upgrades the database
    kept.unlink()
    assert game.cli.main(["replay", "1"]) == 0
    assert "matches the recording exactly" in capsys.readouterr().out
    for session in ("2", "3"):
        assert game.cli.main(["replay", session]) == 2
        err = capsys.readouterr().err
        assert "was saved before sessions kept their scenario" in err and "root" not in err
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM scenarios").fetchone()[0] == 1
    conn.close()
