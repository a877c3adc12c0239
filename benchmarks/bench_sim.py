"""Headless simulation speed: one 8-hour shift at 200 and 2,000 residents.

Targets (issue 4): 200 residents well under 1 s including start-up (< 1.5 s);
2,000 residents under 6 s. Prints a table, or one JSON object with --json.
Each figure is the best of --repeat runs, all measured in this one process.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from worlds import synthetic_scenario

from game.bots import make_bot, run_shift
from game.sim.simulation import Simulation


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def measure(residents: int, bot: str | None, repeat: int) -> dict:
    scenario = synthetic_scenario(residents)

    def shift() -> None:
        sim = Simulation(scenario, 1)
        if bot is None:
            sim.run()
        else:
            run_shift(sim, make_bot(bot, 1))

    sim = Simulation(scenario, 1)
    tick = best_of(repeat, lambda: [sim.step() for _ in range(200)]) / 200
    return {"residents": residents, "bot": bot or "none", "shift_s": round(best_of(repeat, shift), 4),
            "tick_ms": round(tick * 1000, 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rows = [measure(n, bot, args.repeat) for n in (200, 2000) for bot in (None, "balanced")]
    if args.json:
        print(json.dumps({"benchmark": "sim", "rows": rows}))
    else:
        print(f"{'residents':>9} {'bot':>9} {'8h shift':>9} {'per tick':>10}")
        for r in rows:
            print(f"{r['residents']:>9} {r['bot']:>9} {r['shift_s']:>8.3f}s {r['tick_ms']:>8.3f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
