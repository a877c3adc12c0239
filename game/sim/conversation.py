"""The built-in conversation actions: what each costs, what it is worth, and when it is possible.

Kept apart from the Simulation so the rules read as one table: the UI builds
its talk menu from ``talk_options`` and the bots choose from the same list.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.scenario.model import Resident
from game.tuning import Tuning

# Human words for the debrief and floating feedback, per topic and per choice tag.
TOPIC_CAUSE = {
    "greet": "said hello",
    "listen": "listened",
    "story": "asked about their life",
    "follow_up": "followed up",
    "porch": "sat on the porch",
    "play": "played with the kids",
}
TAG_WORDS = {
    "voice": "let them speak",
    "respect": "respectful",
    "neutrality": "even-handed",
    "trustworthy_motives": "explained why",
    "disrespect": "disrespectful",
    "bias": "biased",
    "dismissal": "dismissive",
    "threat": "threatening",
}
REPEATS_DAMPED = frozenset({"greet", "listen", "porch", "play"})


def tag_cause(tags: tuple[str, ...]) -> str:
    return ", ".join(TAG_WORDS[t] for t in tags) if tags else "your answer"


def topic_quality_and_minutes(topic: str, tuning: Tuning) -> tuple[float, float]:
    return {
        "greet": (tuning.greet_quality, tuning.greet_minutes),
        "listen": (tuning.listen_quality, tuning.listen_minutes),
        "story": (tuning.story_quality, tuning.story_minutes),
        "follow_up": (tuning.follow_up_quality, tuning.follow_up_minutes),
        "porch": (tuning.porch_quality, tuning.porch_minutes),
        "play": (tuning.play_quality, tuning.play_minutes),
    }[topic]


@dataclass
class Acquaintance:
    """What the officer has learned from and done with one resident."""

    stories_heard: int = 0  # beats of their story told so far
    concerns_heard: list[str] = field(default_factory=list)
    concerns_checked: set[str] = field(default_factory=set)  # visited the follow-up place
    concerns_done: set[str] = field(default_factory=set)  # reported back
    times: dict[str, int] = field(default_factory=dict)  # topic -> how often
    # The trust the listening brought, per worry: owed back if the officer never reports back.
    concern_gain: dict[str, float] = field(default_factory=dict)
    refuses_until: float = 0.0  # game minute until which they will not talk to the officer
    refusal_reason: str = ""  # what put them off, in words: "you pressed them about their worries"

    def refusing(self, now: float) -> bool:
        return now < self.refuses_until - 1e-9

    def next_story(self, resident: Resident, familiarity: float) -> str | None:
        """The next beat they are ready to tell, or None."""
        if self.stories_heard < len(resident.story):
            beat = resident.story[self.stories_heard]
            if familiarity >= beat.familiarity - 1e-9:
                return beat.text
        return None

    def followable(self) -> list[str]:
        return [c for c in self.concerns_heard
                if c in self.concerns_checked and c not in self.concerns_done]


@dataclass(frozen=True)
class TalkOption:
    topic: str
    label: str  # what the UI shows
    available: bool
    reason: str = ""  # why not, when not available
    concern: str | None = None
    hint: str = ""  # what a careful officer would notice first ("They hardly know you yet.")
