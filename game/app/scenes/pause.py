"""Pause, anywhere: the shift stops; objectives so far and the controls are one glance away."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.app.context import App
from game.app.scenes.base import BackToBriefing, BackToTitle, Scene
from game.app.scenes.calls import take_call, waiting_calls
from game.app.scenes.porch import PorchScene
from game.app.scenes.settings import SettingsScene
from game.app.scenes.summary import Mark, SummaryScene, draw_objective_mark, objective_mark
from game.app.ui.input import GAMEPAD, command_of, pad_summary
from game.app.ui.widgets import Button, Menu, Veil, draw_text, pad
from game.report.porch_story import featured_resident

if TYPE_CHECKING:
    from game.app.scenes.play import PlayScene

VEIL = (14, 16, 26, 160)
ARROWS = {"up": pygame.K_UP, "left": pygame.K_LEFT, "down": pygame.K_DOWN, "right": pygame.K_RIGHT}


def control_rows(app: App, pad_line: bool = True) -> list[tuple[str, str]]:
    """(keys or pad buttons, what they do), from the bindings and the device in the player's hands;
    short, so they fit at 2× text. ``pad_line``: on a keyboard, a last line about the gamepad."""
    s = app.settings
    key = s.first_key
    pad = s.device == GAMEPAD
    if pad:
        move = "Stick / D-pad"
    else:
        move = "".join(key(d) for d in ARROWS)
        if all(code in s.keys.get(d, ()) for d, code in ARROWS.items()):
            move += " / arrows"
    zoom = f"{key('zoom_out')}  {key('zoom_in')}"
    rows = [
        (move, "walk a few steps, or drive"),
        ("Click the map", "go there"),
        ("Click a person", "walk up and talk"),
        (key("interact"), "talk to who is beside you"),
        (key("car"), "park and get out, or get in"),
        (key("respond"), "answer the urgent call"),
        (key("people"), "people you have met"),
        (f"{key('speed1')}  {key('speed2')}  {key('speed4')}", "time at 1x, 2x, 4x"),
        (zoom if pad else f"Wheel  {zoom}", "zoom"),
        (f"{key('pause')}  {key('back')}", "pause"),
    ]
    if not app.options.kiosk:  # a workshop kiosk has no scenario files to edit
        rows.append((key("reload"), "reload the scenario file"))
    return rows if pad or not pad_line else [*rows, ("Gamepad", pad_summary())]


def pause_buttons(app: App, watching: bool = False, shift_on: bool = True) -> list[Button]:
    """The pause menu. A kiosk has fixed settings, and its way out is to another street; a replay
    cannot be restarted or ended (it is not the trainee's shift), only left."""
    if watching:
        return [Button("resume", "Resume"), Button("settings", "Settings"), Button("porch", "From the porch"),
                Button("title", "Stop watching")]
    if app.options.kiosk:
        return [Button("resume", "Resume"), Button("porch", "From the porch"),
                Button("restart", "Restart shift"), Button("title", "Another street")]
    end = [Button("end", "End shift early")] if shift_on else []
    return [Button("resume", "Resume"), Button("settings", "Settings"), Button("porch", "From the porch"),
            Button("restart", "Restart shift"), *end, Button("title", "Quit to title")]


class PauseScene(Scene):
    """Overlay on ``beneath`` (the play scene or a dialogue over it); resuming returns there."""

    def __init__(self, app: App, beneath: Scene, play: PlayScene) -> None:
        self.app = app
        self.beneath = beneath
        self.play = play
        self.objectives = play.sim.results().objectives  # the shift is stopped: read once
        self.marks = [objective_mark(o.met, play.sim.finished) for o in self.objectives]
        self.menu = Menu(pause_buttons(app, play.hands_off, not play.sim.finished))
        self._veil = Veil(VEIL)
        self.error = ""  # why a call could not be taken
        self.pad_line = True  # the gamepad line under the keys, left out where it does not fit

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command in ("back", "pause"):
            return self.beneath
        if command == "respond" and not self.play.hands_off:
            street, self.error = take_call(self.play, None)  # the radio does not wait for a pause
            return street
        choice = self.menu.handle(event, command)
        if choice == "resume":
            return self.beneath
        if choice == "settings":
            return SettingsScene(self.app, self)
        if choice == "porch":
            return self._porch_view()
        if choice == "restart":
            return BackToBriefing(self.play.scenario)
        if choice == "end":
            return EndEarlyScene(self.app, self, self.play)
        if choice == "title":
            self.app.recorder.finish()  # a shift quit half-way is still kept for review
            return BackToTitle()
        return None

    def _porch_view(self) -> Scene | None:
        """The resident-side view of the selected (or most met) resident; Back returns here."""
        sim = self.play.sim
        who = featured_resident(sim, self.play.selected)
        play = None if self.play.hands_off else self.play  # a replay's calls are not the trainee's
        return None if who is None else PorchScene(self.app, sim, who, self, play)

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        self.beneath.draw(surface)
        w, h = surface.get_size()
        self._veil.draw(surface)
        p = pad(text)
        width = min(w - 2 * p, round(980 * text.scale))
        inner_w = width - 2 * p
        left_w = (inner_w - p) * 2 // 5
        right_w = inner_w - left_w - p
        button_h = text.line_height("body") + p
        per_row = self._buttons_per_row(inner_w)
        rows = -(-len(self.menu.buttons) // per_row)
        buttons_h = rows * button_h + (rows - 1) * (p // 2)
        room = h - 2 * p - text.line_height("title") - buttons_h - 4 * p
        self.pad_line = True
        if self._controls(surface, None, right_w) > room:
            self.pad_line = False  # the least needed line goes, rather than a line cut in half
        columns_h = max(self._objectives(surface, None, left_w), self._controls(surface, None, right_w))
        height = min(h - 2 * p, text.line_height("title") + columns_h + buttons_h + 4 * p)
        panel = pygame.Rect(0, 0, width, height)
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, (*palette.panel[:3], 250), palette.panel_edge)
        x, y = panel.x + p, panel.y + p
        title = "Paused · replay" if self.play.hands_off else "Paused"
        right = draw_text(surface, text, title, "title", palette.text, (x, y)).right
        self._draw_call_line(surface, right + p, panel.right - p, y + text.line_height("title") // 2)
        top = y + text.line_height("title") + p // 2
        bottom = panel.bottom - p - buttons_h
        step = text.line_height("small")  # both columns: a heading, then lines of small text
        shown = text.line_height("body") + (bottom - top - text.line_height("body")) // step * step
        surface.set_clip(pygame.Rect(panel.x, top, panel.w, shown))  # whole lines only
        self._objectives(surface, (x, top), left_w)
        self._controls(surface, (x + left_w + p, top), right_w)
        surface.set_clip(None)
        each = (inner_w - (per_row - 1) * (p // 2)) // per_row
        for k, b in enumerate(self.menu.buttons):
            row, col = divmod(k, per_row)
            b.rect = pygame.Rect(x + col * (each + p // 2), bottom + p + row * (button_h + p // 2), each,
                                 button_h)
        self.menu.draw(surface, text, app.panels, palette)

    def _draw_call_line(self, surface: pygame.Surface, left: int, right: int, cy: int) -> None:
        """Beside the title: a refusal, or the call R would take (whole, or not at all)."""
        text, palette = self.app.text, self.app.palette
        waiting = [] if self.play.hands_off else waiting_calls(self.play.sim)
        if self.error:
            line, colour = self.error, palette.trust_mid
        elif waiting:
            line, colour = (f"{self.app.settings.first_key('respond')} take the call ({waiting[0].short})",
                            palette.priority[waiting[0].priority - 1])
        else:
            return
        if text.width(line, "small") <= right - left:
            draw_text(surface, text, line, "small", colour, (right, cy), "midright")

    def _buttons_per_row(self, width: int) -> int:
        """As many buttons side by side as keep every label whole (big text wraps them to two rows)."""
        text, p = self.app.text, pad(self.app.text)
        label_w = max(b.min_width(text) for b in self.menu.buttons)
        per_row = len(self.menu.buttons)
        while per_row > 1 and (width - (per_row - 1) * (p // 2)) // per_row < label_w:
            per_row -= 1
        return per_row

    def _objectives(self, surface: pygame.Surface, at: tuple[int, int] | None, width: int) -> int:
        """Draw the objectives at ``at`` (or only measure them, with None); returns the height."""
        text, palette = self.app.text, self.app.palette
        x, y0 = at or (0, 0)
        if at is not None:
            draw_text(surface, text, "Objectives so far", "body", palette.accent, (x, y0))
        y = y0 + text.line_height("body")
        step = text.line_height("small")
        rows: list[tuple[Mark | None, str]] = [(m, f"{o.text} ({o.detail})")
                                               for o, m in zip(self.objectives, self.marks, strict=True)]
        if not rows:
            rows = [(None, "None: the score is the street's trust.")]  # no mark: nothing to meet
        for how, line in rows:
            if at is not None and how is not None:
                draw_objective_mark(surface, pygame.Rect(x, y + 3, step - 6, step - 6), how, palette)
            for part in text.wrap(line, "small", width - step):
                if at is not None:
                    draw_text(surface, text, part, "small", palette.text, (x + step, y))
                y += step
        return y - y0

    def _controls(self, surface: pygame.Surface, at: tuple[int, int] | None, width: int) -> int:
        """Draw the key list at ``at`` (or only measure it, with None); returns the height."""
        text, palette = self.app.text, self.app.palette
        x, y0 = at or (0, 0)
        if at is not None:
            draw_text(surface, text, "Controls", "body", palette.accent, (x, y0))
        y = y0 + text.line_height("body")
        rows = control_rows(self.app, self.pad_line)
        widest = max(text.width(keys, "small") for keys, _ in rows)
        keys_w = min(width // 2, widest + text.line_height("small"))
        for keys, what in rows:
            if at is not None:
                draw_text(surface, text, text.fit(keys, "small", keys_w - 6), "small", palette.accent_alt,
                          (x, y))
            for line in text.wrap(what, "small", width - keys_w):
                if at is not None:
                    draw_text(surface, text, line, "small", palette.text, (x + keys_w, y))
                y += text.line_height("small")
        return y - y0


class EndEarlyScene(Scene):
    """"End shift early?" over the pause menu: a slip of a key must not end a shift."""

    def __init__(self, app: App, pause: PauseScene, play: PlayScene) -> None:
        self.app = app
        self.pause = pause
        self.play = play
        self.menu = Menu([Button("keep", "Keep playing"), Button("end", "End the shift")])
        self._veil = Veil(VEIL)

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if command in ("back", "pause"):
            return self.pause
        choice = self.menu.handle(event, command)
        if choice == "keep":
            return self.pause
        if choice == "end":
            return SummaryScene(self.app, self.play.scenario, self.play.sim)  # it saves the session
        return None

    def question(self) -> tuple[str, str]:
        """The heading and what ending now means, in the trainee's words."""
        sim = self.play.sim
        return (f"End the shift now, at {sim.clock()}?",
                f"{sim.minutes_left:.0f} minutes are left. The debrief and the score count only what "
                "happened until now, and the session is saved as ended early.")

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        self.pause.draw(surface)
        self._veil.draw(surface)
        w, h = surface.get_size()
        p = pad(text)
        width = min(w - 2 * p, round(620 * text.scale))
        heading, body = self.question()
        head_lines = text.wrap(heading, "title", width - 2 * p)
        body_lines = text.wrap(body, "body", width - 2 * p)
        button_h = text.line_height("body") + p
        height = (len(head_lines) * text.line_height("title") + len(body_lines) * text.line_height("body")
                  + button_h + 4 * p)
        panel = pygame.Rect(0, 0, width, min(h - 2 * p, height))
        panel.center = (w // 2, h // 2)
        app.panels.draw(surface, panel, (*palette.panel[:3], 250), palette.accent)
        y = panel.y + p
        for line in head_lines:
            draw_text(surface, text, line, "title", palette.text, (panel.x + p, y))
            y += text.line_height("title")
        y += p // 2
        for line in body_lines:
            draw_text(surface, text, line, "body", palette.text_dim, (panel.x + p, y))
            y += text.line_height("body")
        each = (width - 3 * p) // 2
        for k, b in enumerate(self.menu.buttons):
            b.rect = pygame.Rect(panel.x + p + k * (each + p), panel.bottom - p - button_h, each, button_h)
        self.menu.draw(surface, text, app.panels, palette)
