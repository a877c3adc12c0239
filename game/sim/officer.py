"""The officer: in the car or on foot, where they are going, and how busy they are."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

Tile = tuple[int, int]


@dataclass
class Officer:
    """Mutable officer state, owned by the Simulation (the UI only reads it).

    Positions are tile coordinates as floats; ``car`` is where the patrol car
    stands (it moves with the officer while driving).
    """

    x: float
    y: float
    car_x: float
    car_y: float
    in_car: bool = True
    heading: float = 0.0  # radians, direction of last movement
    car_heading: float = 0.0
    route: list[Tile] = field(default_factory=list)  # tiles still to visit
    busy_until: float = 0.0  # game minute until which the officer is occupied
    activity: str = "on patrol"  # what the officer is doing, in words for the HUD

    @property
    def pos(self) -> tuple[float, float]:
        return (self.x, self.y)

    @property
    def car_pos(self) -> tuple[float, float]:
        return (self.car_x, self.car_y)

    @property
    def moving(self) -> bool:
        return bool(self.route)

    @property
    def mode(self) -> str:
        """'driving', 'parked' (in the stopped car) or 'on_foot'."""
        if not self.in_car:
            return "on_foot"
        return "driving" if self.route else "parked"

    def distance_to(self, x: float, y: float) -> float:
        return math.hypot(self.x - x, self.y - y)

    def distance_to_car(self) -> float:
        return math.hypot(self.x - self.car_x, self.y - self.car_y)

    def advance(self, tiles: float) -> None:
        """Move up to ``tiles`` along the route, turning at each tile centre."""
        while tiles > 1e-9 and self.route:
            tx, ty = self.route[0]
            dx, dy = tx - self.x, ty - self.y
            dist = math.hypot(dx, dy)
            if dist <= tiles:
                self.x, self.y = float(tx), float(ty)
                self.route.pop(0)
                tiles -= dist
            else:
                self.x += dx / dist * tiles
                self.y += dy / dist * tiles
                tiles = 0.0
            if dist > 1e-9:
                self.heading = math.atan2(dy, dx)
        if self.in_car:
            self.car_x, self.car_y, self.car_heading = self.x, self.y, self.heading
