"""The loader produces the model objects of game.scenario.model, and each broken
fixture fails with exactly the diagnostic its header announces."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from game.errors import UserError
from game.scenario import ScenarioError, load_scenario, load_scenario_text
from game.scenario.model import (
    CallsInTime,
    Scenario,
    ScheduleEntry,
    StoriesHeard,
    Trigger,
    TrustAtLeast,
    default_policies,
)

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "scenarios"
MAPLE = FIXTURES / "valid" / "maple.yaml"
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))


def test_maple_loads_into_the_model() -> None:
    scenario = load_scenario(MAPLE)
    assert isinstance(scenario, Scenario)
    assert (scenario.id, scenario.format, scenario.difficulty, scenario.seed) == (
        "maple-street-summer", 1, 1, 7)
    assert scenario.shift.start == 16 * 60 and scenario.shift.minutes == 480
    assert scenario.map.rows[1] == "....C####....S"
    assert scenario.map.car_spawn == (4, 1)
    assert scenario.places_by_id["jones-porch"].at == (2, 0)
    assert scenario.places_by_id["walker-porch"].name == "Walker porch"  # default from the id
    assert scenario.places_by_id["park"].name == "Park"
    loretta = scenario.residents_by_id["loretta-jones"]
    assert (loretta.trust, loretta.openness, loretta.influence) == (35.0, 0.6, 0.9)
    assert loretta.schedule == (ScheduleEntry(0, 240, "jones-porch"),)
    assert loretta.concerns[0].follow_up == "shop"
    assert [beat.familiarity for beat in loretta.story] == [0.2, 0.5]
    dre = scenario.residents_by_id["dre-walker"]
    assert (dre.trust, dre.openness, dre.influence) == (50.0, 0.5, 0.5)  # defaults
    assert dre.schedule[-1].end == 480  # "00:00" is the shift's end, inside it
    assert scenario.calls[0].at == 90 and scenario.calls[0].window_minutes == 6.0
    assert (scenario.events[0].start, scenario.events[0].end, scenario.events[0].text) == (
        120, 210, "")
    assert [o.check for o in scenario.objectives] == [
        StoriesHeard(4), CallsInTime(1, 1.0), TrustAtLeast(60.0)]
    assert scenario.ties[0].weight == 0.8
    first, _, third = scenario.encounters
    assert first.trigger == Trigger("call", "c1") and first.with_ == ("loretta-jones",)
    assert first.nodes["open"].choices[0].goto == "heard"
    assert first.nodes["open"].choices[1].goto is None
    assert third.trigger == Trigger("resident", "dre-walker", 0.3)
    assert scenario.encounters[1].nodes["open"].choices[1].violates == "social_media"
    assert scenario.policies["social_media"].on_duty_needs_approval is True
    assert dict(scenario.tuning) == {}
    assert scenario.source == str(MAPLE)
    assert scenario.content_hash == hashlib.sha256(MAPLE.read_bytes()).hexdigest()


def test_shift_crossing_midnight_and_defaults() -> None:
    scenario = load_scenario(FIXTURES / "valid" / "midnight.yaml")
    assert scenario.shift.start == 22 * 60 and scenario.shift.seconds_per_minute == 1.5
    ann = scenario.residents[0]
    assert [(e.start, e.end) for e in ann.schedule] == [(90, 195), (195, 240)]
    assert scenario.calls[0].at == 240
    assert scenario.policies == default_policies()
    assert scenario.objectives == () and scenario.ties == () and scenario.debrief == ()


def test_unquoted_times_are_read_as_written() -> None:
    """YAML 1.1 resolves a bare 17:30 to the integer 1050; authors mean the clock time."""
    text = MAPLE.read_text(encoding="utf-8").replace('at: "17:30"', "at: 17:30")
    assert load_scenario_text(text).calls[0].at == 90


def test_text_and_file_loading_agree() -> None:
    text = MAPLE.read_text(encoding="utf-8")
    from_text = load_scenario_text(text, str(MAPLE))
    assert from_text == load_scenario(MAPLE)


def test_policies_written_replace_the_default() -> None:
    text = MAPLE.read_text(encoding="utf-8").replace(
        "  social_media: {on_duty_needs_approval: true}",
        "  social_media: {on_duty_needs_approval: false, text: Fine here.}\n"
        "  charity_gifts: {text: No gifts from charities you police.}",
    )
    policies = load_scenario_text(text).policies
    assert set(policies) == {"social_media", "charity_gifts"}
    assert policies["social_media"].on_duty_needs_approval is False
    assert policies["charity_gifts"].on_duty_needs_approval is True  # model default


def test_tuning_overrides_are_floats() -> None:
    text = MAPLE.read_text(encoding="utf-8").replace("tuning: {}", "tuning: {asymmetry: 6, gain: 12.5}")
    assert dict(load_scenario_text(text).tuning) == {"asymmetry": 6.0, "gain": 12.5}


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_fixture_reports_its_announced_error(path: Path) -> None:
    expected = path.read_text(encoding="utf-8").splitlines()[0].removeprefix("# expect: ")
    source = str(path.relative_to(REPO))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(source)
    assert f"{source}:{expected}" in caught.value.lines()


def test_scenario_error_is_a_user_error_listing_every_problem() -> None:
    text = MAPLE.read_text(encoding="utf-8")
    text = text.replace("home: jones-porch", "home: nowhere").replace("difficulty: 1", "difficulty: 9")
    with pytest.raises(UserError) as caught:
        load_scenario_text(text, "maple.yaml")
    error = caught.value
    assert isinstance(error, ScenarioError)
    assert [d.path for d in error.diagnostics] == ["difficulty", "residents[0].home"]
    assert str(error) == "\n".join(error.lines())
    assert error.lines()[0] == "maple.yaml:7:13: difficulty: must be between 1 and 3, got 9"


def test_shipped_scenarios_load() -> None:
    shipped = sorted((REPO / "scenarios").glob("*.yaml"))
    for path in shipped:
        assert load_scenario(path).id


def test_importing_the_package_does_not_import_pygame() -> None:
    code = (
        "import sys, game.scenario, game.scenario.schema, game.scenario.scaffold, "
        "game.commands.validate, game.commands.schema, game.commands.new; "
        "sys.exit('pygame' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
