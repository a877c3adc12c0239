"""`report ID --out DIR` and `report --class [--scenario ID] --out DIR`: HTML debriefs."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="write an after-action report (or a class comparison) as HTML",
        description="Write DIR/index.html: a self-contained after-action report of session ID "
                    "(charts inline, no network, no scripts), or with --class a comparison of "
                    "all saved sessions.",
    )
    parser.add_argument("session", type=int, nargs="?", metavar="ID",
                        help="session id (see `sessions`)")
    parser.add_argument("--class", dest="class_view", action="store_true",
                        help="compare sessions instead of reporting one")
    parser.add_argument("--scenario", metavar="ID", help="with --class: only this scenario's sessions")
    parser.add_argument("--campaign", type=int, metavar="RUN",
                        help="the week's debrief of campaign run RUN (see `sessions --campaigns`)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to write index.html into")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.report.class_report import class_moments, class_report
    from game.report.html import write_page
    from game.report.session_report import session_report
    from game.sessions import SessionStore
    from game.sessions import campaigns as saved

    if args.campaign is not None:
        return _campaign(args)
    if args.class_view == (args.session is not None):
        raise UserError("give a session ID to report on, or --class to compare sessions (not both)")
    if args.scenario and not args.class_view:
        raise UserError("--scenario goes with --class")
    damaged: list[str] = []
    with SessionStore.open(read_only_ok=True) as store:
        if args.class_view:
            sessions = store.summaries(args.scenario, damaged)
            if not sessions:
                where = f" for scenario {args.scenario!r}" if args.scenario else ""
                raise UserError(f"no saved sessions{where} to compare")
            document = class_report(sessions, args.scenario, class_moments(store, sessions))
        else:
            session = store.get(args.session)
            # A campaign's day is reported as it was played: from the day before's street.
            scenario, carry = saved.session_start(store, session)
            document = session_report(session, scenario, carry)
    try:
        path = write_page(args.out, document)
    except OSError as exc:
        raise UserError(f"cannot write the report into {args.out}: {exc.strerror or exc}") from exc
    print(f"Wrote {path}")
    for message in damaged:  # left out of the comparison
        print(f"frontporch: {message}", file=sys.stderr)
    return 2 if damaged else 0


def _campaign(args: argparse.Namespace) -> int:
    from game.errors import UserError
    from game.report.html import write_page
    from game.report.week_report import week_report
    from game.sessions import SessionStore
    from game.sessions import campaigns as saved

    if args.class_view or args.session is not None or args.scenario:
        raise UserError("--campaign RUN reports one campaign run; leave out ID, --class and "
                        "--scenario")
    with SessionStore.open(read_only_ok=True) as store:
        run = next((r for r in saved.runs(store) if r.id == args.campaign), None)
        week = saved.week(store, args.campaign) if run is not None else None
    if run is None or week is None:
        raise UserError(f"campaign run {args.campaign} has no finished day to report "
                        "(`frontporch sessions --campaigns` lists the runs)")
    try:
        path = write_page(args.out, week_report(run.title, week))
    except OSError as exc:
        raise UserError(f"cannot write the report into {args.out}: {exc.strerror or exc}") from exc
    print(f"Wrote {path}")
    return 0
