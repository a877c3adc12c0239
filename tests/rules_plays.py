"""Fixed plays whose figures stand for the simulation's rules (game.sim.rules).

tests/golden/rules/plays.json holds what they arrived at under the rules version it
names; tests/unit/test_rules_version.py fails when they arrive elsewhere under the
same version. tests/golden/rules_version.py shows what moved and, with --write,
records the new figures after RULES_VERSION has gone up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.bots.batch import play_one
from game.scenario import load_scenario
from game.sim.rules import RULES_VERSION

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "rules" / "plays.json"
BOTS = ("car", "walk", "balanced")
SEED = 100


def plays() -> list[dict[str, Any]]:
    """Every shipped scenario with each pure strategy and the balanced one, as `simulate --json`
    reports them (rounded: the figures a user sees, not the last bits of a float)."""
    out = []
    for path in sorted((REPO / "scenarios").glob("*.yaml")):
        scenario = load_scenario(path)
        for bot in BOTS:
            out.append({"scenario": path.name, "bot": bot, "seed": SEED,
                        **play_one(scenario, bot, SEED).summary()})
    return out


def recorded() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return data


def write() -> None:
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps({"rules_version": RULES_VERSION, "plays": plays()}, indent=1) + "\n",
                      encoding="utf-8")


def moved(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[str]:
    """Plain-words list of the figures that differ, one line per play."""
    lines = []
    for a, b in zip(old, new, strict=False):
        keys = [k for k in {**a, **b} if a.get(k) != b.get(k)]
        if keys:
            what = ", ".join(f"{k} {a.get(k)} -> {b.get(k)}" for k in keys[:4])
            lines.append(f"{b['scenario']} {b['bot']} seed {b['seed']}: {what}")
    if len(old) != len(new):
        lines.append(f"{len(old)} plays recorded, {len(new)} played")
    return lines
