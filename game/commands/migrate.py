"""`migrate FILE`: rewrite a format-1 scenario as format 2, keeping its comments."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from game.errors import UserError
from game.scenario.migrate import migrate_text
from game.scenario.model import FORMAT_VERSION
from game.scenario.yamlnodes import decode, read_limited


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help=f"rewrite a scenario as format {FORMAT_VERSION}",
        description=f"Rewrite a valid scenario file as format {FORMAT_VERSION}, in place, "
                    "keeping its comments and layout; it reads exactly as before.",
    )
    parser.add_argument("path", type=Path, metavar="FILE", help="scenario YAML file")
    parser.add_argument("--check", action="store_true",
                        help=f"change nothing; exit 2 if FILE is not format {FORMAT_VERSION} yet")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.path
    source = str(path)
    migrated = migrate_text(decode(read_limited(path, source), source), source)
    if migrated is None:
        print(f"{path}: already format {FORMAT_VERSION}")
        return 0
    if args.check:
        print(f"{path}: format 1; run `frontporch migrate {path}`")
        return 2
    _replace(path, migrated)
    print(f"{path}: now format {FORMAT_VERSION}")
    return 0


def _replace(path: Path, text: str) -> None:
    """Write beside the file, then swap it in: a failed write never leaves half a scenario,
    and the file keeps its permissions."""
    handle, temporary = -1, ""
    try:
        mode = path.stat().st_mode
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
        raise UserError(f"{path}: cannot write: {exc.strerror}") from None
