"""Every limit of the scenario format: validator, JSON Schema and command line agree on it."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

import game.cli
from game.scenario import ScenarioError, load_scenario_text
from game.scenario.limits import MAX_OBJECTIVE_WEIGHT, MAX_SEED
from game.scenario.schema import scenario_schema

MAPLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"
VALIDATOR = jsonschema.Draft202012Validator(scenario_schema())


def maple_with(old: str, new: str) -> str:
    text = MAPLE.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "x.yaml")
    return caught.value.lines()


def schema_accepts(text: str) -> bool:
    return VALIDATOR.is_valid(yaml.safe_load(text))


@pytest.mark.parametrize("seed", [0, MAX_SEED])
def test_seeds_at_the_ends_of_the_range_are_valid(seed: int) -> None:
    text = maple_with("seed: 7", f"seed: {seed}")
    assert load_scenario_text(text).seed == seed
    assert schema_accepts(text)


@pytest.mark.parametrize("seed", [-3, MAX_SEED + 1, 10**20])
def test_seeds_outside_the_range_are_refused_by_validator_and_schema(seed: int) -> None:
    text = maple_with("seed: 7", f"seed: {seed}")
    assert problems(text) == [f"x.yaml:9:7: seed: must be between 0 and {MAX_SEED}, got {seed}"]
    assert not schema_accepts(text)


@pytest.mark.parametrize("command", ["simulate", "play"])
@pytest.mark.parametrize("seed", ["-3", str(2**64), "seven"])
def test_a_bad_seed_argument_is_an_argument_error(command: str, seed: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        game.cli.main([command, str(MAPLE), "--seed", seed])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"argument --seed: {seed!r}" in err or f"argument --seed: {seed} is outside 0..{MAX_SEED}" in err


def test_simulate_runs_may_not_pass_the_largest_seed(capsys) -> None:
    assert game.cli.main(["simulate", str(MAPLE), "--seed", str(MAX_SEED), "--runs", "2"]) == 2
    assert "would pass the largest seed" in capsys.readouterr().err


def test_tuning_values_have_upper_bounds() -> None:
    text = maple_with("tuning: {}", "tuning: {presence_radius: 1.0e+300}")
    assert problems(text) == [
        "x.yaml:86:27: tuning.presence_radius: must be greater than 0 and at most 1000, got 1.0e+300"]
    assert not schema_accepts(text)
    assert load_scenario_text(maple_with("tuning: {}", "tuning: {presence_radius: 1000}")
                              ).tuning["presence_radius"] == 1000.0


def test_objective_weights_have_an_upper_bound() -> None:
    text = maple_with("weight: 2}", "weight: 1.0e+308}")
    (problem,) = problems(text)
    assert problem.endswith(f"objectives[0].weight: must be greater than 0 and at most "
                            f"{MAX_OBJECTIVE_WEIGHT:g}, got 1.0e+308")
    assert not schema_accepts(text)
