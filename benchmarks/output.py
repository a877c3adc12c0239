"""How every benchmark prints: one JSON object with --json, else lines for a person to read."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable


def emit(result: dict, as_json: bool, lines: Callable[[dict], Iterable[str]]) -> int:
    """Print the result either way; the exit status for ``main`` (0)."""
    print(json.dumps(result) if as_json else "\n".join(lines(result)))
    return 0


def key_values(result: dict) -> list[str]:
    """One ``key  value`` line per figure, keys right-aligned."""
    width = max(map(len, result), default=0)
    return [f"{key:>{width}}  {value}" for key, value in result.items()]
