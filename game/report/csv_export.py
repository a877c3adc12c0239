"""The class export: one CSV row per session that opens cleanly in a spreadsheet.

Trainee names and scenario titles are typed by people, and spreadsheets run
cells that start with ``= + - @`` (and tab or carriage return) as formulas, so
those text cells get a leading apostrophe (OWASP's advice on CSV injection).
Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from game.sessions.store import SessionSummary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("id", "when", "scenario", "scenario_title", "trainee", "bot", "seed", "trust", "score",
           "foot_minutes", "car_minutes", "foot_share")


def text_cell(value: str | None) -> str:
    """A text cell a spreadsheet shows as text, never evaluates."""
    text = value or ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def sessions_csv(sessions: Sequence[SessionSummary]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for s in sessions:
        share = s.foot_share
        writer.writerow((
            s.id, s.ended_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), text_cell(s.scenario_id),
            text_cell(s.scenario_title), text_cell(s.trainee), text_cell(s.bot), s.seed,
            round(s.trust, 2), round(s.score, 2), round(s.foot_minutes, 2), round(s.car_minutes, 2),
            "" if share is None else round(share, 4),
        ))
    return out.getvalue()
