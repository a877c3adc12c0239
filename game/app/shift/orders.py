"""What the trainee means, turned into actions: go there, get in or out, answer the call, walk up to someone.

Every change still goes through the ShiftRunner (the one door); a refusal
becomes a toast. Moving with a held key issues short WalkTo / DriveTo orders
in that direction and extends them while the key stays down. Intentions that
take several ticks (walk back to the car and get in, walk up to someone and
talk) are *plans*: ``follow_plan`` re-checks them every frame and issues the
real action once it is possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.app.shift.runner import ShiftRunner
from game.app.ui.input import Vector
from game.app.ui.settings import Settings
from game.app.ui.widgets import Toasts
from game.sim import actions as act
from game.sim.queries import most_urgent_call
from game.tuning import METRES_PER_TILE

WALK_STEP = 3  # tiles one push of a direction walks
DRIVE_STEP = 8  # tiles one push drives
EXTEND_AT = 1  # tiles left on the route before a held direction extends it


@dataclass
class Plan:
    """Something the officer is on the way to do: 'board' the car, 'talk' to a resident, or
    drive to a ``call`` once in the car (a call that needs the car, taken on foot)."""

    kind: str
    resident: int | None = None
    retries: int = 3
    call: str | None = None  # boarding first, then this call


class Orders:
    def __init__(self, runner: ShiftRunner, toasts: Toasts, settings: Settings) -> None:
        self.runner = runner
        self.sim = runner.sim
        self.toasts = toasts
        self.settings = settings
        self.plan: Plan | None = None
        self._steer_dir: Vector | None = None

    def act(self, *actions: act.Action) -> bool:
        """Apply actions; a refusal becomes a toast. True when everything went through."""
        error = self.runner.apply(*actions)
        if error is not None:
            self.toasts.show(error)
        return error is None

    def go_to(self, target: tuple[float, float]) -> None:
        """Walk or drive to a tile; clicking the car while on foot means 'get back in'."""
        x, y = round(target[0]), round(target[1])
        o = self.sim.officer
        self.plan = None
        if not self.sim.grid.inside(x, y):
            return
        if not o.in_car and abs(x - o.car_x) <= 0.6 and abs(y - o.car_y) <= 0.6:
            self.board()
            return
        self.act(act.DriveTo(x, y) if o.in_car else act.WalkTo(x, y))

    def approach(self, i: int) -> None:
        """Walk up to a resident to talk; from the car, say what to do first."""
        sim = self.sim
        if sim.officer.in_car:
            self.toasts.show(f"To talk with {sim.residents[i].name}, park and get out "
                             f"({self.settings.first_key('car')}).", "info")
            return
        x, y = sim.resident_pos(i)
        if self.act(act.WalkTo(round(x), round(y))):
            self.plan = Plan("talk", i)

    def stop_to_talk(self) -> None:
        self.plan = None
        if self.sim.officer.route and self.sim.open_encounter is None:
            self.runner.apply(act.Stop())

    def toggle_car(self) -> None:
        """F: park and get out, or get back in (walking back to the car first if needed)."""
        o = self.sim.officer
        self.plan = None
        if o.in_car:
            self.act(*([act.Park()] if o.route else []), act.GetOut())
        else:
            self.board()

    def board(self, then_call: str | None = None) -> bool:
        """Get in, walking back to the car first if needed; then drive to ``then_call``."""
        o = self.sim.officer
        if o.distance_to_car() <= self.sim.tuning.car_reach:
            if not self.act(act.GetIn()):
                return False
            self.plan = Plan("call", call=then_call) if then_call else None
            return True
        if not self.act(act.WalkTo(round(o.car_x), round(o.car_y))):
            return False
        self.plan = Plan("board", call=then_call)
        if then_call is None:
            self.toasts.show("Walking back to the car.", "info")
        return True

    def respond(self, call_id: str | None = None) -> bool:
        """R (or a click on a call): head for the most urgent call by whatever means you have.
        True when the officer is on the way (a panel open over the street then closes)."""
        sim = self.sim
        state = sim.call_state(call_id) if call_id else most_urgent_call(sim)
        if state is None:
            self.toasts.show("No calls are waiting.", "info")
            return False
        self.plan = None
        if state.call.needs_car and not sim.officer.in_car:
            metres = round(sim.officer.distance_to_car() * METRES_PER_TILE)
            if sim.busy and not self.act(act.RespondToCall(state.call.id)):
                return False  # (answering excuses you from a conversation; then go for the car)
            if not self.board(then_call=state.call.id):
                return False
            self.toasts.show(f"This call needs the car: back to it first ({metres} m).", "info")
            return True
        if not self.act(act.RespondToCall(state.call.id)):
            return False
        if not sim.officer.in_car:
            metres = round(sim.officer.distance_to_car() * METRES_PER_TILE)
            self.toasts.show(f"Responding on foot. The car is {metres} m away.", "info")
        return True

    def steer(self, direction: Vector | None) -> None:
        """Turn a held direction into short moves, extended while it stays held; let go to stop."""
        o = self.sim.officer
        if direction is None:
            if self._steer_dir is not None and o.route:
                self.runner.apply(act.Stop())
            self._steer_dir = None
            return
        if self.sim.busy:
            return
        fresh = direction != self._steer_dir
        if fresh or len(o.route) <= EXTEND_AT:
            self._steer_dir = direction
            self.plan = None
            self._move(direction, fresh)

    def _move(self, d: Vector, fresh: bool) -> None:
        sim, o = self.sim, self.sim.officer
        layer = sim.grid.drivable if o.in_car else sim.grid.walkable
        reach = DRIVE_STEP if o.in_car else WALK_STEP
        x, y = round(o.x), round(o.y)
        target = None
        for k in range(1, reach + 1):
            tx, ty = x + d[0] * k, y + d[1] * k
            if not sim.grid.inside(tx, ty) or not layer[ty, tx]:
                break
            target = (tx, ty)
        if target is None:
            if fresh:
                self.toasts.show("No road that way." if o.in_car else "You can't walk that way.", "info")
            return
        self.act(act.DriveTo(*target) if o.in_car else act.WalkTo(*target))

    def follow_plan(self) -> int | None:
        """Carry a plan one step further; returns a resident who is now close enough to talk to."""
        plan, sim, o = self.plan, self.sim, self.sim.officer
        if plan is None or sim.busy:
            return None
        if plan.kind == "board":
            if o.in_car:
                self.plan = None
            elif o.distance_to_car() <= sim.tuning.car_reach:
                self.plan = Plan("call", call=plan.call) if plan.call else None
                self.act(act.GetIn())
            elif not o.route:
                self.plan = None  # stopped short of the car (another order): give up
            return None
        if plan.kind == "call":
            self.plan = None
            state = sim.call_state(plan.call) if plan.call else None
            if o.in_car and state is not None and state.active:
                self.act(act.RespondToCall(state.call.id))
            return None
        assert plan.resident is not None
        if sim.can_reach(plan.resident):
            return plan.resident
        if not o.route:  # they moved: walk to where they are now, a few times
            plan.retries -= 1
            x, y = sim.resident_pos(plan.resident)
            if plan.retries <= 0 or not self.act(act.WalkTo(round(x), round(y))):
                self.plan = None
        return None
