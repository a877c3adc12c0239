"""Why trust moved: every change to a resident's trust, with its cause.

The debrief is built from this record, so causes are short, human phrases
("listened", "late to the call") plus the tags of the choice that caused them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Sources of the summed records (everything else names a talk, call, encounter or media choice).
SOURCE_WORD_OF_MOUTH = "word_of_mouth"
SOURCE_DRIFT = "decay"


@dataclass(frozen=True)
class TrustChange:
    time: float  # game minutes after shift start
    resident: int  # index into scenario.residents
    delta: float  # trust points actually applied (after clipping to 0..100)
    cause: str  # short phrase for the debrief and floating feedback
    source: str = ""  # what caused it: "talk:listen", "call:c1", "encounter:shop-argument", ...
    tags: tuple[str, ...] = ()
    via: int | None = None  # word of mouth: the resident the news came from


@dataclass(frozen=True)
class PolicyBreach:
    time: float
    policy: str
    what: str
