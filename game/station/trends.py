"""Each trainee's score over the days of a course, for the class dashboard.

An instructor asks "is Ana getting better?" across a week, not within a shift,
so sessions are grouped by the (local) day they ended and each day's score is
the mean of that day's sessions; the trend is the latest day's against the first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from game.sessions.store import SessionSummary


@dataclass(frozen=True)
class DayScore:
    day: date  # the local day the sessions ended
    score: float  # the mean score of that day's sessions, 0..100
    sessions: int


@dataclass(frozen=True)
class TraineeTrend:
    trainee: str
    days: tuple[DayScore, ...]  # oldest first

    @property
    def change(self) -> float | None:
        """The latest day's score against the first day's; None with only one day."""
        return self.days[-1].score - self.days[0].score if len(self.days) > 1 else None


def who(s: SessionSummary) -> str:
    """The name a dashboard row goes under: the trainee, or the bot that played."""
    return s.trainee or (f"{s.bot} bot" if s.bot else "—")


def score_trends(rows: Sequence[SessionSummary]) -> list[TraineeTrend]:
    """One trend per trainee (by name, ignoring case), trainees in alphabetical order."""
    by_day: dict[str, dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    names: dict[str, str] = {}
    for s in sorted(rows, key=lambda s: (s.ended_at, s.id)):
        key = who(s).casefold()
        names.setdefault(key, who(s))
        by_day[key][s.ended_at.astimezone().date()].append(s.score)
    return [TraineeTrend(names[key], tuple(DayScore(day, sum(scores) / len(scores), len(scores))
                                           for day, scores in sorted(by_day[key].items())))
            for key in sorted(by_day)]
