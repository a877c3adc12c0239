"""The radio: a shift's calls drawn from the scenario's call generators.

Scripted calls make every shift of a scenario the same, so a trainee can learn
it by heart. A generator says only how often (calls per hour in bands of the
shift), where (a weighted place pool) and what (weighted kinds with text
variants); the shift's seed draws the calls, so two seeds are two shifts.

Within a band the rate is constant, so drawing a Poisson count for the band and
spreading that many times uniformly over it is an exact draw of the
non-homogeneous Poisson process the bands describe. Calls may overlap.

The draw uses a generator of its own, seeded from the shift's seed and
``RADIO_STREAM`` (``radio_rng``), so adding or changing a radio never moves
the simulation's own random numbers: a scenario without a radio plays exactly
as before, and a radio's calls do not depend on what the officer does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from game.scenario.model import Call, CallGenerator, RateBand

RADIO_STREAM = 0x7AD10  # second word of the radio's seed: an arbitrary constant naming the stream
MINUTES_PER_HOUR = 60


def radio_rng(seed: int) -> np.random.Generator:
    """The radio's own random stream for a shift seed (a whole number, 0 or more)."""
    return np.random.default_rng([seed, RADIO_STREAM])


def call_id(generator: CallGenerator, number: int) -> str:
    """``street-noise:3`` for the third call of a generator. Scripted call ids are
    slugs, which never hold a ':', so drawn ids can never clash with them."""
    return f"{generator.id}:{number}"


def expected_calls(band: RateBand, shift_minutes: int) -> float:
    """Mean number of calls a band brings in, counting only the part inside the shift."""
    minutes = max(0, min(band.end, shift_minutes) - band.start)
    return band.per_hour * minutes / MINUTES_PER_HOUR


def draw_calls(
    radio: Sequence[CallGenerator], shift_minutes: int, rng: np.random.Generator
) -> tuple[Call, ...]:
    """Every radio call of one shift, ordered by when it comes in (then by generator).

    Each call comes in on a whole minute from 0 to ``shift_minutes - 1``, at a
    place of its generator's pool, and carries its kind's priority, window,
    escalation and reporter requirement, with one of the kind's texts.
    """
    calls: list[Call] = []
    for generator in radio:
        calls.extend(_draw_generator(generator, shift_minutes, rng))
    calls.sort(key=lambda call: call.at)  # stable: generators keep their order within a minute
    return tuple(calls)


def _draw_generator(
    generator: CallGenerator, shift_minutes: int, rng: np.random.Generator
) -> list[Call]:
    times = np.sort(np.concatenate([_band_times(band, shift_minutes, rng)
                                    for band in generator.rate]))
    count = len(times)
    places = list(generator.places)
    place_picks = rng.choice(len(places), size=count, p=_shares(generator.places.values()))
    kind_picks = rng.choice(len(generator.kinds), size=count,
                            p=_shares(kind.weight for kind in generator.kinds))
    text_draws = rng.random(count)
    calls = []
    for number, (at, place, kind_index, text_draw) in enumerate(
        zip(times, place_picks, kind_picks, text_draws, strict=True), start=1
    ):
        kind = generator.kinds[kind_index]
        text = kind.texts[int(text_draw * len(kind.texts))]
        calls.append(Call(
            call_id(generator, number), int(at), places[place], kind.priority, kind.kind, text,
            kind.window_minutes, escalation=kind.escalation, needs_reporter=kind.needs_reporter,
            needs_car=kind.needs_car,
        ))
    return calls


def _band_times(
    band: RateBand, shift_minutes: int, rng: np.random.Generator
) -> npt.NDArray[np.int64]:
    """Whole minutes at which a band's calls come in (a Poisson count, spread uniformly)."""
    count = rng.poisson(expected_calls(band, shift_minutes))
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    end = min(band.end, shift_minutes)
    minutes = np.floor(rng.uniform(band.start, end, size=count)).astype(np.int64)
    return np.minimum(minutes, end - 1)  # uniform() may round up to its upper bound


def _shares(weights: Iterable[float]) -> npt.NDArray[np.float64]:
    values = np.fromiter(weights, dtype=np.float64)
    shares: npt.NDArray[np.float64] = values / float(values.sum())
    return shares
