"""The score: how well a shift was judged, in parts a trainee can read and argue with.

Each part is a number from 0 to 1 with a plain-words detail, weighted by
``score_*`` in the tuning; the score is their weighted mean, 0..100. No part
saturates early: trust and safety gains pass through a logistic (half marks
for no change), response is credited per call and per minute late, so two
good shifts rarely tie and "100" means every part was excellent at once.
Parts with nothing to judge (no calls came in, nobody on the street has a
worry, no objectives) drop out and the others share their weight.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from game.scenario.model import CallsInTime, Objective, StoriesHeard, TrustAtLeast
from game.tuning import Tuning


@dataclass(frozen=True)
class ScorePart:
    key: str  # trust, response, resolved, safety, policy, follow_through, objectives
    label: str  # "Trust gained"
    value: float  # 0..1
    weight: float
    detail: str  # "+6.2 points, influence-weighted"


@dataclass(frozen=True)
class ObjectiveResult:
    id: str
    text: str
    met: bool
    detail: str  # "3 of 4 stories", "trust 58.2 of 60"
    weight: float
    credit: float = 0.0  # 0..1: partial credit toward it


@dataclass(frozen=True)
class CallJudgement:
    """What the score needs to know about one call that came in."""

    priority: int
    credit: float  # 1 in time, partial late, 0 never
    resolved: bool
    in_time: bool


def logistic_part(gain: float, scale: float) -> float:
    """0.5 for no change, toward 1 for large gains, toward 0 for large losses."""
    x = gain / scale
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    return math.exp(x) / (1.0 + math.exp(x))  # the same, without overflowing for large losses


def priority_weight(priority: int, tuning: Tuning) -> float:
    return float(tuning.score_priority_weight ** (3 - min(3, max(1, priority))))


def evaluate_objectives(
    objectives: Sequence[Objective], *, trust: float, stories_heard: int,
    calls: Sequence[CallJudgement],
) -> tuple[ObjectiveResult, ...]:
    """Each objective met or not, with partial credit toward it."""
    results = []
    for obj in objectives:
        check = obj.check
        if isinstance(check, StoriesHeard):
            met = stories_heard >= check.count
            credit = min(1.0, stories_heard / check.count) if check.count else 1.0
            detail = f"{stories_heard} of {check.count} stories"
        elif isinstance(check, CallsInTime):
            relevant = [c for c in calls if c.priority == check.priority]
            in_time = sum(c.in_time for c in relevant)
            share = in_time / len(relevant) if relevant else 1.0
            met = bool(relevant) and share >= check.share - 1e-9
            credit = min(1.0, share / check.share) if relevant and check.share else float(met)
            detail = (f"{in_time} of {len(relevant)} priority-{check.priority} calls in time"
                      if relevant else f"no priority-{check.priority} call came in")
        elif isinstance(check, TrustAtLeast):
            met = trust >= check.trust
            credit = min(1.0, trust / check.trust) if check.trust else 1.0
            detail = f"trust {trust:.1f} of {check.trust:g}"
        else:  # pragma: no cover - the loader only builds the three kinds
            raise TypeError(f"unknown objective check {check!r}")
        results.append(ObjectiveResult(obj.id, obj.text, met, detail, obj.weight, credit))
    return tuple(results)


def score_parts(
    tuning: Tuning, *, trust_gain: float, safety_gain: float, calls: Sequence[CallJudgement],
    breaches: int, concerns_heard: int, concerns_followed_up: int, concerns_on_street: int,
    objectives: Sequence[ObjectiveResult],
) -> tuple[ScorePart, ...]:
    t = tuning
    parts = [
        ScorePart("trust", "Trust gained", logistic_part(trust_gain, t.score_trust_scale),
                  t.score_trust, f"{trust_gain:+.1f} points of neighborhood trust"),
        ScorePart("safety", "Perceived safety", logistic_part(safety_gain, t.score_safety_scale),
                  t.score_safety, f"{safety_gain:+.1f} points of safety"),
        ScorePart("policy", "Department policy", t.score_breach_share ** breaches, t.score_policy,
                  "no breaches" if not breaches else f"{breaches} breach{'es' * (breaches != 1)}"),
    ]
    if calls:
        weights = [priority_weight(c.priority, t) for c in calls]
        total = sum(weights)
        response = sum(w * c.credit for w, c in zip(weights, calls, strict=True)) / total
        resolved = sum(w * c.resolved for w, c in zip(weights, calls, strict=True)) / total
        in_time = sum(c.in_time for c in calls)
        parts.append(ScorePart("response", "Response to calls", response, t.score_response,
                               f"{in_time} of {len(calls)} in time, late ones with partial credit"))
        parts.append(ScorePart("resolved", "Calls resolved", resolved, t.score_resolved,
                               f"{sum(c.resolved for c in calls)} of {len(calls)} resolved"))
    if concerns_on_street:
        parts.append(ScorePart("follow_through", "Worries addressed",
                               concerns_followed_up / concerns_on_street, t.score_follow_through,
                               f"reported back on {concerns_followed_up} of the street's "
                               f"{concerns_on_street} worries (heard {concerns_heard})"))
    if objectives:
        total = sum(o.weight for o in objectives)
        value = sum(o.weight * o.credit for o in objectives) / total
        met = sum(o.met for o in objectives)
        parts.append(ScorePart("objectives", "The shift's goals", value, t.score_objectives,
                               f"{met} of {len(objectives)} met, the rest with partial credit"))
    return tuple(parts)


def total_score(parts: Sequence[ScorePart]) -> float:
    weight = sum(p.weight for p in parts)
    return 100.0 * sum(p.weight * p.value for p in parts) / weight if weight else 0.0
