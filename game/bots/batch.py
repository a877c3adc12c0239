"""Many bot-played shifts (or weeks) of one scenario, on every core, in the order asked for.

A shift depends only on (scenario, bot, seed), and a campaign's week only on
(campaign, bot, seed), so farming them out to a process pool changes nothing
but the wall time: the results come back in the order asked for, whatever
finishes first. Workers are forked, so what they play reaches them as it is
in memory (a scenario built in code works as well as one loaded from a file);
where the platform cannot fork, they run one after another.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import Any, TypeVar

from game.bots.base import run_shift
from game.bots.strategies import make_bot
from game.scenario.model import Scenario
from game.sim.results import ShiftResults
from game.sim.simulation import Simulation

Play = tuple[str, int]  # (bot name, seed)
Progress = Callable[[int, int], None]  # (plays done, plays in all)
T = TypeVar("T")

_job: Callable[[Any], Any] | None = None  # what a worker process does with each play, set as it starts


def play_one(scenario: Scenario, bot: str, seed: int) -> ShiftResults:
    """One headless shift of ``scenario`` played by ``bot`` with ``seed``."""
    return run_shift(Simulation(scenario, seed), make_bot(bot, seed)).results()


def play_many(scenario: Scenario, plays: Sequence[Play], jobs: int = 1,
              progress: Progress | None = None) -> list[ShiftResults]:
    """Play every (bot, seed) in ``plays`` with up to ``jobs`` processes; results in order."""
    return run_pooled(partial(_play, scenario), plays, jobs, progress)


def _play(scenario: Scenario, play: Play) -> ShiftResults:
    return play_one(scenario, *play)


def run_pooled(job: Callable[[Play], T], plays: Sequence[Play], jobs: int,
               progress: Progress | None = None) -> list[T]:
    """``job`` of every play with up to ``jobs`` forked processes; results in the plays' order."""
    workers = min(jobs, len(plays))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return _collect((job(play) for play in plays), len(plays), progress)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start_worker, initargs=(job,)) as pool:
        return _collect(pool.map(_run_in_worker, plays), len(plays), progress)


def _collect(results: Iterable[T], total: int, progress: Progress | None) -> list[T]:
    done: list[T] = []
    for result in results:
        done.append(result)
        if progress is not None:
            progress(len(done), total)
    return done


def _start_worker(job: Callable[[Play], Any]) -> None:
    global _job
    _job = job


def _run_in_worker(play: Play) -> Any:
    assert _job is not None, "the pool's initializer sets the job"
    return _job(play)
