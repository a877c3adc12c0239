"""No NaN, infinity or out-of-range seed leaves the simulation into JSON or the store."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from builders import street_scenario

from game.bots import make_bot, run_shift
from game.scenario.limits import MAX_SEED
from game.scenario.model import Shift
from game.sessions import Recording, SessionStore, SessionStoreError
from game.sessions.recording import NonFiniteError, to_json
from game.sim.simulation import Simulation


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_a_non_finite_number_is_refused_naming_where_it_sits(bad: float) -> None:
    with pytest.raises(NonFiniteError, match=r"results\.objectives\[1\]\.weight = "):
        to_json({"score": 1.0, "objectives": [{"weight": 1}, {"weight": bad}]}, "results")
    assert json.loads(to_json({"score": 1.5}, compact=False)) == {"score": 1.5}


def test_a_non_finite_heat_map_is_never_recorded(tmp_path: Path) -> None:
    sim = Simulation(street_scenario(shift=Shift(16 * 60, 5, 1.0)), 1)
    run_shift(sim, make_bot("walk", 1))
    assert Recording.of(sim).foot_heat.shape == sim.foot_heat.shape
    sim.car_heat[2, 3] = math.inf  # the results sum the heat, so they turn non-finite too
    with pytest.raises(NonFiniteError, match=r"= inf is not a finite number"):
        Recording.of(sim)
    with SessionStore.open(tmp_path / "s.db") as store:
        with pytest.raises(NonFiniteError):
            store.save(sim)
        assert store.summaries() == []


def short_shift(seed: int) -> Simulation:
    return run_shift(Simulation(street_scenario(shift=Shift(16 * 60, 5, 1.0)), seed),
                     make_bot("walk", 1))


@pytest.mark.parametrize("seed", [MAX_SEED + 1, 2**64 + 5])
def test_a_seed_past_the_store_range_is_a_clean_refusal(seed: int, tmp_path: Path) -> None:
    with SessionStore.open(tmp_path / "s.db") as store:
        with pytest.raises(SessionStoreError, match=f"seed {seed}: seeds are 0..{MAX_SEED}"):
            store.save(short_shift(seed))
        assert store.summaries() == []
        assert store.get(store.save(short_shift(MAX_SEED))).summary.seed == MAX_SEED
