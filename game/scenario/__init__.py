"""Scenario files: safe YAML loading, validation with file:line:col errors, JSON Schema, scaffolding.

No pygame and no clock here: the CLI's ``validate``/``schema``/``new`` and the
simulation both import this package.
"""

from __future__ import annotations

from game.scenario.errors import Diagnostic, ScenarioError
from game.scenario.loader import load_scenario, load_scenario_bytes, load_scenario_text
from game.scenario.yamlnodes import MAX_FILE_BYTES

__all__ = ["MAX_FILE_BYTES", "Diagnostic", "ScenarioError", "load_scenario", "load_scenario_bytes",
           "load_scenario_text"]
