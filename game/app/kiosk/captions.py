"""Captions for the attract loop: what the officer is doing, and why trust just moved.

A visitor walking past the kiosk sees a demo shift, not a manual, so every
caption is a plain headline plus one humane sentence of *why*, looked up in
small tables keyed on what the simulation already reports as data: what the
officer is ``doing``, the feed's events and each trust change's cause and flags. The pacing (each caption
stays long enough to read, the same lesson is not repeated every minute)
lives in ``Captioner``; no pygame here, so it is tested without a window.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from game.app.ui.figures import trust_headline
from game.sim.conversation import TAG_WORDS, TOPIC_CAUSE
from game.sim.feed import FeedEvent, FeedItem, FeedKind
from game.sim.officer import Doing
from game.sim.simulation import Simulation

MIN_SECONDS = 3.5  # real seconds a caption stays before the next may replace it
HOLD_SECONDS = 9.0  # and the longest it stays when nothing new happens
REPEAT_SECONDS = 40.0  # the same lesson is not told again sooner than this
QUEUED = 3  # captions waiting their turn; older ones are dropped in a busy moment
SMALL_CHANGE = 0.5  # trust points: smaller changes are not worth a caption

TONE_GOOD, TONE_BAD, TONE_INFO = "good", "bad", "info"


@dataclass(frozen=True)
class Caption:
    headline: str  # what happened: "+3 trust · listened"
    why: str  # one sentence: "Being heard matters more than being fast."
    tone: str = TONE_INFO  # good | bad | info: the headline's colour and arrow
    key: str = ""  # the lesson it teaches, for not repeating it
    who: str = ""  # whose trust moved, when that is the news: "Loretta Jones"


# What the officer is doing -> (headline, why).
ACTIVITY: dict[Doing, tuple[str, str]] = {
    Doing.DRIVING: ("Patrolling by car",
                    "Quick to any call, but from a porch it is only a car going by."),
    Doing.GETTING_OUT: ("The officer parks and walks",
                        "Neighbors can talk to someone, not a windshield."),
    Doing.WALKING: ("Walking the block",
                    "Slow, but close enough to wave, stop, and be known by name."),
    Doing.DRIVING_TO_CALL: ("Driving to a call",
                            "This is what the car is for: getting there fast."),
    Doing.WALKING_TO_CALL: ("Hurrying to a call on foot",
                            "The car is parked back there. Walking costs minutes: that is the trade-off."),
    Doing.GETTING_IN: ("Back to the car",
                       "Calls still need answering. The job is both."),
    Doing.PLAYING: ("Joining the kids' game",
                    "Parents notice an officer who knows their children's names."),
}

# Why a trust change happened, by the simulation's cause phrase -> one sentence.
WHY: dict[str, str] = {
    TOPIC_CAUSE["greet"]: "A hello is small, but it is how strangers become neighbors.",
    TOPIC_CAUSE["listen"]: "Being heard matters more than being fast.",
    TOPIC_CAUSE["story"]: "People trust someone who knows their story.",
    TOPIC_CAUSE["follow_up"]: "Coming back with an answer is what people remember.",
    TOPIC_CAUSE["porch"]: "Time given freely says: you matter here.",
    TOPIC_CAUSE["play"]: "The whole block notices who plays with its kids.",
    "came quickly": "Getting there in time keeps people safe, and they know it.",
    "late to the call": "A late arrival costs far more trust than a good talk earns.",
    "asked before filming": "Asking first is respect, even for a nice video.",
    "posted them without asking": "Posting people without asking breaks trust fast.",
    "posted with their consent": "They said yes, so the video is theirs too.",
    TAG_WORDS["voice"]: "Letting people tell their side is the heart of fairness.",
    TAG_WORDS["respect"]: "Respect costs nothing and is never forgotten.",
    TAG_WORDS["neutrality"]: "Even-handed treatment is what makes a decision feel fair.",
    TAG_WORDS["trustworthy_motives"]: "Saying why you do something makes it easier to trust.",
    TAG_WORDS["disrespect"]: "Disrespect undoes many good days at once.",
    TAG_WORDS["bias"]: "People feel it when they are judged before they speak.",
    TAG_WORDS["dismissal"]: "Brushing a worry off tells people not to call again.",
    TAG_WORDS["threat"]: "A threat ends the conversation, and the trust with it.",
}
CAR_WINDOW_WHY = "Through a car window it counts, but far less than face to face."
RUSHED_WHY = "People can tell when you are listening with one ear on the radio."
ANSWER_WHY = "How the officer answers counts as much as what gets done."


def _who(sim: Simulation, item: FeedItem) -> str:
    return sim.residents[item.resident].name if item.resident is not None else "A neighbor"


def trust_caption(sim: Simulation, item: FeedItem) -> Caption | None:
    """'+3 trust · listened' for Loretta Jones, and why listening matters; None for tiny changes."""
    change = item.change
    if change is None or abs(change.delta) < SMALL_CHANGE:
        return None
    if change.rushed:
        why, key = RUSHED_WHY, "rushed"
    elif change.through_car_window:
        why, key = CAR_WINDOW_WHY, "car-window"
    else:
        # An encounter answer's cause lists its tags' words; its first tag leads.
        key = change.cause if change.cause in WHY or not change.tags else TAG_WORDS[change.tags[0]]
        why = WHY.get(key, ANSWER_WHY)
    delta = change.delta
    headline = trust_headline(delta, change.label)  # the pop-up's words exactly
    return Caption(headline, why, TONE_GOOD if delta > 0 else TONE_BAD, key, _who(sim, item))


def call_caption(sim: Simulation, item: FeedItem) -> Caption | None:
    """A call coming in, reached in time, or missed."""
    state = sim.call_state(item.call) if item.call is not None else None
    if state is None or item.event is FeedEvent.CALL_CLEARED:
        return None
    if item.event is FeedEvent.CALL_REACHED:
        if state.late:
            return Caption("On scene, but late", WHY["late to the call"], TONE_BAD, "call-late")
        minutes = state.response_minutes or 0.0
        return Caption(f"On scene in {minutes:.0f} minutes", WHY["came quickly"], TONE_GOOD, "call-in-time")
    if item.event is FeedEvent.CALL_LATE:
        return Caption("Too late for the call", WHY["late to the call"], TONE_BAD, "call-late")
    place = sim.places[state.call.place].name
    return Caption(f"A call comes in: {place}",
                   "Calls come first. In the car it takes minutes; on foot, a walk back first.",
                   TONE_INFO, f"call:{state.call.id}")


def item_caption(sim: Simulation, item: FeedItem) -> Caption | None:
    """The caption for one feed item, or None when it needs no words of its own."""
    if item.kind is FeedKind.TRUST:
        return trust_caption(sim, item)
    if item.kind is FeedKind.CALL:
        return call_caption(sim, item)
    if item.kind is FeedKind.STORY:
        return Caption("A neighbor shares their story",
                       "Stories come out as people get to know you: walking, not driving.",
                       TONE_INFO, "story", _who(sim, item))
    if item.kind is FeedKind.CONCERN:
        return Caption("Following up on a worry",
                       "Hearing a worry is a start; coming back with an answer builds trust.",
                       TONE_INFO, "concern", _who(sim, item))
    if item.kind is FeedKind.ENCOUNTER:
        return Caption("A conversation that matters", ANSWER_WHY, TONE_INFO, "encounter")
    if item.kind is FeedKind.POLICY:
        return Caption("Checking with the media office",
                       "On duty, a post needs the office's approval, and kids need their parents' yes.",
                       TONE_INFO, "policy")
    return None  # "info": the activity caption already says it


def activity_caption(doing: Doing) -> Caption | None:
    entry = ACTIVITY.get(doing)
    return Caption(entry[0], entry[1], TONE_INFO, doing.name) if entry else None


class Captioner:
    """Follows one shift's feed (with its own cursor) and the officer, and paces the captions.

    Trust changes and calls outrank what the officer is doing: they jump the
    queue. Each caption stays at least MIN_SECONDS; the same lesson is not told
    twice within REPEAT_SECONDS.
    """

    def __init__(self, sim: Simulation) -> None:
        self.sim = sim
        self.current: Caption | None = None
        self.shown_for = 0.0  # real seconds the current caption has been up
        self.clock = 0.0
        self._cursor = len(sim.feed.items)
        self._doing: Doing | None = None
        self._urgent: deque[Caption] = deque(maxlen=QUEUED)  # trust changes and calls
        self._later: deque[Caption] = deque(maxlen=QUEUED)  # what the officer is doing
        self._told: dict[str, float] = {}  # lesson -> when it was last shown

    def update(self, dt: float) -> Caption | None:
        """Take in what happened since the last frame; returns the caption to show now."""
        self.clock += dt
        self.shown_for += dt
        doing = self.sim.officer.doing
        if doing is not self._doing:
            self._doing = doing
            self._offer(activity_caption(doing), self._later)
        items, self._cursor = self.sim.feed.since(self._cursor)
        for item in items:
            self._offer(item_caption(self.sim, item),
                        self._urgent if item.kind in (FeedKind.TRUST, FeedKind.CALL) else self._later)
        due = self.current is None or self.shown_for >= HOLD_SECONDS
        waiting = self._urgent or self._later
        if waiting and (due or self.shown_for >= MIN_SECONDS):
            self._show(waiting.popleft())
        elif due:
            self.current = None
        return self.current

    def _offer(self, caption: Caption | None, queue: deque[Caption]) -> None:
        if caption is None or any(c.key == caption.key for c in (*self._urgent, *self._later)):
            return
        if self.clock - self._told.get(caption.key, -REPEAT_SECONDS) < REPEAT_SECONDS:
            return
        queue.append(caption)

    def _show(self, caption: Caption) -> None:
        self.current = caption
        self.shown_for = 0.0
        self._told[caption.key] = self.clock
