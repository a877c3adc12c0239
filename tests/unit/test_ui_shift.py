"""The runner between wall clock and simulation: pacing, catch-up cap, interpolation, the one door."""

from __future__ import annotations

import pytest
from builders import street_scenario

import game.sim.actions as act
from game.app.shift.runner import ShiftRunner, along
from game.sim.simulation import Simulation


def runner(speed: float = 1.0) -> ShiftRunner:
    return ShiftRunner(Simulation(street_scenario(), 1), speed=speed)


def test_a_tick_lasts_seconds_per_minute_times_dt_over_the_time_scale():
    r = runner()
    spm = r.sim.scenario.shift.seconds_per_minute
    assert r.tick_seconds == pytest.approx(spm * r.sim.dt)
    r.time_scale = 4
    assert r.tick_seconds == pytest.approx(spm * r.sim.dt / 4)


def test_advance_steps_the_ticks_that_are_due_and_banks_the_rest():
    r = runner()
    t = r.tick_seconds
    assert r.advance(t * 0.5) == 0
    assert r.alpha == pytest.approx(0.5)
    assert r.advance(t * 2.0) == 2
    assert r.sim.tick == 2
    assert r.alpha == pytest.approx(0.5)


def test_a_long_stall_is_capped_instead_of_snowballing():
    r = runner()
    steps = r.advance(1000.0)
    assert steps == r.max_steps
    assert r.alpha <= 1.0


def test_fast_autoplay_keeps_pace_with_a_frame():
    r = runner(speed=1000)
    assert r.advance(1 / 60) >= 50


def test_time_stops_while_a_scripted_conversation_waits_for_an_answer():
    r = runner()
    sim = r.sim
    sim.run(until_tick=int(40 / sim.dt) + 1)
    sim.apply(act.RespondToCall("c1"))
    while sim.open_encounter is None and not sim.finished:
        sim.step()
    tick = sim.tick
    assert r.advance(10.0) == 0
    assert sim.tick == tick


def test_apply_returns_the_reason_instead_of_raising():
    r = runner()
    assert r.apply(act.WalkTo(3, 3)) == "You are in the car. Park and get out to walk."
    assert r.apply(act.GetOut()) is None
    assert not r.sim.officer.in_car


def test_busy_minutes_pass_quickly_during_a_dialogue():
    r = runner()
    r.apply(act.GetOut())
    assert r.sim.busy
    r.pass_busy_time(1.0)
    assert not r.sim.busy


def test_along_follows_the_corner_instead_of_cutting_it():
    path = [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0)]
    assert along(path, 0.5) == pytest.approx((2.0, 0.0))
    assert along(path, 0.75) == pytest.approx((2.0, 1.0))
    assert along(path, 1.0) == pytest.approx((2.0, 2.0))


def test_officer_is_drawn_between_ticks_along_the_route():
    r = runner()
    sim = r.sim
    sim.apply(act.DriveTo(20, 3))
    r.step()
    before, after = r._prev_officer, sim.officer.pos
    mid = r.officer_position()
    assert min(before[0], after[0]) <= mid[0] <= max(before[0], after[0])
    r.advance(r.tick_seconds * 0.5)
    x, _ = r.officer_position()
    assert before[0] < x < after[0]


def test_orders_plan_a_walk_back_to_the_car_and_get_in():
    from game.app.shift.orders import Orders
    from game.app.ui.settings import Settings
    from game.app.ui.widgets import Toasts

    r = runner()
    sim = r.sim
    orders = Orders(r, Toasts(), Settings())
    orders.toggle_car()  # park and get out
    r.pass_busy_time(5.0)
    orders.go_to((10.0, 2.0))  # walk off along the sidewalk
    while sim.officer.route:
        r.step()
    assert not sim.officer.in_car
    orders.toggle_car()  # too far: walk back, then get in
    assert orders.plan is not None and orders.plan.kind == "board"
    for _ in range(400):
        orders.follow_plan()
        r.step()
        if sim.officer.in_car:
            break
    assert sim.officer.in_car and orders.plan is None


def test_held_direction_walks_and_letting_go_stops():
    from game.app.shift.orders import Orders
    from game.app.ui.settings import Settings
    from game.app.ui.widgets import Toasts

    r = runner()
    sim = r.sim
    toasts = Toasts()
    orders = Orders(r, toasts, Settings())
    orders.steer((1, 0))  # in the car: drive east along the road
    assert sim.officer.route and sim.officer.mode == "driving"
    r.step()
    orders.steer(None)
    assert not sim.officer.route
    orders.steer((0, -1))  # north of the road is sidewalk, not road
    assert toasts.items[-1].text == "No road that way."
