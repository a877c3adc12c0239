"""Work that waits for a frame's spare time: after the frame is drawn, up to a budget.

Building people's sprites ahead of need is the one such job today. Given a
fixed slice per frame it made every early frame that much longer, so the
slowest frames of a shift's first seconds were the warming, not the street.
Measured from the frame's start instead, the work fills what the frame left
over and a frame is only longer than the budget when drawing it already was.
A job still takes one step a frame however late the frame is, so it always
finishes.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

SPARE_UNTIL = 0.003  # seconds after a frame starts that its background work may run to

_DONE = object()


class SpareTime:
    """Background jobs by name, each an iterator advanced one step at a time."""

    def __init__(self) -> None:
        self._jobs: dict[str, Iterator[object]] = {}

    def give(self, name: str, steps: Iterator[object]) -> None:
        """Start a job, replacing any job of that name (the sprites for the old zoom, say)."""
        self._jobs[name] = steps

    def pending(self) -> bool:
        return bool(self._jobs)

    def use(self, frame_started: float) -> None:
        """Advance the jobs until ``SPARE_UNTIL`` after ``frame_started`` (``time.perf_counter``
        seconds), each by at least one step."""
        until = frame_started + SPARE_UNTIL
        for name, steps in list(self._jobs.items()):
            while True:
                if next(steps, _DONE) is _DONE:
                    del self._jobs[name]
                    break
                if time.perf_counter() >= until:
                    break

    def finish(self) -> None:
        """Run every job to its end now (a benchmark that wants the settled frame cost)."""
        for steps in self._jobs.values():
            for _ in steps:
                pass
        self._jobs.clear()
