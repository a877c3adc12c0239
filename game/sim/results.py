"""End-of-shift results: the figures `simulate`, sessions, replay and the debrief share."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from game.sim.calls import CallState, CallStatus
from game.sim.rules import RULES_VERSION
from game.sim.score import (
    CallJudgement,
    ObjectiveResult,
    Progress,
    ScorePart,
    evaluate_objectives,
    score_parts,
    total_score,
)

if TYPE_CHECKING:
    from game.sim.presence import Presence
    from game.sim.state import ShiftState
    from game.tuning import Tuning


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
    status: str = "resolved"  # a CallStatus value: resolved, unresolved, escalated, cleared...
    minutes_late: float = 0.0
    credit: float = 1.0  # toward the response score: 1 in time, partial late, 0 never
    kind: str = ""
    window_minutes: float | None = None
    text: str = ""  # what dispatch said


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
    safety_start: float = 50.0
    calls_resolved: int = 0
    calls_unreported: int = 0  # problems nobody trusted the police enough to call in
    concerns_heard: int = 0
    concerns_followed_up: int = 0
    score_parts: tuple[ScorePart, ...] = ()
    # The debrief questions whose scenes happened; None in sessions saved before format 2.
    questions: tuple[str, ...] | None = None
    # Minutes callers waited, a call never reached counted until it closed without the
    # officer: unlike mean_response_minutes (calls reached only), skipping the hard calls
    # does not make it smaller. None with no calls, and in sessions saved before it existed.
    mean_wait_minutes: float | None = None
    # The simulation's rules these figures came from (game.sim.rules); None in sessions saved
    # before results carried it.
    rules_version: int | None = None

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
            "safety": round(self.safety, 2),
            "calls_resolved": self.calls_resolved,
            "calls_unreported": self.calls_unreported,
            "score_parts": {p.key: round(p.value, 4) for p in self.score_parts},
            "mean_wait_minutes": (
                None if self.mean_wait_minutes is None else round(self.mean_wait_minutes, 2)
            ),
        }

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _outcome(s: CallState, tuning: Tuning) -> CallOutcome:
    credit = s.credit(tuning)
    return CallOutcome(s.call.id, s.call.priority, s.call.place, s.call.at, s.response_minutes,
                       s.in_time, s.status.value, s.minutes_late, credit, s.call.kind,
                       s.call.window_minutes, s.call.text)


def build_results(state: ShiftState, presence: Presence, trust_start: float,
                  stories_heard: int) -> ShiftResults:
    """The end-of-shift figures, from the shift's state (at any moment, not only the end)."""
    t = state.tuning
    scored = [s for s in state.calls if s.status.came_in and s.status is not CallStatus.HANDED_OVER]
    calls = tuple(_outcome(s, t) for s in scored)
    judged = [CallJudgement(c.priority, c.credit, c.status == CallStatus.RESOLVED.value, c.in_time)
              for c in calls if c.status != CallStatus.WAITING.value]
    reached = [c.response_minutes for c in calls if c.response_minutes is not None]
    waited = [w for s in scored if (w := s.waited_minutes) is not None]
    trust = state.trust.neighborhood_trust()
    objectives = evaluate_objectives(state.scenario.objectives, trust=trust,
                                     stories_heard=stories_heard, calls=judged,
                                     progress=progress_of(state))
    heard = sum(len(k.concerns_heard) for k in state.known)
    followed = sum(len(k.concerns_done) for k in state.known)
    parts = score_parts(t, trust_gain=trust - trust_start, safety_gain=state.safety - t.safety_start,
                        calls=judged, breaches=len(state.breaches), concerns_heard=heard,
                        concerns_followed_up=followed,
                        concerns_on_street=sum(len(r.concerns) for r in state.residents),
                        objectives=objectives, policy_at_stake=state.policy_at_stake(),
                        reassurance=presence.reassurance)
    model = state.trust
    residents = tuple(
        ResidentOutcome(r.id, r.name, float(model.start_trust[i]), float(model.trust[i]),
                        float(model.familiarity[i]), state.known[i].stories_heard,
                        len(state.known[i].concerns_done))
        for i, r in enumerate(state.residents)
    )
    return ShiftResults(
        scenario=state.scenario.id, seed=state.seed, trust=trust, trust_start=trust_start,
        safety=state.safety, score=total_score(parts),
        mean_response_minutes=(sum(reached) / len(reached)) if reached else None,
        mean_wait_minutes=(sum(waited) / len(waited)) if waited else None,
        calls_total=len(calls), calls_in_time=sum(c.in_time for c in calls),
        stories_heard=stories_heard, foot_minutes=float(presence.foot_heat.sum()),
        car_minutes=float(presence.car_heat.sum()), objectives=objectives, residents=residents,
        calls=calls, breaches=tuple(f"{b.policy}: {b.what}" for b in state.breaches),
        safety_start=t.safety_start,
        calls_resolved=sum(c.status == CallStatus.RESOLVED.value for c in calls),
        calls_unreported=sum(s.status is CallStatus.UNREPORTED for s in state.calls),
        concerns_heard=heard, concerns_followed_up=followed, score_parts=parts,
        questions=tuple(q.text for q in state.scenario.debrief if state.holds(q.requires)),
        rules_version=RULES_VERSION,
    )


def progress_of(state: ShiftState) -> Progress:
    """The per-resident and per-event figures the format-2 objectives are judged on."""
    stage: dict[str, int] = {}
    for r, known in zip(state.residents, state.known, strict=True):
        for concern in r.concerns:
            cid = concern.id
            reached = (3 if cid in known.concerns_done else 2 if cid in known.concerns_checked
                       else 1 if cid in known.concerns_heard else 0)
            stage[cid] = max(stage.get(cid, 0), reached)
    return Progress(
        shift_over=state.tick >= state.total_ticks, breaches=len(state.breaches),
        breach_share=state.tuning.score_breach_share,
        resident_trust={r.id: float(state.trust.trust[i]) for i, r in enumerate(state.residents)},
        story_beats={r.id: (state.known[i].stories_heard, len(r.story))
                     for i, r in enumerate(state.residents)},
        attended=frozenset(state.attended), concern_stage=stage,
    )
