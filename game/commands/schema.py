"""`schema`: print the scenario JSON Schema, write it, or check the shipped copy is current."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from game.errors import UserError
from game.scenario.schema import DRAFT, SCHEMA_FILE, schema_text

MAX_SCHEMA_BYTES = 1024 * 1024  # read no more of an existing file than a schema could be


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "schema",
        help="print the scenario JSON Schema",
        description="Print the JSON Schema (Draft 2020-12) of scenario format 2 (and 1).",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write it to FILE (replacing only an older copy of this schema)")
    action.add_argument(
        "--check", nargs="?", const=SCHEMA_FILE, type=Path, metavar="FILE",
        help=f"exit 2 unless FILE (default {SCHEMA_FILE.name} in schema/) matches",
    )
    parser.add_argument("--force", action="store_true",
                        help="with -o: overwrite FILE even if it is not a scenario schema")
    parser.set_defaults(run=run)


def _is_scenario_schema(path: Path) -> bool:
    """An existing file ``-o`` may replace: an earlier copy of this very schema."""
    try:
        document = json.loads(path.read_bytes()[:MAX_SCHEMA_BYTES].decode("utf-8"))
    except (OSError, ValueError):
        return False
    return (isinstance(document, dict) and document.get("$schema") == DRAFT
            and str(document.get("title", "")).startswith("Front Porch scenario"))


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.check is not None:
        try:
            current = args.check.read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.check}: cannot read: {exc.strerror}") from None
        if current != text:
            print(f"{args.check}: out of date; run `frontporch schema -o {args.check}`")
            return 2
        print(f"{args.check}: up to date")
    elif args.output is not None:
        if not args.force and args.output.exists() and not _is_scenario_schema(args.output):
            raise UserError(f"{args.output} exists and is not a Front Porch scenario schema; "
                            "pass --force to overwrite it")
        try:
            args.output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{args.output}: cannot write: {exc.strerror}") from None
    else:
        print(text, end="")
    return 0
