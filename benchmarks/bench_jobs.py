"""Batch runs on every core: `simulate --jobs 2` against `--jobs 1`, and a whole `balance`.

Issue 17's target: `--jobs 2` at least 1.7x faster than `--jobs 1` on two
cores, with identical results; issue 12's: `balance` on the largest shipped
scenario with 10 seeds under 60 s on two cores (--balance; it takes a while).
Plays the largest shipped scenario; prints seconds per batch (best of
--repeat, the job counts interleaved so a busy moment hits both alike), the
speed-up, and whether the results matched; or one JSON object.

On a shared machine other work takes cores too, so the same run also times a
control: a pure-Python loop in one process against the same pool. Its ratio
is the most any batch could gain at that moment; compare the two.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.bots.batch import play_many
from game.commands.balance import play_family
from game.commands.simulate import cores_available
from game.scenario import load_scenario

REPO = Path(__file__).resolve().parent.parent


CONTROL_LOOP = 3_000_000  # iterations per control task: about a quarter second of Python


def control_task(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def control_seconds(tasks: int, jobs: int) -> float:
    """Seconds for ``tasks`` pure-Python control tasks, serially (jobs=1) or on a forked pool."""
    start = time.perf_counter()
    if jobs == 1:
        for _ in range(tasks):
            control_task(CONTROL_LOOP)
    else:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            list(pool.map(control_task, [CONTROL_LOOP] * tasks))
    return time.perf_counter() - start


def largest_shipped():
    scenarios = [load_scenario(p) for p in sorted((REPO / "scenarios").glob("*.yaml"))]
    return max(scenarios, key=lambda s: (len(s.residents), s.shift.minutes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--shifts", type=int, default=12, help="shifts per batch (default: 12)")
    parser.add_argument("--jobs", type=int, default=2, help="the parallel side (default: 2)")
    parser.add_argument("--balance", action="store_true",
                        help="also time `balance` with 10 seeds on all cores")
    args = parser.parse_args()
    scenario = largest_shipped()
    plays = [("balanced", seed) for seed in range(100, 100 + args.shifts)]
    best = {1: float("inf"), args.jobs: float("inf")}
    control = dict(best)
    results = {}
    for _ in range(args.repeat):
        for jobs in best:
            start = time.perf_counter()
            results[jobs] = play_many(scenario, plays, jobs)
            best[jobs] = min(best[jobs], time.perf_counter() - start)
            control[jobs] = min(control[jobs], control_seconds(2 * args.jobs, jobs))
    out = {"benchmark": "jobs", "scenario": scenario.id, "cores": cores_available(),
           "shifts": args.shifts, "serial_s": round(best[1], 3),
           "parallel_jobs": args.jobs, "parallel_s": round(best[args.jobs], 3),
           "speedup": round(best[1] / best[args.jobs], 2),
           "identical": results[1] == results[args.jobs],
           "control_speedup": round(control[1] / control[args.jobs], 2)}
    if args.balance:
        start = time.perf_counter()
        play_family(scenario, list(range(100, 110)), cores_available())
        out["balance_10_seeds_s"] = round(time.perf_counter() - start, 2)
    if args.json:
        print(json.dumps(out))
        return 0
    print(f"{scenario.id}: {args.shifts} balanced-bot shifts, best of {args.repeat}, "
          f"{out['cores']} cores available")
    print(f"  --jobs 1          {out['serial_s']:>7.2f}s")
    print(f"  --jobs {args.jobs:<10} {out['parallel_s']:>7.2f}s   speed-up {out['speedup']:.2f}x   "
          f"results identical: {out['identical']}")
    print(f"  control (pure-Python loop, same pool): speed-up {out['control_speedup']:.2f}x "
          "= what the machine gave two processes during this run")
    if args.balance:
        print(f"  balance, 10 seeds {out['balance_10_seeds_s']:>7.2f}s on {out['cores']} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
