"""What just happened: the stream of typed events the HUD, floating feedback and captions read.

The simulation appends; readers keep their own cursor (``since``), so the UI,
a kiosk caption and a test can each follow the same feed without consuming it.
Each item says *what* happened as a ``FeedEvent`` (a call came in, was reached,
went late, was cleared...) and carries the typed facts with it; ``text`` is the
sentence the simulation wrote for people, never something to parse.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from game.sim.ledger import TrustChange


class FeedKind(str, Enum):
    """The broad family of an event, for its colour and icon."""

    CALL = "call"
    TRUST = "trust"
    STORY = "story"
    CONCERN = "concern"
    ENCOUNTER = "encounter"
    POLICY = "policy"
    INFO = "info"


class FeedEvent(Enum):
    CALL_IN = ("call_in", FeedKind.CALL)  # a call came in over the radio
    CALL_REACHED = ("call_reached", FeedKind.CALL)  # the officer arrived (in time or late)
    CALL_LATE = ("call_late", FeedKind.CALL)  # the window passed before the officer arrived
    CALL_CLEARED = ("call_cleared", FeedKind.CALL)  # another unit took it
    CALL_NEEDS_CAR = ("call_needs_car", FeedKind.CALL)  # on scene on foot where only the car helps
    TRUST = ("trust", FeedKind.TRUST)  # a resident's trust moved; ``change`` says why
    STORY = ("story", FeedKind.STORY)  # a beat of a resident's story
    CONCERN_HEARD = ("concern_heard", FeedKind.CONCERN)
    CONCERN_CHECKED = ("concern_checked", FeedKind.CONCERN)  # the follow-up place was visited
    CONCERN_LET_DOWN = ("concern_let_down", FeedKind.CONCERN)  # never reported back on in time
    ENCOUNTER = ("encounter", FeedKind.ENCOUNTER)  # a line of a scripted encounter
    BREACH = ("breach", FeedKind.POLICY)  # a department policy was broken
    POLICY = ("policy", FeedKind.POLICY)  # media office news, what policy allows
    REASSURED = ("reassured", FeedKind.INFO)  # being seen about has begun to make people feel safer
    INFO = ("info", FeedKind.INFO)

    def __init__(self, key: str, family: FeedKind) -> None:
        self.key = key
        self.family = family


@dataclass(frozen=True)
class FeedItem:
    time: float  # game minutes after shift start
    event: FeedEvent
    text: str
    resident: int | None = None
    at: tuple[float, float] | None = None  # map position where it happened
    call: str | None = None  # call events: the call's id
    change: TrustChange | None = None  # trust events: the change itself

    @property
    def kind(self) -> FeedKind:
        return self.event.family

    @property
    def delta(self) -> float | None:
        """Trust points, for "+4 trust · listened"."""
        return None if self.change is None else self.change.delta

    @property
    def cause(self) -> str | None:
        """Trust items: the short why as shown ("listened"), without the figure."""
        return None if self.change is None else self.change.label


class Feed:
    def __init__(self) -> None:
        self.items: list[FeedItem] = []

    def add(self, item: FeedItem) -> None:
        self.items.append(item)

    def since(self, cursor: int) -> tuple[list[FeedItem], int]:
        """Items after ``cursor`` and the new cursor."""
        return self.items[cursor:], len(self.items)
