"""What just happened, in words: the stream the HUD, floating feedback and captions read.

The simulation appends; readers keep their own cursor (``since``), so the UI,
a kiosk caption and a test can each follow the same feed without consuming it.
"""

from __future__ import annotations

from dataclasses import dataclass

FEED_KINDS = ("call", "trust", "story", "concern", "encounter", "policy", "info")


@dataclass(frozen=True)
class FeedItem:
    time: float  # game minutes after shift start
    kind: str  # one of FEED_KINDS
    text: str
    resident: int | None = None
    delta: float | None = None  # trust change, for "+4 trust · listened"
    at: tuple[float, float] | None = None  # map position where it happened
    cause: str | None = None  # trust items: the short why ("listened"), without the figure
    call: str | None = None  # call items: the call's id


class Feed:
    def __init__(self) -> None:
        self.items: list[FeedItem] = []

    def add(self, item: FeedItem) -> None:
        self.items.append(item)

    def since(self, cursor: int) -> tuple[list[FeedItem], int]:
        """Items after ``cursor`` and the new cursor."""
        return self.items[cursor:], len(self.items)
