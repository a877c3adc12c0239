"""Entering a shift sets the live heap aside from full collections, and frees the shift before."""

from __future__ import annotations

import gc
import weakref

from builders import street_scenario

from game.app.context import LaunchOptions
from game.app.main import Game, settle_heap
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
    settle_heap(object())  # type: ignore[arg-type]
    assert gc.get_freeze_count() == 0
