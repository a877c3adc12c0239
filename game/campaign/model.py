"""A campaign file as immutable data: which scenario each day plays, on which day, with what changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from game.scenario.model import Event, Scenario

FORMAT_VERSION = 1
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEATHERS = ("fair", "heat")


def _frozen() -> Mapping[str, float]:
    return MappingProxyType({})


@dataclass(frozen=True)
class CampaignDay:
    """One shift of the campaign."""

    day: int  # calendar day of the campaign, 1 = the campaign's first day
    scenario: str  # the scenario file's name without .yaml
    title: str
    briefing: str = ""
    weather: str = "fair"
    moves_in: tuple[str, ...] = ()  # residents new to the street today: they start as strangers
    events: tuple[Event, ...] = ()  # added to the scenario's events today (a block party)
    tuning: Mapping[str, float] = field(default_factory=_frozen)  # overrides for today


@dataclass(frozen=True)
class Campaign:
    id: str
    title: str
    days: tuple[CampaignDay, ...]
    starts_on: str = "monday"
    summary: str = ""
    seed: int = 0
    format: int = FORMAT_VERSION
    source: str = ""
    content_hash: str = ""  # sha256 of the file bytes: which campaign a saved run belongs to
    content: bytes = field(default=b"", compare=False, repr=False)
    # The scenario each day names, loaded and checked, by file name.
    scenarios: Mapping[str, Scenario] = field(default_factory=dict, compare=False, repr=False)

    def weekday(self, index: int) -> str:
        """The day of the week of the campaign's ``index``-th shift (0-based), e.g. "Tuesday"."""
        start = WEEKDAYS.index(self.starts_on)
        return WEEKDAYS[(start + self.days[index].day - 1) % 7].capitalize()
