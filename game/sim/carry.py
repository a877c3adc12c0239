"""What one day on the beat hands to the next: each resident's trust, acquaintance and memory.

A campaign plays several shifts on one street. ``DayCarry`` is everything a
shift needs to start where the last one left off, as plain typed data (it is
stored with each day, so a saved day replays exactly): trust and familiarity,
the story beats heard, each worry and where its promise stands, grudges, and the
scenario flags the officer's choices set (``sets:``), so a ``requires:`` on a later
day can read what was chosen on an earlier one.
``resume`` puts it into a fresh ``ShiftState``; ``morning`` applies the news
the night brought (a broken promise, a grudge retold) through the same trust
door every contact uses, so the ledger still adds up; ``carry_out`` reads the
end of a shift back into the same shape. The rules of what changes *between*
days live in ``game.campaign.between``; this module only moves state in and out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from game.sim.feed import FeedEvent
from game.sim.ledger import Source, SourceKind

if TYPE_CHECKING:
    from game.sim.state import ShiftState
    from game.sim.talk import Talk


class ConcernStatus(Enum):
    """Where the promise of a worry heard stands."""

    OPEN = "open"  # heard; the place it is about not looked into yet
    CHECKED = "checked"  # looked into; the resident not told yet
    FOLLOWED_UP = "followed_up"  # reported back: the promise kept
    BROKEN = "broken"  # the deadline passed without a word back

    @property
    def pending(self) -> bool:
        return self in (ConcernStatus.OPEN, ConcernStatus.CHECKED)


@dataclass(frozen=True)
class ConcernCarry:
    id: str
    status: ConcernStatus
    heard_on: int  # calendar day of the campaign it was heard on (1 = the first day)
    gain: float  # trust points the listening brought: what a broken promise takes back
    returned: bool = False  # it has come back as a call already


@dataclass(frozen=True)
class ResidentCarry:
    trust: float
    familiarity: float
    stories_heard: int = 0
    concerns: tuple[ConcernCarry, ...] = ()
    grudge_until: int = 0  # calendar day from which they talk to the officer again; 0: none
    grudge_reason: str = ""

    def grudging(self, calendar_day: int) -> bool:
        return calendar_day < self.grudge_until


class MorningKind(Enum):
    BROKEN_PROMISE = "broken_promise"  # they waited for an answer that never came
    GRUDGE_RETOLD = "grudge_retold"  # a neighbour with a grudge told them again
    OFF_DUTY = "off_duty"  # what the officer did off duty last night (about: the choice)


MORNING_CAUSE = {
    MorningKind.BROKEN_PROMISE: "waited for an answer that never came",
    MorningKind.GRUDGE_RETOLD: "heard a neighbour's grudge retold",
    MorningKind.OFF_DUTY: "what you did off duty last night",
}


@dataclass(frozen=True)
class MorningChange:
    """News the night brought to one resident, applied when the shift starts."""

    kind: MorningKind
    resident: str
    about: str  # the concern id, or the id of the resident who told them
    points: float  # trust points (negative: a loss)
    text: str  # what the feed says


@dataclass(frozen=True)
class DayCarry:
    """The street as the officer left it, ready for the day ``calendar_day``."""

    calendar_day: int
    residents: Mapping[str, ResidentCarry] = field(default_factory=dict)
    morning: tuple[MorningChange, ...] = ()
    returning: tuple[tuple[str, str], ...] = ()  # (resident, concern): worries back as a call today
    evening: tuple[str, ...] = ()  # the off-duty choices of the night before (game.campaign.evening)
    breaches: tuple[tuple[str, str], ...] = ()  # (policy, what): broken off duty, counted today
    tired_hours: float = 0.0  # sleep the evening cost: a tired officer is less patient
    flags: tuple[str, ...] = ()  # scenario flags set on earlier days, sorted

    # --- storage ------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "calendar_day": self.calendar_day,
            "residents": {rid: resident_to_dict(r) for rid, r in sorted(self.residents.items())},
            "morning": [{"kind": m.kind.value, "resident": m.resident, "about": m.about,
                         "points": m.points, "text": m.text} for m in self.morning],
            "returning": [list(pair) for pair in self.returning],
            "evening": list(self.evening), "breaches": [list(b) for b in self.breaches],
            "tired_hours": self.tired_hours, "flags": list(self.flags),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DayCarry:
        """The inverse of ``to_dict``; raises KeyError, TypeError or ValueError on bad data.

        A carry stored before flags were carried has no ``flags``: no flags set."""
        residents = {str(rid): resident_from_dict(r) for rid, r in dict(data["residents"]).items()}
        morning = tuple(MorningChange(MorningKind(m["kind"]), str(m["resident"]), str(m["about"]),
                                      float(m["points"]), str(m["text"]))
                        for m in list(data["morning"]))
        returning = tuple((str(rid), str(cid)) for rid, cid in list(data["returning"]))
        breaches = tuple((str(p), str(what)) for p, what in list(data["breaches"]))
        flags = data.get("flags", [])
        if not isinstance(flags, list):
            raise TypeError(f"flags is {type(flags).__name__}, not a list")
        return cls(int(data["calendar_day"]), residents, morning, returning,
                   tuple(str(e) for e in data["evening"]), breaches, float(data["tired_hours"]),
                   tuple(str(f) for f in flags))


def resident_to_dict(r: ResidentCarry) -> dict[str, Any]:
    return {"trust": r.trust, "familiarity": r.familiarity, "stories_heard": r.stories_heard,
            "concerns": [{"id": c.id, "status": c.status.value, "heard_on": c.heard_on,
                          "gain": c.gain, "returned": c.returned} for c in r.concerns],
            "grudge_until": r.grudge_until, "grudge_reason": r.grudge_reason}


def resident_from_dict(data: Mapping[str, Any]) -> ResidentCarry:
    concerns = tuple(ConcernCarry(str(c["id"]), ConcernStatus(c["status"]), int(c["heard_on"]),
                                  float(c["gain"]), bool(c["returned"]))
                     for c in list(data["concerns"]))
    return ResidentCarry(float(data["trust"]), float(data["familiarity"]),
                         int(data["stories_heard"]), concerns, int(data["grudge_until"]),
                         str(data["grudge_reason"]))


# --- into a shift -------------------------------------------------------------------------
def resume(carry: DayCarry, state: ShiftState, talk: Talk) -> None:
    """Start the shift from the carried street. Residents the scenario no longer has are
    skipped (they moved away); residents it has and the carry does not start fresh."""
    # Carried flags are already set: conditions read them, but the follow-ups a flag
    # *newly set* schedules belong to the day it was set, so they are not scheduled again.
    state.flags.update(carry.flags)
    state.off_duty_rules = True  # the evening before offered the department's off-duty dilemmas
    model = state.trust
    for rid, rc in carry.residents.items():
        i = state.index.get(rid)
        if i is None:
            continue
        r, known = state.residents[i], state.known[i]
        model.trust[i] = model.start_trust[i] = rc.trust
        model.familiarity[i] = rc.familiarity
        known.stories_heard = min(rc.stories_heard, len(r.story))
        concern_ids = {c.id for c in r.concerns}
        for c in rc.concerns:
            if c.id not in concern_ids:
                continue  # the day's scenario dropped this worry
            known.concerns_heard.append(c.id)
            known.concern_gain[c.id] = c.gain
            place = next(x.follow_up for x in r.concerns if x.id == c.id)
            if c.status is ConcernStatus.FOLLOWED_UP:
                known.concerns_checked.add(c.id)
                known.concerns_done.add(c.id)
            elif c.status is ConcernStatus.OPEN and place is not None:
                talk.to_look_into.append((i, c.id, state.places[place]))
            else:  # checked, or broken (the officer may still come back late)
                known.concerns_checked.add(c.id)
        if rc.grudging(carry.calendar_day):
            # All day: the grudge outlasts the shift, whatever its length.
            known.refuses_until = state.scenario.shift.minutes + state.tuning.refusal_minutes
            known.refusal_reason = rc.grudge_reason or "of last time"


def morning(carry: DayCarry, state: ShiftState) -> None:
    """The night's news, at minute 0, recorded like any other trust change; a rule broken off
    duty last night is a breach of today's shift."""
    for policy, what in carry.breaches:
        state.breach(policy, f"off duty last night, {what}")
    for m in carry.morning:
        i = state.index.get(m.resident)
        if i is None:
            continue
        kind = (SourceKind.FOLLOW_THROUGH if m.kind is MorningKind.BROKEN_PROMISE
                else SourceKind.WORD_OF_MOUTH)  # the rest they heard about
        cause = MORNING_CAUSE[m.kind]
        change = state.trust.shift_directly(state.time, i, m.points, cause, Source(kind, m.about))
        state.feed_change(change)
        event = (FeedEvent.CONCERN_LET_DOWN if m.kind is MorningKind.BROKEN_PROMISE
                 else FeedEvent.INFO)
        state.say(event, m.text, resident=i, at=state.resident_pos(i))


