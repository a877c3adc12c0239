"""The state of one walk over a scenario's node tree.

The spec's field types are stateless; everything one file needs while it is
checked lives here: the diagnostics so far, the ids each list defines, the
references waiting to be resolved once every id is known (``goto`` may name a
node written further down), and the top-level values already built (spec order
is dependency order, so ``shift`` is known before any time is read).
"""

from __future__ import annotations

import json
import re
from typing import Any

from yaml.nodes import Node, ScalarNode

from game.scenario.errors import Diagnostic, did_you_mean
from game.scenario.yamlnodes import describe, is_foreign, mark

# A field path as nested pairs (parent, key): cheap to extend per node, formatted
# only when an error needs it. None is the top level.
FieldPath = Any
ROOT: FieldPath = None

MAX_DIAGNOSTICS = 1000  # past this many the file is hopeless; stop walking
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


class TooManyErrors(Exception):
    """Raised inside the walk once ``MAX_DIAGNOSTICS`` is reached."""


def format_path(path: FieldPath) -> str:
    """``residents[0].home``; keys that are not identifiers are quoted: ``map.legend["#"]``."""
    keys: list[str | int] = []
    while path is not None:
        path, key = path
        keys.append(key)
    out = ""
    for key in reversed(keys):
        if isinstance(key, int):
            out += f"[{key}]"
        elif _PLAIN_KEY.fullmatch(key):
            out += f".{key}" if out else key
        else:
            out += f"[{json.dumps(key, ensure_ascii=False)}]"
    return out


class Context:
    """Diagnostics, id tables and pending references for one file."""

    def __init__(self, text: str) -> None:
        self.text = text  # for positions inside block scalars
        self.diagnostics: list[Diagnostic] = []
        self.top: dict[str, Any] = {}  # valid top-level values built so far, by field name
        self.scope: object = None  # the record that owns local ids (an encounter's nodes)
        self._defined: dict[tuple[str, object], dict[str, None]] = {}  # (kind, scope) -> ids, in order
        self._refs: list[tuple[str, object, str, Node, FieldPath]] = []
        self._unusable: set[str] = set()  # kinds whose defining list was not even a list

    # --- reporting -------------------------------------------------------------
    def error(
        self,
        node: Node,
        path: FieldPath,
        message: str,
        hint: str = "",
        at: tuple[int, int] | None = None,
    ) -> None:
        """Record a problem at ``node`` (or at an exact position ``at`` inside it)."""
        line, column = at or mark(node)
        self.diagnostics.append(Diagnostic(message, line, column, format_path(path), hint))
        if len(self.diagnostics) >= MAX_DIAGNOSTICS:
            raise TooManyErrors

    def expected(self, node: Node, path: FieldPath, what: str, textual: bool = False) -> None:
        """Report a value of the wrong type, with the most useful hint for what was written.

        ``textual``: the field wants text, so a number or yes/no only needs quotes.
        """
        if is_foreign(node):
            hint = "tags are not allowed: scenarios hold plain data only"
        elif node.tag.endswith(":null"):
            hint = "write a value after the colon"
        elif textual and isinstance(node, ScalarNode):
            hint = "put it in quotes to make it text"
        else:
            hint = ""
        self.error(node, path, f"expected {what}, got {describe(node)}", hint)

    def format_has(self, since: int) -> bool:
        """Whether the file's declared format has what came in format ``since`` (a missing or
        wrong format is reported on its own line, so then everything is allowed)."""
        declared = self.top.get("format")
        return declared is None or declared >= since

    def format_allows(self, since: int, node: Node, path: FieldPath, what: str) -> bool:
        """Whether the file's declared format has a feature; says how to get it if not."""
        if self.format_has(since):
            return True
        declared = self.top["format"]
        self.error(node, path, f"{what} needs format: {since}, and this file is format {declared}",
                   f"change the first line to 'format: {since}' "
                   "(`frontporch migrate FILE` does it and keeps your comments)")
        return False

    # --- ids and references ----------------------------------------------------
    def define(self, kind: str, local: bool, value: str) -> None:
        """Register an id of ``kind`` (lists and mappings report their own duplicates)."""
        self._defined.setdefault((kind, self.scope if local else None), {})[value] = None

    def cannot_define(self, kind: str) -> None:
        """The list defining ``kind`` ids is unusable (and reported): references to them
        are not reported again, one by one, as unknown."""
        self._unusable.add(kind)

    def refer(self, kind: str, local: bool, value: str, node: Node, path: FieldPath) -> None:
        """Remember a reference; ``resolve_references`` checks it once every id is known."""
        self._refs.append((kind, self.scope if local else None, value, node, path))

    def resolve_references(self) -> None:
        for kind, scope, value, node, path in self._refs:
            if kind in self._unusable:
                continue
            defined = self._defined.get((kind, scope), {})
            if value not in defined:
                known = list(defined)
                kinds = kind[:-1] + "ies" if kind.endswith("y") else kind + "s"
                hint = did_you_mean(value, known) or (
                    f"known {kinds}: {_few(known)}" if known else f"no {kinds} are defined"
                )
                self.error(node, path, f"unknown {kind} '{value}'", hint)


def _few(names: list[str], limit: int = 6) -> str:
    return ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")
