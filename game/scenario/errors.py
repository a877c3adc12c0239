"""What a scenario author sees when a file is wrong: one error type holding every problem.

Instructors fix files in an editor, so each diagnostic names the place exactly
(``file:LINE:COL``, 1-based, at the offending value), the field path and, where
we can guess it, the fix.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from game.errors import UserError

SHOWN_DIAGNOSTICS = 50  # lines printed before "... and N more"


@dataclass(frozen=True)
class Diagnostic:
    """One problem in a file. ``line``/``column`` are None for file-level problems."""

    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str = ""  # field path such as residents[0].home; empty for syntax errors
    hint: str = ""

    def format(self, source: str) -> str:
        where = source if self.line is None else f"{source}:{self.line}:{self.column}"
        field = f" {self.path}:" if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{where}:{field} {self.message}{hint}"


def _file_order(diagnostic: Diagnostic) -> tuple[int, int]:
    return (diagnostic.line or 0, diagnostic.column or 0)


class ScenarioError(UserError):
    """A scenario file cannot be used; ``diagnostics`` lists every problem found, in file order."""

    def __init__(
        self, source: str, diagnostics: Iterable[Diagnostic], stopped_early: bool = False
    ) -> None:
        self.source = source
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(diagnostics, key=_file_order))
        self.stopped_early = stopped_early  # True when checking stopped at a cap
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        shown = [d.format(self.source) for d in self.diagnostics[:SHOWN_DIAGNOSTICS]]
        hidden = len(self.diagnostics) - len(shown)
        if hidden > 0 or self.stopped_early:
            more = f"... and {hidden} more errors"
            if self.stopped_early:
                more += " (checking stopped there; fix these first)"
            shown.append(more)
        return shown


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or "" when nothing is close enough to help."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