# --- out of a shift -----------------------------------------------------------------------
def flags_out(state: ShiftState) -> tuple[str, ...]:
    """The flags set so far, carried ones included, in the carry's (sorted) order."""
    return tuple(sorted(state.flags))


def carry_out(carry: DayCarry, state: ShiftState, talk: Talk) -> dict[str, ResidentCarry]:
    """Every resident as the shift leaves them, in the shape the next day starts from.

    A worry whose in-shift deadline passed unanswered is broken; one still
    within it stays pending (the officer may come back tomorrow). A contact bad
    enough to make them turn away today becomes a grudge of ``grudge_days``.
    """
    t = state.tuning
    pending = {(i, cid) for _, i, cid in talk.promises}
    out: dict[str, ResidentCarry] = {}
    for i, r in enumerate(state.residents):
        before = carry.residents.get(r.id)
        earlier = {c.id: c for c in before.concerns} if before is not None else {}
        known = state.known[i]
        concerns = []
        for cid in known.concerns_heard:
            old = earlier.get(cid)
            if cid in known.concerns_done:
                status = ConcernStatus.FOLLOWED_UP
            elif old is not None and old.status is ConcernStatus.BROKEN:
                status = ConcernStatus.BROKEN
            elif old is not None or (i, cid) in pending:
                status = ConcernStatus.CHECKED if cid in known.concerns_checked else ConcernStatus.OPEN
            else:
                status = ConcernStatus.BROKEN
            if old is not None:
                concerns.append(replace(old, status=status))
            else:
                concerns.append(ConcernCarry(cid, status, carry.calendar_day,
                                             known.concern_gain.get(cid, 0.0)))
        grudge_until, reason = (before.grudge_until, before.grudge_reason) if before else (0, "")
        fresh_refusal = known.refuses_until > 0 and not (before and before.grudging(carry.calendar_day))
        if fresh_refusal:
            grudge_until = carry.calendar_day + 1 + round(t.grudge_days)
            reason = known.refusal_reason
        out[r.id] = ResidentCarry(float(state.trust.trust[i]), float(state.trust.familiarity[i]),
                                  known.stories_heard, tuple(concerns), grudge_until, reason)
    return out
