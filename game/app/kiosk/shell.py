"""The kiosk's top-level scene: every other kiosk scene runs inside it.

The game loop sees only this scene. It keeps the rules no inner scene should
have to know about: a press of any kind on the demo (a touch, a click, a key,
a pad button; a mouse merely nudged on the table does not count) hands the
screen to a visitor; a visitor who walks away is replaced by the demo after ``idle_seconds``
(their shift is dropped, not kept); only the operator can quit (Escape held,
or Ctrl+Shift+Q; the window's close button is ignored); the trainee's title,
picker, briefing and settings are swapped for the kiosk's own; and a
visitor's shift gets the touch dock underneath it.
"""

from __future__ import annotations

import gc

import pygame

from game.app.context import App
from game.app.kiosk.attract import AttractScene
from game.app.kiosk.briefing import KioskBriefingScene
from game.app.kiosk.dock import Dock, dock_height
from game.app.kiosk.guard import HoldToQuit, is_quit_chord
from game.app.kiosk.picker import KioskPickerScene
from game.app.kiosk.state import Kiosk, make_kiosk
from game.app.scenes.base import BackToBriefing, BackToPicker, BackToTitle, Quit, Scene
from game.app.scenes.play import PlayScene
from game.app.scenes.settings import SettingsScene
from game.app.ui.widgets import draw_text, pad

PRESSES = frozenset({pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.FINGERDOWN,
                     pygame.CONTROLLERBUTTONDOWN, pygame.JOYBUTTONDOWN})
# Anything a person does; a stick resting off-centre is not a person, so axis motion is left out.
ACTIVITY = PRESSES | {pygame.KEYUP, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION, pygame.MOUSEWHEEL,
                      pygame.FINGERUP, pygame.FINGERMOTION, pygame.CONTROLLERBUTTONUP}
HANDOVER_GUARD = 0.5  # seconds after the touch that woke the kiosk in which presses do nothing more
WARN_SECONDS = 10.0  # the last seconds before an idle reset ask "Still there?"


def shift_of(scene: Scene) -> PlayScene | None:
    """The visitor's shift under ``scene``: the play scene itself, or the one a panel sits on."""
    if isinstance(scene, PlayScene):
        return scene
    play = getattr(scene, "play", None)
    return play if isinstance(play, PlayScene) else None


class KioskShell(Scene):
    def __init__(self, kiosk: Kiosk) -> None:
        self.kiosk = kiosk
        self.app = kiosk.app
        self.inner: Scene = AttractScene(kiosk)
        self.idle = 0.0  # real seconds without a visitor's input
        self.guard = 0.0
        self.hold = HoldToQuit()
        self.dock = Dock()
        self.dock_rect = pygame.Rect(0, 0, 0, 0)  # from the last draw, for touches

    @property
    def attracting(self) -> bool:
        return isinstance(self.inner, AttractScene)

    def reset(self) -> None:
        """Back to the demo: the visitor's shift and everything on screen is dropped."""
        self.idle = 0.0
        self.dock = Dock()
        self._switch(AttractScene(self.kiosk))

    # --- events -------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        if is_quit_chord(event):
            return Quit()
        self.hold.handle(event)
        if event.type == pygame.QUIT:
            return None  # only the operator closes a kiosk
        if event.type in ACTIVITY:
            self.idle = 0.0
        if event.type in PRESSES and self.guard > 0:
            return None
        if self.attracting:
            if event.type in PRESSES:
                self.inner = KioskPickerScene(self.kiosk)
                self.guard = HANDOVER_GUARD  # a touch is also sent as a click: it must not pick a card
            return None
        play = shift_of(self.inner)
        pos = getattr(event, "pos", None)
        if play is not None and pos is not None and self.dock_rect.collidepoint(pos):
            self.dock.refresh(play, self.inner is play)
            self._switch(self.dock.handle(event, play))
            return None
        self._switch(self.inner.handle_event(event))
        return None

    def _switch(self, nxt: Scene | None) -> None:
        """Follow an inner scene's hand-over, swapping trainee screens for the kiosk's own."""
        if nxt is None or isinstance(nxt, SettingsScene):
            return  # a kiosk's settings are fixed
        if isinstance(nxt, Quit | BackToTitle | BackToPicker):
            nxt = KioskPickerScene(self.kiosk)
        elif isinstance(nxt, BackToBriefing):
            nxt = KioskBriefingScene(self.kiosk, nxt.scenario)
        self.inner = nxt
        if isinstance(nxt, AttractScene):
            # Scenes point at each other (a panel and the shift beneath it), so a dropped shift is
            # a reference cycle; its maps and sprites would wait for a rare full collection. A new
            # demo round is the moment nobody notices a pause: collect now, and the memory of an
            # all-day kiosk stays flat.
            gc.collect()

    # --- time -----------------------------------------------------------------------------
    def update(self, dt: float) -> Scene | None:
        if self.hold.update(dt):
            return Quit()
        self.guard = max(0.0, self.guard - dt)
        if not self.attracting:
            self.idle += dt
            if self.idle >= self.app.options.idle_seconds:
                self.reset()
                return None
        self._switch(self.inner.update(dt))
        return None

    # --- drawing ---------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        play = shift_of(self.inner)
        if play is None:
            self.dock_rect = pygame.Rect(0, 0, 0, 0)
            self.inner.draw(surface)
        else:
            dock_h = dock_height(self.app.text)
            self.dock_rect = pygame.Rect(0, h - dock_h, w, dock_h)
            self.inner.draw(surface.subsurface(pygame.Rect(0, 0, w, h - dock_h)))
            self.dock.refresh(play, self.inner is play)
            self.dock.draw(surface, self.dock_rect, play)
        left = self.app.options.idle_seconds - self.idle
        if not self.attracting and left <= WARN_SECONDS:
            self._draw_still_there(surface, left)
        self.hold.draw(surface, self.app.text, self.app.panels, self.app.palette)

    def _draw_still_there(self, surface: pygame.Surface, left: float) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        w, h = surface.get_size()
        line = "Still there? Touch the screen to keep playing."
        count = str(max(1, round(left + 0.5)))
        count_w = text.width("10", "title")
        width = min(w - 2 * p, text.width(line, "body") + count_w + 3 * p)
        rect = pygame.Rect(0, 0, width, text.line_height("title") + p)
        rect.center = (w // 2, h // 2)
        app.panels.draw(surface, rect, (*palette.panel[:3], 250), palette.accent)
        draw_text(surface, text, count, "title", palette.accent, (rect.x + p + count_w // 2, rect.centery),
                  "center")
        draw_text(surface, text, text.fit(line, "body", rect.w - count_w - 3 * p), "body", palette.text,
                  (rect.x + 2 * p + count_w, rect.centery), "midleft")


def kiosk_scene(app: App) -> KioskShell:
    """Where a kiosk opens: the demo, inside the shell."""
    return KioskShell(make_kiosk(app))
