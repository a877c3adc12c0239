"""Every limit of the scenario format: validator, JSON Schema and command line agree on it."""

from __future__ import annotations

import time
from pathlib import Path

import jsonschema
import pytest
import yaml

import game.cli
from game.scenario import ScenarioError, limits, load_scenario_text
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


@pytest.mark.parametrize("seed", [0, limits.MAX_SEED])
def test_seeds_at_the_ends_of_the_range_are_valid(seed: int) -> None:
    text = maple_with("seed: 7", f"seed: {seed}")
    assert load_scenario_text(text).seed == seed
    assert schema_accepts(text)


@pytest.mark.parametrize("seed", [-3, limits.MAX_SEED + 1, 10**20])
def test_seeds_outside_the_range_are_refused_by_validator_and_schema(seed: int) -> None:
    text = maple_with("seed: 7", f"seed: {seed}")
    assert problems(text) == [f"x.yaml:9:7: seed: must be between 0 and {limits.MAX_SEED}, got {seed}"]
    assert not schema_accepts(text)


@pytest.mark.parametrize("command", ["simulate", "play"])
@pytest.mark.parametrize("seed", ["-3", str(2**64), "seven"])
def test_a_bad_seed_argument_is_an_argument_error(command: str, seed: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        game.cli.main([command, str(MAPLE), "--seed", seed])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert (f"argument --seed: {seed!r}" in err
            or f"argument --seed: {seed} is outside 0..{limits.MAX_SEED}" in err)


def test_simulate_runs_may_not_pass_the_largest_seed(capsys) -> None:
    assert game.cli.main(["simulate", str(MAPLE), "--seed", str(limits.MAX_SEED), "--runs", "2"]) == 2
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
                            f"{limits.MAX_OBJECTIVE_WEIGHT:g}, got 1.0e+308")
    assert not schema_accepts(text)


LONG_FIELDS = [  # (what to replace in maple.yaml, template with the long text, field path, limit)
    ("title: Maple Street in July", "title: {}", "title", limits.MAX_TITLE_CHARS),
    ("name: Loretta Jones", "name: {}", "residents[0].name", limits.MAX_NAME_CHARS),
    ("name: Ms. Jones's porch}", "name: {}}}", "places[0].name", limits.MAX_NAME_CHARS),
    ("kind: disturbance,", "kind: {},", "calls[0].kind", limits.MAX_NAME_CHARS),
    ("{say: Post it now from your phone.,", "{{say: {},", "encounters[1].nodes.open.choices[1].say",
     limits.MAX_LINE_CHARS),
    ("text: Dre nods from the bench.", "text: {}", "encounters[2].nodes.hello.text", limits.MAX_TEXT_CHARS),
    ("summary: A hot evening shift on a street that does not call the police.", "summary: {}",
     "summary", limits.MAX_TEXT_CHARS),
    ("id: shop-argument", "id: {}", "encounters[0].id", limits.MAX_ID_CHARS),
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
                     f"{limits.MAX_NAME_CHARS} (shorten it: every text on screen is laid out each frame)"]


SIDE, TILES = limits.MAX_MAP_SIDE, limits.MAX_MAP_TILES


@pytest.mark.parametrize(("width", "height"), [(SIDE + 1, 3), (3, SIDE + 1), (SIDE, TILES // SIDE + 1)])
def test_the_map_has_a_size_limit(width: int, height: int) -> None:
    rows = "\n".join("    " + ("C" if y == 0 else "#") + "#" * (width - 1) for y in range(height))
    text = maple_with("    HHPH.####.HPHH\n    ....C####....S\n    ==========....", rows)
    (line,) = [line for line in problems(text) if "map.rows" in line]
    assert f"map.rows: the map is {width}x{height} tiles; the limit is {limits.MAX_MAP_SIDE} tiles a side " \
           f"and {limits.MAX_MAP_TILES:,} tiles in all" in line


def resident(k: int) -> str:
    return f"  - {{id: extra-{k}, name: Extra {k}, home: jones-porch}}\n"


def test_residents_have_a_count_limit() -> None:
    many = "".join(resident(k) for k in range(limits.MAX_RESIDENTS))  # plus the two in maple.yaml
    text = maple_with("residents:\n", "residents:\n" + many)
    assert problems(text) == [f"x.yaml:26:3: residents: has {limits.MAX_RESIDENTS + 2:,} items; the limit "
                              f"is {limits.MAX_RESIDENTS:,} (split the scenario, or leave out what the "
                              "shift does not need)"]


def test_an_encounter_has_a_node_limit() -> None:
    nodes = "".join(f"      n{k}:\n        text: Node {k}.\n        choices: [{{say: Bye., quality: 0}}]\n"
                    for k in range(limits.MAX_ENCOUNTER_NODES))
    text = maple_with("    nodes:\n      hello:\n", "    nodes:\n" + nodes + "      hello:\n")
    (line,) = [line for line in problems(text) if "encounters[2].nodes" in line]
    assert f"has {limits.MAX_ENCOUNTER_NODES + 1} entries; the limit is {limits.MAX_ENCOUNTER_NODES}" in line


def test_the_authoring_guide_states_every_limit() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "authoring.md").read_text(encoding="utf-8")
    section = guide.split("### Limits", 1)[1].split("\n## ", 1)[0]
    for figure in (f"{limits.MAX_TITLE_CHARS} characters", f"{limits.MAX_NAME_CHARS} characters",
                   f"{limits.MAX_LINE_CHARS} characters", f"{limits.MAX_TEXT_CHARS:,} characters",
                   f"{limits.MAX_ID_CHARS} characters",
                   f"{limits.MAX_MAP_SIDE} tiles a side, {limits.MAX_MAP_TILES:,} tiles in all",
                   f"| `residents` | {limits.MAX_RESIDENTS:,} |", f"| `places` | {limits.MAX_PLACES:,} |",
                   f"| `ties` | {limits.MAX_TIES:,} |",
                   f"| nodes in one encounter | {limits.MAX_ENCOUNTER_NODES} |",
                   f"{limits.MAX_LIST_ITEMS:,} items", f"0 to {limits.MAX_SEED}",
                   f"at most {limits.MAX_OBJECTIVE_WEIGHT:g}",
                   f"{limits.MIN_SECONDS_PER_MINUTE:g} to {limits.MAX_SECONDS_PER_MINUTE:g}",
                   f"at most {limits.MAX_WINDOW_MINUTES:g}"):
        assert figure in section, figure
