"""`simulate SCENARIO --bot NAME --seed N --runs K [--json] [--explain] [--save] [--jobs J]`: headless
bot shifts; ``--explain`` says, call by call and objective by objective, why the shift went so."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import nullcontext
from datetime import datetime, timezone
from typing import Any

from game.commands import arguments


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "simulate", help="run bot-played shifts headless and report the figures",
        description="Run K shifts of SCENARIO played by a strategy bot, with seeds N..N+K-1, "
                    "as fast as possible.",
    )
    parser.add_argument("scenario", nargs="?", help="scenario YAML file (or give --campaign)")
    parser.add_argument("--campaign", metavar="FILE",
                        help="play a whole campaign (docs/campaigns.md) instead of one scenario")
    parser.add_argument("--seeds", type=int, default=1,
                        help="with --campaign: how many weeks, campaign seeds N.. (default: 1)")
    parser.add_argument("--continue", dest="resume", action="store_true",
                        help="with --campaign: play the rest of its latest unfinished saved run")
    parser.add_argument("--bot", default="balanced",
                        help="strategy: car, walk, balanced, random or another member of the "
                             "family `balance` plays (default: balanced)")
    parser.add_argument("--seed", type=arguments.seed, default=None,
                        help="first seed (default: the scenario's own seed)")
    parser.add_argument("--runs", type=int, default=1, help="how many shifts (default: 1)")
    parser.add_argument("--json", action="store_true",
                        help="print exactly one JSON object on stdout")
    parser.add_argument("--explain", action="store_true",
                        help="say for each call when it came in, whether and how fast it was reached "
                             "and why not, and for each objective whether it was met and why not "
                             "(with --json: an \"explain\" object in each run)")
    parser.add_argument("--save", action="store_true",
                        help="save each run as a session (replay and report it later); each run "
                             "gets its session_id (saved runs play one at a time)")
    add_jobs_argument(parser)
    parser.set_defaults(run=run)


def cores_available() -> int:
    """The cores this process may run on (the default for ``--jobs``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def add_jobs_argument(parser: argparse.ArgumentParser) -> None:
    """``--jobs N``, shared with `balance`: shifts at once, one process each."""
    parser.add_argument("--jobs", type=int, default=cores_available(),
                        help="shifts to play at once, one process each (default: the cores "
                             "available, here %(default)s); the results are the same whatever the number")


def check_jobs(jobs: int) -> None:
    from game.errors import UserError

    if jobs < 1:
        raise UserError(f"--jobs must be at least 1 (got {jobs})")


def simulate_runs(scenario, bot_name: str, first_seed: int, runs: int,
                  progress=None, store=None, jobs: int = 1, explain: bool = False) -> list[dict[str, Any]]:
    """Play ``runs`` shifts, ``jobs`` at a time, and return each run's summary figures.

    With a ``SessionStore`` as ``store``, each run is saved and its figures
    carry its ``session_id``; saving needs the whole shift, so those runs
    play one after another in this process. With ``explain``, each run's
    figures also carry ``explain``: its calls and objectives, and why.
    """
    from game.bots import make_bot, run_shift
    from game.bots.batch import play_many
    from game.report.explain import explain as explain_shift
    from game.sim.simulation import Simulation

    def figures_of(results) -> dict[str, Any]:
        figures = results.summary()
        if explain:
            figures["explain"] = explain_shift(scenario, results).to_dict()
        return figures

    if store is None:
        plays = [(bot_name, first_seed + k) for k in range(runs)]
        return [figures_of(r) for r in play_many(scenario, plays, jobs, progress)]
    out = []
    for k in range(runs):
        seed = first_seed + k
        started = datetime.now(timezone.utc)
        sim = run_shift(Simulation(scenario, seed), make_bot(bot_name, seed))
        figures = figures_of(sim.results())
        figures["session_id"] = store.save(sim, bot=bot_name, started_at=started,
                                           settings={"command": "simulate"})
        out.append(figures)
        if progress is not None:
            progress(k + 1, runs)
    return out


def _progress(done: int, total: int) -> None:
    print(f"\rsimulating: {done}/{total} shifts", end="" if done < total else "\n",
          file=sys.stderr, flush=True)


def _table(scenario_id: str, bot: str, runs: list[dict[str, Any]]) -> str:
    header = f"{'seed':>6} {'trust':>7} {'response':>9} {'calls':>7} {'stories':>8} {'score':>7}"
    lines = [f"{scenario_id} · bot {bot}", header]
    for r in runs:
        resp = "-" if r["mean_response_minutes"] is None else f"{r['mean_response_minutes']:.1f}m"
        calls = f"{r['calls_in_time']}/{r['calls_total']}"
        lines.append(f"{r['seed']:>6} {r['trust']:>7.1f} {resp:>9} {calls:>7} "
                     f"{r['stories_heard']:>8} {r['score']:>7.1f}")
    if len(runs) > 1:
        mean = lambda key: sum(r[key] for r in runs) / len(runs)  # noqa: E731
        lines.append(f"{'mean':>6} {mean('trust'):>7.1f} {'':>9} {'':>7} "
                     f"{mean('stories_heard'):>8.1f} {mean('score'):>7.1f}")
    return "\n".join(lines)


def _explanations(runs: list[dict[str, Any]]) -> str:
    from game.report.explain import Explanation

    lines = []
    for r in runs:
        lines += ["", f"seed {r['seed']}:", *Explanation.from_dict(r["explain"]).lines()]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from game.bots import BOTS
    from game.errors import UserError
    from game.scenario import load_scenario
    from game.scenario.limits import MAX_SEED
    from game.sessions import SessionStore
    from game.sessions.recording import to_json

    if (args.campaign is None) == (args.scenario is None):
        raise UserError("give either a SCENARIO file or --campaign FILE")
    if args.campaign is not None:
        from game.commands.simulate_campaign import run_campaign_command

        return run_campaign_command(args)
    if args.bot not in BOTS:
        raise UserError(f"unknown bot {args.bot!r} (known bots: {', '.join(BOTS)})")
    if args.runs < 1:
        raise UserError("--runs must be at least 1")
    check_jobs(args.jobs)
    scenario = load_scenario(args.scenario)
    first_seed = scenario.seed if args.seed is None else args.seed
    if first_seed + args.runs - 1 > MAX_SEED:
        raise UserError(f"--runs {args.runs} from seed {first_seed} would pass the largest seed, "
                        f"{MAX_SEED}; start lower or run fewer shifts")
    show_progress = args.runs > 1 and sys.stderr.isatty()
    with SessionStore.open() if args.save else nullcontext() as store:
        runs = simulate_runs(scenario, args.bot, first_seed, args.runs,
                             _progress if show_progress else None, store, args.jobs, args.explain)
    if args.json:
        print(to_json({"scenario": scenario.id, "bot": args.bot, "runs": runs}, "simulate",
                      compact=False))
    else:
        print(_table(scenario.id, args.bot, runs))
        if args.explain:
            print(_explanations(runs))
        if args.save:
            ids = [r["session_id"] for r in runs]
            print(f"saved as session {ids[0]}" if len(ids) == 1
                  else f"saved as sessions {ids[0]}-{ids[-1]}")
    return 0
