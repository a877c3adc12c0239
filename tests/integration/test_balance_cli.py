"""`balance` as an instructor runs it, and `--jobs` giving the same answer on any number of cores."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from game.bots.strategies import FAMILY
from game.cli import main

FIRST_DAY = Path(__file__).resolve().parents[2] / "scenarios" / "first-day.yaml"
LOW_TRUST = FIRST_DAY.with_name("low-trust-block.yaml")  # an event: posting could break policy
MAPLE_SUMMER = FIRST_DAY.parent / "maple-street-summer.yaml"
MEASURE_KEYS = {"trust", "mean_wait_minutes", "calls_in_time_pct", "calls_reached_pct",
                "calls_resolved_pct", "safety", "p1_missed", "score"}
HEADER = r"trust +waited +in time +reached +resolved +safety +P1 missed +score +spread +to best"
FLAG_KINDS = {"dominant", "saturated", "ignoring_pays", "seeds_irrelevant", "pure_strategy_close",
              "leash_at_an_end", "walker_meets_emergencies", "walking_builds_no_trust"}


def balance_json(capsys, *args: str) -> dict:
    assert main(["balance", str(FIRST_DAY), "--seeds", "2", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_the_whole_family_with_every_figure(capsys):
    out = balance_json(capsys, "--seed", "7", "--jobs", "1")
    assert out["scenario"] == "first-day" and out["seeds"] == [7, 8]
    assert [s["name"] for s in out["strategies"]] == [s.name for s in FAMILY]
    best = max(s["mean"]["score"] for s in out["strategies"])
    for strategy in out["strategies"]:
        assert set(strategy["mean"]) == MEASURE_KEYS
        assert [r["seed"] for r in strategy["runs"]] == [7, 8]
        assert strategy["to_best"] == pytest.approx(strategy["mean"]["score"] - best, abs=0.011)
        assert strategy["to_best"] <= 0 and strategy["score_spread"] >= 0
    assert {f["kind"] for f in out["flags"]} <= FLAG_KINDS
    assert all(f["text"] for f in out["flags"])


def test_table_shows_every_strategy_the_columns_and_a_verdict(capsys):
    assert main(["balance", str(FIRST_DAY), "--seeds", "2", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("first-day · 11 strategies × 2 seeds")
    assert re.search(HEADER, lines[1])
    assert all(any(line.startswith(s.name + " ") for line in lines) for s in FAMILY)
    assert "thing(s) to fix" in captured.out or "Nothing to fix" in captured.out
    assert "22/22 shifts" in captured.err  # progress goes to stderr, never into the table
    assert "shifts" not in captured.out


def test_a_score_met_by_anyone_is_flagged_as_saturated(tmp_path, capsys):
    """A street whose score weighs only keeping to policy (its kids' game is where posting
    would break it): every strategy keeps to it."""
    others = ("trust", "response", "resolved", "safety", "follow_through", "objectives")
    weights = ", ".join(f"score_{part}: 1.0e-12" for part in others)
    easy = tmp_path / "easy.yaml"
    easy.write_text(LOW_TRUST.read_text().replace("tuning: {}",
                                                  f"tuning: {{{weights}, score_policy: 1000}}"))
    assert main(["balance", str(easy), "--seeds", "2", "--jobs", "1"]) == 0
    assert "score saturates: 22 of 22 runs score 100" in capsys.readouterr().out


def test_balance_json_is_identical_on_two_processes(capsys):
    assert balance_json(capsys, "--jobs", "2") == balance_json(capsys, "--jobs", "1")


def test_simulate_json_is_byte_identical_on_two_processes(capsys):
    args = ["simulate", str(FIRST_DAY), "--bot", "balanced", "--runs", "4", "--json"]
    assert main([*args, "--jobs", "1"]) == 0
    serial = capsys.readouterr().out
    assert main([*args, "--jobs", "2"]) == 0
    assert capsys.readouterr().out == serial


@pytest.mark.parametrize("args, message", [
    (["--seeds", "0"], "--seeds must be at least 1"),
    (["--jobs", "0"], "--jobs must be at least 1"),
])
def test_invalid_options_exit_2_with_one_clear_line(args, message, capsys):
    assert main(["balance", str(FIRST_DAY), *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_seed_count_that_is_not_a_number_exits_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["balance", str(FIRST_DAY), "--seeds", "many"])
    assert exited.value.code == 2
    assert "invalid int value: 'many'" in capsys.readouterr().err


def test_invalid_scenario_prints_the_validators_message(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: Bad Id\n")
    assert main(["balance", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:2:5" in err and "Traceback" not in err


def test_simulate_rejects_zero_jobs(capsys):
    assert main(["simulate", str(FIRST_DAY), "--jobs", "0"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err



def two_day_week(folder: Path) -> Path:
    """The shipped week cut to its first two days, its scenario beside it."""
    shutil.copy(MAPLE_SUMMER, folder)
    path = folder / "two-days.yaml"
    path.write_text("format: 1\nid: two-days\ntitle: Two days\nseed: 4\ndays:\n"
                    "  - {day: 1, scenario: maple-street-summer, title: Monday}\n"
                    "  - {day: 2, scenario: maple-street-summer, title: Tuesday}\n",
                    encoding="utf-8")
    return path


def test_balance_over_a_campaign_takes_each_weeks_mean_over_its_days(tmp_path, capsys):
    week = two_day_week(tmp_path)
    assert main(["balance", "--campaign", str(week), "--seeds", "2", "--json"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["campaign"] == "two-days" and out["days"] == 2 and out["seeds"] == [4, 5]
    assert [s["name"] for s in out["strategies"]] == [s.name for s in FAMILY]
    assert {f["kind"] for f in out["flags"]} <= FLAG_KINDS
    assert "22/22 weeks" in captured.err  # progress on stderr
    balanced = next(s for s in out["strategies"] if s["name"] == "balanced")
    for run in balanced["runs"]:  # each week: the mean of its days as `simulate --campaign` plays them
        assert set(run) == MEASURE_KEYS | {"seed"}
        assert main(["simulate", "--campaign", str(week), "--bot", "balanced", "--seed",
                     str(run["seed"]), "--json"]) == 0
        (played,) = json.loads(capsys.readouterr().out)["runs"]
        for key in ("trust", "score", "safety"):
            days = [d[key] for d in played["days"]]
            assert run[key] == pytest.approx(sum(days) / len(days), abs=0.011)


def test_balance_over_a_campaign_plays_weeks_side_by_side_with_the_same_figures(tmp_path, capsys):
    week = str(two_day_week(tmp_path))
    outputs = []
    for jobs in ("1", "2"):
        assert main(["balance", "--campaign", week, "--seeds", "2", "--json", "--jobs", jobs]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and json.loads(outputs[0])["seeds"] == [4, 5]


def test_balance_over_a_campaign_prints_the_same_table(tmp_path, capsys):
    assert main(["balance", "--campaign", str(two_day_week(tmp_path)), "--seeds", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("two-days · 11 strategies × 1 seeds (4-4): means over seeds of "
                               "each week's mean over its 2 days")
    assert re.search(HEADER, lines[1])
    assert all(any(line.startswith(s.name + " ") for line in lines) for s in FAMILY)


@pytest.mark.parametrize("args, message", [
    ([], "give a SCENARIO file, or --campaign FILE"),
    ([str(FIRST_DAY), "--campaign", str(FIRST_DAY)], "give a SCENARIO file, or --campaign FILE"),
    (["--campaign", "no-such-week.yaml"], "no-such-week.yaml"),
])
def test_balance_needs_one_scenario_or_one_campaign(args, message, capsys):
    assert main(["balance", "--seeds", "1", *args]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
