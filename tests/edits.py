"""One edit to a valid scenario, and the messages it produces: how the rule tests
pin each validation rule to the exact line an author will read."""

from __future__ import annotations

import pytest

from game.scenario import ScenarioError, load_scenario_text


def diagnostics_after_edit(base: str, find: str, replace: str, source: str) -> list[str]:
    """The lines of the error that replacing ``find`` (exactly once in ``base``) produces."""
    assert base.count(find) == 1, f"the edit must match exactly once: {find!r}"
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(base.replace(find, replace), source)
    return caught.value.lines()
