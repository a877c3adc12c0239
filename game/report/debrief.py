"""The debrief as plain data: what the in-game summary screen and the HTML report both show.

Built only from the end-of-shift results, the cause-tagged trust ledger and
the scenario, so it works the same for a shift just played and for one read
back from the session store. The "what to try next time" tips are rules over
those figures; each names the evidence it rests on, so a trainee can see why.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from game.report.instructor import InstructorMoment, instructor_moments
from game.scenario.model import NEGATIVE_TAGS, Scenario
from game.sim.actions import Action
from game.sim.conversation import TAG_WORDS
from game.sim.ledger import Source, TrustChange
from game.sim.results import CallOutcome, ResidentOutcome, ShiftResults
from game.sim.score import ObjectiveResult

CAR_HEAVY_SHARE = 0.6  # share of the shift's minutes in the car that counts as "mostly driving"
FEW_STORIES_SHARE = 1 / 3  # fewer stories than this share of the residents counts as "few"
SHOWN_CHANGE = 0.05  # trust points: smaller drift toward baseline is not worth a line

# Each negative tag, the procedural-justice component (Tyler) it fails, and how to practise it.
PRACTICE: dict[str, tuple[str, str]] = {
    "dismissal": ("voice", "let people tell their side in their own words before you decide"),
    "disrespect": ("respect", "greet people by name and explain what you are doing and why"),
    "bias": ("neutrality", "hear every side and say which rule you are applying, the same for all"),
    "threat": ("trustworthy motives", "show you are there for their safety; explain, do not threaten"),
}


@dataclass(frozen=True)
class Contact:
    """One thing the officer did that moved a resident's trust."""

    time: float  # game minutes after the shift started
    clock: str  # "HH:MM"
    cause: str  # "listened", "late to the call", ...
    delta: float  # trust points
    tags: tuple[str, ...]  # procedural-justice tags of the choice, if any
    source: Source  # what it was: a talk topic, a call, an encounter...


@dataclass(frozen=True)
class WordOfMouth:
    """Trust that reached a resident second-hand, summed per neighbour it came from."""

    source: str  # the neighbour's name
    delta: float


@dataclass(frozen=True)
class ResidentDebrief:
    id: str
    name: str
    trust_start: float
    trust_end: float
    familiarity: float  # 0..1
    stories_heard: int
    concerns_followed_up: int
    contacts: tuple[Contact, ...]
    word_of_mouth: tuple[WordOfMouth, ...]
    drift: float  # the rest of the change: trust easing back toward its usual level

    @property
    def change(self) -> float:
        return self.trust_end - self.trust_start


@dataclass(frozen=True)
class CallDebrief:
    id: str
    priority: int  # 1 most urgent
    place: str  # place name
    came_in: str  # "HH:MM"
    at: float  # game minutes after the shift started
    window_minutes: float | None  # None when the scenario no longer has the call
    response_minutes: float | None  # None when the officer never got there
    in_time: bool
    status: str = "resolved"  # resolved, unresolved, escalated, cleared, missed
    text: str = ""  # what dispatch said

    @property
    def outcome(self) -> str:
        """In words: "in time, resolved", "late, nobody saw anything", "never reached: it got worse"."""
        if self.response_minutes is None:
            return NOT_REACHED.get(self.status, "not reached")
        timing = "in time" if self.in_time else "late"
        return f"{timing}, {'resolved' if self.status == 'resolved' else 'nobody saw anything'}"


NOT_REACHED = {
    "escalated": "never reached: it got worse",
    "cleared": "never reached: another unit cleared it",
    "missed": "never reached",
    "waiting": "still waiting",
}


@dataclass(frozen=True)
class ScoreLine:
    """One part of the score, the trainee's and par's side by side."""

    label: str
    value: float  # 0..1
    weight: float
    detail: str
    par: float | None  # par's value for the same part, when par was played


@dataclass(frozen=True)
class Tip:
    title: str  # what to try: "Park and walk the block"
    why: str  # the evidence from this shift, in a sentence


