"""Hot reload for instructors: save the scenario file and the shift restarts with the new content.

The play scene asks ``HotReload.poll`` every frame; about once a second it
compares the file's modification time and size with what it saw last (a
``stat``, no watcher library, no thread). F5 reloads at once. A valid file
restarts the shift (and a toast names the first thing `validate` warns about,
if anything); an invalid one leaves the old shift running and puts the
validator's own ``file:line:col`` messages on screen until the file is fixed,
so an instructor can keep the game and the editor side by side.
"""

from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.app.context import App
from game.app.ui.widgets import draw_lines, pad
from game.scenario import ScenarioError, load_scenario
from game.scenario.model import Scenario
from game.scenario.warnings import scenario_warnings

POLL_SECONDS = 1.0  # real seconds between looks at the file
ERROR_LINES = 3  # validator messages shown at most; the rest are counted
GAP = 4  # px between two messages, so a wrapped one reads as one


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(modification time in ns, size): what changes when an editor saves; None if the file is gone."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size)


class HotReload:
    """Watches the file one scenario came from; does nothing for scenarios built in memory,
    or with ``watch`` False (a recorded shift being watched must not turn into a new one)."""

    def __init__(self, scenario: Scenario, watch: bool = True) -> None:
        source = scenario.source
        self.path: Path | None = Path(source) if watch and source and Path(source).is_file() else None
        self.content_hash = scenario.content_hash
        self.error: list[str] = []  # the validator's first lines while the file is broken
        self.warnings: list[str] = []  # what `validate` warns about in the last good load
        self._seen = file_stamp(self.path) if self.path is not None else None
        self._wait = POLL_SECONDS

    @property
    def name(self) -> str:
        return self.path.name if self.path is not None else ""

    def poll(self, dt: float) -> Scenario | None:
        """The new scenario when the file changed to valid, different content; else None."""
        if self.path is None:
            return None
        self._wait -= dt
        if self._wait > 0:
            return None
        self._wait = POLL_SECONDS
        stamp = file_stamp(self.path)
        if stamp == self._seen:
            return None
        self._seen = stamp
        scenario = self.reload()
        if scenario is not None and scenario.content_hash == self.content_hash:
            return None  # saved without changes (or changed back): the running shift is this file
        return scenario

    def reload(self) -> Scenario | None:
        """Load the file now: the scenario, or None with ``error`` set to what is wrong."""
        if self.path is None:
            return None
        try:
            scenario = load_scenario(self.path)
        except ScenarioError as exc:
            self.error = [d.format(exc.source) for d in exc.diagnostics]
            return None
        self.error = []
        self.warnings = [w.format(self.path.name) for w in scenario_warnings(scenario)]
        return scenario

    def warning_toast(self) -> str | None:
        """One line on what the reloaded file may have wrong (it plays, but maybe not as meant)."""
        if not self.warnings:
            return None
        more = f" (+{len(self.warnings) - 1} more; validate lists them)" if len(self.warnings) > 1 else ""
        return f"{self.warnings[0]}{more}"

    def draw_error(self, surface: pygame.Surface, app: App, area: pygame.Rect) -> pygame.Rect:
        """The panel saying why the file did not load, at the top of ``area``; returns what is left below.

        As many of the first ERROR_LINES messages as fit are shown whole; the
        rest are counted, with the command that lists them all.
        """
        if not self.error:
            return area
        text, palette = app.text, app.palette
        p = pad(text)
        width = min(area.w, round(760 * text.scale))
        inner = width - 2 * p
        small = text.line_height("small")
        heading = text.wrap(f"Cannot reload {self.name}", "body", inner)
        foot = text.wrap(f"Still playing the last good version. Save a fix and the shift restarts by "
                         f"itself, or press {app.settings.first_key('reload')}.", "small", inner)
        room = area.h - len(heading) * text.line_height("body") - len(foot) * small - p - p // 2
        messages: list[list[str]] = []
        for line in self.error[:ERROR_LINES]:
            wrapped = text.wrap(line, "small", inner)
            more_after = len(self.error) > len(messages) + 1
            if (len(wrapped) + more_after) * small + GAP > room:
                break
            messages.append(wrapped)
            room -= len(wrapped) * small + GAP
        hidden = len(self.error) - len(messages)
        if hidden:
            messages.append([text.fit(f"... and {hidden} more; validate lists them all", "small", inner)])
        lines = sum(len(m) for m in messages) + len(foot)
        height = len(heading) * text.line_height("body") + lines * small + len(messages) * GAP + p + p // 2
        rect = pygame.Rect(0, area.y, width, min(height, area.h))
        rect.centerx = area.centerx
        app.panels.draw(surface, rect, (*palette.panel[:3], 245), palette.trust_bad)
        surface.set_clip(rect)
        y = draw_lines(surface, text, heading, "body", palette.text, rect.x + p, rect.y + p // 2)
        for message in messages:
            y = draw_lines(surface, text, message, "small", palette.highlight, rect.x + p, y + GAP)
        draw_lines(surface, text, foot, "small", palette.text_dim, rect.x + p, y + p // 2)
        surface.set_clip(None)
        return pygame.Rect(area.x, rect.bottom + p // 2, area.w, max(0, area.bottom - rect.bottom - p // 2))
