"""A change of the simulation's figures comes with a new rules version (game.sim.rules), so saved
sessions replay as "played under earlier rules", never as damaged."""

from __future__ import annotations

from rules_plays import moved, plays, recorded

from game.sim.rules import RULES_VERSION


def test_figures_move_only_with_a_new_rules_version() -> None:
    golden = recorded()
    assert golden["rules_version"] == RULES_VERSION, (
        f"RULES_VERSION is {RULES_VERSION} but tests/golden/rules/plays.json was recorded under "
        f"{golden['rules_version']}: run tests/golden/rules_version.py --write")
    lines = moved(golden["plays"], plays())
    assert not lines, ("the simulation's figures moved under the same rules version; if the "
                       "rules changed on purpose, raise RULES_VERSION in game/sim/rules.py and run "
                       "tests/golden/rules_version.py --write:\n" + "\n".join(lines))
