"""Entering a shift sets the live heap aside from full collections, and frees the shift before;
coming back to the same shift (from a dispatch card, a conversation, a menu) costs no collection."""

from __future__ import annotations

import gc
import weakref

from builders import street_scenario

from game.app.context import LaunchOptions
from game.app.main import Game, HeapSettler
from game.app.scenes.dispatch import DispatchScene
from game.app.scenes.play import PlayScene


def test_a_new_shift_freezes_the_heap_and_lets_the_last_one_go():
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=10))
    first = game.scene
    assert isinstance(first, PlayScene) and gc.get_freeze_count() > 0
    gone = weakref.ref(first.sim)
    game.frame()
    game._switch(PlayScene(game.app, street_scenario()))
    del first
    assert gone() is None  # the old shift was collected, not frozen forever
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def test_other_scenes_leave_the_collector_alone():
    gc.unfreeze()
    HeapSettler().enter(object())  # type: ignore[arg-type]
    assert gc.get_freeze_count() == 0


def full_collections_during(action) -> int:
    """How many full (generation 2) collections started while ``action`` ran."""
    started: list[int] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            started.append(1)

    gc.callbacks.append(note)
    try:
        action()
    finally:
        gc.callbacks.remove(note)
    return len(started)


def test_closing_a_dispatch_card_returns_to_the_street_without_a_full_collection():
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=10**6))
    play = game.scene
    assert isinstance(play, PlayScene)
    call = next(c for c in play.sim.scenario.calls if c.priority == 1)
    card = DispatchScene(game.app, play, call.id, beneath=play)
    assert full_collections_during(lambda: game._switch(card)) == 0
    gc.freeze()  # whatever the card made is old now: only the switch back may start a collection
    assert full_collections_during(lambda: game._switch(card.beneath)) == 0
    assert game.scene is play
    assert full_collections_during(lambda: game._switch(PlayScene(game.app, street_scenario()))) == 1
    gc.unfreeze()
