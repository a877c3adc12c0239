"""`simulate` as a user runs it: JSON contract, readable table, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main

FIRST_DAY = str(Path(__file__).resolve().parents[2] / "scenarios" / "first-day.yaml")


def test_json_is_exactly_one_object_with_the_documented_fields(capsys):
    assert main(["simulate", FIRST_DAY, "--bot", "car", "--seed", "5", "--runs", "2", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["scenario"] == "first-day" and out["bot"] == "car"
    assert [r["seed"] for r in out["runs"]] == [5, 6]
    for run in out["runs"]:
        assert set(run) == {"seed", "trust", "mean_response_minutes", "calls_total", "calls_in_time",
                            "stories_heard", "score", "safety", "calls_resolved", "calls_unreported",
                            "score_parts", "mean_wait_minutes"}
        assert set(run["score_parts"]) <= {"trust", "response", "resolved", "safety", "policy",
                                           "follow_through", "objectives"}
        assert all(0 <= value <= 1 for value in run["score_parts"].values())
        assert 0 <= run["trust"] <= 100 and 0 <= run["score"] <= 100


def test_same_seed_same_json(capsys):
    args = ["simulate", FIRST_DAY, "--bot", "random", "--seed", "3", "--json"]
    main(args)
    first = capsys.readouterr().out
    main(args)
    assert capsys.readouterr().out == first


def test_table_without_json(capsys):
    assert main(["simulate", FIRST_DAY, "--bot", "walk", "--runs", "2"]) == 0
    out = capsys.readouterr().out
    assert "first-day · bot walk" in out and "mean" in out


def test_unknown_bot_lists_the_known_ones(capsys):
    assert main(["simulate", FIRST_DAY, "--bot", "drone"]) == 2
    err = capsys.readouterr().err
    assert "unknown bot 'drone'" in err and "car, walk, balanced, random" in err


def test_invalid_scenario_prints_the_validators_message(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: Bad Id\n")
    assert main(["simulate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:2:5" in err and "Traceback" not in err
