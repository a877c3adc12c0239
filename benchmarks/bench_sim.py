"""Headless simulation scaling: 8-hour shifts at 200, 2,000 and 20,000 residents, with and without a bot.

Targets (issue 17): with the balanced bot, 2,000 -> 20,000 residents costs at
most 12x (near linear), 20,000 residents run under 5 s and 300 MB, 200
residents under 0.1 s. Each size runs in a fresh process so its peak memory is
its own; the figure kept is the best of --repeat shifts. CPU seconds are
reported beside wall seconds because the machine is shared: the ratios are
taken on CPU time, which other processes do not inflate.
Machines here differ by up to 2x from one day to the next, so a control runs
in the same sitting: a fixed stand-in for a street's per-tick overhead (small
array operations and Python calls, 1,920 ticks' worth), and the 200-resident
shifts are also given in control units, which carry from one machine to another.
Prints a table and the ratios, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from output import emit  # noqa: E402
from worlds import synthetic_scenario  # noqa: E402  (imports game first: one BLAS thread, as in the game)

# isort: split
import numpy as np  # noqa: E402  (after game: numpy loaded first would start BLAS on every core)

from game.bots import make_bot, run_shift  # noqa: E402
from game.sim.simulation import Simulation  # noqa: E402

SIZES = (200, 2_000, 20_000)
BOTS = ("none", "balanced")


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def one_shift(residents: int, bot: str) -> tuple[float, float, int]:
    """(wall s, CPU s, ticks) of one shift, world built beforehand."""
    scenario = synthetic_scenario(residents)
    sim = Simulation(scenario, 1)
    ticks = 0
    step = sim.step

    def counted() -> None:
        nonlocal ticks
        ticks += 1
        step()

    sim.step = counted  # type: ignore[method-assign]
    wall, cpu = time.perf_counter(), time.process_time()
    if bot == "none":
        sim.run()
    else:
        run_shift(sim, make_bot(bot, 1))
    return time.perf_counter() - wall, time.process_time() - cpu, ticks


def measure_here(residents: int, bot: str, repeat: int) -> dict:
    runs = [one_shift(residents, bot) for _ in range(repeat)]
    wall, cpu, ticks = min(runs, key=lambda r: r[1])
    return {"residents": residents, "bot": bot, "shift_s": round(wall, 3), "shift_cpu_s": round(cpu, 3),
            "tick_ms": round(cpu / ticks * 1000, 4),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


CONTROL_TICKS = 1_920  # an 8-hour shift's ticks at the default 0.25 game minutes


def control_seconds(repeat: int = 5) -> float:
    """CPU seconds of the control, best of ``repeat``: per tick, 40 array operations on 200
    numbers and 150 Python calls, about a street's per-tick overhead."""
    a = np.linspace(0.0, 1.0, 200)
    b = a[::-1].copy()

    def call(x: int) -> int:
        return x + 1

    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(CONTROL_TICKS):
            for _ in range(10):
                c = a + b
                c *= 0.5
                np.maximum(c, 0.1, out=c)
                np.add.reduce(c)
            for i in range(150):
                call(i)
        best = min(best, time.process_time() - start)
    return best


def measure(residents: int, bot: str, repeat: int) -> dict:
    """One size in a fresh process, so the peak memory is that size's alone."""
    out = subprocess.run([sys.executable, __file__, "--one", str(residents), bot, "--repeat", str(repeat)],
                         check=True, capture_output=True, text=True, env=os.environ.copy())
    return json.loads(out.stdout)


def ratios(rows: list[dict]) -> dict[str, float]:
    cpu = {(r["residents"], r["bot"]): r["shift_cpu_s"] for r in rows}
    out = {}
    for bot in BOTS:
        for small, big in itertools.pairwise(SIZES):
            if (small, bot) in cpu and (big, bot) in cpu:
                out[f"{bot} {small}->{big}"] = round(cpu[(big, bot)] / cpu[(small, bot)], 2)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="shifts per size below 20,000 (20,000: one)")
    parser.add_argument("--largest", type=int, default=SIZES[-1], help="skip sizes above this")
    parser.add_argument("--one", nargs=2, metavar=("RESIDENTS", "BOT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_here(int(args.one[0]), args.one[1], args.repeat)))
        return 0
    control = control_seconds()
    rows = [measure(n, bot, args.repeat if n < 20_000 else 1)
            for n in SIZES if n <= args.largest for bot in BOTS]
    control = min(control, control_seconds())  # before and after: the quieter of the two
    in_control = {r["bot"]: round(r["shift_cpu_s"] / control, 2) for r in rows if r["residents"] == SIZES[0]}
    return emit({"benchmark": "sim", "rows": rows, "cpu_ratios": ratios(rows),
                 "control_cpu_s": round(control, 3), "shift_200_in_control_units": in_control},
                args.json, table)


def table(result: dict) -> list[str]:
    lines = [f"{'residents':>9} {'bot':>9} {'shift':>8} {'shift CPU':>10} {'per tick':>10} {'peak':>7}"]
    lines += [f"{r['residents']:>9} {r['bot']:>9} {r['shift_s']:>7.3f}s {r['shift_cpu_s']:>9.3f}s "
              f"{r['tick_ms']:>8.3f}ms {r['peak_mb']:>4} MB" for r in result["rows"]]
    lines += [f"  cost {name}: {value}x" for name, value in result["cpu_ratios"].items()]
    lines.append("control (a street's per-tick overhead, one shift's worth): "
                 f"{result['control_cpu_s']:.3f}s CPU")
    return lines + [f"  200-resident shift, {'no' if bot == 'none' else bot} bot: {units}x the control"
                    for bot, units in result["shift_200_in_control_units"].items()]


if __name__ == "__main__":
    sys.exit(main())
