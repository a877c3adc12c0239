"""Golden files for `validate` messages: tests/golden/messages/NAME.yaml is validated and its
whole output must equal NAME.out, byte for byte.

A golden is a message a person has read and approved. tests/golden/regenerate.py shows what
changed and writes a new .out only when asked (--write), after the diff has been read.
"""

from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from game.cli import main

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "messages"


def golden_inputs() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if p.suffix == ".yaml")


def render(scenario: Path) -> str:
    """What `validate --strict` prints for the file, run from the repository (relative paths),
    with the exit status as the last line."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["validate", "--strict", scenario.relative_to(REPO).as_posix()])
    finally:
        os.chdir(cwd)
    return out.getvalue() + err.getvalue() + f"exit {status}\n"


def expected(scenario: Path) -> str:
    return scenario.with_suffix(".out").read_text(encoding="utf-8")
