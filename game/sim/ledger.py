"""Why trust moved: every change to a resident's trust, with its cause as typed data.

The debrief, the kiosk captions and the resident-side porch view are all built
from this record. Each change says what caused it (``Source``: a kind and the
id of the talk topic, call, encounter or event), in human words (``cause``),
and how (``through_car_window``, ``rushed``), so no reader ever has to parse a
sentence or a ``kind:id`` string to tell a windshield hello from a porch visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any


class SourceKind(Enum):
    """What kind of thing moved a resident's trust."""

    TALK = "talk"  # a built-in conversation; id is the topic (greet, listen, ...)
    PLAY = "play"  # joining the kids' game; id is the event
    MEDIA = "media"  # the social-media moment; id is the step (consent, post)
    ENCOUNTER = "encounter"  # a line of a scripted encounter; id is the encounter
    CALL = "call"  # how a call for service went; id is the call
    WITNESSED = "witnessed"  # seeing the officer break a policy; id is the policy
    FOLLOW_THROUGH = "follow_through"  # a worry never reported back on; id is the concern
    WORD_OF_MOUTH = "word_of_mouth"  # news from a neighbour (summed per listener and source)
    DRIFT = "decay"  # drifting back toward their usual view (summed)


# Sources that are the officer's own doing, face to face or through the window.
IN_PERSON = frozenset({SourceKind.TALK, SourceKind.PLAY, SourceKind.MEDIA, SourceKind.ENCOUNTER,
                       SourceKind.WITNESSED})


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    id: str = ""

    def __str__(self) -> str:
        """A stable label for logs and reports (never parsed back)."""
        return f"{self.kind.value}:{self.id}" if self.id else self.kind.value


WORD_OF_MOUTH = Source(SourceKind.WORD_OF_MOUTH)
DRIFT = Source(SourceKind.DRIFT)

SHOWN_POINTS = 0.05  # trust points: smaller changes read as nothing and are not shown


def points(delta: float) -> str:
    """Trust points as a trainee reads them: "+4", "-9", and "+0.3" for the small ones
    (a hello is worth a fraction of a point; "+0" would say it was worth nothing)."""
    return f"{delta:+.1f}" if abs(delta) < 0.95 else f"{delta:+.0f}"


# Added to a cause when shown, so a trainee reads how the contact happened.
CAR_WINDOW_WORDS = " through the car window"
RUSHED_WORDS = " (rushed)"


@dataclass(frozen=True)
class TrustChange:
    time: float  # game minutes after shift start
    resident: int  # index into scenario.residents
    delta: float  # trust points actually applied (after clipping to 0..100)
    cause: str  # short phrase for the debrief and floating feedback ("listened")
    source: Source
    tags: tuple[str, ...] = ()
    via: int | None = None  # word of mouth: the resident the news came from
    through_car_window: bool = False
    rushed: bool = False  # while a priority-1 call waited

    @property
    def by_officer(self) -> bool:
        """Something the officer did (a contact or a call), not news or drift."""
        return self.source.kind not in (SourceKind.WORD_OF_MOUTH, SourceKind.DRIFT)

    @property
    def in_person(self) -> bool:
        """Words or time spent with the resident themself (not how a call went)."""
        return self.source.kind in IN_PERSON

    @property
    def label(self) -> str:
        """The cause as a trainee reads it: "listened through the car window (rushed)"."""
        return (self.cause + (CAR_WINDOW_WORDS if self.through_car_window else "")
                + (RUSHED_WORDS if self.rushed else ""))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the session store (``from_dict`` reads it back)."""
        return {"time": self.time, "resident": self.resident, "delta": self.delta,
                "cause": self.cause, "source": {"kind": self.source.kind.value, "id": self.source.id},
                "tags": list(self.tags), "via": self.via,
                "through_car_window": self.through_car_window, "rushed": self.rushed}

    @staticmethod
    def upgrade_stored(data: Any) -> Any:
        """A change as the first version stored it — source ``"talk:greet"``, the how in the
        cause (``"said hello through the car window"``) — in today's form; others unchanged.

        The only place those strings are ever read: they were this module's own formatting.
        """
        if not (isinstance(data, dict) and isinstance(data.get("source"), str)):
            return data
        kind, _, ident = data["source"].partition(":")
        known = {k.value: k for k in SourceKind}
        cause = data.get("cause")
        out = {**data, "source": {"kind": known[kind].value if kind in known else kind, "id": ident}}
        if isinstance(cause, str):
            rushed = cause.endswith(RUSHED_WORDS)
            cause = cause.removesuffix(RUSHED_WORDS)
            window = cause.endswith(CAR_WINDOW_WORDS)
            out.update(cause=cause.removesuffix(CAR_WINDOW_WORDS), through_car_window=window,
                       rushed=rushed)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TrustChange:
        """Read back ``to_dict`` output; ValueError or KeyError for data that is not a change."""
        source = data["source"]
        return cls(float(data["time"]), int(data["resident"]), float(data["delta"]),
                   str(data["cause"]), Source(SourceKind(source["kind"]), str(source.get("id", ""))),
                   tuple(str(t) for t in data.get("tags", ())),
                   None if data.get("via") is None else int(data["via"]),
                   bool(data.get("through_car_window", False)), bool(data.get("rushed", False)))


@dataclass(frozen=True)
class PolicyBreach:
    time: float
    policy: str
    what: str
