"""Where walking residents one by one stops beating one array pass: game.sim.residents.FEW_WALKERS.

With k residents walking, one tick of ``Population`` is timed both ways on the
same state (walkers one by one in plain Python, all in numpy arrays), k from 1
to 48. The one-by-one pass costs about a microsecond a walker; the array pass
a dozen numpy calls whatever k is. FEW_WALKERS should sit near where the ratio
crosses 1. Prints a table, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import sys
import timeit
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from output import emit  # noqa: E402
from worlds import synthetic_scenario  # noqa: E402

from game.sim.residents import FEW_WALKERS, _Movers  # noqa: E402
from game.sim.simulation import Simulation  # noqa: E402

COUNTS = (1, 2, 4, 8, 12, 16, 24, 32, 48)
SHOP = "shop-0"  # every walker heads there from home: a walk of many ticks


def walkers(k: int) -> tuple[Simulation, _Movers]:
    """A street where exactly ``k`` residents have just set off, and their gathered movers."""
    sim = Simulation(synthetic_scenario(200), 1)
    people = sim.state.people
    for i in range(k):
        people._set_off(i, SHOP)
    movers = _Movers.gather(people, sim.dt, one_by_one=True)
    return sim, movers


def per_tick_us(k: int, repeat: int) -> tuple[float, float]:
    sim, movers = walkers(k)
    people = sim.state.people
    saved = (people._progress.copy(), people.pos.copy(), people.heading.copy())

    def reset() -> None:
        people._progress[:], people.pos[:], people.heading[:] = saved

    def each() -> None:
        reset()
        people._advance_each(movers)

    def whole() -> None:
        reset()
        people._advance_all(movers)

    base = min(timeit.repeat(reset, number=repeat, repeat=5)) / repeat
    one_by_one = min(timeit.repeat(each, number=repeat, repeat=5)) / repeat - base
    arrays = min(timeit.repeat(whole, number=repeat, repeat=5)) / repeat - base
    return one_by_one * 1e6, arrays * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=2000, help="ticks timed per count")
    args = parser.parse_args()
    rows = []
    for k in COUNTS:
        each, arrays = per_tick_us(k, args.repeat)
        rows.append({"walkers": k, "one_by_one_us": round(each, 2), "arrays_us": round(arrays, 2),
                     "ratio": round(each / arrays, 2)})
    result = {"few_walkers": FEW_WALKERS, "rows": rows}

    def lines(r: dict) -> list[str]:
        out = ["walkers  one by one    arrays   one by one / arrays"]
        out += [f"{row['walkers']:7d}  {row['one_by_one_us']:8.2f}us {row['arrays_us']:7.2f}us"
                f"   {row['ratio']:.2f}x" for row in r["rows"]]
        out.append(f"FEW_WALKERS = {r['few_walkers']}: up to that many walk one by one")
        return out

    return emit(result, args.json, lines)


if __name__ == "__main__":
    raise SystemExit(main())
