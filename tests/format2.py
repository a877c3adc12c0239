"""A small format-2 street for tests of conditions, flags and consequences: the `new` starter
(two residents, a shop call at 15:30, a kids' game in the park 16:00-17:00) with the
encounters, objectives and debrief a test writes."""

from __future__ import annotations

from game.scenario import load_scenario_text
from game.scenario.model import Scenario
from game.scenario.scaffold import starter_text

STARTER = starter_text("conditions", "Conditions", "schema.json")
BEFORE_ENCOUNTERS = STARTER[: STARTER.index("\nencounters:")] + "\n"


def street_text(encounters: str = "", objectives: str = "", debrief: str = "",
                policies: str = "") -> str:
    """The starter up to its encounters, then these sections (YAML text, already indented)."""
    text = BEFORE_ENCOUNTERS
    if policies:
        text = text[: text.index("\npolicies:")] + "\npolicies:\n" + policies
    for name, body in (("encounters", encounters), ("objectives", objectives),
                       ("debrief", debrief)):
        if body:
            text += f"{name}:\n{body}"
    return text


def street(**sections: str) -> Scenario:
    return load_scenario_text(street_text(**sections), "street.yaml")
