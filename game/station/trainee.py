"""A trainee's game without a window: a bot plays a shift while streaming to the station.

For the tests, the load benchmark and a demo class. It runs the same pieces as
the real game (``ShiftLink`` over a ``ClassLink``, the shift saved to the local
store, then uploaded), only paced by ``updates_per_second`` instead of frames.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from game.bots import make_bot
from game.scenario.model import Scenario
from game.sessions import SessionStore
from game.sim.actions import Action, ActionError
from game.sim.simulation import Simulation
from game.station.link import ClassLink
from game.station.shift_link import ShiftLink


@dataclass(frozen=True)
class HeadlessTrainee:
    address: str  # the station's HOST:PORT
    code: str
    trainee: str
    scenario: Scenario
    seed: int
    bot: str = "balanced"
    ticks_per_update: int = 4  # one live state per game minute at the default tick
    updates_per_second: float = 1.0
    store: str | Path | None = None  # the local store the shift is saved in first
    upload_timeout: float = 30.0

    def play(self) -> tuple[Simulation, ClassLink]:
        """Play the whole shift, save it locally, upload it; returns when the station has it
        (or ``upload_timeout`` passed, the link still retrying)."""
        sim = Simulation(self.scenario, self.seed)
        bot = make_bot(self.bot, self.seed)
        link = ClassLink(self.address, self.code, self.trainee)
        shift = ShiftLink(link, sim, every=float("inf"))  # paced here, by ticks

        def apply(action: Action) -> str | None:
            try:
                sim.apply(action)
            except ActionError as exc:
                return str(exc)
            return None

        period = 1.0 / self.updates_per_second
        due = time.monotonic()
        while not sim.finished:
            shift.pump(apply, force=True)
            if shift.paused:
                time.sleep(period)
                continue
            for _ in range(self.ticks_per_update):
                if sim.finished:
                    break
                bot.act(sim)
                sim.step()
            due += period
            time.sleep(max(0.0, due - time.monotonic()))
        shift.pump(apply, force=True)
        with SessionStore.open(self.store) as store:
            session = store.get(store.save(sim, bot=self.bot, trainee=self.trainee))
        link.upload(session)
        deadline = time.monotonic() + self.upload_timeout
        while not link.flush(deadline - time.monotonic()) and time.monotonic() < deadline:
            time.sleep(0.1)  # not connected just now: the link keeps retrying
        link.close()
        return sim, link