@dataclass(frozen=True)
class Debrief:
    scenario_title: str
    trust_start: float
    trust_end: float
    safety: float
    score: float
    foot_minutes: float
    car_minutes: float
    stories_heard: int
    residents: tuple[ResidentDebrief, ...]
    calls: tuple[CallDebrief, ...]
    objectives: tuple[ObjectiveResult, ...]
    breaches: tuple[str, ...]
    questions: tuple[str, ...]  # the scenario's debrief questions
    tips: tuple[Tip, ...]
    score_lines: tuple[ScoreLine, ...] = ()
    par_score: float | None = None  # the best bot on the same scenario and seed
    instructor: tuple[InstructorMoment, ...] = ()  # the instructor's flags and injected calls

    @property
    def foot_share(self) -> float | None:
        total = self.foot_minutes + self.car_minutes
        return self.foot_minutes / total if total > 0 else None


def build_debrief(results: ShiftResults, ledger: Sequence[TrustChange],
                  scenario: Scenario, par: ShiftResults | None = None,
                  action_log: Sequence[tuple[int, Action]] = ()) -> Debrief:
    """Everything the debrief shows, from a shift's results, its trust ledger and its scenario.

    ``par`` is the best bot's results on the same scenario and seed, shown beside each part;
    ``action_log`` is the shift's actions, where the instructor's flags and calls are.
    """
    residents = tuple(_resident(i, outcome, ledger, results.residents, scenario)
                      for i, outcome in enumerate(results.residents))
    calls = tuple(_call(c, scenario) for c in results.calls)
    return Debrief(
        scenario_title=scenario.title, trust_start=results.trust_start, trust_end=results.trust,
        safety=results.safety, score=results.score, foot_minutes=results.foot_minutes,
        car_minutes=results.car_minutes, stories_heard=results.stories_heard,
        residents=residents, calls=calls, objectives=results.objectives,
        breaches=results.breaches, questions=questions_asked(results, scenario),
        tips=next_time(results, ledger, calls), score_lines=score_lines(results, par),
        par_score=None if par is None else par.score,
        instructor=instructor_moments(action_log, scenario),
    )


def score_lines(results: ShiftResults, par: ShiftResults | None) -> tuple[ScoreLine, ...]:
    theirs = {} if par is None else {p.key: p.value for p in par.score_parts}
    return tuple(ScoreLine(p.label, p.value, p.weight, p.detail, theirs.get(p.key))
                 for p in results.score_parts)


def _resident(i: int, outcome: ResidentOutcome, ledger: Sequence[TrustChange],
              everyone: Sequence[ResidentOutcome], scenario: Scenario) -> ResidentDebrief:
    mine = [c for c in ledger if c.resident == i]
    contacts = tuple(
        Contact(c.time, scenario.shift.clock(c.time), c.label, c.delta, c.tags, c.source)
        for c in sorted(mine, key=lambda c: c.time) if c.by_officer
    )
    heard: dict[int, float] = defaultdict(float)
    for c in mine:
        if c.via is not None:
            heard[c.via] += c.delta
    word = tuple(WordOfMouth(_name(via, everyone), delta)
                 for via, delta in sorted(heard.items(), key=lambda kv: -abs(kv[1])))
    # Whatever contacts and word of mouth do not explain is drift toward their usual trust.
    change = outcome.trust_end - outcome.trust_start
    drift = change - sum(c.delta for c in contacts) - sum(heard.values())
    return ResidentDebrief(
        outcome.id, outcome.name, outcome.trust_start, outcome.trust_end, outcome.familiarity,
        outcome.stories_heard, outcome.concerns_followed_up, contacts, word,
        drift if abs(drift) >= SHOWN_CHANGE else 0.0,
    )


def _name(index: int, everyone: Sequence[ResidentOutcome]) -> str:
    return everyone[index].name if 0 <= index < len(everyone) else f"resident {index + 1}"


def _call(call: CallOutcome, scenario: Scenario) -> CallDebrief:
    place = scenario.places_by_id.get(call.place)
    return CallDebrief(
        call.id, call.priority, place.name if place else call.place, scenario.shift.clock(call.at),
        call.at, call.window_minutes, call.response_minutes, call.in_time, call.status, call.text,
    )


# --- what to try next time -------------------------------------------------------------
def next_time(results: ShiftResults, ledger: Sequence[TrustChange],
              calls: Sequence[CallDebrief]) -> tuple[Tip, ...]:
    """The tips that this shift's figures support; a word of encouragement when none apply."""
    tips = (*_walk_more(results), *_late_calls(calls), *_nobody_helped(calls),
            *_worries_left(results), *_practise_components(ledger), *_policies(results))
    return tips or (_keep_going(results, ledger),)


