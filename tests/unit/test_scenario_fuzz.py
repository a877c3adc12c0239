"""Property: whatever happens to a valid scenario, loading it either works or
raises ScenarioError with positioned, formatted diagnostics. Never anything else."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from yaml12 import load_like_an_editor

from game.scenario import ScenarioError, load_scenario, load_scenario_text
from game.scenario.model import Scenario
from game.scenario.schema import scenario_schema
from game.scenario.warnings import scenario_warnings

MAPLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"
TEXT = MAPLE.read_text(encoding="utf-8")
DATA = yaml.safe_load(TEXT)
SCHEMA = jsonschema.Draft202012Validator(scenario_schema())
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=12), st.sampled_from(["16:00", "25:99", "jones-porch", "c1", "open", "", "~"]),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=8)


def _containers(node: Any, found: list[Any]) -> list[Any]:
    if isinstance(node, (dict, list)):
        found.append(node)
        for child in node.values() if isinstance(node, dict) else node:
            _containers(child, found)
    return found


def load_outcome(text: str) -> None:
    """Load; the only acceptable failure is a ScenarioError whose lines are well formed."""
    try:
        scenario = load_scenario_text(text, "fuzz.yaml")
    except ScenarioError as exc:
        assert exc.diagnostics
        for line in exc.lines():
            assert line.startswith("fuzz.yaml") or line.startswith("... and ")
        quoted, at = exc.quoted(), 0
        for diagnostic in exc.diagnostics[:50]:  # each message, in order, with its quote after it
            at = quoted.index(diagnostic.format("fuzz.yaml"), at)
    else:
        assert isinstance(scenario, Scenario)
        for warning in scenario_warnings(scenario):  # warnings never fail on a valid file
            assert warning.format("fuzz.yaml").startswith("fuzz.yaml")


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """Delete keys, replace values with random ones, swap values between places."""
    data = copy.deepcopy(DATA)
    for _ in range(draw(st.integers(1, 4))):
        containers = _containers(data, [])
        target = draw(st.sampled_from(containers))
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        if not keys:
            continue
        key = draw(st.sampled_from(keys))
        action = draw(st.sampled_from(["delete", "replace", "swap"]))
        if action == "delete":
            del target[key]
        elif action == "replace":
            target[key] = draw(values)
        else:
            other = draw(st.sampled_from(containers))
            other_keys = list(other) if isinstance(other, dict) else list(range(len(other)))
            if other_keys:
                other_key = draw(st.sampled_from(other_keys))
                target[key], other[other_key] = other[other_key], target[key]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@FUZZ
@given(mutated_documents())
def test_mutated_documents_load_or_fail_cleanly(text: str) -> None:
    load_outcome(text)


@FUZZ
@given(mutated_documents())
def test_schema_never_rejects_what_the_validator_accepts(text: str) -> None:
    """The schema is looser (no references, no map geometry), never stricter."""
    try:
        load_scenario_text(text, "fuzz.yaml")
    except ScenarioError:
        return
    assert list(SCHEMA.iter_errors(load_like_an_editor(text))) == []


@FUZZ
@given(st.data())
def test_mangled_text_loads_or_fails_cleanly(data: st.DataObject) -> None:
    text = TEXT
    for _ in range(data.draw(st.integers(1, 5))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 40)))
        insert = data.draw(st.one_of(
            st.text(max_size=10),
            st.sampled_from(["&a ", "*a", "!!python/name:os.system ", "{", "]", ": ", "\n- ", "\t",
                             "<<: ", "? ", "---\n", "|\n", "'", '"', "#", "%YAML 1.1\n"]),
        ))
        text = text[:start] + insert + text[end:]
    load_outcome(text)


@FUZZ
@given(blob=st.binary(max_size=300))
def test_random_bytes_fail_cleanly(blob: bytes, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.getbasetemp() / "fuzz.yaml"
    path.write_bytes(blob)
    try:
        load_scenario(path)
    except ScenarioError as exc:
        assert all(line.startswith(str(path)) for line in exc.lines())
