"""`simulate --save`, `sessions`, `replay` and `report` through the real command line."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from game.sessions.schema import SCHEMA_VERSION
from game.sim.rules import RULES_VERSION

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_cli):
    """Run the CLI in-process against a private database; returns (status, stdout, stderr)."""
    monkeypatch.setenv("FRONTPORCH_DB", str(tmp_path / "sessions.db"))
    return run_cli


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    path = tmp_path / "first-day.yaml"
    shutil.copy(REPO / "scenarios" / "first-day.yaml", path)
    return path


def test_simulate_save_then_replay_json_matches(cli, scenario_file: Path) -> None:
    status, out, _ = cli("simulate", str(scenario_file), "--bot", "walk", "--runs", "2", "--save",
                         "--json")
    assert status == 0
    runs = json.loads(out)["runs"]
    assert [r["session_id"] for r in runs] == [1, 2]
    for run in runs:
        status, out, err = cli("replay", str(run["session_id"]), "--json")
        assert (status, err) == (0, "")
        replayed = json.loads(out)
        assert replayed["matches"] is True
        assert (replayed["trust"], replayed["score"]) == (run["trust"], run["score"])
        assert {k: replayed[k] for k in run if k != "session_id"} == \
            {k: v for k, v in run.items() if k != "session_id"}
    status, out, _ = cli("replay", "2")
    assert status == 0 and "matches the recording exactly" in out


def test_sessions_list_json_and_csv(cli, scenario_file: Path) -> None:
    status, out, _ = cli("sessions")
    assert status == 0 and "No sessions saved yet" in out
    cli("simulate", str(scenario_file), "--bot", "car", "--save")
    status, out, _ = cli("sessions")
    assert status == 0 and "first-day" in out and "car" in out
    status, out, _ = cli("sessions", "--json")
    (only,) = json.loads(out)
    assert (only["id"], only["scenario"], only["bot"]) == (1, "first-day", "car")
    assert {"trust", "score", "when", "trainee"} <= set(only)
    status, out, _ = cli("sessions", "--csv")
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["id"], row["scenario"], row["bot"]) == ("1", "first-day", "car")
    assert float(row["trust"]) == only["trust"]
    with pytest.raises(SystemExit) as exit_info:
        cli("sessions", "--json", "--csv")
    assert exit_info.value.code == 2


def test_unknown_session_exits_2(cli) -> None:
    status, out, err = cli("replay", "99")
    assert (status, out) == (2, "")
    assert "no session 99" in err
    assert cli("report", "99", "--out", "x")[0] == 2


def test_sessions_replay_and_report_after_their_file_changed_and_went(
        cli, scenario_file: Path, tmp_path: Path) -> None:
    cli("simulate", str(scenario_file), "--save")
    text = scenario_file.read_text(encoding="utf-8")
    first = re.search(r"^    trust: (\d+)$", text, re.MULTILINE)  # the first resident's trust
    assert first is not None
    scenario_file.write_text(f"{text[:first.start(1)]}{int(first[1]) // 2}{text[first.end(1):]}",
                             encoding="utf-8")
    cli("simulate", str(scenario_file), "--save")  # a second scenario version, kept beside the first
    scenario_file.unlink()
    for session in ("1", "2"):
        status, out, err = cli("replay", session, "--json")
        assert (status, err) == (0, "") and json.loads(out)["matches"] is True
        status, _, err = cli("report", session, "--out", str(tmp_path / f"r{session}"))
        assert (status, err) == (0, "")
    conn = sqlite3.connect(tmp_path / "sessions.db")
    assert conn.execute("SELECT count(*) FROM scenarios").fetchone()[0] == 2
    conn.close()


def test_a_replay_that_differs_from_its_recording_exits_1(cli, scenario_file: Path,
                                                          tmp_path: Path) -> None:
    cli("simulate", str(scenario_file), "--save")
    conn = sqlite3.connect(tmp_path / "sessions.db")
    results = json.loads(conn.execute("SELECT results FROM sessions").fetchone()[0])
    recorded = results["trust_start"]
    results["trust_start"] = recorded / 2
    conn.execute("UPDATE sessions SET results = ?", (json.dumps(results),))
    conn.commit()
    conn.close()
    status, _, err = cli("replay", "1")
    assert status == 1
    assert "DIFFERS from the recording" in err
    assert f"results.trust_start: recorded {recorded / 2}, replayed {recorded}" in err


@pytest.mark.parametrize("played_under", [1, None], ids=["older version", "before versions"])
def test_a_session_played_under_earlier_rules_replays_by_todays_and_says_so(
        cli, scenario_file: Path, tmp_path: Path, played_under) -> None:
    """Not damage and not a bug: exit 0, with why it differs and what moved."""
    cli("simulate", str(scenario_file), "--save")
    conn = sqlite3.connect(tmp_path / "sessions.db")
    results = json.loads(conn.execute("SELECT results FROM sessions").fetchone()[0])
    results["trust_start"] /= 2  # as if the older rules had arrived elsewhere
    if played_under is None:
        del results["rules_version"]
    else:
        results["rules_version"] = played_under
    conn.execute("UPDATE sessions SET results = ?", (json.dumps(results),))
    conn.commit()
    conn.close()
    status, _, err = cli("replay", "1")
    assert status == 0 and "DIFFERS" not in err
    assert f"this game plays version {RULES_VERSION}" in err and "results.trust_start" in err
    assert ("before the game kept a version of its rules" if played_under is None
            else f"under version {played_under} of the game's rules") in err
    status, out, _ = cli("replay", "1", "--json")
    replayed = json.loads(out)
    assert status == 0 and replayed["matches"] is False
    assert replayed["rules_version"] == {"recorded": played_under, "now": RULES_VERSION}


def test_report_and_class_report(cli, scenario_file: Path, tmp_path: Path) -> None:
    cli("simulate", str(scenario_file), "--runs", "2", "--save")
    status, out, _ = cli("report", "1", "--out", str(tmp_path / "one"))
    page = (tmp_path / "one" / "index.html").read_text(encoding="utf-8")
    assert status == 0 and "index.html" in out
    assert "First Day: Alder Street" in page and "<svg" in page
    status, _, _ = cli("report", "--class", "--scenario", "first-day", "--out", str(tmp_path / "c"))
    assert status == 0 and (tmp_path / "c" / "index.html").is_file()
    assert cli("report", "--out", str(tmp_path / "n"))[0] == 2
    assert cli("report", "1", "--class", "--out", str(tmp_path / "n"))[0] == 2
    assert cli("report", "1", "--scenario", "first-day", "--out", str(tmp_path / "n"))[0] == 2
    assert cli("report", "--class", "--scenario", "nowhere", "--out", str(tmp_path / "n"))[0] == 2


def test_database_from_a_newer_version_exits_2(cli, tmp_path: Path) -> None:
    assert cli("sessions")[0] == 0
    conn = sqlite3.connect(tmp_path / "sessions.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    conn.close()
    status, _, err = cli("sessions", "--json")
    assert status == 2 and "newer version of Front Porch" in err


def test_unwritable_database_place_exits_2(cli, scenario_file: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a-file").write_text("")
    monkeypatch.setenv("FRONTPORCH_DB", str(tmp_path / "a-file" / "sessions.db"))
    status, out, err = cli("simulate", str(scenario_file), "--save", "--json")
    assert (status, out) == (2, "") and "cannot create the folder" in err


def test_sessions_and_report_do_not_import_pygame() -> None:
    code = ("import sys, game.sessions, game.report.session_report, game.report.class_report, "
            "game.report.csv_export, game.commands.sessions, game.commands.replay, "
            "game.commands.report; assert 'pygame' not in sys.modules, 'pygame imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
