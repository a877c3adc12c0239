"""The shift itself: the street, the officer, the calls, and the choice between car and foot.

Input becomes actions through the ShiftRunner (the one door); everything shown
is read from the simulation. Moving with the keyboard issues short WalkTo /
DriveTo orders in the pushed direction and extends them while the key is
held; a click sends the officer to a tile or up to a resident. Helpers that
span several ticks (walk back to the car and get in, walk up to someone and
talk) are *plans*: the scene re-checks them each frame and issues the real
action when it becomes possible.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pygame

from game.app.art import prewarm
from game.app.camera import Camera
from game.app.context import App
from game.app.floaters import Floaters
from game.app.hud import Hud
from game.app.input import Steering, Vector, command_of
from game.app.nearby import events_nearby, nearest_resident, reachable_residents
from game.app.scenes.base import Scene
from game.app.shift import ShiftRunner
from game.app.sprites import OFFICER, look_of, zoom_scale
from game.app.widgets import Toasts, draw_text, pad
from game.app.world_view import WorldView
from game.bots import make_bot
from game.bots.tactics import most_urgent_call
from game.scenario.model import Scenario
from game.sim import actions as act
from game.sim.feed import FeedItem
from game.sim.simulation import CAR_REACH, Simulation

WALK_STEP = 3  # tiles one push of a direction walks
DRIVE_STEP = 8  # tiles one push drives
EXTEND_AT = 1  # tiles left on the route before a held direction extends it
APPROACH_RADIUS = 10.0  # tiles: E walks over to someone this close
END_PAUSE = 2.5  # real seconds the end-of-shift banner shows before the debrief
FLOAT_MIN = 0.5  # trust points: smaller changes go to the log but do not float
SPEED_KEYS = {"speed1": 1, "speed2": 2, "speed4": 4}
PREWARM_SECONDS = 0.002  # real time per frame spent drawing sprites ahead of need (no hitches later)


@dataclass
class Plan:
    """Something the officer is on the way to do: 'board' the car or 'talk' to a resident."""

    kind: str
    resident: int | None = None
    retries: int = 3


class PlayScene(Scene):
    def __init__(self, app: App, scenario: Scenario, sim: Simulation | None = None) -> None:
        self.app = app
        self.scenario = scenario
        self.sim = sim if sim is not None else Simulation(scenario, app.options.seed)
        bot = make_bot(app.options.bot, self.sim.seed) if app.options.autoplay else None
        self.runner = ShiftRunner(self.sim, bot, app.speed)
        self.world = WorldView(app, self.sim)
        self.hud = Hud(app, self.sim)
        self.camera = Camera((1280, 720), (self.sim.grid.width, self.sim.grid.height))
        self.camera.look_at(*self.sim.officer.pos)
        self.floaters = Floaters()
        self.toasts = Toasts()
        self.steering = Steering()
        self.plan: Plan | None = None
        self.mouse: tuple[int, int] | None = None
        self.hover: int | None = None
        self.selected: int | None = None
        self.clock = 0.0  # real seconds in this scene, for animation
        self.ended = 0.0  # real seconds since the shift ended
        self.camera_bias = 0.0  # tiles the view sits below the officer (room for a dialogue panel)
        self._steer_dir: Vector | None = None
        self._calls_seen: set[str] = set()
        self._was_in_car = self.sim.officer.in_car  # a change means a car door: play its sound
        self.hover_place: str | None = None  # the porch (or shop, park) under the pointer
        self._warm_scale = 0.0
        self._warmer: Iterator = iter(())
        keys = app.settings
        self.toasts.show(f"Your shift has begun. You are in the patrol car: click the map to drive, "
                         f"{keys.first_key('car')} to park and walk. {keys.first_key('pause')} "
                         f"pauses and shows your objectives.", "info")

    # --- the door ---------------------------------------------------------------------
    def act(self, *actions: act.Action) -> bool:
        """Apply actions; a refusal becomes a toast. True when everything went through."""
        error = self.runner.apply(*actions)
        if error is not None:
            self.toasts.show(error)
        return error is None

    # --- events -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        keys = self.app.settings.keys
        if self.steering.handle(event, keys):
            return None
        command = command_of(event, keys)
        if command in ("pause", "back"):
            from game.app.scenes.pause import PauseScene

            return PauseScene(self.app, self, self)
        if command == "people":
            from game.app.scenes.people import PeopleScene

            return PeopleScene(self.app, self)
        if command == "interact":
            return self.interact()
        if command == "car":
            self.toggle_car()
        elif command == "respond":
            self.respond()
        elif command in SPEED_KEYS:
            self.runner.time_scale = SPEED_KEYS[command]
        elif command in ("zoom_in", "zoom_out"):
            self.camera.zoom(1 if command == "zoom_in" else -1)
        elif event.type == pygame.MOUSEWHEEL:
            self.camera.zoom(1 if event.y > 0 else -1)
        elif event.type == pygame.MOUSEMOTION:
            self.mouse = event.pos
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            return self.click(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 3:
            self.selected = self.world.resident_at(self.camera, event.pos)
        return None

    def click(self, pos: tuple[int, int]) -> Scene | None:
        call = self.hud.call_at(pos)
        if call is not None:
            self.respond(call)
            return None
        target = self.hud.minimap.to_world(pos)
        if target is None and self.hud.over_panel(pos):
            return None
        if target is None:
            who = self.world.resident_at(self.camera, pos)
            if who is not None:
                self.selected = who
                return self.talk_to(who)
            target = self.camera.to_world(*pos)
        self.go_to(target)
        return None

    # --- orders -------------------------------------------------------------------------
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

    def interact(self) -> Scene | None:
        """E: talk to whoever is within reach (the selected person first), or join what's going on."""
        sim = self.sim
        reachable = reachable_residents(sim)
        for preferred in (self.selected, self.hover):
            if preferred in reachable:
                return self.open_talk(preferred)
        if reachable:
            return self.open_talk(reachable[0])
        if events_nearby(sim):
            return self.open_talk(None)
        near = nearest_resident(sim, APPROACH_RADIUS)
        if near is not None:
            return self.talk_to(near)
        self.toasts.show("Nobody close enough to talk to. Walk up to someone first.", "info")
        return None

    def talk_to(self, i: int) -> Scene | None:
        """Talk now if close enough; on foot, walk over first; in the car, say what to do."""
        sim = self.sim
        if sim.can_reach(i):
            return self.open_talk(i)
        name = sim.residents[i].name
        if sim.officer.in_car:
            self.toasts.show(f"To talk with {name}, park and get out ({self.app.settings.first_key('car')}).",
                             "info")
            return None
        x, y = sim.resident_pos(i)
        if self.act(act.WalkTo(round(x), round(y))):
            self.plan = Plan("talk", i)
        return None

    def open_talk(self, i: int | None) -> Scene:
        from game.app.scenes.dialogue import DialogueScene

        self.plan = None
        if i is not None:
            self.selected = i
            if self.sim.officer.route and self.sim.open_encounter is None:
                self.runner.apply(act.Stop())  # stop walking to talk
        return DialogueScene(self.app, self, i)

    def toggle_car(self) -> None:
        """F: park and get out, or get back in (walking back to the car first if needed)."""
        o = self.sim.officer
        self.plan = None
        if o.in_car:
            self.act(*([act.Park()] if o.route else []), act.GetOut())
        else:
            self.board()

    def board(self) -> None:
        o = self.sim.officer
        if o.distance_to_car() <= CAR_REACH:
            self.act(act.GetIn())
        elif self.act(act.WalkTo(round(o.car_x), round(o.car_y))):
            self.plan = Plan("board")
            self.toasts.show("Walking back to the car.", "info")

    def respond(self, call_id: str | None = None) -> None:
        """R (or a click on a call): head for the most urgent call by whatever means you have."""
        sim = self.sim
        state = sim.call_state(call_id) if call_id else most_urgent_call(sim)
        if state is None:
            self.toasts.show("No calls are waiting.", "info")
            return
        self.plan = None
        if self.act(act.RespondToCall(state.call.id)) and not sim.officer.in_car:
            metres = round(sim.officer.distance_to_car() * 10)
            self.toasts.show(f"Responding on foot. The car is {metres} m away.", "info")

    def _steer(self) -> None:
        """Turn a held direction into short moves, extended while the key stays down."""
        direction = self.steering.direction
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

    def _follow_plan(self) -> Scene | None:
        plan, sim, o = self.plan, self.sim, self.sim.officer
        if plan is None or sim.busy:
            return None
        if plan.kind == "board":
            if o.in_car:
                self.plan = None
            elif o.distance_to_car() <= CAR_REACH:
                self.plan = None
                self.act(act.GetIn())
            elif not o.route:
                self.plan = None
            return None
        assert plan.resident is not None
        if sim.can_reach(plan.resident):
            return self.open_talk(plan.resident)
        if not o.route:  # they moved: walk to where they are now, a few times
            plan.retries -= 1
            x, y = sim.resident_pos(plan.resident)
            if plan.retries <= 0 or not self.act(act.WalkTo(round(x), round(y))):
                self.plan = None
        return None

    # --- the frame ------------------------------------------------------------------------
    def update(self, dt: float) -> Scene | None:
        if not self.sim.finished:
            self._steer()
            nxt = self._follow_plan()
            if nxt is not None:
                return nxt
            self.runner.advance(dt)
        self.take_feed()
        self.animate(dt)
        if self.sim.open_encounter is not None:
            return self.open_talk(None)
        if self.sim.finished:
            self.ended += dt
            if self.ended >= (self.app.autoplay_pause if self.app.options.autoplay else END_PAUSE):
                from game.app.scenes.summary import SummaryScene

                return SummaryScene(self.app, self.scenario, self.sim)
        return None

    def animate(self, dt: float) -> None:
        """Everything that moves without the simulation moving: camera, floaters, toasts, hover."""
        self.clock += dt
        self._prewarm()
        self.floaters.update(dt)
        self.toasts.update(dt)
        x, y = self.runner.officer_position()
        self.camera.follow(x, y + self.camera_bias, dt)
        self.hover, self.hover_place = None, None
        if self.mouse is not None and not self.hud.over_panel(self.mouse):
            self.hover = self.world.resident_at(self.camera, self.mouse)
            if self.hover is None:
                self.hover_place = self.world.place_at(self.camera, self.mouse)

    def _prewarm(self) -> None:
        """Build people sprites for this zoom a few at a time, before anyone needs them."""
        scale = zoom_scale(self.camera.tile_px)
        if scale != self._warm_scale:
            self._warm_scale = scale
            self._warmer = prewarm([OFFICER, *(look_of(r.id) for r in self.sim.residents)], scale)
        deadline = time.perf_counter() + PREWARM_SECONDS
        for _ in self._warmer:
            if time.perf_counter() > deadline:
                break

    def take_feed(self) -> list[FeedItem]:
        """Pull what just happened: log it, float trust changes, play cues, announce new calls."""
        items = self.runner.take_feed()
        cue = None
        for item in items:
            if item.kind == "trust" and item.delta is not None and item.at is not None:
                if abs(item.delta) >= FLOAT_MIN:
                    reason = item.text.split(" · ", 1)[-1]
                    self.floaters.trust(item.delta, reason, item.at)
                cue = cue or ("positive" if item.delta > 0 else "negative")
            elif item.kind in ("story", "concern") and item.at is not None:
                self.floaters.note("story heard" if item.kind == "story" else "a worry shared", item.at)
            elif item.kind == "policy":
                self.toasts.show(item.text, "error")
        for state in self.sim.calls:
            if state.status != "pending" and state.call.id not in self._calls_seen:
                self._calls_seen.add(state.call.id)
                place = self.sim.places[state.call.place].name
                key = self.app.settings.first_key("respond")
                self.toasts.show(f"Priority {state.call.priority} call at {place}. {key} to respond.",
                                 "error")
                cue = "call"
                if not self.app.options.autoplay:
                    self.runner.time_scale = 1  # the radio goes: give the trainee time to decide
        if self.sim.officer.in_car != self._was_in_car:
            self._was_in_car = self.sim.officer.in_car
            cue = cue or "door"
        if cue is not None:
            self.app.audio.play(cue)
        self.hud.add(items)
        return items

    # --- words for the HUD ---------------------------------------------------------------
    def mode_text(self) -> str:
        o = self.sim.officer
        where = "In the car" if o.in_car else "On foot"
        activity = o.activity
        return where if activity in ("on foot", "parked") and not o.in_car else f"{where} · {activity}"

    def speed_text(self) -> str:
        return f"{self.runner.time_scale * self.app.speed:g}x speed"

    def hint_text(self) -> str:
        s, sim = self.app.settings, self.sim
        parts = []
        reachable = reachable_residents(sim)
        if reachable:
            parts.append(f"{s.first_key('interact')} talk to {sim.residents[reachable[0]].name}")
        elif events_nearby(sim):
            parts.append(f"{s.first_key('interact')} join in")
        if sim.officer.in_car:
            parts.append(f"{s.first_key('car')} park and walk")
        else:
            near = sim.officer.distance_to_car() <= CAR_REACH
            parts.append(f"{s.first_key('car')} {'get in' if near else 'back to the car'}")
        if sim.active_calls():
            parts.append(f"{s.first_key('respond')} respond to call")
        parts += ["click to go", f"{s.first_key('pause')} pause", f"{s.first_key('people')} people",
                  "1 2 3 speed", "wheel zoom"]
        return "   ·   ".join(parts)

    def view_tiles(self) -> tuple[float, float, float, float]:
        c = self.camera
        w, h = c.view_w / c.tile_px, c.view_h / c.tile_px
        return (c.cx - w / 2, c.cy - h / 2, w, h)

    def draw(self, surface: pygame.Surface, focus: bool = False) -> None:
        """The street and the HUD; ``focus`` (a dialogue on top) keeps only the top bar and calls."""
        size = surface.get_size()
        if size != (self.camera.view_w, self.camera.view_h):
            self.camera.resize(size)
        self.world.draw(surface, self.camera, self.runner, clock=self.clock, hover=self.hover,
                        selected=self.selected, hover_place=self.hover_place)
        self.floaters.draw(surface, self.camera, self.app.palette, self.app.text.scale)
        layout = self.hud.layout
        if layout is not None:
            p = pad(self.app.text)
            view = pygame.Rect(p, layout.bar.bottom + p, layout.calls.x - 2 * p,
                               layout.hints.y - layout.bar.bottom - 2 * p)
            self.world.draw_pointers(surface, self.camera, view, self.runner.car_position())
        card = self.selected if self.selected is not None else self.hover
        self.hud.draw(surface, mode=self.mode_text(), speed=self.speed_text(), hints=self.hint_text(),
                      card_for=card, camera_rect=self.view_tiles(), focus=focus)
        layout = self.hud.layout
        assert layout is not None
        if not focus:
            self.toasts.draw(surface, self.app.text, self.app.panels, self.app.palette, layout.toasts)
        if self.sim.finished:
            self._draw_banner(surface, "End of shift", "Writing up the debrief…")

    def _draw_banner(self, surface: pygame.Surface, title: str, sub: str) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        w, h = surface.get_size()
        rect = pygame.Rect(0, 0, min(w - 2 * p, round(520 * text.scale)),
                           text.line_height("title") + text.line_height("body") + 2 * p)
        rect.center = (w // 2, h // 2)
        app.panels.draw(surface, rect, palette.panel, palette.accent)
        draw_text(surface, text, title, "title", palette.text, (rect.centerx, rect.y + p), "midtop")
        draw_text(surface, text, sub, "body", palette.text_dim,
                  (rect.centerx, rect.y + p + text.line_height("title")), "midtop")
