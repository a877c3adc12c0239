"""Hypothesis strategies for radios (call generators) that obey every rule of the format,
and the YAML an author would write for one, shared by the loader and generator tests."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from hypothesis import strategies as st

from game.scenario.model import CallGenerator, CallKind, Escalation, RateBand, Shift, car_needed_at

slugs = st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)
texts = st.text(st.sampled_from("abcdefghij ,.:'\"#-!?"), min_size=1, max_size=30).filter(
    lambda text: text.strip() != "")
windows = st.floats(0.5, 30, allow_nan=False).map(lambda minutes: round(minutes, 2))
weights = st.floats(0.1, 10, allow_nan=False).map(lambda weight: round(weight, 2))


@st.composite
def rate_bands(draw: st.DrawFn, shift_minutes: int) -> tuple[RateBand, ...]:
    """One to four bands that do not overlap, inside the shift, in any order."""
    cuts = sorted(draw(st.sets(st.integers(0, shift_minutes), min_size=2, max_size=8)))
    pairs = list(itertools.pairwise(cuts))
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=4, unique=True))
    return tuple(RateBand(start, end, draw(st.floats(0.1, 60, allow_nan=False)
                                           .map(lambda rate: round(rate, 2))))
                 for start, end in chosen)


@st.composite
def call_kinds(draw: st.DrawFn, name: str) -> CallKind:
    priority = draw(st.integers(1, 3))
    window = draw(windows)
    escalation = None
    if draw(st.booleans()):
        step_priority = draw(st.integers(1, priority))
        escalation = Escalation(draw(st.integers(math.ceil(window), 90)), draw(texts), draw(texts),
                                step_priority, draw(windows),
                                needs_car=draw(needs_car_for(step_priority)))
    return CallKind(name, priority, window, tuple(draw(st.lists(texts, min_size=1, max_size=3,
                                                                unique=True))),
                    weight=draw(weights), needs_reporter=draw(st.booleans()),
                    escalation=escalation, needs_car=draw(needs_car_for(priority)))


def needs_car_for(priority: int) -> st.SearchStrategy[bool]:
    """Mostly what the priority implies (the file may then leave it out), sometimes the other."""
    implied = car_needed_at(priority)
    return st.sampled_from((implied, implied, not implied))


@st.composite
def generators(draw: st.DrawFn, shift_minutes: int, place_ids: Sequence[str]) -> CallGenerator:
    pool = draw(st.lists(st.sampled_from(place_ids), min_size=1, unique=True))
    weighted = draw(st.booleans())
    places = {place: draw(weights) if weighted else 1.0 for place in pool}
    names = draw(st.lists(texts, min_size=1, max_size=3, unique=True))
    return CallGenerator(draw(slugs), draw(rate_bands(shift_minutes)), MappingProxyType(places),
                         tuple(draw(call_kinds(name)) for name in names))


def radios(shift_minutes: int, place_ids: Sequence[str]) -> st.SearchStrategy[tuple[CallGenerator, ...]]:
    """One to three generators with distinct ids."""
    return st.lists(generators(shift_minutes, place_ids), min_size=1, max_size=3,
                    unique_by=lambda generator: generator.id).map(tuple)


def radio_yaml_data(radio: Sequence[CallGenerator], shift: Shift) -> list[dict[str, Any]]:
    """The ``radio:`` section as an author writes it: clock times, and a plain list of
    places when every weight is 1."""
    return [{
        "id": generator.id,
        "rate": [{"from": shift.clock(band.start), "to": shift.clock(band.end),
                  "per_hour": band.per_hour} for band in generator.rate],
        "places": (list(generator.places) if set(generator.places.values()) == {1.0}
                   else dict(generator.places)),
        "kinds": [_kind_data(kind) for kind in generator.kinds],
    } for generator in radio]


def _kind_data(kind: CallKind) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": kind.kind, "priority": kind.priority,
                            "window_minutes": kind.window_minutes, "texts": list(kind.texts),
                            "weight": kind.weight, "needs_reporter": kind.needs_reporter,
                            **_needs_car_data(kind.priority, kind.needs_car)}
    step = kind.escalation
    if step is not None:
        data["escalates"] = {"after_minutes": step.after_minutes, "kind": step.kind,
                             "text": step.text, "priority": step.priority,
                             "window_minutes": step.window_minutes,
                             **_needs_car_data(step.priority, step.needs_car)}
    return data


def _needs_car_data(priority: int, needs_car: bool) -> dict[str, bool]:
    """``needs_car`` as an author writes it: left out where the priority implies it."""
    return {} if needs_car == car_needed_at(priority) else {"needs_car": needs_car}
