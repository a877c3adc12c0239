"""One shift on a class link: the instructor's commands in, the live state out about once a second.

The game loop (``ShiftRunner``) and the headless trainee call ``pump`` between
ticks; it never waits on the network. A command is applied through the same
door as everything else (``apply``, i.e. ``Simulation.apply``), so it lands
in the shift's action log and replays exactly; its outcome goes back to the
station as an acknowledgement.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from game.sim.actions import Action
from game.sim.simulation import Simulation
from game.station.link import ClassLink
from game.station.protocol import BadMessage, LiveCounter, hello, instructor_action, live_state

UPDATE_SECONDS = 1.0  # how often the console hears from a shift (the "about once a second")


class ShiftLink:
    def __init__(self, link: ClassLink, sim: Simulation, every: float = UPDATE_SECONDS) -> None:
        self.link = link
        self.sim = sim
        self.every = every
        self._counter = LiveCounter()
        self._last = -float("inf")
        link.begin(hello(sim, link.trainee, link.link_id))

    @property
    def paused(self) -> bool:
        return self.link.paused

    def pump(self, apply: Callable[[Action], str | None], now: float | None = None,
             force: bool = False) -> None:
        """Apply the commands that arrived; send the live state when one is due (or ``force``)."""
        for command_id, data in self.link.take_commands():
            try:
                error = apply(instructor_action(data))
            except BadMessage as exc:
                error = str(exc)
            self.link.acknowledge(command_id, error)
        now = time.monotonic() if now is None else now
        if force or now - self._last >= self.every:
            self._last = now
            self.publish()

    def publish(self) -> None:
        """Number and send a live state, only when it can go out: so a gap in the numbers the
        console sees is a message lost on the way, never one that was not sent."""
        if self.link.connected:
            self.link.publish(live_state(self.sim, self._counter.next(), time.time(), self.paused))
