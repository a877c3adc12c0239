"""The game loop: events to the current scene, one update and one draw per frame.

The loop owns the window and the frame clock and nothing else; what happens
is the scenes' business. With ``--frames N`` the loop runs on a fixed 1/60 s
frame clock without sleeping, so tests and screenshots see the same frames on
any machine and a bot can play a whole shift in seconds.
"""

from __future__ import annotations

import gc
import time
import weakref

import pygame

from game.app.context import App, LaunchOptions
from game.app.kiosk.shell import kiosk_scene
from game.app.kiosk.state import kiosk_settings
from game.app.scenes.base import BackToBriefing, BackToPicker, BackToTitle, GoBack, Quit, Scene
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.picker import PickerScene
from game.app.scenes.play import PlayScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.title import TitleScene
from game.app.shift.week import WeekInPlay
from game.app.ui.audio import SoundManager
from game.app.ui.input import Gamepads, command_of
from game.app.ui.settings import Settings
from game.app.view.backdrop import Backdrop
from game.bots import make_bot, run_shift
from game.campaign.model import Campaign
from game.errors import UserError
from game.scenario.model import Scenario
from game.sessions import SessionStore, SessionStoreError
from game.sim.simulation import Simulation

FPS = 60
FIXED_DT = 1 / FPS  # frame time under --frames
MAX_DT = 0.25  # seconds: a longer stall (window dragged, debugger) counts as this much
UPLOAD_WAIT_SECONDS = 3.0  # on closing: how long the station may take to confirm an upload
DEFAULT_SIZE = (1280, 720)
SCENES = ("title", "picker", "briefing", "play", "summary")


class Game:
    def __init__(self, options: LaunchOptions, settings: Settings | None = None) -> None:
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption("Front Porch")
        self.windowed_size = DEFAULT_SIZE
        self.fullscreen = options.fullscreen
        self.screen = self._set_mode()
        self.gamepads = Gamepads()
        self.app = App(options, settings or Settings(), SoundManager())
        if options.kiosk:  # big text and defaults for every visitor, whatever was saved or passed
            self.app.settings = kiosk_settings(self.screen.get_size())
            self.app.settings_changed()
        elif settings is None:
            self.app.settings = self.app.store.load()  # in kiosk mode the store reads nothing
            self.app.settings_changed()
        self.scene: Scene = first_scene(self.app)
        self.heap = HeapSettler()
        self.heap.enter(self.scene)
        self.clock = pygame.time.Clock()
        self.frames = 0

    def _set_mode(self) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.screen.get_size()
        self.fullscreen = not self.fullscreen
        self.screen = self._set_mode()

    def frame(self, dt: float | None = None) -> bool:
        """Run one frame of ``dt`` seconds (default: the fixed or the wall clock); False to end."""
        options = self.app.options
        if dt is None:
            dt = FIXED_DT if options.frames is not None else min(self.clock.tick(FPS) / 1000.0, MAX_DT)
        started = time.perf_counter()  # after the tick's wait for 60 FPS: the frame's work starts here
        for event in pygame.event.get():
            if event.type == pygame.QUIT and not options.kiosk:  # a kiosk's scene decides who may close it
                return False
            self.gamepads.handle(event)
            self.app.settings.follow_input(event)  # prompts name the device in the player's hands
            if not options.kiosk and command_of(event, self.app.settings.keys) == "fullscreen":
                self.toggle_fullscreen()
                continue
            if not self._switch(self.scene.handle_event(event)):
                return False
        if not self._switch(self.scene.update(dt)):
            return False
        screen = pygame.display.get_surface()  # a new surface after a resize or a mode change
        if screen is not None:
            self.screen = screen
        self.scene.draw(self.screen)
        pygame.display.flip()
        self.app.spare.use(started)
        self.frames += 1
        return options.frames is None or self.frames < options.frames

    def _switch(self, nxt: Scene | None) -> bool:
        if isinstance(nxt, Quit):
            return False
        if isinstance(nxt, GoBack):
            nxt = go_back(self.app, nxt)
        if nxt is not None:
            self.scene = nxt
            self.heap.enter(nxt)
        return True

    def run(self) -> int:
        try:
            while self.frame():
                pass
            if self.app.options.screenshot is not None:
                self.app.options.screenshot.parent.mkdir(parents=True, exist_ok=True)
                pygame.image.save(self.screen, str(self.app.options.screenshot))
        finally:
            self.app.recorder.finish()  # a shift left by closing the window (or a crash) is kept
            if self.app.class_link is not None:
                self.app.class_link.flush(UPLOAD_WAIT_SECONDS)  # else `sessions --import` later
            # Close the window but keep fonts alive: game.app.ui.fonts caches Font objects.
            pygame.display.quit()
        return 0


