"""An objective shows a check only once it has been met: at the start of every shipped shift the
pause menu shows none (no "0 of 0" call objective ticked before a call came in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.app.scenes.pause import PauseScene
from game.app.scenes.play import PlayScene
from game.app.scenes.summary import Mark
from game.scenario import load_scenario

SHIPPED = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_no_objective_is_ticked_before_anything_happened(app, path):
    play = PlayScene(app, load_scenario(path))
    pause = PauseScene(app, play, play)
    assert pause.objectives
    assert Mark.MET not in pause.marks, [(o.text, o.detail) for o in pause.objectives]
    assert not any(" 0 of 0" in o.detail for o in pause.objectives)
