"""Many bot-played shifts of one scenario, on every core, in the order they were asked for.

A shift depends only on (scenario, bot, seed), so farming shifts out to a
process pool changes nothing but the wall time: the results come back in the
order of ``plays`` whatever finishes first. Workers are forked, so the
scenario reaches them as it is in memory (a scenario built in code works as
well as one loaded from a file); where the platform cannot fork, shifts run
one after another.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor

from game.bots.base import run_shift
from game.bots.strategies import make_bot
from game.scenario.model import Scenario
from game.sim.results import ShiftResults
from game.sim.simulation import Simulation

Play = tuple[str, int]  # (bot name, seed)
Progress = Callable[[int, int], None]  # (shifts done, shifts in all)

_scenario: Scenario | None = None  # the scenario a worker process plays, set as it starts


def play_one(scenario: Scenario, bot: str, seed: int) -> ShiftResults:
    """One headless shift of ``scenario`` played by ``bot`` with ``seed``."""
    return run_shift(Simulation(scenario, seed), make_bot(bot, seed)).results()


def play_many(scenario: Scenario, plays: Sequence[Play], jobs: int = 1,
              progress: Progress | None = None) -> list[ShiftResults]:
    """Play every (bot, seed) in ``plays`` with up to ``jobs`` processes; results in order."""
    workers = min(jobs, len(plays))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _collect((play_one(scenario, *play) for play in plays), len(plays), progress)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start_worker, initargs=(scenario,)) as pool:
        return _collect(pool.map(_play_in_worker, plays), len(plays), progress)


def _collect(results: Iterable[ShiftResults], total: int,
             progress: Progress | None) -> list[ShiftResults]:
    done: list[ShiftResults] = []
    for result in results:
        done.append(result)
        if progress is not None:
            progress(len(done), total)
    return done


def _start_worker(scenario: Scenario) -> None:
    global _scenario
    _scenario = scenario


def _play_in_worker(play: Play) -> ShiftResults:
    assert _scenario is not None, "the pool's initializer sets the scenario"
    return play_one(_scenario, *play)
