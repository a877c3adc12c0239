"""Getting around: driving, parking, getting out, walking, getting back in.

Every handler checks everything first and changes nothing when it refuses
(raising ``ActionError``), so a refused order leaves the shift exactly as it was.
"""

from __future__ import annotations

from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.feed import FeedEvent
from game.sim.grid import NoPath, Tile
from game.sim.officer import Doing
from game.sim.state import ShiftState


class Movement:
    def __init__(self, state: ShiftState) -> None:
        self.state = state

    # --- routes -----------------------------------------------------------------------
    def officer_tile(self, layer: str) -> Tile:
        officer = self.state.officer
        return self.state.grid.nearest((round(officer.x), round(officer.y)), layer)

    def route(self, x: float, y: float, layer: str) -> list[Tile]:
        """The way from the officer to (x, y) on ``layer``, or ActionError saying why not."""
        grid = self.state.grid
        if not grid.inside(x, y):
            raise ActionError("That is off the map.")
        goal = grid.nearest((round(x), round(y)), layer)
        try:
            return grid.route(self.officer_tile(layer), goal, layer)
        except NoPath as exc:
            raise ActionError("There is no way to get there from here.") from exc

    def route_by_current_means(self, x: float, y: float) -> list[Tile]:
        return self.route(x, y, "drive" if self.state.officer.in_car else "walk")

    # --- orders -----------------------------------------------------------------------
    def drive_to(self, a: act.DriveTo) -> None:
        officer = self.state.officer
        if not officer.in_car:
            raise ActionError("You are on foot. Walk back to the car and get in to drive.")
        officer.route = self.route(a.x, a.y, "drive")
        officer.set_doing(Doing.DRIVING)

    def walk_to(self, a: act.WalkTo) -> None:
        officer = self.state.officer
        if officer.in_car:
            raise ActionError("You are in the car. Park and get out to walk.")
        officer.route = self.route(a.x, a.y, "walk")
        officer.set_doing(Doing.WALKING)

    def stop(self, _: act.Stop) -> None:
        officer = self.state.officer
        if not officer.route:
            raise ActionError("You are not moving.")
        officer.route.clear()
        officer.come_to_rest()

    def park(self, _: act.Park) -> None:
        officer = self.state.officer
        if not officer.in_car:
            raise ActionError("You are on foot; the car is already parked.")
        officer.route.clear()
        officer.set_doing(Doing.PARKED)

    def get_out(self, _: act.GetOut) -> None:
        state, officer = self.state, self.state.officer
        if not officer.in_car:
            raise ActionError("You are already on foot.")
        if officer.route:
            raise ActionError("Park the car first.")
        officer.in_car = False
        state.occupy(state.tuning.door_minutes, Doing.GETTING_OUT, interruptible=False)
        state.say(FeedEvent.INFO, "Parked and on foot.", at=officer.pos)

    def get_in(self, _: act.GetIn) -> None:
        state, officer = self.state, self.state.officer
        if officer.in_car:
            raise ActionError("You are already in the car.")
        if officer.distance_to_car() > state.tuning.car_reach:
            raise ActionError("The car is too far away. Walk back to it first.")
        officer.route.clear()
        officer.in_car = True
        officer.x, officer.y = officer.car_pos
        state.occupy(state.tuning.door_minutes, Doing.GETTING_IN, interruptible=False)

    # --- per tick -----------------------------------------------------------------------
    def step(self) -> None:
        """Move the officer along the route, unless talking or busy."""
        state, officer = self.state, self.state.officer
        if state.busy or state.encounters.open is not None:
            return
        if officer.doing.occupied:  # the talk or the game is over: say so
            officer.come_to_rest()
        speed = state.tuning.car_speed if officer.in_car else state.tuning.walk_speed
        officer.advance(speed * state.dt)
        if not officer.route and officer.doing.moving:
            officer.come_to_rest()
