"""The week's debrief: what carried over, and what changed because the officer came back.

Built from the days as played (or as saved), as typed data; the end-of-campaign
screen, the HTML report and ``sessions --json`` all render this one summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from game.campaign.evening import EveningChoice, EveningOption, option
from game.scenario.model import Scenario
from game.sim.carry import ConcernStatus, DayCarry, ResidentCarry


@dataclass(frozen=True)
class WeekDay:
    """One played day, as the debrief needs it."""

    title: str
    weekday: str
    calendar_day: int
    carry: DayCarry  # what it started from
    ended: Mapping[str, ResidentCarry]  # how it ended
    trust_start: float  # neighborhood trust
    trust_end: float
    score: float
    session_id: int | None = None


UNKNOWN_WORRY = "a worry no day of this week's scenarios still has"  # the scenario dropped it


@dataclass(frozen=True)
class Promise:
    resident: str
    concern: str  # the concern's id (for machines: JSON only)
    worry: str  # what the resident told the officer: the text a trainee reads
    heard_on: int  # calendar day
    status: ConcernStatus  # at the end of the week
    answered_on: int | None  # calendar day it was reported back on
    came_back_as_call: bool


@dataclass(frozen=True)
class Grudge:
    resident: str
    reason: str
    began_on: int  # calendar day of the bad contact
    until: int  # calendar day they talk to the officer again
    trust_before: float  # at the start of the day it began
    trust_at_end: float  # at the end of the week
    over: bool  # it ran out within the week

    @property
    def made_good(self) -> bool:
        """Trust is back where it was before the bad contact."""
        return self.trust_at_end >= self.trust_before - 1e-9


@dataclass(frozen=True)
class WeekDebrief:
    days: tuple[WeekDay, ...]
    names: Mapping[str, str]  # resident id -> name
    trust_by_resident: Mapping[str, tuple[float, ...]]  # at the start, then after each day
    promises: tuple[Promise, ...]
    grudges: tuple[Grudge, ...]

    def evenings(self) -> list[tuple[WeekDay, EveningOption]]:
        """Each off-duty choice, with the day it was the night before of."""
        return [(d, option(EveningChoice(c))) for d in self.days for c in d.carry.evening]

    @property
    def kept(self) -> int:
        return sum(p.status is ConcernStatus.FOLLOWED_UP for p in self.promises)

    @property
    def broken(self) -> int:
        return sum(p.status is ConcernStatus.BROKEN for p in self.promises)

    def came_back(self) -> list[str]:
        """What changed because the officer came back, in sentences for the trainee."""
        out = []
        for p in self.promises:
            if p.answered_on is not None and p.answered_on > p.heard_on:
                out.append(f"You came back on day {p.answered_on} about what "
                           f"{self.names.get(p.resident, p.resident)} told you on day {p.heard_on}.")
        for g in self.grudges:
            who = self.names.get(g.resident, g.resident)
            if g.over and g.made_good:
                out.append(f"{who} talks to you again, and trusts you as much as before.")
            elif g.over:
                out.append(f"{who} talks to you again, but trusts you less than before day "
                           f"{g.began_on}.")
        start, end = self.days[0].trust_start, self.days[-1].trust_end
        out.append(f"Trust on the street went from {start:.0f} to {end:.0f} over "
                   f"{len(self.days)} shifts.")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "days": [{"title": d.title, "weekday": d.weekday, "day": d.calendar_day,
                      "trust_start": round(d.trust_start, 2), "trust_end": round(d.trust_end, 2),
                      "score": round(d.score, 2), "session_id": d.session_id,
                      "morning": [m.text for m in d.carry.morning],
                      "off_duty_before": [{"choice": o.choice.value, "policy": o.policy,
                                           "rest_hours": o.rest_hours,
                                           "consequence": o.consequence}
                                          for o in map(option, map(EveningChoice, d.carry.evening))]}
                     for d in self.days],
            "trust_by_resident": {rid: [round(t, 2) for t in ts]
                                  for rid, ts in self.trust_by_resident.items()},
            "promises": {"kept": self.kept, "broken": self.broken,
                         "each": [{"resident": p.resident, "concern": p.concern,
                                   "worry": p.worry,
                                   "heard_on": p.heard_on, "status": p.status.value,
                                   "answered_on": p.answered_on,
                                   "came_back_as_call": p.came_back_as_call}
                                  for p in self.promises]},
            "grudges": [{"resident": g.resident, "reason": g.reason, "began_on": g.began_on,
                         "until": g.until, "trust_before": round(g.trust_before, 2),
                         "trust_at_end": round(g.trust_at_end, 2), "over": g.over,
                         "made_good": g.made_good} for g in self.grudges],
            "came_back": self.came_back(),
        }


def worry_texts(scenarios: Iterable[Scenario]) -> dict[tuple[str, str], str]:
    """(resident id, concern id) -> the worry as the resident put it, over the week's scenarios
    (where two scenarios word it differently, the later one's)."""
    return {(r.id, c.id): c.text for s in scenarios for r in s.residents for c in r.concerns}


def week_debrief(days: Sequence[WeekDay], names: Mapping[str, str],
                 start_trust: Mapping[str, float],
                 worries: Mapping[tuple[str, str], str]) -> WeekDebrief:
    """The debrief of the days played so far (``start_trust``: each resident's before day 1;
    ``worries``: each concern's text, from ``worry_texts``)."""
    assert days, "a debrief needs at least one day"
    last = days[-1]
    trust = {rid: (start_trust.get(rid, r.trust),
                   *(d.ended[rid].trust if rid in d.ended else r.trust for d in days))
             for rid, r in sorted(last.ended.items())}
    promises = []
    for rid, r in sorted(last.ended.items()):
        for c in r.concerns:
            answered = next((d.calendar_day for d in days if any(
                x.id == c.id and x.status is ConcernStatus.FOLLOWED_UP
                for x in d.ended.get(rid, ResidentCarry(0, 0)).concerns)), None)
            promises.append(Promise(rid, c.id, worries.get((rid, c.id), UNKNOWN_WORRY), c.heard_on,
                                    c.status, answered, c.returned))
    grudges = []
    for k, d in enumerate(days):
        for rid, r in sorted(d.ended.items()):
            before = d.carry.residents.get(rid)
            if r.grudge_until and (before is None or before.grudge_until != r.grudge_until):
                trust_before = before.trust if before is not None else start_trust.get(rid, r.trust)
                over = k + 1 < len(days) and days[-1].calendar_day >= r.grudge_until
                grudges.append(Grudge(rid, r.grudge_reason, d.calendar_day, r.grudge_until,
                                      trust_before, last.ended[rid].trust, over))
    return WeekDebrief(tuple(days), dict(names), trust, tuple(promises), tuple(grudges))
