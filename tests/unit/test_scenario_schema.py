"""The JSON Schema is generated from the spec, shipped in sync, and agrees with the validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from game.scenario.scaffold import starter_text
from game.scenario.schema import SCHEMA_FILE, scenario_schema, schema_text

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "scenarios"
VALID = sorted((FIXTURES / "valid").glob("*.yaml")) + sorted((REPO / "scenarios").glob("*.yaml"))
BROKEN = sorted((FIXTURES / "broken").glob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(scenario_schema())


def schema_verdict(path: Path) -> str:
    """What the fixture's second line says the schema does with it."""
    return path.read_text(encoding="utf-8").splitlines()[1].removeprefix("# schema: ")


def errors(document: Any) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(document)]


def test_shipped_schema_file_is_current() -> None:
    assert SCHEMA_FILE == REPO / "schema" / "scenario.schema.json"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text()


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(schema_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "frontporch validate" in schema["description"] and "references" in schema["description"]


def test_schema_carries_the_spec() -> None:
    schema = scenario_schema()
    resident = schema["properties"]["residents"]["items"]
    assert schema["required"] == ["format", "id", "title", "shift", "map", "places", "residents"]
    assert resident["properties"]["trust"] == {
        "description": "Trust in the police at the start, 0..100.",
        "type": "number", "minimum": 0, "maximum": 100, "default": 50.0}
    assert resident["additionalProperties"] is False
    assert schema["properties"]["shift"]["properties"]["seconds_per_minute"]["default"] == 1.5
    trigger = (schema["properties"]["encounters"]["items"]["properties"]["when"])
    assert trigger["anyOf"] == [{"required": ["call"]}, {"required": ["event"]},
                                {"required": ["resident"]}, {"required": ["breach"]},
                                {"required": ["flag"]}]
    assert trigger["dependentSchemas"]["call"] == {"properties": {
        "event": False, "resident": False, "breach": False, "flag": False}}
    assert trigger["dependentRequired"] == {"familiarity_at_least": ["resident"]}
    tuning = schema["properties"]["tuning"]
    assert tuning["additionalProperties"] is False
    assert tuning["properties"]["spread"]["minimum"] == 0 and tuning["properties"]["spread"]["maximum"] == 1
    assert tuning["properties"]["walk_speed"]["exclusiveMinimum"] == 0


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_schema_accepts_valid_scenarios(path: Path) -> None:
    assert errors(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


def test_schema_accepts_the_starter() -> None:
    assert errors(yaml.safe_load(starter_text("x", "X", "s.json"))) == []


@pytest.mark.parametrize("path", [p for p in BROKEN if schema_verdict(p) in ("rejects", "accepts")],
                         ids=lambda p: p.stem)
def test_schema_and_validator_split_the_broken_fixtures(path: Path) -> None:
    """Structural mistakes: both reject. Semantic ones (references, map, times): validator only."""
    found = errors(yaml.safe_load(path.read_text(encoding="utf-8")))
    assert bool(found) == (schema_verdict(path) == "rejects"), found
