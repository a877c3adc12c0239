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
        return locate(source, self.line, self.column, self.path, self.message, self.hint)


def locate(source: str, line: int | None, column: int | None, path: str, message: str,
           hint: str = "", severity: str = "") -> str:
    """``file:LINE:COL: [severity:] path: message (hint)``, the one-line form of errors and
    warnings (errors carry no severity word: that is what a line without one means)."""
    where = source if line is None else f"{source}:{line}:{column}"
    label = f" {severity}:" if severity else ""
    field = f" {path}:" if path else ""
    hint = f" ({hint})" if hint else ""
    return f"{where}:{label}{field} {message}{hint}"


MAX_QUOTED_CHARS = 100  # a quoted source line is cut around the column past this


def quote_line(text: str, line: int | None, column: int | None) -> list[str]:
    """The source line with a caret under the column, Rust/Elm style::

        16 |     trust: 101
           |            ^

    Empty when there is no position or it lies outside the text. A tab is shown as one
    space and any other control character as U+FFFD, one character each, so the caret
    stays under the character it points at and the quote stays one line.
    """
    lines = text.split("\n")
    if not text or line is None or column is None or not 1 <= line <= len(lines):
        return []
    shown = "".join(char if char.isprintable() else " " if char == "\t" else "\ufffd"
                    for char in lines[line - 1].rstrip("\r"))
    caret = max(0, min(column - 1, len(shown)))
    if len(shown) > MAX_QUOTED_CHARS:  # keep the caret's neighbourhood of a very long line
        start = max(0, caret - MAX_QUOTED_CHARS // 2)
        shown = ("..." if start else "") + shown[start:start + MAX_QUOTED_CHARS]
        caret = caret - start + (3 if start else 0)
    number = str(line)
    gutter = " " * len(number)
    return [f" {number} | {shown}", f" {gutter} | {' ' * caret}^"]


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
        self.text = ""  # the decoded file, once known: lets ``quoted`` show the lines
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        shown = [d.format(self.source) for d in self.diagnostics[:SHOWN_DIAGNOSTICS]]
        return shown + self._more()

    def quoted(self) -> str:
        """Every problem with its source line and a caret (what `validate` prints)."""
        out: list[str] = []
        for diagnostic in self.diagnostics[:SHOWN_DIAGNOSTICS]:
            out.append(diagnostic.format(self.source))
            out.extend(quote_line(self.text, diagnostic.line, diagnostic.column))
        return "\n".join(out + self._more())

    def _more(self) -> list[str]:
        hidden = len(self.diagnostics) - SHOWN_DIAGNOSTICS
        if hidden <= 0 and not self.stopped_early:
            return []
        more = f"... and {max(hidden, 0)} more errors"
        if self.stopped_early:
            more += " (checking stopped there; fix these first)"
        return [more]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A hint naming the closest candidate, or "" when nothing is close enough to help."""
    close = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""
