"""Being around: familiarity and reassurance from walking past people, and where the
shift was spent.

Walking within ``presence_radius`` of residents makes the officer a familiar
face a little every minute; driving past does so at ``car_window_factor`` of
that. Being seen also makes the street feel safer (Pate 1981, the Newark Foot
Patrol Experiment: where foot patrol was kept, residents feared crime less and
felt safer, though recorded crime did not change): each resident's share of
reassurance is ``1 - exp(-minutes seen / reassurance_minutes)``, and the street's
perceived safety gains ``foot_patrol_safety`` times the mean share. The mean,
not a sum, so a big street and a small one reward the same beat; saturating, so
sitting with one family all shift reassures only them. The heat maps record
game minutes spent on each tile on foot and in the car, for the debrief's map.
"""

from __future__ import annotations

import math

import numpy as np

from game.sim.feed import FeedEvent
from game.sim.state import ShiftState

# Safety points from being seen at which the feed says so, once a shift: the HUD's safety figure
# then climbs with a reason the trainee has read.
REASSURED_NOTE_POINTS = 1.0


class Presence:
    def __init__(self, state: ShiftState) -> None:
        self.state = state
        shape = (state.grid.height, state.grid.width)
        self.foot_heat = np.zeros(shape, dtype=np.float64)  # game minutes per tile, on foot
        self.car_heat = np.zeros(shape, dtype=np.float64)  # game minutes per tile, in the car
        # Each resident's share of reassurance still to come: exp(-minutes seen / m), 1 at the
        # start; a minute through a windshield counts car_window_factor of one on foot.
        self.unreassured = np.ones(len(state.residents), dtype=np.float64)
        self.reassurance = 0.0  # safety points the shift owes to the officer being seen

    def familiarity(self) -> None:
        state, t, officer = self.state, self.state.tuning, self.state.officer
        near = (state.people.distance2(officer.x, officer.y) <= t.presence_radius ** 2).nonzero()[0]
        if len(near):
            factor = t.car_window_factor if officer.in_car else 1.0
            state.trust.add_presence(near, t.presence_per_minute * state.dt * factor)
            self._reassure(near, state.dt * factor)

    def _reassure(self, near: np.ndarray, minutes: float) -> None:
        """The residents ``near`` have seen the officer ``minutes`` more: the safety that brings.

        Each one's share still to come shrinks by exp(-minutes / m), and what it loses is
        gained, so a share reaches 1 - exp(-minutes seen / m) without a clock per resident.
        """
        state, t = self.state, self.state.tuning
        gained = -math.expm1(-minutes / t.reassurance_minutes)  # of what was left
        unreassured = self.unreassured
        left = 0.0
        for i in near.tolist():  # the few within sight: plain numbers beat array calls here
            share = unreassured.item(i)
            left += share
            unreassured[i] = share * (1.0 - gained)
        gain = t.foot_patrol_safety * left * gained / len(unreassured)
        before = self.reassurance
        self.reassurance += gain
        state.adjust_safety(gain)
        if before < REASSURED_NOTE_POINTS <= self.reassurance:
            state.say(FeedEvent.REASSURED, "People on the street feel safer for seeing you about "
                      "(safety +1 so far); the more of them see you on foot, the more.",
                      at=state.officer.pos)

    def heat(self) -> None:
        state, officer, grid = self.state, self.state.officer, self.state.grid
        x = min(max(round(officer.x), 0), grid.width - 1)
        y = min(max(round(officer.y), 0), grid.height - 1)
        (self.car_heat if officer.in_car else self.foot_heat)[y, x] += state.dt
