"""`validate FILE|DIR...`: check scenario files; one line per valid file, every error of the others.

Exit 0 when every file is valid, 2 when any is invalid or unreadable.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from game.scenario import ScenarioError, load_scenario
from game.scenario.scaffold import SCENARIO_SUFFIXES


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check scenario files",
        description="Check scenario files; folders are searched for *.yaml and *.yml.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR", help="scenario files or folders")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    all_valid = True
    for argument in args.paths:
        files = scenario_files(argument)
        if not files:
            print(f"{argument}: no .yaml or .yml files in this folder")
            all_valid = False
        for path in files:
            try:
                load_scenario(path)
            except ScenarioError as exc:
                print(exc)
                all_valid = False
            else:
                print(f"{path}: ok")
    return 0 if all_valid else 2


def scenario_files(argument: str) -> list[str]:
    """The argument itself, or for a folder its scenario files (recursively, sorted)."""
    folder = Path(argument)
    if not folder.is_dir():
        return [argument]  # loading reports a missing or unreadable file
    return sorted(
        str(path) for path in folder.rglob("*")
        if path.suffix in SCENARIO_SUFFIXES and path.is_file()
    )
