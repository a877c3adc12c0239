"""The officer: in the car or on foot, where they are going, and how busy they are."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

Tile = tuple[int, int]


class Doing(Enum):
    """What the officer is doing now; the value is the HUD's words (``{}`` is who with)."""

    PATROL = "on patrol"
    DRIVING = "driving"
    WALKING = "walking"
    DRIVING_TO_CALL = "driving to a call"
    WALKING_TO_CALL = "walking to a call"
    PARKED = "parked"
    ON_FOOT = "on foot"
    GETTING_OUT = "getting out of the car"
    GETTING_IN = "getting into the car"
    TALKING = "talking with {}"
    PLAYING = "playing with the kids"
    DECIDING_POST = "deciding about a post"
    IN_CONVERSATION = "in conversation"
    ON_SCENE = "on scene at a call"

    @property
    def moving(self) -> bool:
        return self in (Doing.DRIVING, Doing.WALKING, Doing.DRIVING_TO_CALL, Doing.WALKING_TO_CALL)

    @property
    def resting(self) -> bool:
        """Parked or standing: nothing to report beyond car or foot."""
        return self in (Doing.PARKED, Doing.ON_FOOT)

    @property
    def occupied(self) -> bool:
        """A spell of time that ends by itself (a talk, a game, a car door)."""
        return not (self.moving or self.resting or self is Doing.PATROL)


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
    doing: Doing = Doing.PATROL
    with_whom: str = ""  # the resident's name while talking

    @property
    def activity(self) -> str:
        """What the officer is doing, in words for the HUD: "talking with Harold"."""
        return self.doing.value.format(self.with_whom)

    def set_doing(self, doing: Doing, with_whom: str = "") -> None:
        self.doing, self.with_whom = doing, with_whom

    def come_to_rest(self) -> None:
        """Stopped: parked in the car or standing on foot."""
        self.set_doing(Doing.PARKED if self.in_car else Doing.ON_FOOT)

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
