"""`replay ID [--json]`: re-run a saved session's actions and check it ends exactly as recorded."""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "replay", help="re-run a saved session and check the results are identical",
        description="Load the scenario a session was played on, apply its recorded actions on "
                    "its recorded seed, and compare the end of the shift with the recording. "
                    "Exit status 1 if they differ.",
    )
    parser.add_argument("session", type=int, metavar="ID", help="session id (see `sessions`)")
    parser.add_argument("--json", action="store_true",
                        help="print only a JSON object on stdout (the figures of `simulate --json`)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from game.sessions import SessionStore, load_recorded_scenario, replay

    with SessionStore.open() as store:
        session = store.get(args.session)
    scenario, warnings = load_recorded_scenario(session.summary)
    for warning in warnings:
        print(warning, file=sys.stderr)
    outcome = replay(session, scenario)
    summary = session.summary
    results = outcome.sim.results()
    if args.json:
        print(json.dumps({
            "session_id": summary.id, "scenario": summary.scenario_id, "bot": summary.bot,
            **results.summary(), "matches": outcome.matches, "differences": list(outcome.differences),
        }))
    else:
        figures = results.summary()
        response = figures["mean_response_minutes"]
        print(f"Session {summary.id} · {summary.scenario_id} · seed {summary.seed}"
              f"{f' · bot {summary.bot}' if summary.bot else ''}"
              f"{f' · {summary.trainee}' if summary.trainee else ''} · "
              f"{len(session.recording.actions)} actions over {session.recording.ticks} ticks")
        print(f"trust {figures['trust']:.2f} · score {figures['score']:.2f} · calls in time "
              f"{figures['calls_in_time']}/{figures['calls_total']} · stories "
              f"{figures['stories_heard']} · mean response "
              f"{'-' if response is None else f'{response:.2f} min'}")
        if outcome.matches:
            print("The replay matches the recording exactly: results, trust ledger, trust "
                  "history and maps are identical.")
    if not outcome.matches:
        print(f"frontporch: the replay of session {summary.id} DIFFERS from the recording:",
              file=sys.stderr)
        for line in outcome.differences:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
