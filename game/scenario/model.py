"""Typed, immutable scenario objects: what the loader produces and the simulation reads.

Times inside a scenario are stored as *minutes after the shift starts* (an
``int``), not clock strings: the simulation only ever needs offsets, and a
shift that crosses midnight needs no special casing downstream. ``Shift.start``
keeps the wall-clock start (minutes after midnight) for display.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from types import MappingProxyType

from game.tuning import CAR_CALL_PRIORITY, MINUTES_PER_DAY

TILE_KINDS: tuple[str, ...] = (
    "road", "sidewalk", "house", "porch", "yard", "shop", "park", "church", "school", "car_spawn",
)
PLACE_KINDS: tuple[str, ...] = ("porch", "shop", "park", "church", "school", "yard")
# Procedural-justice components (Tyler) and their opposites, in that order.
POSITIVE_TAGS: tuple[str, ...] = ("voice", "respect", "neutrality", "trustworthy_motives")
NEGATIVE_TAGS: tuple[str, ...] = ("disrespect", "bias", "dismissal", "threat")
CHOICE_TAGS: tuple[str, ...] = POSITIVE_TAGS + NEGATIVE_TAGS
TALK_TOPICS: tuple[str, ...] = ("greet", "listen", "story", "follow_up", "porch")  # built-in talks
TRIGGER_KINDS: tuple[str, ...] = ("call", "event", "resident", "breach", "flag")
FORMAT_VERSION = 2  # what `new` and `migrate` write
FORMAT_VERSIONS: tuple[int, ...] = (1, 2)  # what the loader reads; 2 adds the fields marked since=2
ANY_POLICY = "any"  # in conditions and triggers: whichever policy
ESCALATED = "escalated"  # suffix of the id of the call an unanswered call turns into


# --- conditions: the closed set of states a ``requires:`` can ask about ------------------


class CallResult(str, Enum):
    IN_TIME = "in_time"  # reached before its window closed
    LATE = "late"  # reached after its window closed
    MISSED = "missed"  # its window closed and nobody has arrived


class Measure(str, Enum):
    TRUST = "trust"  # 0..100
    FAMILIARITY = "familiarity"  # 0..1


@dataclass(frozen=True)
class FlagIs:
    """A flag (set by a choice's ``sets``) is set, or with ``is_set`` False, is not."""

    flag: str
    is_set: bool = True


@dataclass(frozen=True)
class PolicyBreached:
    """The officer has broken this policy (``ANY_POLICY``: any), or with ``breached`` False, has not."""

    policy: str
    breached: bool = True


@dataclass(frozen=True)
class CallWas:
    """A scripted call was reached in time, reached late, or missed (so far)."""

    call: str
    result: CallResult


@dataclass(frozen=True)
class Between:
    """The shift's clock is in ``[start, end)`` (minutes after the shift starts)."""

    start: int
    end: int


@dataclass(frozen=True)
class ResidentPresent:
    """The resident is within presence distance of the officer, or with ``present`` False, is not."""

    resident: str
    present: bool = True


@dataclass(frozen=True)
class ResidentLevel:
    """A resident's trust (0..100) or familiarity (0..1) is within the bounds given."""

    resident: str
    measure: Measure
    at_least: float | None = None
    at_most: float | None = None


@dataclass(frozen=True)
class EventAttended:
    """The officer was at the event on foot while it was under way (``played``: joined its game)."""

    event: str
    played: bool = False


Condition = FlagIs | PolicyBreached | CallWas | Between | ResidentPresent | ResidentLevel | EventAttended


@dataclass(frozen=True)
class Line:
    """A text shown only when its conditions hold (a scene's line, a debrief question)."""

    text: str
    requires: tuple[Condition, ...] = ()


def _frozen_mapping(data: Mapping[str, float] | None = None) -> Mapping[str, float]:
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class Shift:
    start: int  # minutes after midnight, wall clock
    minutes: int  # shift length in game minutes
    seconds_per_minute: float  # real seconds per game minute at 1x speed

    def clock(self, offset: float) -> str:
        """Wall-clock ``HH:MM`` for a game time given as minutes after shift start."""
        total = int(self.start + offset) % MINUTES_PER_DAY
        return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class StoriesHeard:
    count: int


@dataclass(frozen=True)
class CallsInTime:
    priority: int
    share: float


@dataclass(frozen=True)
class TrustAtLeast:
    trust: float


@dataclass(frozen=True)
class NoBreaches:
    """No policy broken; each breach halves the credit (partial credit, not all or nothing)."""


@dataclass(frozen=True)
class StoryOf:
    """Hear all of one resident's story; credit for each beat heard."""

    resident: str


@dataclass(frozen=True)
class TrustOf:
    """One resident's trust at the end of the shift at least ``at_least``."""

    resident: str
    at_least: float


@dataclass(frozen=True)
class Attended:
    """Be at the event on foot while it is under way."""

    event: str


@dataclass(frozen=True)
class FollowedUp:
    """Report back on a worry (a concern id, unique on the street): a third of the credit for
    hearing it, two thirds for looking into it."""

    concern: str


ObjectiveCheck = (StoriesHeard | CallsInTime | TrustAtLeast | NoBreaches | StoryOf | TrustOf
                  | Attended | FollowedUp)


@dataclass(frozen=True)
class Objective:
    id: str
    text: str
    check: ObjectiveCheck
    weight: float = 1.0


@dataclass(frozen=True)
class GameMap:
    """The tile grid as written: ``rows[y][x]`` is a legend character."""

    legend: Mapping[str, str]
    rows: tuple[str, ...]

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0

    @property
    def height(self) -> int:
        return len(self.rows)

    def kind_at(self, x: int, y: int) -> str:
        return self.legend[self.rows[y][x]]

    @cached_property
    def car_spawn(self) -> tuple[int, int]:
        for y, row in enumerate(self.rows):
            for x, char in enumerate(row):
                if self.legend[char] == "car_spawn":
                    return (x, y)
        raise ValueError("map has no car_spawn")  # the validator guarantees one


@dataclass(frozen=True)
class Place:
    id: str
    at: tuple[int, int]  # (column, row), 0-based
    kind: str
    name: str


@dataclass(frozen=True)
class StoryBeat:
    familiarity: float  # unlocks when the officer's familiarity reaches this
    text: str


@dataclass(frozen=True)
class Concern:
    id: str
    text: str
    follow_up: str | None = None  # place id where it can be followed up


@dataclass(frozen=True)
class TopicLine:
    """What a resident says when the officer starts a built-in talk, if the conditions hold."""

    topic: str  # one of TALK_TOPICS
    text: str
    requires: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class ScheduleEntry:
    start: int  # minutes after shift start
    end: int
    place: str


@dataclass(frozen=True)
class Resident:
    id: str
    name: str
    home: str  # place id
    trust: float = 50.0
    openness: float = 0.5
    influence: float = 0.5
    schedule: tuple[ScheduleEntry, ...] = ()
    story: tuple[StoryBeat, ...] = ()
    concerns: tuple[Concern, ...] = ()
    says: tuple[TopicLine, ...] = ()  # their own lines for the built-in talks, first fit first

    def line_for(self, topic: str, fits: Callable[[tuple[Condition, ...]], bool]) -> str | None:
        """Their line for this talk now: the first for the topic whose conditions fit."""
        return next((line.text for line in self.says
                     if line.topic == topic and fits(line.requires)), None)


@dataclass(frozen=True)
class Tie:
    a: str
    b: str
    weight: float


def car_needed_at(priority: int) -> bool:
    """Whether a call of this priority needs the car when its file does not say
    (``CAR_CALL_PRIORITY``: emergencies are answered with the car)."""
    return priority <= CAR_CALL_PRIORITY


@dataclass(frozen=True)
class Escalation:
    """What a call becomes when nobody has answered it ``after_minutes`` after it came in."""

    after_minutes: int  # whole game minutes, so the new call comes in on a minute like every call
    kind: str
    text: str
    priority: int
    window_minutes: float
    needs_car: bool = False


@dataclass(frozen=True)
class Call:
    """A call for service: scripted in ``calls`` or drawn from the ``radio``."""

    id: str
    at: int  # minutes after shift start
    place: str
    priority: int  # 1 most urgent
    kind: str
    text: str
    window_minutes: float
    escalation: Escalation | None = None  # radio calls only
    needs_reporter: bool = False  # radio only: comes in only if someone trusting enough reports it
    # Reached only by car: the kit is in the trunk (defibrillator, flares and cones) or
    # someone must be driven; on foot the officer can only go back for the car. A file that
    # says nothing gets car_needed_at(priority) from the loader; False here is for calls
    # built in code, which pass what their kind says.
    needs_car: bool = False

    def escalated(self) -> Call | None:
        """The call this one turns into if it is still unanswered, or None if it never does.

        The new call keeps the place, comes in when the old one escalates and cannot
        escalate again; its id extends the old one, so it stays unique.
        """
        step = self.escalation
        if step is None:
            return None
        return Call(f"{self.id}:{ESCALATED}", self.at + step.after_minutes, self.place,
                    step.priority, step.kind, step.text, step.window_minutes,
                    needs_car=step.needs_car)


@dataclass(frozen=True)
class RateBand:
    """Calls come in at ``per_hour`` on average from ``start`` to ``end`` (shift offsets)."""

    start: int
    end: int
    per_hour: float


@dataclass(frozen=True)
class CallKind:
    """One kind of call a generator draws: ``weight`` is its share among the generator's kinds."""

    kind: str
    priority: int
    window_minutes: float
    texts: tuple[str, ...]  # what dispatch says; one is drawn per call
    weight: float = 1.0
    needs_reporter: bool = False
    escalation: Escalation | None = None
    needs_car: bool = False


@dataclass(frozen=True)
class CallGenerator:
    """A source of radio calls: when (rate bands), where (place weights) and what (kinds)."""

    id: str
    rate: tuple[RateBand, ...]
    places: Mapping[str, float]  # place id -> relative weight
    kinds: tuple[CallKind, ...]


@dataclass(frozen=True)
class Event:
    id: str
    start: int
    end: int
    place: str
    kind: str
    text: str = ""


@dataclass(frozen=True)
class Trigger:
    kind: str  # one of TRIGGER_KINDS
    target: str  # call id, event id, resident id, policy id (or ANY_POLICY) or flag
    familiarity_at_least: float = 0.0  # only for resident triggers
    after_minutes: float = 0.0  # only for breach and flag triggers: a follow-up this much later


@dataclass(frozen=True)
class Choice:
    say: str
    quality: float  # -1..1; with per-resident qualities, their mean (what a bot weighs)
    tags: tuple[str, ...] = ()
    goto: str | None = None  # None ends the encounter
    violates: str | None = None  # policy id
    requires: tuple[Condition, ...] = ()  # offered only when these hold
    sets: tuple[str, ...] = ()  # flags this choice sets
    qualities: Mapping[str, float] = field(default_factory=_frozen_mapping)  # resident -> quality
    turns_away: Mapping[str, float] = field(default_factory=_frozen_mapping)  # resident -> minutes
    leaves: tuple[str, ...] = ()  # residents who walk home at once

    def quality_for(self, resident: str) -> float:
        return self.qualities.get(resident, self.quality)


@dataclass(frozen=True)
class Node:
    id: str
    text: str  # shown when none of ``lines`` fits
    choices: tuple[Choice, ...]
    lines: tuple[Line, ...] = ()  # texts tried first, in order, each shown only if it fits


@dataclass(frozen=True)
class Encounter:
    id: str
    trigger: Trigger
    with_: tuple[str, ...]  # resident ids whose trust the choices move
    start: str
    nodes: Mapping[str, Node]
    requires: tuple[Condition, ...] = ()  # starts only when these hold as the trigger fires


@dataclass(frozen=True)
class Policy:
    id: str
    on_duty_needs_approval: bool = True
    text: str = ""
    witness_quality: float | None = None  # how a breach lands with the residents who see it


def default_policies() -> Mapping[str, Policy]:
    """Departments require approval for on-duty posting unless a scenario says otherwise."""
    return MappingProxyType(
        {"social_media": Policy("social_media", True, "Posting on duty needs media-office approval.")}
    )


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    shift: Shift
    map: GameMap
    places: tuple[Place, ...]
    residents: tuple[Resident, ...]
    format: int = FORMAT_VERSION
    summary: str = ""
    difficulty: int = 1
    seed: int = 0
    objectives: tuple[Objective, ...] = ()
    ties: tuple[Tie, ...] = ()
    calls: tuple[Call, ...] = ()
    radio: tuple[CallGenerator, ...] = ()  # calls drawn from the shift's seed
    events: tuple[Event, ...] = ()
    encounters: tuple[Encounter, ...] = ()
    policies: Mapping[str, Policy] = field(default_factory=default_policies)
    tuning: Mapping[str, float] = field(default_factory=_frozen_mapping)
    debrief: tuple[Line, ...] = ()  # questions, each asked only if the scene it is about happened
    source: str = ""  # file the scenario came from, for messages
    content_hash: str = ""  # sha256 of the file bytes, for sessions and replay
    # The file's bytes, so a saved session keeps the very scenario it was played on.
    content: bytes = field(default=b"", compare=False, repr=False)

    @cached_property
    def places_by_id(self) -> Mapping[str, Place]:
        return MappingProxyType({p.id: p for p in self.places})

    @cached_property
    def residents_by_id(self) -> Mapping[str, Resident]:
        return MappingProxyType({r.id: r for r in self.residents})

    @cached_property
    def posting_needs_approval(self) -> bool:
        """Whether the social-media rule makes posting on duty wait for the media office."""
        policy = self.policies.get("social_media")
        return policy is not None and policy.on_duty_needs_approval

    @cached_property
    def has_policy_choices(self) -> bool:
        """Whether some encounter line breaks a policy (``violates``)."""
        return any(choice.violates for encounter in self.encounters
                   for node in encounter.nodes.values() for choice in node.choices)

    @cached_property
    def resident_index(self) -> Mapping[str, int]:
        return MappingProxyType({r.id: i for i, r in enumerate(self.residents)})
