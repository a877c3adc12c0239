"""Being around: familiarity from walking past people, and where the shift was spent.

Walking within ``presence_radius`` of residents makes the officer a familiar
face a little every minute; driving past does so at ``car_window_factor`` of
that. The heat maps record game minutes spent on each tile on foot and in the
car, for the debrief's map.
"""

from __future__ import annotations

import numpy as np

from game.sim.state import ShiftState


class Presence:
    def __init__(self, state: ShiftState) -> None:
        self.state = state
        shape = (state.grid.height, state.grid.width)
        self.foot_heat = np.zeros(shape, dtype=np.float64)  # game minutes per tile, on foot
        self.car_heat = np.zeros(shape, dtype=np.float64)  # game minutes per tile, in the car

    def familiarity(self) -> None:
        state, t, officer = self.state, self.state.tuning, self.state.officer
        near = state.people.distance2(officer.x, officer.y) <= t.presence_radius ** 2
        if near.any():
            factor = t.car_window_factor if officer.in_car else 1.0
            state.trust.add_presence(near, t.presence_per_minute * state.dt * factor)

    def heat(self) -> None:
        state, officer, grid = self.state, self.state.officer, self.state.grid
        x = min(max(round(officer.x), 0), grid.width - 1)
        y = min(max(round(officer.y), 0), grid.height - 1)
        (self.car_heat if officer.in_car else self.foot_heat)[y, x] += state.dt
