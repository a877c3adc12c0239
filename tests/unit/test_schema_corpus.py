"""One truth for editor and validator: on a corpus of valid and broken files, the JSON Schema
(fed YAML as an editor reads it) and `validate --strict` give the same verdict.

Each file in tests/corpus/ says what both should do (``# validate: ok|warns|error``,
``# schema: accepts|rejects``). Two rules hold for every file:
- the schema never refuses a file `validate --strict` accepts (the editor would underline a
  correct file);
- where the schema accepts a file `validate` refuses or warns about, the file names the reason
  (``# beyond-schema: ...``): references, map geometry, times and the like, which JSON Schema
  cannot express.
"""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml
from yaml12 import load_like_an_editor

from game.scenario import ScenarioError, load_scenario
from game.scenario.schema import scenario_schema
from game.scenario.warnings import scenario_warnings

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "corpus"
FILES = sorted(CORPUS.glob("*.yaml"))
VALIDATOR = jsonschema.Draft202012Validator(scenario_schema())


def header(path: Path) -> dict[str, str]:
    fields = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(": ")
        fields[key] = value
    return fields


def validate_verdict(path: Path) -> str:
    try:
        scenario = load_scenario(path)
    except ScenarioError:
        return "error"
    return "warns" if scenario_warnings(scenario) else "ok"


def schema_messages(path: Path) -> list[str]:
    """What the editor underlines: YAML errors, or the schema's messages."""
    try:
        document = load_like_an_editor(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"YAML: {exc}"]
    return [error.message for error in VALIDATOR.iter_errors(document)]


def test_the_corpus_is_big_enough() -> None:
    verdicts = [header(p)["validate"] for p in FILES]
    assert len(FILES) >= 40
    assert verdicts.count("ok") >= 8 and verdicts.count("error") >= 20 and verdicts.count("warns") >= 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_editor_and_validator_agree(path: Path) -> None:
    said = header(path)
    validated = validate_verdict(path)
    messages = schema_messages(path)
    schema = "rejects" if messages else "accepts"
    assert (validated, schema) == (said["validate"], said["schema"]), messages
    if validated == "ok":
        assert schema == "accepts", messages
    elif schema == "accepts":
        assert said.get("beyond-schema"), "the schema lets this through: say why it cannot check it"
    else:
        assert "beyond-schema" not in said


@pytest.mark.parametrize("path", [p for p in FILES if p.stem.startswith("trigger-")], ids=lambda p: p.stem)
def test_trigger_messages_name_the_field_not_multiple_schemas(path: Path) -> None:
    messages = schema_messages(path)
    assert messages and not any("valid under each of" in m for m in messages), messages
