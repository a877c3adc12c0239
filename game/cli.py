"""The one command line: `python run_game.py`, `python -m game` and `frontporch`.

Exit status: 0 success, 2 invalid input (bad scenario, bad arguments), 1 internal error.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from collections.abc import Sequence

import game
from game.errors import UserError

# Subcommands in the order `--help` lists them; each is game/commands/<name>.py.
COMMANDS: tuple[str, ...] = (
    "play",
    "validate",
    "new",
    "schema",
    "migrate",
    "simulate",
    "balance",
    "replay",
    "report",
    "sessions",
    "serve",
)
DEFAULT_COMMAND = "play"


class _Parser(argparse.ArgumentParser):
    """argparse exits 2 on bad arguments already; keep its message on one line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="frontporch",
        description="Front Porch: a community-policing training game.",
    )
    parser.add_argument("--version", action="version", version=f"frontporch {game.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        module = importlib.import_module(f"game.commands.{name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # a clean terminal for errors
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if DEFAULT_COMMAND in COMMANDS and (not args_list or args_list[0].startswith("-")) and not (
        set(args_list) & {"-h", "--help", "--version"}
    ):
        args_list.insert(0, DEFAULT_COMMAND)
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args) or 0)
    except UserError as exc:
        print(f"frontporch: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("frontporch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: never a traceback
        if os.environ.get("FRONTPORCH_DEBUG"):
            traceback.print_exc()
        print(
            f"frontporch: internal error: {type(exc).__name__}: {exc}\n"
            "  This is a bug. Run again with FRONTPORCH_DEBUG=1 to see the details.",
            file=sys.stderr,
        )
        return 1
