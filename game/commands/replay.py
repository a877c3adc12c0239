"""`replay ID [--json | --watch]`: re-run a saved session's actions and check it ends exactly as recorded."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's modules load only when a replay is watched
    from game.app.main import Game
    from game.scenario.model import Scenario
    from game.sessions.store import Session
    from game.sim.carry import DayCarry


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
    parser.add_argument("--watch", action="store_true",
                        help="show the recorded shift in the game window (input only pauses, "
                             "zooms and changes speed)")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="with --watch: game-time multiplier (default: 1)")
    parser.add_argument("--frames", type=int, default=None,
                        help="with --watch: stop after N frames (for tests and demos)")
    parser.add_argument("--screenshot", type=Path, default=None, metavar="PATH",
                        help="with --watch: save the last frame as an image")
    parser.set_defaults(run=run)


def watch_game(session: Session, scenario: Scenario, speed: float = 1.0, frames: int | None = None,
               screenshot: Path | None = None, carry: DayCarry | None = None) -> Game:
    """The game window showing ``session`` played back through the real play scene, hands off.

    ``carry``: a campaign day is watched from the street the day before left.

    The window is the trainee's own game (no autoplay, no bot, no recorded
    trainee's name); only the replay scene runs in a watching app whose
    recorder is off. Leaving the replay returns to the trainee's game, and
    nothing watched is ever saved.
    """
    import os

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app.context import LaunchOptions
    from game.app.main import Game
    from game.app.scenes.replay import ReplayScene, Watched, watching_app
    from game.sessions.replay import ActionPlayback
    from game.sim.simulation import Simulation

    game = Game(LaunchOptions(frames=frames, screenshot=screenshot))
    summary = session.summary
    watched = Watched(summary.id, session.recording.ticks, summary.trainee)
    game.scene = ReplayScene(watching_app(game.app, speed), scenario,
                             Simulation(scenario, summary.seed, carry=carry),
                             ActionPlayback(session.recording.action_log()), watched)
    return game


def run(args: argparse.Namespace) -> int:
    from game.sessions import SessionStore, replay
    from game.sessions import campaigns as saved
    from game.sessions.recording import to_json
    from game.sim.rules import RULES_VERSION

    with SessionStore.open(read_only_ok=True) as store:
        session = store.get(args.session)
        # A campaign's day starts from the street the day before left: replay it from that.
        scenario, carry = saved.session_start(store, session)
    if args.watch:
        if args.speed <= 0:
            from game.errors import UserError

            raise UserError("--speed must be greater than 0")
        return watch_game(session, scenario, args.speed, args.frames, args.screenshot,
                          carry).run()
    outcome = replay(session, scenario, carry)
    summary = session.summary
    results = outcome.sim.results()
    if args.json:
        print(to_json({
            "session_id": summary.id, "scenario": summary.scenario_id, "bot": summary.bot,
            **results.summary(), "matches": outcome.matches, "differences": list(outcome.differences),
            "rules_version": {"recorded": outcome.recorded_rules, "now": RULES_VERSION},
        }, "replay", compact=False))
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
    if outcome.matches:
        return 0
    # Under other rules a difference is expected, not damage: say why, what moved, and exit 0.
    print(f"frontporch: session {summary.id} was {outcome.rules_note()}:" if outcome.rules_changed
          else f"frontporch: the replay of session {summary.id} DIFFERS from the recording:",
          file=sys.stderr)
    for line in outcome.differences:
        print(f"  {line}", file=sys.stderr)
    return 0 if outcome.rules_changed else 1
