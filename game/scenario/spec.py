"""Scenario formats 1 and 2, declared once.

This table is the scenario format (docs/authoring.md explains it field by field). The
loader walks YAML with it and ``game.scenario.schema`` exports it as JSON
Schema, so a field, range or default changes in exactly one place. Defaults
come from the model dataclasses unless a field says otherwise. Fields are
listed in dependency order: ``shift`` before any time, ``map`` before places,
``policies`` before the encounters that may violate them.

Format 2 is format 1 plus the fields marked ``since=2`` (conditions, flags,
per-resident effects, consequences, richer objectives): a format-1 file reads
exactly as before, and one that uses a format-2 field is told to say
``format: 2``.
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any, TypeVar

from yaml.nodes import MappingNode, SequenceNode

from game.scenario.fieldtypes import (
    Bool,
    Char,
    Clock,
    Either,
    Enum,
    Field,
    Grid,
    Int,
    ListOf,
    MapOf,
    Name,
    Number,
    Pool,
    Record,
    Ref,
    Row,
    Text,
    Version,
)
from game.scenario.limits import (
    MAX_ENCOUNTER_NODES,
    MAX_LINE_CHARS,
    MAX_MAP_SIDE,
    MAX_MAP_TILES,
    MAX_NAME_CHARS,
    MAX_OBJECTIVE_WEIGHT,
    MAX_PLACES,
    MAX_RESIDENTS,
    MAX_SECONDS_PER_MINUTE,
    MAX_SEED,
    MAX_TIES,
    MAX_TITLE_CHARS,
    MAX_WINDOW_MINUTES,
    MIN_SECONDS_PER_MINUTE,
)
from game.scenario.model import (
    ANY_POLICY,
    CHOICE_TAGS,
    FORMAT_VERSIONS,
    PLACE_KINDS,
    TALK_TOPICS,
    TILE_KINDS,
    Attended,
    Between,
    Call,
    CallGenerator,
    CallKind,
    CallResult,
    CallsInTime,
    CallWas,
    Choice,
    Concern,
    Condition,
    Encounter,
    Escalation,
    Event,
    EventAttended,
    FlagIs,
    FollowedUp,
    GameMap,
    Line,
    Measure,
    NoBreaches,
    Node,
    Objective,
    ObjectiveCheck,
    Place,
    Policy,
    PolicyBreached,
    RateBand,
    Resident,
    ResidentLevel,
    ResidentPresent,
    Scenario,
    ScheduleEntry,
    Shift,
    StoriesHeard,
    StoryBeat,
    StoryOf,
    Tie,
    TopicLine,
    Trigger,
    TrustAtLeast,
    TrustOf,
    car_needed_at,
    default_policies,
)
from game.scenario.rules import (
    check_bands,
    check_call_kind,
    check_encounter,
    check_level,
    check_lines,
    check_map,
    check_node,
    check_objective,
    check_place,
    check_span,
    check_ties,
    check_trigger_delay,
)
from game.tuning import TUNING_LIMITS, TUNING_NAMES

SLUG = Name(r"[a-z0-9][a-z0-9-]*", "ids are lowercase slugs: a-z, 0-9 and '-'")
# Policy and encounter-node names are keys, not list ids; the shipped scenarios'
# policy is ``social_media``, so '_' is allowed there.
KEY = Name(r"[a-z0-9][a-z0-9_-]*", "names are lowercase: a-z, 0-9, '-' and '_'")
SHIFT_TIME = Clock(in_shift=True)
FLAG = Name(r"[a-z0-9][a-z0-9_-]*", "flags are lowercase: a-z, 0-9, '-' and '_'")
SETS_FLAG = Name(FLAG.pattern, FLAG.rule, defines="flag")
# A format limit, not a model constant: one call a minute on average from one
# generator is already more than one officer can take, and it bounds the draw.
MAX_CALLS_PER_HOUR = 60


def readable(slug: str) -> str:
    """A display name for an id: ``corner-shop`` -> ``Corner shop``."""
    return slug.replace("-", " ").capitalize()


def _place(id: str, at: tuple[int, int], kind: str, name: str | None = None) -> Place:
    return Place(id, at, kind, readable(id) if name is None else name)


def _trigger(familiarity_at_least: float = 0.0, after_minutes: float = 0.0, **given: str) -> Trigger:
    ((kind, target),) = given.items()  # the spec lets exactly one kind through
    return Trigger(kind, target, familiarity_at_least, after_minutes)


def _objective_check(**given: object) -> ObjectiveCheck:
    ((kind, value),) = given.items()  # the spec lets exactly one kind through
    match kind:
        case "stories_heard":
            return StoriesHeard(value)  # type: ignore[arg-type]
        case "trust_at_least":
            return TrustAtLeast(value)  # type: ignore[arg-type]
        case "no_breaches":  # false means nothing: check_objective reports the None
            return NoBreaches() if value else None  # type: ignore[return-value]
        case "story_of":
            return StoryOf(value)  # type: ignore[arg-type]
        case "attended":
            return Attended(value)  # type: ignore[arg-type]
        case "followed_up":
            return FollowedUp(value)  # type: ignore[arg-type]
    return value  # type: ignore[return-value]  # calls_in_time, trust_of: built by their records


# How each condition key is built from its value: the closed set of what ``requires`` can ask.
_CONDITIONS: dict[str, Callable[[Any], Condition]] = {
    "flag": lambda v: FlagIs(v),
    "not_flag": lambda v: FlagIs(v, is_set=False),
    "breached": lambda v: PolicyBreached(v),
    "not_breached": lambda v: PolicyBreached(v, breached=False),
    "call_in_time": lambda v: CallWas(v, CallResult.IN_TIME),
    "call_late": lambda v: CallWas(v, CallResult.LATE),
    "call_missed": lambda v: CallWas(v, CallResult.MISSED),
    "between": lambda v: v,
    "present": lambda v: ResidentPresent(v),
    "absent": lambda v: ResidentPresent(v, present=False),
    "attended": lambda v: EventAttended(v),
    "played": lambda v: EventAttended(v, played=True),
    "trust": lambda v: v,
    "familiarity": lambda v: v,
}


def _condition(**given: object) -> Condition:
    ((kind, value),) = given.items()  # the spec lets exactly one kind through
    return _CONDITIONS[kind](value)


def _choice(quality: float | dict[str, float], **fields: object) -> Choice:
    """The one-number quality moves everyone alike; a mapping moves each resident by their own
    (the bots weigh the mean)."""
    if isinstance(quality, float):
        return Choice(quality=quality, **fields)  # type: ignore[arg-type]
    mean = sum(quality.values()) / len(quality)
    return Choice(quality=mean, qualities=quality, **fields)  # type: ignore[arg-type]


def _node(id: str, text: str | tuple[Line, ...], choices: tuple[Choice, ...]) -> Node:
    if isinstance(text, str):
        return Node(id, text, choices)
    return Node(id, text[-1].text, choices, lines=text[:-1])


def _scenario(debrief: tuple[str | Line, ...] = (), **fields: object) -> Scenario:
    questions = tuple(Line(q) if isinstance(q, str) else q for q in debrief)
    return Scenario(debrief=questions, **fields)  # type: ignore[arg-type]


def _level(measure: Measure, resident: str, at_least: float | None = None,
           at_most: float | None = None) -> ResidentLevel:
    return ResidentLevel(resident, measure, at_least, at_most)


def _level_record(measure: Measure, bound: Number, words: str) -> Record:
    return Record(None, [
        Field("resident", Ref("resident"), "Id of the resident.", required=True),
        Field("at_least", bound, f"{words} at least this."),
        Field("at_most", bound, f"{words} at most this."),
    ], build=lambda **values: _level(measure, **values), check=check_level)


CONDITION = Record(None, [
    Field("flag", Ref("flag"), "The flag is set (a choice's sets: set it)."),
    Field("not_flag", Ref("flag"), "The flag is not set."),
    Field("breached", Ref("policy", wildcard=ANY_POLICY),
          "The officer has broken this policy (a name in policies, or any)."),
    Field("not_breached", Ref("policy", wildcard=ANY_POLICY),
          "The officer has not broken this policy (a name in policies, or any)."),
    Field("call_in_time", Ref("call"), "This call (id) was reached in time."),
    Field("call_late", Ref("call"), "This call (id) was reached after its window closed."),
    Field("call_missed", Ref("call"), "This call's window closed and nobody has arrived."),
    Field("between", Row([("from", SHIFT_TIME), ("to", SHIFT_TIME)], build=Between),
          "The clock is in [from, to), both HH:MM within the shift."),
    Field("present", Ref("resident"), "The resident (id) is near the officer."),
    Field("absent", Ref("resident"), "The resident (id) is not near the officer."),
    Field("attended", Ref("event"), "The officer was at the event (id) on foot while under way."),
    Field("played", Ref("event"), "The officer joined the kids' game at the event (id)."),
    Field("trust", _level_record(Measure.TRUST, Number(0, 100), "Trust, 0..100,"),
          "A resident's trust at least / at most a value."),
    Field("familiarity", _level_record(Measure.FAMILIARITY, Number(0, 1), "Familiarity, 0..1,"),
          "A resident's familiarity with the officer at least / at most a value."),
], build=_condition, exactly_one=tuple(_CONDITIONS))
REQUIRES = ListOf(CONDITION, min_items=1)
_REQUIRES_DOC = "Conditions that must all hold (format 2)."

LINE = Record(Line, [
    Field("text", Text(), "The text.", required=True),
    Field("requires", REQUIRES, "Shown only when these all hold; none: always."),
])

SHIFT = Record(Shift, [
    Field("start", Clock(in_shift=False), "Clock time the shift starts, HH:MM.", required=True),
    Field("minutes", Int(1, 1439), "Length of the shift in game minutes (under a day).",
          required=True),
    Field("seconds_per_minute", Number(MIN_SECONDS_PER_MINUTE, MAX_SECONDS_PER_MINUTE),
          "Real seconds per game minute at 1x speed.", default=1.5),
])

MAP = Record(GameMap, [
    Field("legend", MapOf(Char(), Enum(TILE_KINDS, "tile kind")),
          "One character per tile kind used in rows.", required=True),
    Field("rows", Grid(MAX_MAP_SIDE, MAX_MAP_TILES), "The map, one text line per row, all the same width "
          "(write it as a block: rows: |).", required=True),
], check=check_map)

PLACE = Record(Place, [
    Field("id", SLUG, "Unique id of the place.", required=True),
    Field("at", Row([("column", Int(0)), ("row", Int(0))], build=lambda x, y: (x, y)),
          "[column, row] in the map, 0-based, on a tile of the place's kind.", required=True),
    Field("kind", Enum(PLACE_KINDS, "place kind"), "What the place is.", required=True),
    Field("name", Text(max_chars=MAX_NAME_CHARS), "Name shown in the game; defaults to the id in words."),
], build=_place, check=check_place)

SCHEDULE_ENTRY = Record(ScheduleEntry, [
    Field("from", SHIFT_TIME, "Arrives at, HH:MM within the shift.", required=True, attr="start"),
    Field("to", SHIFT_TIME, "Leaves at, HH:MM within the shift (may be its end).",
          required=True, attr="end"),
    Field("at", Ref("place"), "Id of the place the resident is at.", required=True,
          attr="place"),
], check=check_span)

STORY_BEAT = Record(StoryBeat, [
    Field("familiarity", Number(0, 1), "Familiarity (0..1) at which the officer hears this.",
          required=True),
    Field("text", Text(), "The story.", required=True),
])

CONCERN = Record(Concern, [
    Field("id", SLUG, "Unique id within the resident's concerns.", required=True),
    Field("text", Text(), "What worries the resident.", required=True),
    Field("follow_up", Ref("place"), "Id of the place where it can be followed up."),
])

TOPIC_LINE = Record(TopicLine, [
    Field("topic", Enum(TALK_TOPICS, "talk topic"), "The built-in talk it answers.", required=True),
    Field("text", Text(max_chars=MAX_LINE_CHARS), "What they say.", required=True),
    Field("requires", REQUIRES, "Said only when these all hold; none: always."),
])

RESIDENT = Record(Resident, [
    Field("id", SLUG, "Unique id of the resident.", required=True),
    Field("name", Text(max_chars=MAX_NAME_CHARS), "Full name shown in the game.", required=True),
    Field("home", Ref("place"), "Id of the resident's home place.", required=True),
    Field("trust", Number(0, 100), "Trust in the police at the start, 0..100."),
    Field("openness", Number(0, 1), "How fast good contact moves them, 0..1."),
    Field("influence", Number(0, 1), "Weight in neighborhood trust and word of mouth, 0..1."),
    Field("schedule", ListOf(SCHEDULE_ENTRY), "Where the resident is when, in the shift."),
    Field("story", ListOf(STORY_BEAT), "Story beats unlocked by familiarity."),
    Field("concerns", ListOf(CONCERN, key="id", defines="concern"),
          "Worries the officer can follow up."),
    Field("says", ListOf(TOPIC_LINE, min_items=1),
          "Their own lines for the built-in talks, the first that fits is said (format 2).",
          since=2),
])

TIE = Row([("resident", Ref("resident")), ("resident", Ref("resident")),
           ("weight", Number(0, 1))], build=Tie)

# Shared by scripted calls, radio kinds and escalations: a call only the car can answer.
# Left out, the priority decides (None reaches ``car_by_priority``), so the schema shows no
# fixed default.
NEEDS_CAR = Field("needs_car", Bool(), "Reached only by car: the kit is in the trunk "
                  "(defibrillator, flares) or someone must be driven. Left out: true for "
                  "priority 1, false otherwise.", default=None)

T = TypeVar("T")


def car_by_priority(model: Callable[..., T]) -> Callable[..., T]:
    """Build ``model`` with ``needs_car`` decided by the priority where the file leaves it out.

    Emergencies are the car's unless the author says ``needs_car: false`` (``car_needed_at``);
    the rest are reachable on foot unless the author says otherwise.
    """
    def build(*, needs_car: bool | None, **fields: Any) -> T:
        if needs_car is None:
            needs_car = car_needed_at(fields["priority"])
        return model(needs_car=needs_car, **fields)
    return build


CALL = Record(Call, build=car_by_priority(Call), fields=[
    Field("id", SLUG, "Unique id of the call.", required=True),
    Field("at", SHIFT_TIME, "When the call comes in, HH:MM within the shift.", required=True),
    Field("place", Ref("place"), "Id of the place the call is about.", required=True),
    Field("priority", Int(1, 3), "1 (most urgent) to 3.", required=True),
    Field("kind", Text(max_chars=MAX_NAME_CHARS), "Kind of call, e.g. disturbance.", required=True),
    Field("text", Text(), "What dispatch says.", required=True),
    Field("window_minutes", Number(maximum=MAX_WINDOW_MINUTES, above=0),
          "Game minutes to arrive in time.", required=True),
    NEEDS_CAR,
])

ESCALATION = Record(Escalation, build=car_by_priority(Escalation), fields=[
    Field("after_minutes", Int(1), "Game minutes unanswered after which the call becomes this "
          "(at least its window).", required=True),
    Field("kind", Text(), "Kind of the call it becomes, e.g. fight.", required=True),
    Field("text", Text(), "What dispatch says then.", required=True),
    Field("priority", Int(1, 3), "Its priority: as urgent or more, 1 (most urgent) to 3.",
          required=True),
    Field("window_minutes", Number(above=0), "Game minutes to arrive in time, from then.",
          required=True),
    NEEDS_CAR,
])

CALL_KIND = Record(CallKind, build=car_by_priority(CallKind), fields=[
    Field("kind", Text(), "Kind of call, e.g. noise; unique in the generator.", required=True),
    Field("priority", Int(1, 3), "1 (most urgent) to 3.", required=True),
    Field("window_minutes", Number(above=0), "Game minutes to arrive in time.", required=True),
    Field("texts", ListOf(Text(), min_items=1, unique=True),
          "What dispatch says; one is drawn for each call.", required=True),
    Field("weight", Number(above=0), "Relative share of this kind among the generator's kinds."),
    Field("needs_reporter", Bool(), "Becomes a call only if someone who trusts the police "
          "enough reports it."),
    Field("escalates", ESCALATION, "What the call becomes if nobody answers it.",
          attr="escalation"),
    NEEDS_CAR,
], check=check_call_kind)

RATE_BAND = Record(RateBand, [
    Field("from", SHIFT_TIME, "Band starts at, HH:MM within the shift.", required=True,
          attr="start"),
    Field("to", SHIFT_TIME, "Band ends at, HH:MM within the shift.", required=True, attr="end"),
    Field("per_hour", Number(above=0, maximum=MAX_CALLS_PER_HOUR),
          "Calls per game hour on average in the band.", required=True),
], check=check_span)

CALL_GENERATOR = Record(CallGenerator, [
    Field("id", SLUG, "Unique id of the generator; drawn call ids start with it.", required=True),
    Field("rate", ListOf(RATE_BAND, min_items=1, check=check_bands),
          "Calls per hour by time of the shift: bands that do not overlap.", required=True),
    Field("places", Pool("place"), "Where the calls come from: place ids, or place id: "
          "relative weight.", required=True),
    Field("kinds", ListOf(CALL_KIND, min_items=1, key="kind"), "The kinds of call drawn.",
          required=True),
])

EVENT = Record(Event, [
    Field("id", SLUG, "Unique id of the event.", required=True),
    Field("from", SHIFT_TIME, "Starts at, HH:MM within the shift.", required=True, attr="start"),
    Field("to", SHIFT_TIME, "Ends at, HH:MM within the shift.", required=True, attr="end"),
    Field("place", Ref("place"), "Id of the place it happens at.", required=True),
    Field("kind", Text(max_chars=MAX_NAME_CHARS), "Kind of event, e.g. kids_play.", required=True),
    Field("text", Text(allow_empty=True), "Description shown in the game."),
], check=check_span)

POLICY = Record(Policy, [
    Field("on_duty_needs_approval", Bool(), "Whether doing this on duty needs approval."),
    Field("text", Text(allow_empty=True), "The rule in words, shown in the debrief."),
    Field("witness_quality", Number(-1, 1), "How a breach lands with each resident near the "
          "officer, -1..1, as a contact (format 2).", since=2),
])

TRIGGER = Record(Trigger, [
    Field("call", Ref("call"), "Start when this call (id) is answered."),
    Field("event", Ref("event"), "Start at this event (id)."),
    Field("resident", Ref("resident"), "Start when meeting this resident (id)."),
    Field("breach", Ref("policy", wildcard=ANY_POLICY),
          "Start when this policy (or any) is broken: a follow-up (format 2).", since=2),
    Field("flag", Ref("flag"), "Start when a choice sets this flag (format 2).", since=2),
    Field("familiarity_at_least", Number(0, 1),
          "With resident: only once familiarity reaches this, 0..1."),
    Field("after_minutes", Number(0, MAX_WINDOW_MINUTES),
          "With breach or flag: this many game minutes later (format 2).", since=2),
], build=_trigger, exactly_one=("call", "event", "resident", "breach", "flag"),
    requires={"familiarity_at_least": "resident"}, check=check_trigger_delay)

CHOICE = Record(Choice, [
    Field("say", Text(max_chars=MAX_LINE_CHARS), "What the officer says or does.", required=True),
    Field("quality", Either(Number(-1, 1), MapOf(Ref("resident"), Number(-1, 1), min_items=1),
                            MappingNode, 2, "a quality per resident"),
          "Contact quality, -1 (harmful) .. 1 (excellent); or, in format 2, resident id: "
          "quality for each resident in with.", required=True),
    Field("tags", ListOf(Enum(CHOICE_TAGS, "tag"), unique=True),
          "Procedural-justice tags explaining the choice in the debrief."),
    Field("goto", Ref("node", local=True), "Next node of this encounter; none ends it."),
    Field("violates", Ref("policy"), "Policy (name in policies) this choice breaches."),
    Field("requires", REQUIRES, "Offered only when these all hold (format 2).", since=2),
    Field("sets", ListOf(SETS_FLAG, min_items=1, unique=True),
          "Flags this choice sets, for requires and triggers to read (format 2).", since=2),
    Field("turns_away", MapOf(Ref("resident"), Number(maximum=MAX_WINDOW_MINUTES, above=0),
                              min_items=1),
          "resident id: game minutes they will not talk to the officer (format 2).", since=2),
    Field("leaves", ListOf(Ref("resident"), min_items=1, unique=True),
          "Residents (ids) who walk home at once, leaving the event (format 2).", since=2),
], build=_choice)

NODE = Record(Node, [
    Field("text", Either(Text(), ListOf(LINE, min_items=1, check=check_lines), SequenceNode, 2,
                         "a list of lines"),
          "What the officer sees and hears; or, in format 2, a list of {text, requires}: the "
          "first that fits is shown, the last has no requires.", required=True),
    Field("choices", ListOf(CHOICE, min_items=1), "The officer's options.", required=True),
], build=_node, check=check_node)

ENCOUNTER = Record(Encounter, [
    Field("id", SLUG, "Unique id of the encounter.", required=True),
    Field("when", TRIGGER, "What starts it: exactly one of call, event or resident.",
          required=True, attr="trigger"),
    Field("with", ListOf(Ref("resident"), min_items=1, unique=True),
          "Ids of the residents whose trust the choices move.", required=True, attr="with_"),
    Field("start", Ref("node", local=True), "Name of the first node.", required=True),
    Field("nodes", MapOf(KEY, NODE, defines="node", local=True, key_attr="id", min_items=1,
                         max_items=MAX_ENCOUNTER_NODES),
          "The conversation: node name -> text and choices.", required=True),
    Field("requires", REQUIRES, "Starts only if these all hold when its trigger fires "
          "(format 2).", since=2),
], scoped=True, check=check_encounter)

CALLS_IN_TIME = Record(CallsInTime, [
    Field("priority", Int(1, 3), "Call priority the objective is about.", required=True),
    Field("share", Number(0, 1), "Share of those calls reached in time, 0..1.", required=True),
])

TRUST_OF = Record(TrustOf, [
    Field("resident", Ref("resident"), "Id of the resident.", required=True),
    Field("at_least", Number(0, 100), "Their trust at the end, 0..100.", required=True),
])

OBJECTIVE_CHECK = Record(None, [
    Field("stories_heard", Int(1), "Number of residents whose story you have begun to hear."),
    Field("calls_in_time", CALLS_IN_TIME, "Calls of a priority reached in time."),
    Field("trust_at_least", Number(0, 100), "Final neighborhood trust, 0..100."),
    Field("no_breaches", Bool(), "true: no policy broken; each breach halves the credit "
          "(format 2).", since=2),
    Field("story_of", Ref("resident"), "Hear all of this resident's story (format 2).", since=2),
    Field("trust_of", TRUST_OF, "One resident's trust at the end (format 2).", since=2),
    Field("attended", Ref("event"), "Be at this event on foot while under way (format 2).",
          since=2),
    Field("followed_up", Ref("concern"), "Report back on this worry (a concern id) "
          "(format 2).", since=2),
], build=_objective_check, exactly_one=("stories_heard", "calls_in_time", "trust_at_least",
                                       "no_breaches", "story_of", "trust_of", "attended",
                                       "followed_up"))

OBJECTIVE = Record(Objective, [
    Field("id", SLUG, "Unique id of the objective.", required=True),
    Field("text", Text(max_chars=MAX_LINE_CHARS), "The objective as the trainee reads it.",
          required=True),
    Field("check", OBJECTIVE_CHECK, "How it is scored: exactly one of stories_heard, "
          "calls_in_time, trust_at_least.", required=True),
    Field("weight", Number(maximum=MAX_OBJECTIVE_WEIGHT, above=0),
          f"Weight in the score, up to {MAX_OBJECTIVE_WEIGHT:g}."),
], check=check_objective)

TUNING = Record(None, [
    Field(name, Number(*TUNING_LIMITS[name]), f"Overrides game.tuning.Tuning.{name}.")
    for name in TUNING_NAMES
], build=lambda **values: MappingProxyType(values))

SCENARIO = Record(Scenario, [
    Field("format", Version(FORMAT_VERSIONS), "Scenario format version: 2 (1 is read as "
          "before, without the fields marked format 2).", required=True),
    Field("id", SLUG, "Unique id of the scenario (lowercase slug).", required=True),
    Field("title", Text(max_chars=MAX_TITLE_CHARS), "Title shown in the scenario list.",
          required=True),
    Field("summary", Text(allow_empty=True), "One or two sentences for the briefing."),
    Field("difficulty", Int(1, 3), "1 (gentle) to 3 (hard)."),
    Field("seed", Int(0, MAX_SEED), f"Random seed for the shift, 0..{MAX_SEED}."),
    Field("shift", SHIFT, "When the shift starts, how long it lasts and how fast it runs.",
          required=True),
    Field("map", MAP, "The neighborhood as a tile grid.", required=True),
    Field("places", ListOf(PLACE, min_items=1, key="id", defines="place", max_items=MAX_PLACES),
          "Named spots on the map: porches, shops, parks...", required=True),
    Field("residents", ListOf(RESIDENT, min_items=1, key="id", defines="resident",
                              max_items=MAX_RESIDENTS),
          "The people of the neighborhood (at least one).", required=True),
    Field("ties", ListOf(TIE, check=check_ties, max_items=MAX_TIES),
          "Word-of-mouth graph: [resident, resident, weight 0..1], each pair once."),
    Field("calls", ListOf(CALL, key="id", defines="call"), "Calls for service."),
    Field("radio", ListOf(CALL_GENERATOR, key="id"),
          "Call generators: calls drawn from the shift's seed, besides the scripted calls."),
    Field("events", ListOf(EVENT, key="id", defines="event"), "Neighborhood events."),
    Field("policies", MapOf(KEY, POLICY, defines="policy", key_attr="id"),
          "Department rules, by name; replaces the default (social_media).",
          default=default_policies()),
    Field("encounters", ListOf(ENCOUNTER, key="id"), "Scripted conversations."),
    Field("objectives", ListOf(OBJECTIVE, key="id"), "What the shift is scored on."),
    Field("tuning", TUNING, "Overrides of trust-model constants (see game/tuning.py)."),
    Field("debrief", ListOf(Either(Text(max_chars=MAX_LINE_CHARS), LINE, MappingNode, 2,
                                   "a question with requires")),
          "Questions for the debrief; in format 2 also {text, requires}: asked only if "
          "the scene it is about happened."),
], build=_scenario, publish=True)
