"""Par: what the project's best bot makes of the trainee's own shift.

At a shift's end the trainee's figures stand beside par's: the same scenario
and seed, so the same residents, schedules and calls, played headless by the
best bot. Par depends only on (scenario, seed), never on what the trainee
did, so it can be computed at any time and cached by that pair.
"""

from __future__ import annotations

from game.bots.strategies import BALANCED, make_bot
from game.scenario.model import Scenario
from game.sim.carry import DayCarry
from game.sim.results import ShiftResults
from game.sim.simulation import Simulation

# The best bot: tests/integration/test_balance.py holds it to score at least as well as car and walk
# on every shipped scenario.
PAR_BOT = BALANCED.name


def par_results(scenario: Scenario, seed: int, ticks: int | None = None,
                carry: DayCarry | None = None) -> ShiftResults:
    """The figures the best bot ends the shift of ``scenario`` with ``seed`` on.

    ``ticks``: a shift the trainee ended early is compared with par over the same time.
    ``carry``: a campaign day, which par plays from the same street the trainee found.
    """
    sim = Simulation(scenario, seed, carry=carry)
    bot = make_bot(PAR_BOT, seed)
    end = sim.total_ticks if ticks is None else min(ticks, sim.total_ticks)
    while sim.tick < end:
        bot.act(sim)
        sim.step()
    return sim.results()
