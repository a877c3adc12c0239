"""A campaign end to end, headless: every day saved as it ends, killed mid-week and continued,
every saved day replayed exactly, and the strategies ranked over the week."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import game.cli
from game.campaign.loader import load_campaign
from game.campaign.runner import run_campaign, week_of
from game.sessions import SessionStore
from game.sessions import campaigns as saved

REPO = Path(__file__).resolve().parents[2]
MAPLE_WEEK = REPO / "campaigns" / "maple-week.yaml"


def long_week(folder: Path, days: int = 7) -> Path:
    """A copy of the shipped week, stretched to ``days`` shifts, with its scenario beside it."""
    shutil.copy(REPO / "scenarios" / "maple-street-summer.yaml", folder)
    lines = [f"  - {{day: {d}, scenario: maple-street-summer, title: 'Day {d}'}}"
             for d in range(1, days + 1)]
    path = folder / "long-week.yaml"
    path.write_text("format: 1\nid: long-week\ntitle: A long week\nseed: 3\ndays:\n"
                    + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_five_days_headless_are_each_saved_and_each_replays_exactly(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTPORCH_DB", str(tmp_path / "s.db"))
    assert game.cli.main(["simulate", "--campaign", str(MAPLE_WEEK), "--bot", "balanced",
                          "--json", "--save"]) == 0
    out = json.loads(capsys.readouterr().out)
    (week,) = out["runs"]
    assert len(week["days"]) == 5 and len(week["week"]["days"]) == 5
    seeds = [d["seed"] for d in week["days"]]
    assert len(set(seeds)) == 5  # each day its own radio
    with SessionStore.open() as store:
        (run,) = saved.runs(store)
        assert run.days_done == 5 and not run.in_progress
        for day in saved.days(store, run.id):
            outcome = saved.replay_day(store, run.id, day.index)
            assert outcome.matches, outcome.differences
        assert [d["session_id"] for d in week["week"]["days"]] == \
            [d.session_id for d in saved.days(store, run.id)]
    capsys.readouterr()
    assert game.cli.main(["replay", str(week["week"]["days"][3]["session_id"])]) == 0  # a day as
    assert "matches the recording exactly" in capsys.readouterr().out  # any other session
    assert game.cli.main(["sessions", "--campaigns", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["days_done"] == 5 and not listed["in_progress"]
    assert listed["week"]["promises"] == week["week"]["promises"]
    assert game.cli.main(["report", "--campaign", str(listed["run"]), "--out",
                          str(tmp_path / "week")]) == 0
    page = (tmp_path / "week" / "index.html").read_text(encoding="utf-8")
    assert "Trust per resident" in page and "Saturday: the block party" in page


def test_killed_mid_week_loses_no_finished_day_and_continues(tmp_path: Path) -> None:
    campaign = long_week(tmp_path)
    db = tmp_path / "s.db"
    env = {**os.environ, "FRONTPORCH_DB": str(db)}
    game = subprocess.Popen([sys.executable, str(REPO / "run_game.py"), "simulate", "--campaign",
                             str(campaign), "--save"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        done = 0
        deadline = time.monotonic() + 120
        while done < 2 and time.monotonic() < deadline and game.poll() is None:
            time.sleep(0.02)
            if db.exists():
                with sqlite3.connect(db) as conn:
                    try:
                        row = conn.execute("SELECT days_done FROM campaign_runs").fetchone()
                    except sqlite3.OperationalError:  # not migrated yet
                        row = None
                done = row[0] if row else 0
        game.send_signal(signal.SIGKILL)
    finally:
        game.wait()
    with SessionStore.open(db) as store:
        (run,) = saved.runs(store)
        assert 2 <= run.days_done < 7 and run.in_progress
        finished = run.days_done
        for day in saved.days(store, run.id):
            assert saved.replay_day(store, run.id, day.index).matches
    assert subprocess.run([sys.executable, str(REPO / "run_game.py"), "simulate", "--campaign",
                           str(campaign), "--continue"], env=env, capture_output=True,
                          check=False).returncode == 0
    with SessionStore.open(db) as store:
        (run,) = saved.runs(store)
        assert run.days_done == 7 and not run.in_progress
        kept = saved.days(store, run.id)
        assert [d.index for d in kept] == list(range(7))
        assert all(saved.replay_day(store, run.id, d.index).matches for d in kept[finished - 1:])
    # Continuing from the store plays the same week as playing it through in one go.
    whole = run_campaign(load_campaign(campaign), "balanced")
    with SessionStore.open(db) as store:
        trust = [store.get(d.session_id).summary.trust for d in saved.days(store, run.id)]
    assert trust == pytest.approx([d.results.trust for d in whole])


def week_figures(bot: str, seeds: tuple[int, ...] = (1, 2)) -> tuple[float, int]:
    """Mean end-of-day trust over the week and seeds, and promises broken in all."""
    campaign = load_campaign(MAPLE_WEEK)
    trust, broken = [], 0
    for seed in seeds:
        played = run_campaign(campaign, bot, seed=seed)
        trust += [d.results.trust for d in played]
        broken += week_of(campaign, played).broken
    return sum(trust) / len(trust), broken


def test_over_a_week_balanced_builds_more_trust_than_car_only_and_walk_only() -> None:
    balanced, _ = week_figures("balanced")
    assert balanced > week_figures("car")[0] + 10.0
    assert balanced > week_figures("walk")[0]


def test_over_a_week_never_following_up_does_worse() -> None:
    balanced, balanced_broken = week_figures("balanced")
    forgetful, forgetful_broken = week_figures("no-follow-up")
    assert forgetful < balanced - 1.0
    assert forgetful_broken > balanced_broken


def test_a_campaign_day_is_watched_and_reported_from_the_street_the_day_before_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import pygame

    import game.commands.replay
    from game.sessions import load_recorded_scenario
    from game.sim.simulation import Simulation

    monkeypatch.setenv("FRONTPORCH_DB", str(tmp_path / "s.db"))
    assert game.cli.main(["simulate", "--campaign", str(MAPLE_WEEK), "--bot", "balanced",
                          "--save"]) == 0
    with SessionStore.open() as store:
        (run,) = saved.runs(store)
        tuesday = saved.days(store, run.id)[1]
        session = store.get(tuesday.session_id)
    recorded_start = session.recording.history[0]  # [minute, trust, safety] as the day began
    fresh = Simulation(load_recorded_scenario(session), session.summary.seed)
    assert list(fresh.history[0]) != recorded_start  # the day did not start from a fresh street

    watched: list[Simulation] = []
    real_watch = game.commands.replay.watch_game

    def watch(*args, **kwargs):
        shown = real_watch(*args, **kwargs)
        watched.append(shown.scene.sim)
        return shown

    monkeypatch.setattr(game.commands.replay, "watch_game", watch)
    try:
        assert game.cli.main(["replay", str(tuesday.session_id), "--watch", "--speed", "8",
                              "--frames", "3"]) == 0
    finally:
        pygame.display.quit()
    (sim,) = watched
    assert list(sim.history[0]) == recorded_start
    assert sim.scenario.title == "Tuesday: coming back"

    assert game.cli.main(["report", str(tuesday.session_id), "--out", str(tmp_path / "day")]) == 0
    page = (tmp_path / "day" / "index.html").read_text(encoding="utf-8")
    assert "Tuesday: coming back" in page
