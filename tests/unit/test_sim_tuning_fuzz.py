"""Any tuning the validator accepts gives a shift that runs to the end with sane figures."""

from __future__ import annotations

import math

from builders import street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from game.bots import make_bot, run_shift
from game.sim.simulation import Simulation
from game.tuning import TUNING_LIMITS, TUNING_NAMES

SPAN = 1000.0  # how far past an open bound to look


def value_in(limits: tuple[float | None, float | None, float | None]) -> st.SearchStrategy[float]:
    minimum, maximum, above = limits
    low = above if above is not None else (minimum if minimum is not None else -SPAN)
    high = maximum if maximum is not None else low + SPAN
    return st.floats(low, high, exclude_min=above is not None, allow_nan=False)


# The tick stays at one minute so that each example is quick; every other knob varies.
TUNINGS = st.fixed_dictionaries({}, optional={
    name: value_in(TUNING_LIMITS[name]) for name in TUNING_NAMES if name != "tick_minutes"
})


@settings(max_examples=25, deadline=None)
@given(TUNINGS, st.sampled_from(["car", "walk", "balanced", "random"]))
def test_any_valid_tuning_runs_a_whole_shift(tuning, bot):
    tuning["tick_minutes"] = 1.0
    sim = run_shift(Simulation(street_scenario(tuning=tuning), 1), make_bot(bot, 1))
    results = sim.results()
    assert math.isfinite(results.trust) and 0 <= results.trust <= 100
    assert 0 <= results.score <= 100 and 0 <= results.safety <= 100
    assert sim.history[-1][0] == sim.time
