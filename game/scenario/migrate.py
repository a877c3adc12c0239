"""Format 1 to format 2: the same scenario, declared in the newer language.

Format 2 is format 1 plus new fields, so a format-1 file becomes format 2 by
changing the number on its ``format:`` line and nothing else. The rewrite is
made on the text, at the exact span of the number the YAML parser reports, so
comments, quoting, order and blank lines stay as the author wrote them; the
result is loaded back and must be the very same scenario before anyone writes it.
"""

from __future__ import annotations

import dataclasses

from yaml.nodes import MappingNode

from game.scenario.errors import Diagnostic, ScenarioError
from game.scenario.loader import load_scenario_text
from game.scenario.model import FORMAT_VERSION, Scenario
from game.scenario.yamlnodes import child, compose


def migrate_text(text: str, source: str) -> str | None:
    """The text rewritten as the current format, or None when it already is.

    Raises ScenarioError when the file does not load as it stands (fix it first:
    migrating an invalid file would only move its errors).
    """
    before = load_scenario_text(text, source)
    if before.format == FORMAT_VERSION:
        return None
    root = compose(text, source)
    value = child(root, "format") if isinstance(root, MappingNode) else None
    assert value is not None  # the file loaded, so it has a format
    start, end = value.start_mark.index, value.end_mark.index
    migrated = text[:start] + str(FORMAT_VERSION) + text[end:]
    after = load_scenario_text(migrated, source)
    if _meaning(after) != _meaning(before):  # pragma: no cover - format 2 is a superset
        raise ScenarioError(source, [Diagnostic(
            f"reads differently as format {FORMAT_VERSION}; the file was left as it is",
            hint="please report this with the file attached")])
    return migrated


def _meaning(scenario: Scenario) -> Scenario:
    """What the scenario says, leaving out the format number and the file it came from."""
    return dataclasses.replace(scenario, format=FORMAT_VERSION, content_hash="", content=b"")
