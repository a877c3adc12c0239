"""Past FEW_EVENTS, the events near the officer are found through cells of the map
(ShiftState.events_here): the answer must be exactly the plain test over every event, in the
same order, on any map, wherever the officer stands, for events added during the shift too."""

from __future__ import annotations

import dataclasses

from builders import street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from game.scenario.model import Event, Place
from game.sim.state import FEW_EVENTS, ShiftState

STREET = street_scenario(residents_count=4)
# Event places on every tile of the map, so some lie just across a cell's edge from the officer.
SPOTS = tuple(Place(f"spot-{x}-{y}", (x, y), "park", "A spot")
              for y in range(len(STREET.map.rows)) for x in range(len(STREET.map.rows[0])))
BASE = dataclasses.replace(STREET, places=STREET.places + SPOTS)
PLACES = sorted(p.id for p in BASE.places)
KINDS = ("kids_play", "block_party")

events = st.lists(st.builds(
    lambda i, start, length, place, kind: Event(f"e{i}", start, start + length, place, kind, "An event"),
    st.integers(0, 10_000), st.integers(0, 200), st.integers(1, 120), st.sampled_from(PLACES),
    st.sampled_from(KINDS)), max_size=2 * FEW_EVENTS, unique_by=lambda ev: ev.id)


def every_event_here(state: ShiftState, kind: str | None) -> list[Event]:
    """The definition: under way, of the kind asked, within arrival distance."""
    now, radius = state.time, state.tuning.arrival_radius
    return [ev for ev in state.events
            if ev.start <= now <= ev.end and (kind is None or ev.kind == kind)
            and state.officer.distance_to(*state.places[ev.place].at) <= radius]


# Where the officer stands: up to three tiles from an event's place (so near events and across
# cells' edges from them), at a minute of the shift.
spots = st.lists(st.tuples(st.integers(0, 59), st.floats(-3, 3), st.floats(-3, 3),
                           st.integers(0, 320)), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(events, events, spots, st.sampled_from([None, *KINDS]))
def test_the_events_found_near_the_officer_are_exactly_those_within_reach(
        scripted, added, spots, kind) -> None:
    state = ShiftState(dataclasses.replace(BASE, events=tuple(scripted)), 0)
    state.officer.in_car = False
    for n, (k, dx, dy, minute) in enumerate(spots):
        if n == len(spots) // 2:
            state.events += added  # the instructor starts events mid-shift
        near = state.events[k % len(state.events)].place if state.events else PLACES[0]
        px, py = state.places[near].at
        state.officer.x, state.officer.y, state.time = px + dx, py + dy, float(minute)
        assert state.events_here(kind) == every_event_here(state, kind)


def test_events_across_a_cell_s_edge_are_found_in_the_scenario_s_order() -> None:
    # Two events either side of x = 8 (a cell's edge), the one on the right listed first.
    right, left = (Event("right", 0, 100, "spot-9-2", "kids_play", "Right"),
                   Event("left", 0, 100, "spot-7-2", "kids_play", "Left"))
    elsewhere = tuple(Event(f"far-{k}", 0, 100, "spot-29-7", "kids_play", "Far") for k in range(FEW_EVENTS))
    state = ShiftState(dataclasses.replace(BASE, events=(right, left, *elsewhere)), 0)
    state.officer.in_car = False
    for x in (7.2, 8.0, 8.5, 9.2):  # both within arrival distance (2.5 tiles) from each
        state.officer.x, state.officer.y, state.time = x, 2.0, 10.0
        assert state.events_here() == [right, left] == every_event_here(state, None)
    added = Event("added", 0, 100, "spot-8-3", "kids_play", "Started by the instructor")
    state.events.append(added)
    assert state.events_here() == [right, left, added] == every_event_here(state, None)
