"""Every limit of the scenario format: validator, JSON Schema and command line agree on it."""

from __future__ import annotations

import time
from pathlib import Path

import jsonschema
import pytest
import yaml

import game.cli
from game.scenario import ScenarioError, load_scenario_text
from game.scenario.limits import (
    MAX_ENCOUNTER_NODES,
    MAX_ID_CHARS,
    MAX_LINE_CHARS,
    MAX_LIST_ITEMS,
    MAX_MAP_SIDE,
    MAX_MAP_TILES,
    MAX_NAME_CHARS,
    MAX_OBJECTIVE_WEIGHT,
    MAX_PLACES,
    MAX_RESIDENTS,
    MAX_SECONDS_PER_MINUTE,
    MAX_SEED,
    MAX_TEXT_CHARS,
    MAX_TIES,
    MAX_TITLE_CHARS,
    MAX_WINDOW_MINUTES,
    MIN_SECONDS_PER_MINUTE,
)
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


LONG_FIELDS = [  # (what to replace in maple.yaml, template with the long text, field path, limit)
    ("title: Maple Street in July", "title: {}", "title", MAX_TITLE_CHARS),
    ("name: Loretta Jones", "name: {}", "residents[0].name", MAX_NAME_CHARS),
    ("name: Ms. Jones's porch}", "name: {}}}", "places[0].name", MAX_NAME_CHARS),
    ("kind: disturbance,", "kind: {},", "calls[0].kind", MAX_NAME_CHARS),
    ("{say: Post it now from your phone.,", "{{say: {},", "encounters[1].nodes.open.choices[1].say",
     MAX_LINE_CHARS),
    ("text: Dre nods from the bench.", "text: {}", "encounters[2].nodes.hello.text", MAX_TEXT_CHARS),
    ("summary: A hot evening shift on a street that does not call the police.", "summary: {}",
     "summary", MAX_TEXT_CHARS),
    ("id: shop-argument", "id: {}", "encounters[0].id", MAX_ID_CHARS),
]


@pytest.mark.parametrize(("old", "template", "field", "limit"), LONG_FIELDS,
                         ids=[field for _, _, field, _ in LONG_FIELDS])
def test_each_text_field_has_a_length_limit(old: str, template: str, field: str, limit: int) -> None:
    assert load_scenario_text(maple_with(old, template.format("a" * limit)))
    text = maple_with(old, template.format("a" * (limit + 1)))
    lines = problems(text)
    assert any(f"{field}: is " in line and f"characters long; the limit is {limit:,}" in line
                        for line in lines), lines
    assert not schema_accepts(text)


def test_a_million_character_name_is_refused_quickly() -> None:
    start = time.perf_counter()
    lines = problems(maple_with("name: Loretta Jones", "name: " + "x" * 1_000_000))
    assert time.perf_counter() - start < 2
    assert lines == [f"x.yaml:27:11: residents[0].name: is 1,000,000 characters long; the limit is "
                     f"{MAX_NAME_CHARS} (shorten it: every text on screen is laid out each frame)"]


@pytest.mark.parametrize(("width", "height"), [(MAX_MAP_SIDE + 1, 3), (3, MAX_MAP_SIDE + 1),
                                                (MAX_MAP_SIDE, MAX_MAP_TILES // MAX_MAP_SIDE + 1)])
def test_the_map_has_a_size_limit(width: int, height: int) -> None:
    rows = "\n".join("    " + ("C" if y == 0 else "#") + "#" * (width - 1) for y in range(height))
    text = maple_with("    HHPH.####.HPHH\n    ....C####....S\n    ==========....", rows)
    (line,) = [line for line in problems(text) if "map.rows" in line]
    assert f"map.rows: the map is {width}x{height} tiles; the limit is {MAX_MAP_SIDE} tiles a side " \
           f"and {MAX_MAP_TILES:,} tiles in all" in line


def resident(k: int) -> str:
    return f"  - {{id: extra-{k}, name: Extra {k}, home: jones-porch}}\n"


def test_residents_have_a_count_limit() -> None:
    many = "".join(resident(k) for k in range(MAX_RESIDENTS))  # plus the two in maple.yaml
    text = maple_with("residents:\n", "residents:\n" + many)
    assert problems(text) == [f"x.yaml:26:3: residents: has {MAX_RESIDENTS + 2:,} items; the limit "
                              f"is {MAX_RESIDENTS:,} (split the scenario, or leave out what the "
                              "shift does not need)"]


def test_an_encounter_has_a_node_limit() -> None:
    nodes = "".join(f"      n{k}:\n        text: Node {k}.\n        choices: [{{say: Bye., quality: 0}}]\n"
                    for k in range(MAX_ENCOUNTER_NODES))
    text = maple_with("    nodes:\n      hello:\n", "    nodes:\n" + nodes + "      hello:\n")
    (line,) = [line for line in problems(text) if "encounters[2].nodes" in line]
    assert f"has {MAX_ENCOUNTER_NODES + 1} entries; the limit is {MAX_ENCOUNTER_NODES}" in line


def test_the_authoring_guide_states_every_limit() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide.split("### Limits", 1)[1].split("\n## ", 1)[0]
    for figure in (f"{MAX_TITLE_CHARS} characters", f"{MAX_NAME_CHARS} characters",
                   f"{MAX_LINE_CHARS} characters", f"{MAX_TEXT_CHARS:,} characters",
                   f"{MAX_ID_CHARS} characters",
                   f"{MAX_MAP_SIDE} tiles a side, {MAX_MAP_TILES:,} tiles in all",
                   f"| `residents` | {MAX_RESIDENTS:,} |", f"| `places` | {MAX_PLACES:,} |",
                   f"| `ties` | {MAX_TIES:,} |", f"| nodes in one encounter | {MAX_ENCOUNTER_NODES} |",
                   f"{MAX_LIST_ITEMS:,} items", f"0 to {MAX_SEED}", f"at most {MAX_OBJECTIVE_WEIGHT:g}",
                   f"{MIN_SECONDS_PER_MINUTE:g} to {MAX_SECONDS_PER_MINUTE:g}",
                   f"at most {MAX_WINDOW_MINUTES:g}"):
        assert figure in section, figure
