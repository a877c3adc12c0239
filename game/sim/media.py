"""The social-media moment at an event: ask the families, ask the media office, post or not.

The department's rule (a scenario's ``social_media`` policy) says whether an
on-duty post needs the media-relations office's approval; the residents decide
whether they want to be filmed. ``media_options`` states what can be decided
now, for the UI's menu and the bots, and ``decide`` enforces the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.scenario.model import Event
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.feed import FeedEvent
from game.sim.ledger import Source, SourceKind
from game.sim.officer import Doing
from game.sim.state import ShiftState


class Approval(Enum):
    NONE = "not asked yet"
    PENDING = "waiting for an answer"
    APPROVED = "approved"


class MediaMoment:
    """The social-media decision at one event: consent asked, approval state, done."""

    def __init__(self) -> None:
        self.consent = False
        self.approval = Approval.NONE
        self.approved_at: float | None = None
        self.done = False


@dataclass(frozen=True)
class MediaOption:
    decision: str  # one of actions.SOCIAL_MEDIA_DECISIONS
    available: bool
    reason: str = ""  # why not, when not available


class Media:
    def __init__(self, state: ShiftState) -> None:
        self.state = state
        self.moments: dict[str, MediaMoment] = {}

    def needs_approval(self) -> bool:
        return self.state.scenario.posting_needs_approval

    def moment(self, event_id: str) -> MediaMoment:
        """The decision so far at an event (a fresh one if nothing has been decided)."""
        return self.moments.get(event_id) or MediaMoment()

    def options(self, ev: Event) -> list[MediaOption]:
        """What can be decided about posting at this event now, and why not."""
        moment = self.moment(ev.id)
        if moment.done:
            decided = "You already made your decision about posting this."
            return [MediaOption(d, False, decided) for d in act.SOCIAL_MEDIA_DECISIONS]
        return [
            MediaOption("ask_consent", not moment.consent,
                        "You already asked for their consent." if moment.consent else ""),
            MediaOption("ask_approval", moment.approval is Approval.NONE,
                        "" if moment.approval is Approval.NONE else "You already asked the media office."),
            MediaOption("post_now", True),
            MediaOption("dont_post", True),
        ]

    def decide(self, a: act.SocialMedia) -> None:
        state, t = self.state, self.state.tuning
        if a.decision not in act.SOCIAL_MEDIA_DECISIONS:
            raise ActionError(f"Unknown decision {a.decision!r}.")
        events = state.events_here()
        if not events:
            raise ActionError("There is nothing here to post about.")
        ev = events[0]
        option = next(o for o in self.options(ev) if o.decision == a.decision)
        if not option.available:
            raise ActionError(option.reason)
        moment = self.moments.setdefault(ev.id, MediaMoment())
        present = state.near_place(ev.place)
        if a.decision == "ask_consent":
            moment.consent = True
            for i in present:
                state.contact(i, t.consent_quality, "asked before filming",
                              Source(SourceKind.MEDIA, "consent"), ("respect",))
        elif a.decision == "ask_approval":
            if self.needs_approval():
                moment.approval, moment.approved_at = Approval.PENDING, state.time + t.approval_minutes
                state.say(FeedEvent.POLICY, "You asked the media office for approval to post.")
            else:
                moment.approval = Approval.APPROVED
                state.say(FeedEvent.POLICY, "Policy here lets you post without approval.")
        elif a.decision == "post_now":
            moment.done = True
            if self.needs_approval() and moment.approval is not Approval.APPROVED:
                state.breach("social_media", "posted on duty without media-office approval")
            for i in present:
                if moment.consent:
                    state.contact(i, t.post_quality, "posted with their consent",
                                  Source(SourceKind.MEDIA, "post"), ("trustworthy_motives",))
                else:
                    state.contact(i, t.post_without_consent_quality, "posted them without asking",
                                  Source(SourceKind.MEDIA, "post"), ("disrespect",),
                                  refusal="you posted them without asking")
        else:
            moment.done = True
            state.say(FeedEvent.INFO, "You put the phone away and stayed in the moment.")
        state.occupy(t.post_decision_minutes, Doing.DECIDING_POST)

    def step(self) -> None:
        """The media office answers when its time comes."""
        state = self.state
        for moment in self.moments.values():
            if moment.approval is Approval.PENDING and moment.approved_at is not None \
                    and state.time >= moment.approved_at:
                moment.approval = Approval.APPROVED
                state.say(FeedEvent.POLICY, "The media office approved your post.")
