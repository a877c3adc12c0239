"""Scenario files in, ``Scenario`` objects out, or one ``ScenarioError`` listing every problem.

The steps, each refusing bad input with a clean message: read at most 4 MiB,
decode UTF-8, compose YAML into nodes (safe, alias-checked), walk the nodes
with the format-1 spec, then resolve references once every id is known.
"""

from __future__ import annotations

import hashlib
import os

from yaml.nodes import MappingNode

from game.scenario.context import ROOT, Context, TooManyErrors
from game.scenario.errors import Diagnostic, ScenarioError
from game.scenario.model import Scenario
from game.scenario.spec import SCENARIO
from game.scenario.yamlnodes import compose, decode, describe, is_foreign, mark, read_limited


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and validate a scenario file; messages name the path as given."""
    source = os.fspath(path)
    return _load(read_limited(path, source), source)


def load_scenario_text(text: str, source: str = "<text>") -> Scenario:
    """Load and validate scenario YAML held in memory (editors, tests, hot reload)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ScenarioError(source, [Diagnostic(f"not valid Unicode text: {exc.reason}")]) from None
    return _load(data, source)


def load_scenario_bytes(data: bytes, source: str) -> Scenario:
    """Load and validate scenario file bytes kept elsewhere (the session store's copy)."""
    return _load(data, source)


def _load(data: bytes, source: str) -> Scenario:
    text = decode(data, source)
    try:
        return _check(data, text, source)
    except ScenarioError as exc:
        exc.text = text  # so messages can quote the line they are about
        raise


def document_root(text: str, source: str, kind: str, starter: str) -> MappingNode:
    """The top-level mapping of a file's text, or a ScenarioError saying what is wrong.

    ``kind`` names the file ("scenario", "campaign"); ``starter`` says where a starter is.
    """
    root = compose(text, source)
    if root is None:
        raise ScenarioError(source, [Diagnostic("the file is empty", hint=starter)])
    if root.__class__ is not MappingNode or is_foreign(root):
        raise ScenarioError(source, [Diagnostic(
            f"the top level must be a mapping of {kind} fields, got {describe(root)}", *mark(root),
            hint=(f"tags are not allowed: {kind}s hold plain data only" if is_foreign(root)
                  else "start with lines such as 'format: 1', 'id: ...', 'title: ...'"),
        )])
    assert isinstance(root, MappingNode)
    return root


def _check(data: bytes, text: str, source: str) -> Scenario:
    root = document_root(text, source, "scenario", "`frontporch new PATH` writes a starter")
    ctx = Context(text)
    provenance = {"source": source, "content_hash": hashlib.sha256(data).hexdigest(),
                  "content": data}
    try:
        scenario: Scenario = SCENARIO.check(root, ROOT, ctx, provenance)
        ctx.resolve_references()
    except TooManyErrors:
        raise ScenarioError(source, ctx.diagnostics, stopped_early=True) from None
    if ctx.diagnostics:
        raise ScenarioError(source, ctx.diagnostics)
    return scenario
