"""`new PATH`: write a commented starter scenario that validates as it is."""

from __future__ import annotations

import argparse
from pathlib import Path

from game.scenario.scaffold import SCHEMA_BESIDE, write_starter


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="write a starter scenario",
        description="Write a commented starter scenario; never overwrites a file.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="new .yaml file to create")
    parser.add_argument("--title", help="scenario title (default: from the file name)")
    parser.add_argument("--id", dest="scenario_id", metavar="ID",
                        help="scenario id, a lowercase slug (default: from the file name)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found_schema = write_starter(args.path, args.scenario_id, args.title)
    print(f"wrote {args.path}; edit it, then check it with `frontporch validate {args.path}`")
    if not found_schema:
        beside = args.path.parent / SCHEMA_BESIDE
        print(f"for completion in your editor, put the schema beside it: `frontporch schema -o {beside}`")
    return 0
