"""The shift itself: the street, the officer, the calls, and the choice between car and foot.

Keys, clicks and pad buttons become the trainee's orders (``game.app.shift.orders``),
which reach the simulation only as actions through the ShiftRunner; everything
shown is read from the simulation. New feed items become floating feedback,
sounds and toasts here, once, for whichever scene is on top.
"""

from __future__ import annotations

import pygame

from game.app.art import prewarm
from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.dispatch import DispatchScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.people import PeopleScene
from game.app.scenes.summary import SummaryScene
from game.app.shift.orders import Orders
from game.app.shift.reload import HotReload
from game.app.shift.runner import ActionDriver, ShiftRunner
from game.app.shift.week import WeekInPlay
from game.app.ui.input import GAMEPAD, Steering, command_of
from game.app.ui.widgets import Toasts, draw_text, pad
from game.app.view.camera import Camera
from game.app.view.floaters import Floaters
from game.app.view.hud import Hud
from game.app.view.sprites import OFFICER, look_of, zoom_scale
from game.app.view.world_view import WorldView
from game.bots import make_bot
from game.scenario.model import Scenario
from game.sim.feed import FeedEvent, FeedItem, FeedKind
from game.sim.queries import heading_to_call, nearest_resident, reachable_residents
from game.sim.simulation import Simulation
from game.station.shift_link import ShiftLink

APPROACH_RADIUS = 10.0  # tiles: E walks over to someone this close
CARD_MARGIN = 3.0  # tiles past talking reach (and past the closest yet) before a resident's card closes
END_PAUSE = 2.5  # real seconds the end-of-shift banner shows before the debrief
FLOAT_MIN = 0.5  # trust points: smaller changes go to the log but do not float
SPEED_KEYS = {"speed1": 1, "speed2": 2, "speed4": 4}


