"""Every tuning constant at the ends of its range, and the heaviest objective weights:
whole shifts still run with every bot, trust stays in 0..100 and every figure is finite."""

from __future__ import annotations

import math
from dataclasses import replace

from builders import street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from game.bots import BOTS, make_bot, run_shift
from game.scenario.limits import MAX_OBJECTIVE_WEIGHT
from game.scenario.model import Shift
from game.sessions.recording import Recording, to_json
from game.sim.simulation import Simulation
from game.tuning import TUNING_LIMITS, TUNING_NAMES, Tuning

DEFAULTS = Tuning()


def ends_of(name: str) -> st.SearchStrategy[float]:
    """The range's own ends (the smallest float above an exclusive minimum), or the default."""
    minimum, maximum, above = TUNING_LIMITS[name]
    ends = [getattr(DEFAULTS, name)]
    ends += [bound for bound in (minimum, maximum) if bound is not None]
    if above is not None:
        ends.append(math.nextafter(above, math.inf))
    return st.sampled_from(ends)


# A short shift keeps the smallest time step (thousands of ticks) to a fraction of a second.
EXTREMES = st.fixed_dictionaries({name: ends_of(name) for name in TUNING_NAMES})


def finite_numbers(value: object) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite_numbers(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(finite_numbers(v) for v in value)
    return True


@settings(max_examples=12, deadline=None)
@given(EXTREMES, st.sampled_from(sorted(BOTS)), st.booleans())
def test_extreme_tunings_play_whole_shifts_with_finite_figures(tuning, bot, heavy_weights):
    scenario = street_scenario(tuning=tuning, shift=Shift(16 * 60, 45, 1.0))
    if heavy_weights:
        scenario = replace(scenario, objectives=tuple(
            replace(o, weight=MAX_OBJECTIVE_WEIGHT) for o in scenario.objectives))
    sim = run_shift(Simulation(scenario, 1), make_bot(bot, 1))
    results = sim.results()
    assert sim.finished
    assert 0 <= results.trust <= 100 and 0 <= results.score <= 100
    assert all(0 <= r.trust_end <= 100 for r in results.residents)
    recording = Recording.of(sim)
    assert finite_numbers(recording.results) and finite_numbers(recording.history)
    assert finite_numbers(recording.ledger)
    assert all(math.isfinite(v) for v in recording.foot_heat.ravel())
    to_json(recording.results)  # raises on a non-finite number


def test_every_default_lies_inside_its_range() -> None:
    for name in TUNING_NAMES:
        minimum, maximum, above = TUNING_LIMITS[name]
        value = getattr(DEFAULTS, name)
        assert maximum is not None, f"{name} has no upper bound"
        assert value <= maximum and (minimum is None or value >= minimum), name
        assert above is None or value > above, name
