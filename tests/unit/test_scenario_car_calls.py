"""Which calls need the car when the file does not say: emergencies do.

A priority-1 call is answered with the car (lights, the kit in the trunk, a way to drive
someone), so a scripted call, a radio kind or an escalation at priority 1 needs the car
unless the author writes ``needs_car: false``; priorities 2 and 3 are reachable on foot
unless the author writes ``needs_car: true``. The sim side is tests/unit/test_sim_car_calls.py.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from game.scenario import load_scenario_text
from game.scenario.model import car_needed_at
from game.scenario.schema import scenario_schema

REPO = Path(__file__).resolve().parents[2]
MIDNIGHT = (REPO / "tests" / "fixtures" / "scenarios" / "valid" / "midnight.yaml").read_text(
    encoding="utf-8")
ALARM = ("  - {id: alarm, at: \"02:00\", place: night-shop, priority: 2, kind: alarm, "
         "text: Shop alarm ringing., window_minutes: 10}\n")


def with_call(priority: int, needs_car: bool | None) -> str:
    said = "" if needs_car is None else f", needs_car: {str(needs_car).lower()}"
    call = ALARM.replace("priority: 2", f"priority: {priority}").replace("}\n", f"{said}}}\n")
    assert ALARM in MIDNIGHT
    return MIDNIGHT.replace(ALARM, call)


def test_emergencies_need_the_car_and_the_rest_do_not_when_the_file_is_silent() -> None:
    needs = {p: load_scenario_text(with_call(p, None), "night.yaml").calls[0].needs_car
             for p in (1, 2, 3)}
    assert needs == {1: True, 2: False, 3: False}


@given(st.integers(1, 3), st.none() | st.booleans())
def test_what_the_author_writes_wins_over_the_priority(priority: int, said: bool | None) -> None:
    call = load_scenario_text(with_call(priority, said), "night.yaml").calls[0]
    assert call.needs_car is (car_needed_at(priority) if said is None else said)


def test_the_schema_gives_needs_car_no_fixed_default_and_says_why() -> None:
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            props = node.get("properties", {})
            if "needs_car" in props:
                found.append(props["needs_car"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(scenario_schema())
    assert len(found) >= 3  # scripted calls, radio kinds, escalations
    for prop in found:
        assert "default" not in prop and "priority 1" in prop["description"]
