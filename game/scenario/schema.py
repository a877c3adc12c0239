"""JSON Schema (Draft 2020-12) for scenario format 2 (which reads format 1 too), from the spec.

Editors (yaml-language-server) use it for completion and hover help; the file
shipped as schema/scenario.schema.json is this document, kept in sync by a test
and by ``frontporch schema --check``. It reads values as an editor's YAML 1.2 does
and agrees with ``validate`` on them (tests/corpus holds the files that show it).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from game.scenario.model import FORMAT_VERSION
from game.scenario.spec import SCENARIO

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "scenario.schema.json"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
_DESCRIPTION = (
    "Structure of a Front Porch scenario (format {version}). Types, ranges, required "
    "and unknown fields are checked here; `frontporch validate` also checks what a "
    "schema cannot: references between ids, unique ids, map shape and tiles, places on "
    "tiles of their kind, times inside the shift, from before to, ties, and encounter "
    "graphs, and it warns about likely mistakes (roads the car cannot reach, a 0..1 value "
    "on a 0..100 scale, text cut by ' #'). Run it before sharing a scenario."
)


def scenario_schema() -> dict[str, Any]:
    body = SCENARIO.json_schema()
    return {
        "$schema": DRAFT,
        "title": f"Front Porch scenario, format {FORMAT_VERSION}",
        **body,
        "description": _DESCRIPTION.format(version=FORMAT_VERSION),
    }


def schema_text() -> str:
    """The schema exactly as shipped: stable key order, two-space indent, final newline."""
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
