"""The score: how well a shift was judged, in parts a trainee can read and argue with.

Each part is a number from 0 to 1 with a plain-words detail, weighted by
``score_*`` in the tuning; the score is their weighted mean, 0..100. No part
saturates early: trust and safety gains pass through a logistic (half marks
for no change), response is credited per call and per minute late, so two
good shifts rarely tie and "100" means every part was excellent at once.
Parts with nothing to judge (no calls came in, nobody on the street has a
worry, no objectives, no way to break a policy) drop out and the others share
their weight.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from game.scenario.model import (
    Attended,
    CallsInTime,
    FollowedUp,
    NoBreaches,
    Objective,
    ObjectiveCheck,
    StoriesHeard,
    StoryOf,
    TrustAtLeast,
    TrustOf,
)
from game.tuning import Tuning

SHOWN_SAFETY = 0.05  # safety points: less reads as +0.0 and is left out of the detail


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


@dataclass(frozen=True)
class Progress:
    """What the per-resident and per-event objectives are judged on, read off the shift."""

    shift_over: bool = True  # "no breaches" is met only once nothing more can be broken
    breaches: int = 0
    breach_share: float = 0.5  # tuning.score_breach_share: each breach keeps this share
    resident_trust: Mapping[str, float] = field(default_factory=dict)  # resident id -> 0..100
    story_beats: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # id -> (heard, of)
    attended: frozenset[str] = frozenset()  # event ids
    # concern id -> how far it got: 0 not heard, 1 heard, 2 looked into, 3 reported back
    concern_stage: Mapping[str, int] = field(default_factory=dict)


CONCERN_STAGES = ("not heard", "heard, not looked into", "looked into, not reported back",
                  "reported back")


def evaluate_objectives(
    objectives: Sequence[Objective], *, trust: float, stories_heard: int,
    calls: Sequence[CallJudgement], progress: Progress | None = None,
) -> tuple[ObjectiveResult, ...]:
    """Each objective met or not, with partial credit toward it."""
    seen = progress or Progress()
    results = []
    for obj in objectives:
        met, credit, detail = _judge(obj.check, trust, stories_heard, calls, seen)
        results.append(ObjectiveResult(obj.id, obj.text, met, detail, obj.weight, credit))
    return tuple(results)


def _judge(check: ObjectiveCheck, trust: float, stories_heard: int,
           calls: Sequence[CallJudgement], seen: Progress) -> tuple[bool, float, str]:
    """(met, credit 0..1, detail in words) for one objective."""
    match check:
        case StoriesHeard(count):
            credit = min(1.0, stories_heard / count) if count else 1.0
            return stories_heard >= count, credit, f"{stories_heard} of {count} stories"
        case CallsInTime(priority, share):
            relevant = [c for c in calls if c.priority == priority]
            if not relevant:
                return False, 0.0, f"no priority-{priority} call came in"
            in_time = sum(c.in_time for c in relevant)
            got = in_time / len(relevant)
            credit = min(1.0, got / share) if share else 1.0
            return (got >= share - 1e-9, credit,
                    f"{in_time} of {len(relevant)} priority-{priority} calls in time")
        case TrustAtLeast(level):
            credit = min(1.0, trust / level) if level else 1.0
            return trust >= level, credit, f"trust {trust:.1f} of {level:g}"
        case NoBreaches():
            n = seen.breaches
            if not n:
                return seen.shift_over, 1.0, "no breaches" if seen.shift_over else "no breaches yet"
            return False, seen.breach_share ** n, f"{n} breach{'es' * (n != 1)}"
        case StoryOf(resident):
            heard, of = seen.story_beats.get(resident, (0, 0))
            credit = heard / of if of else 1.0
            return heard >= of, credit, f"{heard} of {of} parts of the story"
        case TrustOf(resident, level):
            got = seen.resident_trust.get(resident, 0.0)
            credit = min(1.0, got / level) if level else 1.0
            return got >= level - 1e-9, credit, f"trust {got:.1f} of {level:g}"
        case Attended(event):
            went = event in seen.attended
            return went, float(went), "attended" if went else "not attended"
        case FollowedUp(concern):
            stage = seen.concern_stage.get(concern, 0)
            last = len(CONCERN_STAGES) - 1
            return stage == last, stage / last, CONCERN_STAGES[stage]
    raise TypeError(f"unknown objective check {check!r}")  # pragma: no cover - the spec's set


def score_parts(
    tuning: Tuning, *, trust_gain: float, safety_gain: float, calls: Sequence[CallJudgement],
    breaches: int, concerns_heard: int, concerns_followed_up: int, concerns_on_street: int,
    objectives: Sequence[ObjectiveResult], policy_at_stake: bool = True, reassurance: float = 0.0,
) -> tuple[ScorePart, ...]:
    """The parts with something to judge. ``policy_at_stake`` False (the shift offered no
    way to break a policy: ShiftState.policy_at_stake) drops the policy part, which would
    otherwise give every way of playing the same free marks. ``reassurance``: the safety points that
    came from being seen about (game.sim.presence), named in the safety part's detail."""
    t = tuning
    parts = [
        ScorePart("trust", "Trust gained", logistic_part(trust_gain, t.score_trust_scale),
                  t.score_trust, f"{trust_gain:+.1f} points of neighborhood trust"),
        ScorePart("safety", "Perceived safety", logistic_part(safety_gain, t.score_safety_scale),
                  t.score_safety, f"{safety_gain:+.1f} points of safety" + (
                      f", {reassurance:+.1f} of them from being seen about"
                      if reassurance >= SHOWN_SAFETY else "")),
    ]
    if policy_at_stake:
        parts.append(ScorePart(
            "policy", "Department policy", t.score_breach_share ** breaches, t.score_policy,
            "no breaches" if not breaches else f"{breaches} breach{'es' * (breaches != 1)}"))
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
