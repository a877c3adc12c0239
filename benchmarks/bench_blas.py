"""What a threaded BLAS costs the simulation: the neighborhood's weighted trust, one thread vs all cores.

The sim computes ``influence @ trust`` every tick between Python work; a
multithreaded OpenBLAS splits large dot products across threads that have gone
to sleep in between and must be woken. The game runs BLAS on one thread
(game/__init__.py); this measures why, at 22 (a small street) to 20,000
residents, each setting in a fresh process (BLAS reads its thread count once).
Prints a table with the ratio, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from output import emit

SIZES = (22, 200, 2_000, 20_000)
CALLS = 300
PYTHON_WORK = 20_000  # a loop between calls, as the sim's Python work between ticks


def measure_here() -> dict[int, float]:
    """Mean microseconds per dot product, Python work in between (the mean is what a shift pays:
    most calls are quick, and every so often one waits milliseconds for the threads)."""
    import numpy as np

    rng = np.random.default_rng(1)
    out = {}
    for n in SIZES:
        a, b = rng.random(n), rng.random(n)
        times = []
        for _ in range(CALLS):
            sum(range(PYTHON_WORK))
            start = time.perf_counter()
            float(a @ b)
            times.append(time.perf_counter() - start)
        out[n] = round(float(np.mean(times)) * 1e6, 2)
    return out


def measure(threads: int) -> dict[int, float]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": str(threads), "OMP_NUM_THREADS": str(threads)}
    out = subprocess.run([sys.executable, __file__, "--here"], check=True, capture_output=True,
                         text=True, env=env)
    return {int(k): v for k, v in json.loads(out.stdout).items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.here:
        print(json.dumps(measure_here()))
        return 0
    cores = os.cpu_count() or 1
    one, many = measure(1), measure(cores)
    rows = [{"residents": n, "one_thread_us": one[n], f"{cores}_threads_us": many[n],
             "ratio": round(many[n] / one[n], 1)} for n in SIZES]
    return emit({"benchmark": "blas", "cores": cores, "rows": rows}, args.json, lambda result: [
        f"{'residents':>9} {'1 thread':>10} {f'{cores} threads':>11} {'ratio':>6}",
        *(f"{r['residents']:>9} {r['one_thread_us']:>8.1f}us {r[f'{cores}_threads_us']:>9.1f}us "
          f"{r['ratio']:>5}x" for r in result["rows"])])


if __name__ == "__main__":
    sys.exit(main())
