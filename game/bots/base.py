"""The bot interface and the loop that lets a bot play a whole shift."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from game.sim.actions import Action, ActionError
from game.sim.simulation import Simulation

BOT_STREAM = 0xB07  # keeps a bot's random stream apart from the simulation's


class Bot:
    """Decides the officer's next action, or None to let time pass."""

    name = "bot"

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng([int(seed), BOT_STREAM])

    def decide(self, sim: Simulation) -> Action | None:  # pragma: no cover - interface
        raise NotImplementedError

    def act(self, sim: Simulation) -> Action | None:
        """Decide and apply one action; a refused action is skipped (the sim says why)."""
        action = self.decide(sim)
        if action is None:
            return None
        try:
            sim.apply(action)
        except ActionError:
            self.refused(action)
            return None
        return action

    def refused(self, action: Action) -> None:
        """Hook for bots that remember what did not work."""


def run_shift(sim: Simulation, bot: Bot,
              on_tick: Callable[[Simulation], None] | None = None) -> Simulation:
    """Let ``bot`` play until the shift ends, as fast as possible."""
    while not sim.finished:
        bot.act(sim)
        sim.step()
        if on_tick is not None:
            on_tick(sim)
    return sim
