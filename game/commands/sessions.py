"""`sessions [--json | --csv] [--scenario ID]`: list saved sessions, or export them for a class;
`sessions --import FILE.db`: move a laptop's SQLite sessions into the current store."""

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
    form.add_argument("--import", dest="import_from", metavar="FILE.db",
                      help="copy every session of a SQLite session file into the current store "
                           "($FRONTPORCH_DB, e.g. the academy's PostgreSQL); sessions it already "
                           "holds are skipped, so importing twice adds nothing")
    parser.add_argument("--scenario", metavar="ID", help="only sessions of this scenario id")
    parser.add_argument("--campaigns", action="store_true",
                        help="list campaign runs instead, each with its week's debrief in --json")
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

    if args.import_from:
        return _import(args.import_from, args.scenario)
    if args.campaigns:
        return _campaigns(args)
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


def _import(source_file: str, scenario: str | None) -> int:
    """Copy the sessions of ``source_file`` (read-only) into the current store, skipping those
    it already holds; a damaged session is named and left behind, the others still move."""
    from pathlib import Path

    from game.sessions import SessionStore, SessionStoreError

    source_path = Path(source_file)
    if not source_path.is_file():
        print(f"frontporch: {source_file} is not a session file; give the path of a laptop's "
              "sessions.db", file=sys.stderr)
        return 2
    damaged: list[str] = []
    added = skipped = 0
    with SessionStore.open(source_path, read_only_ok=True) as source, SessionStore.open() as target:
        if Path(target.where).resolve() == source_path.resolve():
            print(f"frontporch: {source_file} is the current store itself; set FRONTPORCH_DB to "
                  "the store to import into", file=sys.stderr)
            return 2
        for summary in source.summaries(scenario, damaged):
            try:
                session = source.get(summary.id)
            except SessionStoreError as exc:
                damaged.append(str(exc))
                continue
            if target.add(session) is None:
                skipped += 1
            else:
                added += 1
        where = target.where
    print(f"Imported {added} session(s) from {source_file} into {where}; {skipped} were already there.")
    for message in damaged:
        print(f"frontporch: {message}", file=sys.stderr)
    return 2 if damaged else 0


def _campaigns(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.sessions import SessionStore
    from game.sessions import campaigns as saved

    if args.csv or args.scenario:
        raise UserError("--campaigns lists campaign runs as a table or --json (not --csv or "
                        "--scenario)")
    damaged: list[str] = []
    with SessionStore.open(read_only_ok=True) as store:
        runs = saved.runs(store, damaged)
        weeks = {r.id: saved.week(store, r.id) for r in runs}
    debriefs = {rid: None if w is None else w.to_dict() for rid, w in weeks.items()}
    if args.json:
        print(json.dumps([{
            "run": r.id, "campaign": r.campaign_id, "title": r.title, "seed": r.seed,
            "trainee": r.trainee, "bot": r.bot, "started_at": r.started_at.isoformat(),
            "days_done": r.days_done, "days_total": r.days_total, "in_progress": r.in_progress,
            "week": debriefs[r.id]} for r in runs]))
    elif not runs:
        print("No campaigns saved yet. Run `simulate --campaign FILE --save` or "
              "`play --campaign FILE`.")
    else:
        print(f"{'run':>4}  {'campaign':<24} {'days':>6}  {'trainee':<18} {'bot':<12} {'trust':>6}")
        for r in runs:
            week = weeks[r.id]
            trust = "-" if week is None else f"{week.days[-1].trust_end:.1f}"
            print(f"{r.id:>4}  {r.campaign_id[:24]:<24} {r.days_done:>3}/{r.days_total:<2}  "
                  f"{(r.trainee or '-')[:18]:<18} {(r.bot or '-')[:12]:<12} {trust:>6}")
    for message in damaged:
        print(f"frontporch: {message}", file=sys.stderr)
    return 2 if damaged else 0
