"""Attract-mode captions: every trust change the sim can report gets humane words, paced to be read."""

from __future__ import annotations

import pytest
from builders import street_scenario

import game.sim.actions as act
from game.app.kiosk.captions import (
    ACTIVITY,
    HOLD_SECONDS,
    MIN_SECONDS,
    REPEAT_SECONDS,
    TONE_BAD,
    TONE_GOOD,
    WHY,
    Captioner,
    activity_caption,
    item_caption,
)
from game.bots import make_bot
from game.sim.conversation import TAG_WORDS, TOPIC_CAUSE
from game.sim.feed import FeedEvent, FeedItem
from game.sim.ledger import Source, SourceKind, TrustChange
from game.sim.officer import Doing
from game.sim.simulation import Simulation


@pytest.fixture
def sim() -> Simulation:
    return Simulation(street_scenario(), seed=3)


def trust(cause: str, delta: float = 3.0, resident: int = 0, tags: tuple[str, ...] = (),
          **how: bool) -> FeedItem:
    change = TrustChange(10.0, resident, delta, cause, Source(SourceKind.TALK, "x"), tags, **how)
    return FeedItem(10.0, FeedEvent.TRUST, f"{delta:+.0f} trust · {change.label}", resident=resident,
                    at=(1.0, 1.0), change=change)


def test_every_cause_the_sim_names_has_its_own_why():
    for cause in [*TOPIC_CAUSE.values(), *TAG_WORDS.values(), "came quickly", "late to the call"]:
        assert cause in WHY, cause
        assert WHY[cause].endswith(".") and len(WHY[cause]) <= 80, cause


def test_a_trust_change_says_who_how_much_and_why(sim):
    caption = item_caption(sim, trust(TOPIC_CAUSE["listen"], 3.2))
    assert caption.headline == "+3 trust · listened"
    assert caption.who == "Resident 0"
    assert caption.why == "Being heard matters more than being fast."
    assert caption.tone == TONE_GOOD
    bad = item_caption(sim, trust("late to the call", -9.0))
    assert bad.tone == TONE_BAD and bad.headline.startswith("\u22129 trust")


def test_car_window_and_rushed_talk_explain_the_discount(sim):
    window = item_caption(sim, trust(TOPIC_CAUSE["greet"], 1.0, through_car_window=True))
    rushed = item_caption(sim, trust(TOPIC_CAUSE["listen"], 1.0, rushed=True))
    assert "car window" in window.why and window.key == "car-window"
    assert window.headline == "+1 trust · said hello through the car window"
    assert "radio" in rushed.why


def test_encounter_answers_are_explained_by_their_first_tag(sim):
    cause = ", ".join((TAG_WORDS["voice"], TAG_WORDS["neutrality"]))
    assert item_caption(sim, trust(cause, tags=("voice", "neutrality"))).why == WHY[TAG_WORDS["voice"]]


def test_tiny_changes_and_plain_info_get_no_caption(sim):
    assert item_caption(sim, trust(TOPIC_CAUSE["greet"], 0.2)) is None
    assert item_caption(sim, FeedItem(1.0, FeedEvent.INFO, "Parked and on foot.")) is None


def test_activities_have_captions_and_talking_leaves_it_to_the_trust_caption():
    assert "not a windshield" in activity_caption(Doing.GETTING_OUT).why
    assert activity_caption(Doing.TALKING) is None  # the trust caption says more
    assert all(len(headline) <= 30 for headline, _ in ACTIVITY.values())


def test_calls_are_captioned_from_their_state(sim):
    while not sim.active_calls():
        sim.step()
    came_in = [i for i in sim.feed.items if i.kind == "call"][-1]
    assert item_caption(sim, came_in).headline.startswith("A call comes in: ")


def test_the_captioner_paces_and_does_not_repeat(sim):
    captioner = Captioner(sim)
    sim.apply(act.Park())
    sim.apply(act.GetOut())
    assert captioner.update(0.1).headline == "The officer parks and walks"
    sim.feed.add(trust(TOPIC_CAUSE["listen"]))
    sim.feed.add(trust(TOPIC_CAUSE["story"]))
    assert captioner.update(0.1).headline == "The officer parks and walks"  # not yet read
    assert captioner.update(MIN_SECONDS).headline == "+3 trust · listened"  # trust jumps the queue
    assert captioner.update(MIN_SECONDS).headline == "+3 trust · asked about their life"
    sim.feed.add(trust(TOPIC_CAUSE["listen"]))  # the same lesson again, too soon
    assert captioner.update(MIN_SECONDS).headline == "+3 trust · asked about their life"
    assert captioner.update(HOLD_SECONDS) is None  # nothing new: the caption goes away
    captioner.update(REPEAT_SECONDS)
    sim.feed.add(trust(TOPIC_CAUSE["listen"]))
    assert captioner.update(0.1).headline == "+3 trust · listened"


def test_a_demo_shift_is_captioned_all_the_way(sim):
    """The balanced bot's whole shift: captions keep coming, none is empty."""
    captioner, bot, seen = Captioner(sim), make_bot("balanced", 3), set()
    while not sim.finished:
        bot.act(sim)
        sim.step()
        caption = captioner.update(0.5)
        if caption is not None:
            assert caption.headline and caption.why
            seen.add(caption.key)
    assert {Doing.GETTING_OUT.name, "story"} <= seen
    assert len(seen) >= 6
