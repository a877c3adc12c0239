"""The radio draws a shift's calls from the scenario's generators: a pure function of
(radio, shift length, seed), on a random stream of its own."""

from __future__ import annotations

import math
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import MappingProxyType

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from radios import radios

from game.scenario import load_scenario
from game.scenario.model import Call, CallGenerator, CallKind, Escalation, RateBand
from game.sim.radio import draw_calls, expected_calls, radio_rng

SHIFT = 240
PLACE_IDS = ("corner-porch", "back-porch", "night-shop", "lot")
SEEDS = st.integers(0, 2**32 - 1)
RADIO = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scenarios" / "valid" / "radio.yaml"
PROPERTY = settings(max_examples=60, deadline=None)

NOISE = CallKind("noise", 3, 15.0, ("Loud music.", "A crowd in the street."), weight=3.0,
                 needs_reporter=True, escalation=Escalation(20, "fight", "A fight.", 1, 5.0))
WELFARE = CallKind("welfare-check", 2, 8.0, ("No answer at the door.",))
BUSY = CallGenerator("street", (RateBand(0, 60, 4.0), RateBand(120, 240, 10.0)),
                     MappingProxyType({"lot": 3.0, "night-shop": 1.0}), (NOISE, WELFARE))


def draw(radio: tuple[CallGenerator, ...], seed: int, shift: int = SHIFT) -> tuple[Call, ...]:
    return draw_calls(radio, shift, radio_rng(seed))


@PROPERTY
@given(radio=radios(SHIFT, PLACE_IDS), seed=SEEDS)
def test_the_same_seed_draws_the_same_shift(radio, seed) -> None:
    assert draw(radio, seed) == draw(radio, seed)


@PROPERTY
@given(seeds=st.lists(SEEDS, min_size=2, max_size=2, unique=True))
def test_two_seeds_draw_two_different_shifts(seeds) -> None:
    first, second = (draw((BUSY,), seed) for seed in seeds)
    assert first != second  # ~24 calls each: the same draw twice is vanishingly unlikely


@PROPERTY
@given(radio=radios(SHIFT, PLACE_IDS), seed=SEEDS, shift=st.integers(1, SHIFT))
def test_every_call_lies_inside_the_shift_in_a_band_at_a_place_of_its_pool(radio, seed, shift) -> None:
    by_id = {generator.id: generator for generator in radio}
    calls = draw(radio, seed, shift)
    assert [call.at for call in calls] == sorted(call.at for call in calls)
    assert len({call.id for call in calls}) == len(calls)
    for call in calls:
        generator_id, _, number = call.id.rpartition(":")
        generator = by_id[generator_id]
        assert number.isdigit() and 0 <= call.at < shift
        assert any(band.start <= call.at < band.end for band in generator.rate)
        assert call.place in generator.places
        kind = next(kind for kind in generator.kinds if kind.kind == call.kind)
        assert call.text in kind.texts
        assert (call.priority, call.window_minutes, call.escalation, call.needs_reporter) == (
            kind.priority, kind.window_minutes, kind.escalation, kind.needs_reporter)


@PROPERTY
@given(radio=radios(SHIFT, PLACE_IDS), seed=SEEDS)
def test_a_generators_calls_are_numbered_in_the_order_they_come_in(radio, seed) -> None:
    calls = draw(radio, seed)
    for generator in radio:
        own = [call for call in calls if call.id.rpartition(":")[0] == generator.id]
        assert [call.id for call in own] == [f"{generator.id}:{n}" for n in range(1, len(own) + 1)]


def test_drawn_ids_never_clash_with_scripted_ones() -> None:
    scenario = load_scenario(RADIO)
    drawn = draw(scenario.radio, scenario.seed, scenario.shift.minutes)
    assert drawn and all(":" in call.id for call in drawn)
    assert all(":" not in call.id for call in scenario.calls)


def test_rates_are_respected_band_by_band_over_many_seeds() -> None:
    """Mean count per band within 5 standard errors of rate x hours (Poisson: var = mean)."""
    seeds = 400
    counts = Counter()
    for seed in range(seeds):
        for call in draw((BUSY,), seed):
            counts[next(i for i, band in enumerate(BUSY.rate) if band.start <= call.at < band.end)] += 1
    for index, band in enumerate(BUSY.rate):
        expected = expected_calls(band, SHIFT)
        assert abs(counts[index] / seeds - expected) < 5 * math.sqrt(expected / seeds)


def close_to_share(hits: int, n: int, share: float) -> bool:
    """Within 5 standard errors of a binomial share."""
    return abs(hits / n - share) < 5 * math.sqrt(share * (1 - share) / n)


def test_place_kind_and_text_weights_are_respected_over_many_seeds() -> None:
    calls = [call for seed in range(300) for call in draw((BUSY,), seed)]
    noise = [call for call in calls if call.kind == "noise"]
    assert close_to_share(sum(call.place == "lot" for call in calls), len(calls), 0.75)  # 3 : 1
    assert close_to_share(len(noise), len(calls), 0.75)  # weight 3 against 1
    assert close_to_share(sum(call.text == "Loud music." for call in noise), len(noise), 0.5)


def test_a_band_past_the_end_of_a_shorter_shift_brings_nothing() -> None:
    late = CallGenerator("late", (RateBand(120, 240, 60.0),), MappingProxyType({"lot": 1.0}), (WELFARE,))
    assert draw((late,), 5, shift=120) == ()
    assert expected_calls(late.rate[0], 180) == 60.0
    assert all(call.at < 180 for call in draw((late,), 5, shift=180))


def test_the_radio_leaves_the_shifts_main_random_stream_alone() -> None:
    main = np.random.default_rng(11)
    before = main.bit_generator.state
    draw_calls((BUSY,), SHIFT, radio_rng(11))
    assert main.bit_generator.state == before
    assert radio_rng(11).random() != np.random.default_rng(11).random()


def test_an_unanswered_call_escalates_into_its_kinds_worse_call() -> None:
    call = next(c for seed in range(50) for c in draw((BUSY,), seed) if c.kind == "noise")
    worse = call.escalated()
    assert worse is not None and NOISE.escalation is not None
    assert worse == Call(f"{call.id}:escalated", call.at + NOISE.escalation.after_minutes, call.place,
                         1, "fight", "A fight.", 5.0)
    assert worse.escalated() is None and not worse.needs_reporter
    welfare = next(c for seed in range(50) for c in draw((BUSY,), seed) if c.kind == "welfare-check")
    assert welfare.escalated() is None


def test_the_radio_never_imports_pygame() -> None:
    code = "import sys, game.sim.radio; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
