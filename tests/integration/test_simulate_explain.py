"""`simulate --explain`: why each call and objective went as it did, in text and in --json."""

from __future__ import annotations

import json
from pathlib import Path

from game.cli import main

REPO = Path(__file__).resolve().parents[2]
FIRST_DAY = str(REPO / "scenarios" / "first-day.yaml")
MAPLE = (REPO / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml").read_text(encoding="utf-8")
SUMMARY_KEYS = {"seed", "trust", "mean_response_minutes", "calls_total", "calls_in_time", "stories_heard",
                "score", "safety", "calls_resolved", "calls_unreported", "score_parts", "mean_wait_minutes"}


def cut_road_maple(tmp_path: Path) -> str:
    """Maple Street with a sidewalk drawn across the road: the shop's call is out of the car's reach."""
    text = MAPLE.replace("HHPH.####.HPHH", "HHPH.#.##.HPHH").replace("....C####....S", "....C#.##....S")
    path = tmp_path / "cut.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def simulate_json(capsys, *argv: str) -> dict:
    assert main(["simulate", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_explain_only_adds_a_key_to_each_run(capsys) -> None:
    plain = simulate_json(capsys, FIRST_DAY, "--bot", "car", "--seed", "2")
    explained = simulate_json(capsys, FIRST_DAY, "--bot", "car", "--seed", "2", "--explain")
    (run,) = explained["runs"]
    assert set(run) == SUMMARY_KEYS | {"explain"}
    assert {k: v for k, v in run.items() if k != "explain"} == plain["runs"][0]
    calls, objectives = run["explain"]["calls"], run["explain"]["objectives"]
    assert len(calls) == run["calls_total"]
    assert sum(c["in_time"] for c in calls) == run["calls_in_time"]
    for call in calls:
        assert call["came_in"][2] == ":" and call["why"]
        assert (call["reached_by"] == "officer") == (call["response_minutes"] is not None)
    assert [o["id"] for o in objectives] == ["market-call", "stories", "trust"]
    assert all(0 <= o["credit"] <= 1 and o["why"] for o in objectives)


def test_a_call_the_car_cannot_reach_says_where_the_road_is_cut(tmp_path: Path, capsys) -> None:
    out = simulate_json(capsys, cut_road_maple(tmp_path), "--bot", "car", "--explain")
    (call,) = out["runs"][0]["explain"]["calls"]
    assert (call["id"], call["in_time"]) == ("c1", False)
    assert "the car could not reach shop" in call["why"] and "sidewalk [6, 0]" in call["why"]
    calls_objective = next(o for o in out["runs"][0]["explain"]["objectives"] if o["id"] == "calls")
    assert not calls_objective["met"] and "c1" in calls_objective["why"]
    stories = next(o for o in out["runs"][0]["explain"]["objectives"] if o["id"] == "stories")
    assert "only 1 resident(s) have a story, so it cannot be met" in stories["why"]


def test_explain_as_text(tmp_path: Path, capsys) -> None:
    assert main(["simulate", cut_road_maple(tmp_path), "--bot", "car", "--explain"]) == 0
    lines = capsys.readouterr().out.splitlines()
    start = lines.index("seed 7:")
    assert lines[start + 1] == "calls:"
    assert lines[start + 2].startswith("  17:30 c1 (priority 1, disturbance at shop): never reached")
    assert lines[start + 3] == "objectives:"
    assert any(line.startswith("  calls: not met (0% credit): 0 of 1 priority-1 calls in time")
               for line in lines)
