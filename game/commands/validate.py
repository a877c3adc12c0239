"""`validate [--strict] FILE|DIR...`: check scenario files and print every problem.

Each error and warning is one ``file:line:col`` line followed by the source
line with a caret under the column; a file without errors ends with
``FILE: ok`` (and how many warnings it has). Exit 0 when every file is valid,
2 when any is invalid or unreadable, or with ``--strict`` has a warning.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.scenario import ScenarioError, load_scenario
from game.scenario.errors import quote_line
from game.scenario.scaffold import SCENARIO_SUFFIXES
from game.scenario.warnings import scenario_warnings
from game.scenario.yamlnodes import decode


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check scenario files",
        description="Check scenario files; folders are searched for *.yaml and *.yml. Errors make "
                    "a file invalid; warnings point at likely mistakes in a file that still plays.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR", help="scenario files or folders")
    parser.add_argument("--strict", action="store_true",
                        help="treat warnings as errors (exit 2 if any file has one)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    all_valid = True
    for argument in args.paths:
        files = scenario_files(argument)
        if not files:
            print(f"{argument}: no .yaml or .yml files in this folder")
            all_valid = False
        for path in files:
            all_valid = check_file(path, args.strict) and all_valid
    return 0 if all_valid else 2


def check_file(path: str, strict: bool) -> bool:
    """Print what is wrong with one file; True when it passes (warnings only fail ``strict``)."""
    try:
        scenario = load_scenario(path)
    except ScenarioError as exc:
        print(exc.quoted())
        return False
    warnings = scenario_warnings(scenario)
    text = decode(scenario.content, path) if warnings else ""
    for warning in warnings:
        print(warning.format(path))
        for line in quote_line(text, warning.line, warning.column):
            print(line)
    count = len(warnings)
    print(f"{path}: ok" + (f" ({count} warning{'s' if count > 1 else ''})" if count else ""))
    return not (strict and warnings)


def scenario_files(argument: str) -> list[str]:
    """The argument itself, or for a folder its scenario files (recursively, sorted)."""
    folder = Path(argument)
    if not folder.is_dir():
        return [argument]  # loading reports a missing or unreadable file
    return sorted(
        str(path) for path in folder.rglob("*")
        if path.suffix in SCENARIO_SUFFIXES and path.is_file()
    )
