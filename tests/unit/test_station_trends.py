"""The class dashboard's trends over days: each trainee's sessions grouped by the day they
ended, oldest first, each day's score the mean of its sessions, the trend the latest day's
against the first."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import hypothesis.strategies as st
from hypothesis import given

from game.sessions.store import SessionSummary
from game.station.pages import dashboard_page
from game.station.trends import score_trends

MONDAY = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)  # noon: the same local day nearly anywhere


def _session(n: int, trainee: str | None, day: int, score: float) -> SessionSummary:
    ended = MONDAY + timedelta(days=day, minutes=n)
    return SessionSummary(id=n, scenario_id="first-day", scenario_title="First Day", scenario_hash="",
                          scenario_path="", seed=n, trainee=trainee, bot=None if trainee else "walk",
                          started_at=None, ended_at=ended, ticks=720, trust=50.0, score=score,
                          foot_minutes=100.0, car_minutes=80.0)


def test_days_are_in_order_with_the_mean_of_each_day_and_the_change() -> None:
    rows = [_session(4, "Ana", 2, 80), _session(1, "Ana", 0, 50), _session(2, "ana", 0, 60),
            _session(3, "Ben", 1, 70), _session(5, None, 1, 40)]
    ana, ben, bot = score_trends(rows)
    assert ana.trainee == "Ana" and [d.day for d in ana.days] == sorted(d.day for d in ana.days)
    assert [(d.score, d.sessions) for d in ana.days] == [(55.0, 2), (80.0, 1)]
    assert ana.change == 25.0
    assert ben.change is None and len(ben.days) == 1
    assert bot.trainee == "walk bot"


@given(st.lists(st.tuples(st.sampled_from(["Ana", "Ben"]), st.integers(0, 6),
                          st.floats(0, 100, allow_nan=False)), max_size=12))
def test_every_session_counts_once_and_days_never_go_backwards(played) -> None:
    rows = [_session(n, who, day, score) for n, (who, day, score) in enumerate(played)]
    trends = score_trends(rows)
    assert sum(d.sessions for t in trends for d in t.days) == len(rows)
    for t in trends:
        days = [d.day for d in t.days]
        assert days == sorted(set(days))
        assert all(0 <= d.score <= 100 for d in t.days)


def test_the_dashboard_shows_the_trend_and_escapes_names() -> None:
    rows = [_session(1, "<Ana>", 0, 50), _session(2, "<Ana>", 1, 62)]
    page = dashboard_page(rows, {}, [], None, None)
    assert "Trends over days" in page
    assert "&lt;Ana&gt;" in page and "<Ana>" not in page
    assert "▲ +12" in page
    assert page.index("Trends over days") < page.index("#1 report") < page.index("#2 report")