class PlayScene(Scene):
    def __init__(self, app: App, scenario: Scenario, sim: Simulation | None = None,
                 driver: ActionDriver | None = None, week: WeekInPlay | None = None) -> None:
        """``driver`` plays the shift instead of the player (a recorded session being watched);
        ``week``: the shift is that campaign's day (``sim`` starts from its carry)."""
        self.app = app
        self.scenario = scenario
        self.sim = sim if sim is not None else Simulation(scenario, app.options.seed)
        self.hands_off = driver is not None  # watching: the player's input changes nothing
        if driver is None:
            bot = make_bot(app.options.bot, self.sim.seed) if app.options.autoplay else None
            app.recorder.begin(self.sim, app.options.bot if bot else None, {
                "speed": app.speed, "text_scale": app.settings.text_scale,
                "palette": app.settings.palette,
            }, week)
            driver = bot
        self.runner = ShiftRunner(self.sim, driver, app.speed)
        self.was_paused = False  # as last told: the instructor's pause from the station
        if app.class_link is not None and not self.hands_off:
            self.runner.link = ShiftLink(app.class_link, self.sim)
        self.world = WorldView(app, self.sim)
        self.hud = Hud(app, self.sim)
        self.camera = Camera((1280, 720), (self.sim.grid.width, self.sim.grid.height))
        self.camera.fit()
        self.camera.look_at(*self.sim.officer.pos)
        self.zoomed = False  # the player chose a zoom: stop fitting the map to the window
        self.floaters = Floaters()
        self.toasts = Toasts()
        self.steering = Steering()
        self.hot_reload = HotReload(scenario, watch=not self.hands_off)  # F5, and saved edits, restart
        self.orders = Orders(self.runner, self.toasts, app.settings)
        self.mouse: tuple[int, int] | None = None
        self.hover: int | None = None
        self.selected: int | None = None
        self.clock = 0.0  # real seconds in this scene, for animation
        self.ended = 0.0  # real seconds since the shift ended
        self.covered_from: int | None = None  # window y below which a panel over the street covers it
        self._was_in_car = self.sim.officer.in_car  # a change means a car door: play its sound
        self.hover_place: str | None = None  # the porch (or shop, park) under the pointer
        self._warm_scale = 0.0
        self.radio: list[str] = []  # priority-1 calls that came in and still owe the trainee a card
        self._card_nearest: tuple[int, float] | None = None  # the card's resident, the closest yet
        self._window_taught = False  # the first hello through the windshield says what it costs
        keys = app.settings
        drive = "push the stick" if keys.device == GAMEPAD else "click the map"
        self.toasts.show(f"Your shift has begun. You are in the patrol car: {drive} to drive, "
                         f"{keys.first_key('car')} to park and walk. {keys.first_key('pause')} "
                         f"pauses and shows your objectives.", "info")

    # --- events -----------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        keys = self.app.settings.keys
        if self.steering.handle(event, keys):
            return None
        command = command_of(event, keys)
        if command == "reload":
            return self.reload_now()
        if command in ("pause", "back"):
            return PauseScene(self.app, self, self)
        if command == "people":
            return PeopleScene(self.app, self)
        if command == "feed" or (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
                                 and self.hud.on_log_heading(event.pos)):
            self.hud.toggle_log()  # only the view changes: allowed while watching a replay too
            return None
        if self.hands_off and (command in ("interact", "car", "respond")
                               or event.type == pygame.MOUSEBUTTONDOWN):
            return None
        if command == "interact":
            return self.interact()
        if command == "car":
            self.orders.toggle_car()
        elif command == "respond":
            self.orders.respond()
        elif command in SPEED_KEYS:
            self.runner.time_scale = SPEED_KEYS[command]
        elif command in ("zoom_in", "zoom_out"):
            self.zoomed |= self.camera.zoom(1 if command == "zoom_in" else -1)
        elif event.type == pygame.MOUSEWHEEL:
            self.zoomed |= self.camera.zoom(1 if event.y > 0 else -1)
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
            self.orders.respond(call)
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
        self.orders.go_to(target)
        return None

    # --- talking ----------------------------------------------------------------------
    def interact(self) -> Scene | None:
        """E: talk to whoever is within reach (the selected person first), or join what's going on."""
        sim = self.sim
        reachable = reachable_residents(sim)
        for preferred in (self.selected, self.hover):
            if preferred in reachable:
                return self.open_talk(preferred)
        if reachable:
            return self.open_talk(reachable[0])
        if sim.events_here():
            return self.open_talk(None)
        near = nearest_resident(sim, APPROACH_RADIUS)
        if near is not None:
            return self.talk_to(near)
        self.toasts.show("Nobody close enough to talk to. Walk up to someone first.", "info")
        return None

    def talk_to(self, i: int) -> Scene | None:
        """Talk now if close enough, else walk over first (the plan opens the talk on arrival)."""
        if self.sim.can_reach(i):
            return self.open_talk(i)
        self.orders.approach(i)
        return None

    def open_talk(self, i: int | None, by_itself: str = "") -> Scene:
        """The conversation panel; ``by_itself`` says why, when the trainee did not open it."""
        if i is not None:
            self.selected = i
            self.orders.stop_to_talk()
        return DialogueScene(self.app, self, i, by_itself)

    def back_to_the_street(self) -> Scene:
        """Where a panel over the street goes when it closes: the view recentres on the officer."""
        self.covered_from = None
        return self

    def dispatch_card(self, beneath: Scene) -> Scene | None:
        """The card for a priority-1 call that came in, over ``beneath``, once no scripted scene
        waits for an answer (the simulation holds every action until it has one). A call the
        officer is already on the way to needs no card."""
        if self.sim.open_encounter is not None:
            return None
        while self.radio:
            state = self.sim.call_state(self.radio.pop(0))
            if state is not None and state.active and not heading_to_call(self.sim, state):
                return DispatchScene(self.app, self, state.call.id, beneath)
        return None

    # --- hot reload, for instructors editing the scenario -----------------------------------
    def reload_now(self) -> Scene | None:
        """F5: the scenario again from its file (a broken file shows its errors; play goes on)."""
        if self.hot_reload.path is None:
            self.toasts.show("This shift did not come from a scenario file: nothing to reload.", "info")
            return None
        fresh = self.hot_reload.reload()
        return None if fresh is None else self.restart(fresh)

    def restart(self, scenario: Scenario) -> Scene:
        """A new shift on the reloaded content, saying so (the draft shift is not kept)."""
        self.app.recorder.abandon()
        nxt = PlayScene(self.app, scenario)
        nxt.toasts.show(f"Reloaded {self.hot_reload.name} — shift restarted", "info")
        warning = self.hot_reload.warning_toast()
        if warning is not None:
            nxt.toasts.show(warning)
        return nxt

    def tell_of_pause(self) -> None:
        """The instructor paused or resumed this shift from the station: say so, once."""
        if self.runner.paused != self.was_paused:
            self.was_paused = self.runner.paused
            self.toasts.show("Your instructor paused the shift." if self.was_paused
                             else "Your instructor resumed the shift.", "info")

    # --- the frame ------------------------------------------------------------------------
    def update(self, dt: float) -> Scene | None:
        fresh = self.hot_reload.poll(dt)
        if fresh is not None:
            return self.restart(fresh)
        self.runner.speed = self.app.speed  # the settings may have changed it during a pause
        if not self.sim.finished:
            self.orders.steer(self.steering.direction)
            ready = self.orders.follow_plan()
            if ready is not None:
                return self.open_talk(ready)
            self.runner.advance(dt)
            self.tell_of_pause()
        self.take_feed()
        self.animate(dt)
        self.close_card_left_behind()
        card = self.dispatch_card(self)
        if card is not None:
            return card
        if self.sim.open_encounter is not None:
            return self.open_talk(None, "A scene began where you are")
        if self.sim.finished:
            self.ended += dt
            if self.ended >= (self.app.autoplay_pause if self.app.options.autoplay else END_PAUSE):
                return SummaryScene(self.app, self.scenario, self.sim)
        return None

    def close_card_left_behind(self) -> None:
        """The resident card goes once the officer walks away from that resident: past talking
        reach and farther than the closest they have been since it opened, by a margin (a card
        opened from across the street stays while the officer walks over)."""
        i = self.selected
        if i is None:
            self._card_nearest = None
            return
        sim = self.sim
        distance = float(sim.people.distance2(sim.officer.x, sim.officer.y)[i]) ** 0.5
        nearest = distance
        if self._card_nearest is not None and self._card_nearest[0] == i:
            nearest = min(self._card_nearest[1], distance)
        self._card_nearest = (i, nearest)
        if distance > max(sim.talk.reach(), nearest) + CARD_MARGIN:
            self.selected, self._card_nearest = None, None

    def animate(self, dt: float) -> None:
        """Everything that moves without the simulation moving: camera, floaters, toasts, hover."""
        self.clock += dt
        self._prewarm()
        self.floaters.update(dt)
        self.toasts.update(dt)
        x, y = self.runner.officer_position()
        clear = self.street_view()
        framed = self.camera.clear is not None
        self.camera.keep_clear(None if clear is None else (clear.x, clear.y, clear.w, clear.h))
        if self.app.settings.reduced_motion or (clear is not None and not framed):
            self.camera.look_at(x, y)  # no easing (nor, at the start, a glide in from under a panel)
        else:
            self.camera.follow(x, y, dt)
        self.hover, self.hover_place = None, None
        if self.mouse is not None and not self.hud.over_panel(self.mouse):
            self.hover = self.world.resident_at(self.camera, self.mouse)
            if self.hover is None:
                self.hover_place = self.world.place_at(self.camera, self.mouse)

    def _prewarm(self) -> None:
        """Build people sprites for this zoom in frames' spare time, before anyone needs them."""
        scale = zoom_scale(self.camera.tile_px)
        if scale != self._warm_scale:
            self._warm_scale = scale
            self.app.spare.give("sprites", prewarm(
                [OFFICER, *(look_of(r.id) for r in self.sim.residents)], scale))

    def take_feed(self) -> list[FeedItem]:
        """Pull what just happened: log it, float trust changes, play cues, announce new calls."""
        items = self.runner.take_feed()
        cue = None
        for item in items:
            change = item.change
            if change is not None and item.at is not None:
                if abs(change.delta) >= FLOAT_MIN:
                    self.floaters.trust(change.delta, change.label, item.at)
                if change.through_car_window and not self._window_taught:
                    self._window_taught = True
                    self.toasts.show("Through the windshield a hello counts for little: "
                                     f"{self.app.settings.first_key('car')} to park, then walk up "
                                     "and talk.", "info")
                cue = cue or ("positive" if change.delta > 0 else "negative")
            elif item.kind in (FeedKind.STORY, FeedKind.CONCERN) and item.at is not None:
                self.floaters.note("story heard" if item.kind is FeedKind.STORY else "a worry shared",
                                   item.at)
            elif item.kind is FeedKind.POLICY:
                self.toasts.show(item.text, "error")
            elif item.event is FeedEvent.CALL_IN:
                state = self.sim.call_state(item.call or "")
                if state is not None:
                    place = self.sim.places[state.call.place].name
                    key = self.app.settings.first_key("respond")
                    # Only the trainee at the wheel is told which key answers (not a bot, not a replay).
                    how = f" {key} to respond." if self.runner.bot is None else ""
                    self.toasts.show(f"Priority {state.call.priority} call at {place}.{how}", "error")
                cue = "call"
                if state is not None and state.call.priority == 1 and self.runner.bot is None:
                    self.radio.append(state.call.id)  # a bot or a replay decides for itself
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
        return where if o.doing.resting and not o.in_car else f"{where} · {o.activity}"

    def speed_text(self) -> str:
        return f"{self.runner.time_scale * self.app.speed:g}x speed"

    def hint_text(self) -> list[str]:
        """What the keys do now, one hint a part: the hint bar breaks lines only between parts."""
        s, sim = self.app.settings, self.sim
        parts = []
        reachable = reachable_residents(sim)
        if self.app.options.kiosk:  # a touch screen: the kiosk's buttons under the street do the rest
            who = sim.residents[reachable[0]].name if reachable else "a neighbor"
            return ["Touch the street to go there", f"touch {who} to talk"]
        if reachable:
            parts.append(f"{s.first_key('interact')} talk to {sim.residents[reachable[0]].name}")
        elif sim.events_here():
            parts.append(f"{s.first_key('interact')} join in")
        if sim.officer.in_car:
            parts.append(f"{s.first_key('car')} park and walk")
        else:
            near = sim.officer.distance_to_car() <= sim.tuning.car_reach
            parts.append(f"{s.first_key('car')} {'get in' if near else 'back to the car'}")
        if sim.active_calls():
            parts.append(f"{s.first_key('respond')} respond to call")
        if s.device == GAMEPAD:
            parts += ["stick to move", f"{s.first_key('pause')} pause", f"{s.first_key('people')} people",
                      f"{s.first_key('zoom_out')} {s.first_key('zoom_in')} zoom"]
        else:
            speeds = " ".join(s.first_key(k) for k in SPEED_KEYS)
            parts += ["click to go", f"{s.first_key('pause')} pause", f"{s.first_key('people')} people",
                      f"{speeds} speed", "wheel zoom"]
        if self.hot_reload.path is not None:
            parts.append(f"{s.first_key('reload')} reload file")
        return parts

    def street_view(self) -> pygame.Rect | None:
        """The part of the window no panel covers (None before the HUD is first laid out): the
        camera keeps the officer in it and floating feedback stays in it."""
        layout = self.hud.layout
        if layout is None:
            return None
        p = pad(self.app.text)
        bottom = layout.hints.y if self.covered_from is None else min(layout.hints.y, self.covered_from)
        top = layout.bar.bottom + p
        return pygame.Rect(p, top, layout.calls.x - 2 * p, bottom - p - top)

    def view_tiles(self) -> tuple[float, float, float, float]:
        c = self.camera
        w, h = c.view_w / c.tile_px, c.view_h / c.tile_px
        return (c.cx - w / 2, c.cy - h / 2, w, h)

    def draw(self, surface: pygame.Surface, focus: bool = False) -> None:
        """The street and the HUD; ``focus`` (a dialogue on top) keeps only the top bar and calls."""
        size = surface.get_size()
        if size != (self.camera.view_w, self.camera.view_h):
            self.camera.resize(size)
            if not self.zoomed:
                self.camera.fit()
        self.world.draw(surface, self.camera, self.runner, clock=self.clock, hover=self.hover,
                        selected=self.selected, hover_place=self.hover_place)
        layout = self.hud.layout
        view = self.street_view() or surface.get_rect()
        if layout is not None:
            self.world.draw_pointers(surface, self.camera, view, self.runner.car_position())
        card = self.selected if self.selected is not None else self.hover
        self.hud.draw(surface, mode=self.mode_text(), speed=self.speed_text(), hints=self.hint_text(),
                      card_for=card, camera_rect=self.view_tiles(), focus=focus)
        layout = self.hud.layout
        assert layout is not None
        # Over the HUD, so a pop-up with no room beside the resident's card is still read whole.
        self.floaters.draw(surface, self.camera, self.app.palette, self.app.text.scale,
                           still=self.app.settings.reduced_motion, bounds=self.street_view(),
                           avoid=self.world.tags, rather_not=[*self.hud.panels(), *self.toasts.shown])
        if not focus:
            below = self.hot_reload.draw_error(surface, self.app, layout.toasts)
            self.toasts.draw(surface, self.app.text, self.app.panels, self.app.palette, below)
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
