"""Background work in a frame's spare time (game.app.spare_time): it fills what the frame left,
never stalls however late the frame runs, and a newer job of the same name replaces the old."""

from __future__ import annotations

import itertools
import time

from game.app.spare_time import SPARE_UNTIL, SpareTime


def counting(log: list[str], name: str, steps: int):
    for _ in range(steps):
        log.append(name)
        yield name


def test_a_frame_already_over_budget_still_moves_each_job_one_step() -> None:
    spare, log = SpareTime(), []
    spare.give("a", counting(log, "a", 5))
    spare.give("b", counting(log, "b", 5))
    late = time.perf_counter() - 10 * SPARE_UNTIL
    spare.use(late)
    assert log == ["a", "b"]
    for _ in range(4):
        spare.use(late)
    assert log.count("a") == 5 and spare.pending()
    spare.use(late)  # the last call finds both ended
    assert not spare.pending()


def test_a_frame_with_time_to_spare_runs_a_job_up_to_the_budget_and_no_further() -> None:
    spare, log = SpareTime(), []
    spare.give("a", counting(log, "a", 10_000_000))
    started = time.perf_counter()
    spare.use(started)
    spent = time.perf_counter() - started
    assert len(log) > 1  # more than the one step a late frame gets
    assert spent < SPARE_UNTIL + 0.05  # stopped at the budget (and a busy machine's slack)
    assert spare.pending()


def test_a_job_given_again_under_its_name_replaces_the_old_one() -> None:
    spare, log = SpareTime(), []
    spare.give("sprites", counting(log, "old zoom", 3))
    spare.give("sprites", counting(log, "new zoom", 3))
    spare.finish()
    assert log == ["new zoom"] * 3 and not spare.pending()


def test_finish_runs_every_job_to_its_end() -> None:
    spare, log = SpareTime(), []
    spare.give("a", counting(log, "a", 3))
    spare.give("b", itertools.islice(counting(log, "b", 100), 2))
    spare.finish()
    assert sorted(log) == ["a", "a", "a", "b", "b"] and not spare.pending()
