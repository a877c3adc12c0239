"""The trust model's equations, through its public methods."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.model import Resident, Tie
from game.sim.ledger import WORD_OF_MOUTH, Source, SourceKind
from game.sim.trust import TrustModel
from game.tuning import Tuning

IDS = ["a", "b", "c", "d"]
X = Source(SourceKind.ENCOUNTER, "x")


def model(trust=(50, 50, 50, 50), openness=0.5, ties=(), tuning: Tuning | None = None):
    pairs = enumerate(zip(IDS, trust, strict=True))
    residents = [Resident(id=rid, name=rid, home="h", trust=t, openness=openness,
                          influence=0.25 * (k + 1)) for k, (rid, t) in pairs]
    return TrustModel(residents, [Tie(*t) for t in ties], {r: k for k, r in enumerate(IDS)},
                      tuning or Tuning())


def test_good_contact_follows_openness_and_familiarity():
    m = model(openness=0.6)
    m.familiarity[0] = 0.2
    change = m.contact(0.0, 0, 0.5, "listened", Source(SourceKind.TALK, "listen"))
    t = Tuning()
    openness = (t.openness_weight + 0.6) / (t.openness_weight + 0.5)
    known = (t.openness_floor + 0.2) / t.openness_floor
    assert change.delta == pytest.approx(t.gain * 0.5 * openness * known)
    assert m.trust[0] == pytest.approx(50 + change.delta)


def test_bad_contact_weighs_asymmetry_times_more_regardless_of_openness():
    closed, open_ = model(openness=0.1), model(openness=0.9)
    bad_closed = closed.contact(0.0, 0, -0.5, "threatened", X).delta
    bad_open = open_.contact(0.0, 0, -0.5, "threatened", X).delta
    reference = model(openness=0.5)  # a stranger of middling openness: receptiveness 1
    good_delta = reference.contact(0.0, 0, 0.5, "helped", X).delta
    assert reference.receptiveness(0) == pytest.approx(1.0)
    assert bad_closed == bad_open == pytest.approx(-Tuning().asymmetry * good_delta)


def test_trust_is_clipped_and_the_ledger_records_what_applied():
    m = model(trust=(98, 2, 50, 50), openness=1.0)
    up = m.contact(0.0, 0, 1.0, "great", X)
    down = m.contact(0.0, 1, -1.0, "awful", X)
    assert m.trust[0] == 100 and up.delta == pytest.approx(2.0)
    assert m.trust[1] == 0 and down.delta == pytest.approx(-2.0)
    assert [c.cause for c in m.ledger] == ["great", "awful"]


def test_word_of_mouth_reaches_ties_only_and_is_attributed():
    m = model(ties=[("a", "b", 0.8)])
    m.contact(0.0, 0, -0.5, "rude", X)
    for _ in range(400):
        m.step(0.25)
    assert m.trust[1] < 50 - 1.0  # b heard about it
    assert m.trust[2] == pytest.approx(50, abs=1e-6) and m.trust[3] == pytest.approx(50, abs=1e-6)
    wom = [c for c in m.summed_changes(100.0) if c.source == WORD_OF_MOUTH]
    assert {(c.resident, c.via) for c in wom} == {(1, 0)}
    assert wom[0].delta == pytest.approx(m.trust[1] - 50 - m.drift[1], abs=1e-6)


def test_well_connected_bad_contact_costs_more_neighborhood_trust():
    lonely = model()
    hub = model(ties=[("a", "b", 1.0), ("a", "c", 1.0), ("a", "d", 1.0)])
    for m in (lonely, hub):
        m.contact(0.0, 0, -0.5, "rude", X)
        for _ in range(480):
            m.step(0.25)
    assert hub.neighborhood_trust() < lonely.neighborhood_trust() - 1.0


def test_decay_moves_toward_baseline_with_the_configured_half_life_in_calendar_days():
    m = model(tuning=Tuning(decay_half_life_days=1.0 / 3.0, loss_half_life_days=1.0 / 6.0))
    m.trust[0], m.trust[1] = 90.0, 10.0
    for _ in range(int(480 / 0.25)):  # 480 game minutes: a third of a day
        m.step(0.25)
    assert m.trust[0] == pytest.approx(70.0, abs=0.01)  # halfway back from 90 to 50
    assert m.trust[1] == pytest.approx(40.0, abs=0.01)  # a loss: two half-lives, 3/4 of the way


def test_neighborhood_trust_is_influence_weighted():
    m = model(trust=(0, 0, 0, 100))
    weights = np.array([0.25, 0.5, 0.75, 1.0])
    assert m.neighborhood_trust() == pytest.approx(100 * 1.0 / weights.sum())


@given(st.lists(st.floats(0.01, 1.0), min_size=1, max_size=12))
def test_a_street_all_at_full_trust_has_neighborhood_trust_of_at_most_100(influences):
    residents = [Resident(id=f"r{k}", name="r", home="h", trust=100.0, influence=w)
                 for k, w in enumerate(influences)]
    m = TrustModel(residents, [], {r.id: k for k, r in enumerate(residents)}, Tuning())
    assert m.neighborhood_trust() == pytest.approx(100.0) and m.neighborhood_trust() <= 100.0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 3), st.floats(-1, 1), st.integers(0, 20)), max_size=40),
       st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(IDS), st.floats(0, 1)), max_size=6))
def test_trust_and_familiarity_stay_in_range(contacts, ties):
    unique = {}
    for a, b, w in ties:
        if a != b:
            unique[tuple(sorted((a, b)))] = w
    m = model(ties=[(a, b, w) for (a, b), w in unique.items()])
    for who, quality, steps in contacts:
        m.contact(0.0, who, quality, "x", X)
        m.add_familiarity(who, 0.3)
        for _ in range(steps):
            m.step(0.25)
        assert np.all((m.trust >= 0) & (m.trust <= 100))
        assert np.all((m.familiarity >= 0) & (m.familiarity <= 1))
