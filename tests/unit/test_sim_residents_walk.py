"""Walkers advance one by one on a small street and in one array pass on a big one
(game.sim.residents.FEW_WALKERS): both ways must put everyone at exactly the same place."""

from __future__ import annotations

import copy

import numpy as np
from builders import street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from game.sim.residents import FEW_WALKERS, _Movers
from game.sim.simulation import Simulation

SCENARIO = street_scenario(residents_count=FEW_WALKERS + 4)
PLACES = sorted(p.id for p in SCENARIO.places)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, FEW_WALKERS + 3), st.sampled_from(PLACES)), min_size=1,
                max_size=FEW_WALKERS, unique_by=lambda trip: trip[0]),
       st.integers(1, 60), st.sampled_from([0.25, 0.1, 1.0]))
def test_one_by_one_and_all_at_once_walk_the_same_street(trips, ticks, dt) -> None:
    people = Simulation(SCENARIO, 0).state.people
    for i, place in trips:
        people._set_off(i, place)
    each, whole = people, copy.deepcopy(people)
    for _ in range(ticks):
        if not each.moving.any():
            break
        for walkers, advance in ((each, each._advance_each), (whole, whole._advance_all)):
            arrived = advance(_Movers.gather(walkers, dt))
            for i in arrived:
                walkers._place(i, walkers._destination[i] or walkers.home[i])
        assert np.array_equal(each.pos, whole.pos)
        # Facing is drawn, never scored: math.atan2 and numpy's may differ in the last bit.
        assert np.allclose(each.heading, whole.heading, rtol=0.0, atol=1e-12)
        assert np.array_equal(each._progress, whole._progress)
        assert np.array_equal(each.moving, whole.moving)


def test_a_street_s_worth_of_walkers_goes_one_by_one_and_a_crowd_all_at_once() -> None:
    people = Simulation(street_scenario(residents_count=FEW_WALKERS + 4), 0).state.people
    for i in range(FEW_WALKERS):
        people._set_off(i, "shop")
    assert len(_Movers.gather(people, 0.25).rows) == FEW_WALKERS  # the most that walk one by one
    people._set_off(FEW_WALKERS, "shop")
    assert _Movers.gather(people, 0.25).rows == ()  # a crowd walks as arrays
