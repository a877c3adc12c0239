"""`sessions [--json | --csv] [--scenario ID]`: list saved sessions, or export them for a class."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "sessions", help="list saved sessions (or export them as JSON or CSV)",
        description="List the saved sessions in the session database ($FRONTPORCH_DB or the "
                    "user data folder): id, when, scenario, trainee, bot, trust, score.",
    )
    form = parser.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true", help="print only a JSON list on stdout")
    form.add_argument("--csv", action="store_true",
                      help="print only CSV on stdout: a class export for a spreadsheet")
    parser.add_argument("--scenario", metavar="ID", help="only sessions of this scenario id")
    parser.set_defaults(run=run)


def _table(rows: list) -> str:
    if not rows:
        return "No sessions saved yet. Play a shift, or run `simulate SCENARIO --save`."
    header = f"{'id':>5}  {'when':<16}  {'scenario':<24} {'trainee':<18} {'bot':<9} {'trust':>6} {'score':>6}"
    lines = [header]
    for s in rows:
        when = s.ended_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"{s.id:>5}  {when:<16}  {s.scenario_id[:24]:<24} {(s.trainee or '-')[:18]:<18} "
                     f"{(s.bot or '-')[:9]:<9} {s.trust:>6.1f} {s.score:>6.1f}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from game.report.csv_export import sessions_csv
    from game.sessions import SessionStore

    damaged: list[str] = []
    with SessionStore.open(read_only_ok=True) as store:
        rows = store.summaries(args.scenario, damaged)
    if args.json:
        print(json.dumps([s.to_dict() for s in rows]))
    elif args.csv:
        sys.stdout.write(sessions_csv(rows))
    else:
        print(_table(rows))
    for message in damaged:  # the listing above leaves them out
        print(f"frontporch: {message}", file=sys.stderr)
    return 2 if damaged else 0
