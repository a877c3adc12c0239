"""End-of-shift results: the figures `simulate`, sessions, replay and the debrief share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from game.scenario.model import CallsInTime, Objective, StoriesHeard, TrustAtLeast

if TYPE_CHECKING:
    from game.sim.presence import Presence
    from game.sim.state import ShiftState


@dataclass(frozen=True)
class ObjectiveResult:
    id: str
    text: str
    met: bool
    detail: str  # "3 of 4 stories", "trust 58.2 of 60"
    weight: float


@dataclass(frozen=True)
class ResidentOutcome:
    id: str
    name: str
    trust_start: float
    trust_end: float
    familiarity: float
    stories_heard: int
    concerns_followed_up: int


@dataclass(frozen=True)
class CallOutcome:
    id: str
    priority: int
    place: str
    at: int
    response_minutes: float | None
    in_time: bool


@dataclass(frozen=True)
class ShiftResults:
    scenario: str
    seed: int
    trust: float  # final neighborhood trust, 0..100
    trust_start: float
    safety: float
    score: float  # 0..100
    mean_response_minutes: float | None
    calls_total: int
    calls_in_time: int
    stories_heard: int  # residents whose story the officer has begun to hear
    foot_minutes: float
    car_minutes: float
    objectives: tuple[ObjectiveResult, ...] = ()
    residents: tuple[ResidentOutcome, ...] = ()
    calls: tuple[CallOutcome, ...] = ()
    breaches: tuple[str, ...] = field(default=())

    def summary(self) -> dict[str, Any]:
        """The per-run figures `simulate --json` and `replay --json` print."""
        return {
            "seed": self.seed,
            "trust": round(self.trust, 2),
            "mean_response_minutes": (
                None if self.mean_response_minutes is None else round(self.mean_response_minutes, 2)
            ),
            "calls_total": self.calls_total,
            "calls_in_time": self.calls_in_time,
            "stories_heard": self.stories_heard,
            "score": round(self.score, 2),
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def evaluate_objectives(
    objectives: Sequence[Objective], *, trust: float, stories_heard: int,
    calls: Sequence[CallOutcome],
) -> tuple[tuple[ObjectiveResult, ...], float]:
    """Each objective met or not, and the score: weighted share met, 0..100.

    With no objectives the score is the final neighborhood trust.
    """
    results = []
    for obj in objectives:
        check = obj.check
        if isinstance(check, StoriesHeard):
            met = stories_heard >= check.count
            detail = f"{stories_heard} of {check.count} stories"
        elif isinstance(check, CallsInTime):
            relevant = [c for c in calls if c.priority == check.priority]
            in_time = sum(c.in_time for c in relevant)
            share = in_time / len(relevant) if relevant else 1.0
            met = share >= check.share - 1e-9
            detail = f"{in_time} of {len(relevant)} priority-{check.priority} calls in time"
        elif isinstance(check, TrustAtLeast):
            met = trust >= check.trust
            detail = f"trust {trust:.1f} of {check.trust:g}"
        else:  # pragma: no cover - the loader only builds the three kinds
            raise TypeError(f"unknown objective check {check!r}")
        results.append(ObjectiveResult(obj.id, obj.text, met, detail, obj.weight))
    if not results:
        return (), trust
    total = sum(r.weight for r in results)
    score = 100.0 * sum(r.weight for r in results if r.met) / total
    return tuple(results), score


def build_results(state: ShiftState, presence: Presence, trust_start: float,
                  stories_heard: int) -> ShiftResults:
    """The end-of-shift figures, from the shift's state (at any moment, not only the end)."""
    calls = tuple(
        CallOutcome(s.call.id, s.call.priority, s.call.place, s.call.at, s.response_minutes,
                    s.in_time)
        for s in state.calls if s.status != "pending"
    )
    reached = [c.response_minutes for c in calls if c.response_minutes is not None]
    trust = state.trust.neighborhood_trust()
    objectives, score = evaluate_objectives(
        state.scenario.objectives, trust=trust, stories_heard=stories_heard, calls=calls)
    model = state.trust
    residents = tuple(
        ResidentOutcome(r.id, r.name, float(model.start_trust[i]), float(model.trust[i]),
                        float(model.familiarity[i]), state.known[i].stories_heard,
                        len(state.known[i].concerns_done))
        for i, r in enumerate(state.residents)
    )
    return ShiftResults(
        scenario=state.scenario.id, seed=state.seed, trust=trust, trust_start=trust_start,
        safety=state.safety, score=score,
        mean_response_minutes=(sum(reached) / len(reached)) if reached else None,
        calls_total=len(calls), calls_in_time=sum(c.in_time for c in calls),
        stories_heard=stories_heard, foot_minutes=float(presence.foot_heat.sum()),
        car_minutes=float(presence.car_heat.sum()), objectives=objectives, residents=residents,
        calls=calls, breaches=tuple(f"{b.policy}: {b.what}" for b in state.breaches),
    )
