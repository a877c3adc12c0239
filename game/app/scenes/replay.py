"""Watching a saved shift: the real play scene, driven by the recording, labelled, and sealed off.

A replay runs in its own ``App`` (``watching_app``): autoplay on, so dialogues
are answered by the recording, and a recorder that never saves. The trainee's
own app, which the game loop keeps, is untouched, so leaving the replay (Quit
to title, Play again) returns them to their own game with no bot attached and
nothing from the replay kept as their session.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import pygame

from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.play import PlayScene
from game.app.scenes.summary import SummaryScene
from game.app.shift.recorder import ShiftRecorder
from game.app.shift.runner import ActionDriver
from game.app.ui.widgets import draw_text, pad
from game.scenario.model import Scenario
from game.sim.simulation import Simulation


@dataclass(frozen=True)
class Watched:
    """Which recording is on screen, for its banner, and the tick it ends on."""

    session_id: int
    ticks: int
    trainee: str | None = None

    @property
    def label(self) -> str:
        who = f" · {self.trainee}" if self.trainee else ""
        return f"Replay of session {self.session_id}{who}"


def watching_app(app: App, speed: float) -> App:
    """An app for a replay beside the trainee's: same window, text and settings; a bot's pacing;
    a recorder that is switched off, so nothing played in it can become a session."""
    watching = App(replace(app.options, autoplay=True, speed=speed), app.settings, app.audio,
                   panels=app.panels)
    watching.text = app.text  # one scale for both: a settings change in the replay's pause shows
    watching.recorder = ShiftRecorder(enabled=False)
    return watching


class ReplayScene(PlayScene):
    """The play scene with the recording's hands on it, a Replay banner, and no way to start a shift."""

    def __init__(self, app: App, scenario: Scenario, sim: Simulation, driver: ActionDriver,
                 watched: Watched) -> None:
        super().__init__(app, scenario, sim, driver=driver)
        self.watched = watched
        self.runner.stop_at = watched.ticks  # a shift that was ended early ends there again
        self.toasts.show(f"{watched.label}. Esc pauses; the recording plays itself.", "info")

    def reload_now(self) -> Scene | None:
        """F5 would start a fresh shift in the replay's app, which a bot plays: refuse."""
        self.toasts.show("This is a replay: it plays the scenario as it was saved.", "info")
        return None

    def update(self, dt: float) -> Scene | None:
        nxt = super().update(dt)
        if nxt is None and self.runner.stopped and not self.sim.finished:
            self.runner.bot_act()  # the actions recorded on the last tick, as `replay` applies them
            return SummaryScene(self.app, self.scenario, self.sim)
        return nxt

    def draw(self, surface: pygame.Surface, focus: bool = False) -> None:
        super().draw(surface, focus)
        self.draw_banner(surface)

    def hint_text(self) -> list[str]:
        """Only what works while watching: the trainee's orders do nothing here."""
        s = self.app.settings
        speeds = " ".join(s.first_key(k) for k in ("speed1", "speed2", "speed4"))
        return ["The recording plays itself", f"{s.first_key('pause')} pause or stop watching",
                f"{speeds} speed", f"{s.first_key('people')} people", "wheel zoom"]

    def draw_banner(self, surface: pygame.Surface) -> None:
        """A label that cannot be missed, over the map's bottom edge, clear of the toasts and calls:
        this is not the trainee's shift."""
        app, text, palette = self.app, self.app.text, self.app.palette
        p = pad(text)
        layout = self.hud.layout
        w, h = surface.get_size()
        right = layout.calls.x if layout is not None else w
        bottom = layout.hints.y - p // 2 if layout is not None else h - p
        label = text.fit(self.watched.label.upper(), "body", right - 4 * p)
        rect = pygame.Rect(0, 0, text.width(label, "body") + 2 * p, text.line_height("body") + p // 2)
        rect.midbottom = (right // 2, bottom)
        app.panels.draw(surface, rect, (*palette.accent[:3], 240), palette.panel_edge)
        draw_text(surface, text, label, "body", palette.panel[:3], rect.center, "center")