def _scenario_for(app: App) -> Scenario:
    options = app.options
    if options.scenario is not None:
        return options.scenario
    backdrop = Backdrop(app)
    for entry in backdrop.entries:
        if entry.scenario is not None:
            return entry.scenario
    raise UserError(f"no playable scenario in {options.scenario_dir}/")


class HeapSettler:
    """On entering a shift, sets everything alive aside from the garbage collector's full passes.

    A shift keeps a large heap of long-lived objects (the painted map, the scenario, the
    sprite caches): Python's full collections walk all of it, 30-40 ms with 2,000 residents,
    a dropped frame every few seconds. Frozen objects are skipped. Unfreezing first lets the
    shift before this one be collected, so a kiosk playing shift after shift stays flat.
    Only a shift not settled before counts: the street comes back after every dispatch card,
    conversation and menu, and a full collection each time was a 40-60 ms frame on closing one.
    The shift is remembered by a weak reference, so the settler never keeps one alive.
    """

    def __init__(self) -> None:
        self._shift: weakref.ref[PlayScene] | None = None

    def enter(self, scene: Scene) -> None:
        if not isinstance(scene, PlayScene) or (self._shift is not None and self._shift() is scene):
            return
        self._shift = weakref.ref(scene)
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def first_scene(app: App) -> Scene:
    """Where the game opens: the kiosk's demo, the title, a scenario's briefing, or --scene."""
    if app.options.kiosk:
        return kiosk_scene(app)
    if app.options.campaign is not None:
        return campaign_briefing(app, app.options.campaign)
    name = app.options.scene or ("briefing" if app.options.scenario is not None else "title")
    if name == "title":
        return TitleScene(app)
    if name == "picker":
        return PickerScene(app, Backdrop(app))
    scenario = _scenario_for(app)
    if name == "briefing":
        return BriefingScene(app, scenario)
    if name == "play":
        return PlayScene(app, scenario)
    if name == "summary":
        sim = Simulation(scenario, app.options.seed)
        run_shift(sim, make_bot(app.options.bot, sim.seed))
        return SummaryScene(app, scenario, sim)
    raise UserError(f"unknown scene {name!r} (known scenes: {', '.join(SCENES)})")


def campaign_briefing(app: App, campaign: Campaign) -> Scene:
    """`play --campaign FILE`: the briefing of the next day of its unfinished run, or of day 1 of
    a new one (kept in memory only when the session store cannot be written)."""
    try:
        with SessionStore.open() as store:
            week = WeekInPlay.open(campaign, store)
    except SessionStoreError:
        week = WeekInPlay(campaign)
    return BriefingScene(app, week.scenario(), week=week)


def go_back(app: App, request: GoBack) -> Scene:
    """The earlier screen a scene asked to go back to (it cannot build it: that screen imports it)."""
    if isinstance(request, BackToTitle):
        return TitleScene(app, request.backdrop)
    if isinstance(request, BackToPicker):
        return PickerScene(app, request.backdrop or Backdrop(app))
    if isinstance(request, BackToBriefing):
        return BriefingScene(app, request.scenario, request.backdrop, request.week)
    raise TypeError(f"no screen to go back to for {request!r}")


def run(options: LaunchOptions, settings: Settings | None = None) -> int:
    return Game(options, settings).run()
