"""What par costs at a shift's end: the best bot replaying an 8-hour shift headless.

Issue 12's target: an 8-hour, 200-resident shift including the par run stays
under 1 s headless. Prints the shift without a bot, the par run, their ratio,
and the share of the par run spent in the bot's own decisions (the rest is
the simulation doing what the bot asked), all measured here, best of
--repeat, interleaved; or one JSON object.
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
from game.bots.par import PAR_BOT, par_results
from game.sim.simulation import Simulation

SEED = 1


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def deciding_seconds(scenario) -> float:
    """Seconds the par bot spends in ``decide`` over one shift."""
    bot = make_bot(PAR_BOT, SEED)
    decide, spent = bot.decide, [0.0]

    def timed_decide(sim):
        start = time.perf_counter()
        try:
            return decide(sim)
        finally:
            spent[0] += time.perf_counter() - start

    bot.decide = timed_decide  # type: ignore[method-assign]
    run_shift(Simulation(scenario, SEED), bot)
    return spent[0]


def measure(residents: int, repeat: int) -> dict:
    scenario = synthetic_scenario(residents)
    shift = par = deciding = float("inf")
    for _ in range(repeat):  # interleaved, so a busy moment hits each alike
        shift = min(shift, timed(lambda: Simulation(scenario, SEED).run()))
        par = min(par, timed(lambda: par_results(scenario, SEED)))
        deciding = min(deciding, deciding_seconds(scenario))
    return {"residents": residents, "shift_s": round(shift, 4), "par_s": round(par, 4),
            "shift_with_par_s": round(shift + par, 4), "par_over_shift": round(par / shift, 2),
            "bot_share_of_par": round(deciding / par, 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--residents", type=int, nargs="+", default=[200, 2000])
    args = parser.parse_args()
    rows = [measure(n, args.repeat) for n in args.residents]
    if args.json:
        print(json.dumps({"benchmark": "par", "bot": PAR_BOT, "rows": rows}))
        return 0
    print(f"par bot: {PAR_BOT}; 8-hour shift, best of {args.repeat}")
    print(f"{'residents':>9} {'no bot':>8} {'par run':>8} {'both':>8} {'par/shift':>10} "
          f"{'deciding':>9}")
    for r in rows:
        print(f"{r['residents']:>9} {r['shift_s']:>7.3f}s {r['par_s']:>7.3f}s "
              f"{r['shift_with_par_s']:>7.3f}s {r['par_over_shift']:>9.2f}x "
              f"{r['bot_share_of_par']:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
