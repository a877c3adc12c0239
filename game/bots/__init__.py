"""Strategy bots that play a shift through the public action API only.

Used by `simulate`, balance tests and the kiosk's attract mode. ``make_bot``
is the registry; each bot owns a Generator seeded from the run's seed, never
the simulation's, so replaying the recorded actions without the bot gives the
same shift.
"""

from __future__ import annotations

from game.bots.base import Bot, run_shift
from game.bots.strategies import BOTS, make_bot

__all__ = ["BOTS", "Bot", "make_bot", "run_shift"]