def _nobody_helped(calls: Sequence[CallDebrief]) -> list[Tip]:
    """Calls left unresolved because nobody there would help: the radio's return on trust."""
    alone = [c for c in calls if c.response_minutes is not None and c.status == "unresolved"]
    if not alone:
        return []
    return [Tip("Be known before you are needed",
                f"At {_count(len(alone), 'call')} nobody saw anything, so "
                f"{'it stays' if len(alone) == 1 else 'they stay'} unresolved. People help an "
                "officer they know and trust, and the sooner you arrive the more of them are still "
                "there: time on foot pays back on the radio.")]


def _worries_left(results: ShiftResults) -> list[Tip]:
    """Worries heard and not reported back on: what listening promised."""
    left = results.concerns_heard - results.concerns_followed_up
    if left <= 0:
        return []
    return [Tip("Report back on what you hear",
                f"You heard {_count(results.concerns_heard, 'worry', 'worries')} and reported back on "
                f"{results.concerns_followed_up}. A worry heard is a promise: look into it and come "
                "back, or the trust the listening brought is lost again.")]


def _walk_more(results: ShiftResults) -> list[Tip]:
    total = results.foot_minutes + results.car_minutes
    few = max(1, math.ceil(len(results.residents) * FEW_STORIES_SHARE))
    if total <= 0 or results.car_minutes / total < CAR_HEAVY_SHARE or results.stories_heard >= few:
        return []
    heard = ("no one's story" if results.stories_heard == 0
             else f"the stories of {_count(results.stories_heard, 'resident')}")
    return [Tip("Park and walk the block",
                f"You spent {results.car_minutes:.0f} of {total:.0f} minutes in the car and heard "
                f"{heard}. People tell their stories to an officer on the sidewalk, not to a "
                "windshield.")]


def _late_calls(calls: Sequence[CallDebrief]) -> list[Tip]:
    missed = [c for c in calls if c.priority == 1 and not c.in_time]
    if not missed:
        return []
    parts = []
    for c in missed:
        when = (f"reached after {c.response_minutes:.0f} min" if c.response_minutes is not None
                else "never reached")
        window = f" (window {c.window_minutes:g} min)" if c.window_minutes is not None else ""
        parts.append(f"the {c.came_in} call at {c.place} was {when}{window}")
    return [Tip("Keep the car within reach when calls are likely",
                f"Priority-1 calls need you fast: {'; '.join(parts)}. Walk near the car, "
                "and head back to it before busy times.")]


def _practise_components(ledger: Sequence[TrustChange]) -> list[Tip]:
    choices: dict[str, set[tuple[float, Source]]] = defaultdict(set)  # tag -> distinct choices
    for c in ledger:
        for tag in c.tags:
            if tag in NEGATIVE_TAGS:
                choices[tag].add((c.time, c.source))
    tips = []
    for tag in NEGATIVE_TAGS:
        if choices[tag]:
            component, how = PRACTICE[tag]
            tips.append(Tip(f"Practise {component}",
                            f"{_count(len(choices[tag]), 'answer')} came across as "
                            f"{TAG_WORDS.get(tag, tag)}. Next time, {how}."))
    return tips


def _policies(results: ShiftResults) -> list[Tip]:
    if not results.breaches:
        return []
    return [Tip("Check the policy before you act",
                f"Policy breaches this shift: {'; '.join(results.breaches)}. When unsure, ask "
                "first (the media office, your sergeant).")]


def _keep_going(results: ShiftResults, ledger: Sequence[TrustChange]) -> Tip:
    best = max((c for c in ledger if c.by_officer), key=lambda c: c.delta, default=None)
    if best is None or best.delta <= 0:
        return Tip("Get out and meet people",
                   "No contact moved anyone's trust this shift; greet someone, then listen.")
    name = _name(best.resident, results.residents)
    return Tip("Keep doing what worked",
               f"Your best contact: {best.label} with {name} ({best.delta:+.1f} trust). "
               "Try the same with someone you have not met yet.")


def _count(n: int, noun: str, plural: str = "") -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def questions_asked(results: ShiftResults, scenario: Scenario) -> tuple[str, ...]:
    """The debrief questions whose scenes happened in this shift (a session saved before
    questions had conditions asks every question without one)."""
    if results.questions is not None:
        return results.questions
    return tuple(q.text for q in scenario.debrief if not q.requires)
