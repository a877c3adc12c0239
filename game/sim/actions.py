"""Player intent as data: the one door through which the UI, the bots and replay change the sim.

Every action is a frozen dataclass, so an action log is plain data that can be
stored, compared and replayed. ``Simulation.apply`` checks each one and raises
``ActionError`` with a sentence a trainee can read when it is not possible.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

from game.scenario.model import TALK_TOPICS as TALK_TOPICS  # the built-in talks


class ActionError(Exception):
    """An action that is not possible right now; the message says why, in plain words."""


@dataclass(frozen=True)
class Action:
    """Base class; ``kind`` names the action in logs and saved sessions."""

    kind: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True)
class DriveTo(Action):
    """Drive the patrol car toward a tile (snapped to the nearest road)."""

    kind: ClassVar[str] = "drive_to"
    x: int
    y: int


@dataclass(frozen=True)
class Park(Action):
    """Stop the car where it is."""

    kind: ClassVar[str] = "park"


@dataclass(frozen=True)
class GetOut(Action):
    """Leave the parked car and continue on foot."""

    kind: ClassVar[str] = "get_out"


@dataclass(frozen=True)
class GetIn(Action):
    """Get back into the car (the officer must be beside it)."""

    kind: ClassVar[str] = "get_in"


@dataclass(frozen=True)
class WalkTo(Action):
    """Walk toward a tile (snapped to the nearest walkable tile)."""

    kind: ClassVar[str] = "walk_to"
    x: int
    y: int


@dataclass(frozen=True)
class Stop(Action):
    """Stop walking or driving where you are."""

    kind: ClassVar[str] = "stop"


@dataclass(frozen=True)
class RespondToCall(Action):
    """Acknowledge a call and head for it by the current means (car or foot)."""

    kind: ClassVar[str] = "respond"
    call: str


@dataclass(frozen=True)
class Talk(Action):
    """A built-in conversation with one resident.

    ``topic`` is one of TALK_TOPICS: greet, listen (hear what worries them),
    story (ask about their life), follow_up (report back on a concern; needs
    ``concern``), porch (sit with them on their porch).
    """

    kind: ClassVar[str] = "talk"
    resident: str
    topic: str
    concern: str | None = None


@dataclass(frozen=True)
class JoinPlay(Action):
    """Join the kids' game at a kids_play event under way nearby."""

    kind: ClassVar[str] = "join_play"


SOCIAL_MEDIA_DECISIONS: tuple[str, ...] = ("ask_consent", "ask_approval", "post_now", "dont_post")


@dataclass(frozen=True)
class SocialMedia(Action):
    """The social-media moment at an event: ask consent, ask approval, post, or let it be."""

    kind: ClassVar[str] = "social_media"
    decision: str


@dataclass(frozen=True)
class Choose(Action):
    """Pick a line in the scripted encounter that is open (0-based index)."""

    kind: ClassVar[str] = "choose"
    index: int


@dataclass(frozen=True)
class InjectCall(Action):
    """The instructor: a call from the scenario's pool comes in now (``game.sim.instructor``).

    ``source`` is a scripted call id (``kind`` and ``place`` left empty) or a radio
    generator id with one of its kinds and places.
    """

    kind: ClassVar[str] = "inject_call"
    source: str
    call_kind: str = ""
    place: str = ""


@dataclass(frozen=True)
class InjectEvent(Action):
    """The instructor: one of the scenario's events starts now at its place, for as long as
    it lasts in the scenario (``game.sim.instructor``)."""

    kind: ClassVar[str] = "inject_event"
    event: str


@dataclass(frozen=True)
class Flag(Action):
    """The instructor marks this moment of the shift for the debrief, with a note."""

    kind: ClassVar[str] = "flag"
    note: str


INSTRUCTOR_ACTIONS: tuple[type[Action], ...] = (InjectCall, InjectEvent, Flag)

_TRAINEE_ACTIONS: tuple[type[Action], ...] = (DriveTo, Park, GetOut, GetIn, WalkTo, Stop,
                                               RespondToCall, Talk, JoinPlay, SocialMedia, Choose)
ACTION_TYPES: dict[str, type[Action]] = {
    cls.kind: cls for cls in (*_TRAINEE_ACTIONS, *INSTRUCTOR_ACTIONS)
}


def action_from_dict(data: dict[str, Any]) -> Action:
    """Rebuild an action from ``Action.to_dict`` output (saved sessions, replay)."""
    try:
        cls = ACTION_TYPES[data["kind"]]
    except KeyError as exc:
        raise ValueError(f"unknown action {data.get('kind')!r}") from exc
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})
