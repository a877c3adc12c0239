"""Why a shift went as it did, call by call and objective by objective (`simulate --explain`).

An instructor balancing a scenario wants to see why a bot missed a call without
saving the session and reading the HTML report: when the call came in, whether
the officer got there, how long it took against its window, and, when the map
is at fault, that the car could not reach it. Objectives get the same: met or
not, the partial credit, and what was missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from game.scenario.model import CallsInTime, Scenario, StoriesHeard, TrustAtLeast
from game.scenario.warnings import CutOffPlace, places_the_car_cannot_reach
from game.sim.results import CallOutcome, ShiftResults
from game.sim.score import ObjectiveResult

# What became of a call, in words, by CallStatus value (the ones a scored call can have).
OUTCOME_WORDS: Mapping[str, str] = {
    "resolved": "resolved with the help of people there",
    "unresolved": "unresolved: nobody there helped",
    "escalated": "nobody came in time and it escalated into a worse call",
    "cleared": "another unit cleared it",
    "missed": "still waiting when the shift ended",
    "waiting": "still waiting when the shift ended, inside its window",
}


@dataclass(frozen=True)
class CallExplanation:
    id: str
    kind: str
    priority: int
    place: str
    came_in: str  # wall-clock HH:MM
    reached_by: str | None  # "officer", "another unit" or None
    response_minutes: float | None
    window_minutes: float | None
    in_time: bool
    minutes_late: float
    outcome: str  # the CallStatus value
    why: str  # the whole story in one sentence


@dataclass(frozen=True)
class ObjectiveExplanation:
    id: str
    text: str
    met: bool
    credit: float  # 0..1 partial credit
    why: str


@dataclass(frozen=True)
class Explanation:
    calls: tuple[CallExplanation, ...]
    objectives: tuple[ObjectiveExplanation, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Explanation:
        """Back from ``to_dict`` (what `simulate` keeps per run)."""
        return cls(tuple(CallExplanation(**c) for c in data["calls"]),
                   tuple(ObjectiveExplanation(**o) for o in data["objectives"]))

    def lines(self) -> list[str]:
        """The explanation as text, one line a call and an objective."""
        out = ["calls:" if self.calls else "calls: none came in"]
        out += [f"  {c.came_in} {c.id} (priority {c.priority}, {c.kind or 'call'} at {c.place}): {c.why}"
                for c in self.calls]
        if self.objectives:
            out.append("objectives:")
            out += [f"  {o.id}: {'met' if o.met else f'not met ({o.credit:.0%} credit)'}: {o.why}"
                    for o in self.objectives]
        return out


def explain(scenario: Scenario, results: ShiftResults) -> Explanation:
    cut_off = places_the_car_cannot_reach(scenario)
    calls = tuple(_call(scenario, outcome, cut_off.get(outcome.place)) for outcome in results.calls)
    by_id = {objective.id: objective for objective in scenario.objectives}
    objectives = tuple(_objective(scenario, results, result, by_id[result.id].check, calls)
                       for result in results.objectives)
    return Explanation(calls, objectives)


def _call(scenario: Scenario, c: CallOutcome, cut_off: CutOffPlace | None) -> CallExplanation:
    reached = c.response_minutes is not None
    window = f" of its {c.window_minutes:g}" if c.window_minutes is not None else ""
    if reached and c.in_time:
        timing = f"reached by the officer in {c.response_minutes:.1f}{window} minutes, in time"
    elif reached:
        timing = (f"reached by the officer in {c.response_minutes:.1f}{window} minutes, "
                  f"{c.minutes_late:.1f} minutes late")
    else:
        timing = "never reached by the officer"
    parts = [timing, OUTCOME_WORDS.get(c.status, c.status)]
    if cut_off is not None and not c.in_time:
        parts.append(f"the car could not reach {c.place}: {cut_off.reason()}")
    by = "officer" if reached else ("another unit" if c.status == "cleared" else None)
    return CallExplanation(c.id, c.kind, c.priority, c.place, scenario.shift.clock(c.at), by,
                           c.response_minutes, c.window_minutes, c.in_time, c.minutes_late,
                           c.status, "; ".join(parts))


def _objective(scenario: Scenario, results: ShiftResults, result: ObjectiveResult, check: object,
               calls: tuple[CallExplanation, ...]) -> ObjectiveExplanation:
    why = result.detail
    if not result.met:
        if isinstance(check, CallsInTime):
            late = [f"{c.id} ({f'{c.minutes_late:.1f} min late' if c.reached_by == 'officer' else c.outcome})"
                    for c in calls if c.priority == check.priority and not c.in_time]
            if late:
                why += f"; not in time: {', '.join(late)}"
        elif isinstance(check, StoriesHeard):
            told = {r.id for r in results.residents if r.stories_heard}
            with_story = [r for r in scenario.residents if r.story]
            untold = [r.name for r in with_story if r.id not in told]
            if untold:
                why += f"; stories not yet heard: {', '.join(untold)}"
            if len(with_story) < check.count:
                why += (f"; only {len(with_story)} resident(s) have a story, so it cannot be met: "
                        "give more residents a story or lower stories_heard")
        elif isinstance(check, TrustAtLeast):
            why += f"; short by {check.trust - results.trust:.1f} points"
    return ObjectiveExplanation(result.id, result.text, result.met, round(result.credit, 4), why)
