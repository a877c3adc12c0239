"""Kiosk soak: an hour of demo and visitor cycles, headless, and whether memory stays flat.

A workshop kiosk runs all day, so what matters is not speed but that nothing
piles up across resets: every demo round makes a new shift, every visitor a
new play scene, and sprite, font, map and panel caches must stay bounded. The
kiosk runs on a fixed frame clock (no sleeping): the demo plays; every few
simulated minutes a visitor touches the screen, picks a street, drives, parks,
taps around the map for a while and walks away; the idle timer brings the demo
back. Resident memory is sampled every simulated minute. Prints start, end and
peak RSS and the slope after warm-up (MB per simulated hour), or one JSON
object with --json. Aim: a slope near zero.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import numpy as np  # noqa: E402
import pygame  # noqa: E402

from game.app.context import LaunchOptions  # noqa: E402
from game.app.kiosk.attract import AttractScene  # noqa: E402
from game.app.kiosk.briefing import KioskBriefingScene  # noqa: E402
from game.app.kiosk.picker import KioskPickerScene  # noqa: E402
from game.app.kiosk.shell import KioskShell  # noqa: E402
from game.app.main import Game  # noqa: E402
from game.app.scenes.play import PlayScene  # noqa: E402

WARMUP_MINUTES = 10  # the first demo rounds fill the caches; the slope is measured after them
VISIT_EVERY = 5.0  # simulated minutes between visitors
VISIT_SECONDS = 100.0  # how long a visitor plays before walking away
TAP_SECONDS = 6.0  # a visitor taps the street this often


def rss_mb() -> float:
    """Resident set size now, from /proc (Linux), else the peak from getrusage."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def touch(pos: tuple[int, int]) -> None:
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=pos, button=1))


class Visitor:
    """Someone at the kiosk: wakes it, picks a street, starts, plays by touch, then leaves."""

    def __init__(self, shell: KioskShell, rng: random.Random) -> None:
        self.shell = shell
        self.rng = rng
        self.playing = 0.0
        self.next_tap = 0.0
        self.done = False

    def act(self, dt: float) -> None:
        inner, shell = self.shell.inner, self.shell
        if isinstance(inner, AttractScene):
            touch((self.rng.randrange(50, 400), self.rng.randrange(50, 300)))
        elif isinstance(inner, KioskPickerScene) and shell.guard == 0 and inner.cards:
            touch(self.rng.choice(inner.cards).center)
        elif isinstance(inner, KioskBriefingScene):
            touch(inner.menu.buttons[0].rect.center)
        elif isinstance(inner, PlayScene):
            self.playing += dt
            self.next_tap -= dt
            if self.next_tap <= 0:
                self.next_tap = TAP_SECONDS
                self._tap(inner)
        else:  # a conversation, the pause menu, the porch view: answer or close it
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="",
                                                 scancode=0))
        self.done = self.playing >= VISIT_SECONDS

    def _tap(self, play: PlayScene) -> None:
        dock = self.shell.dock.buttons
        roll = self.rng.random()
        if roll < 0.2:
            touch(dock[0].rect.center)  # park and walk / back to the car
        elif roll < 0.3 and dock[1].enabled:
            touch(dock[1].rect.center)  # answer the call
        elif roll < 0.35:
            touch(dock[2].rect.center)  # the porch view
        else:
            view = play.camera
            touch((self.rng.randrange(0, view.view_w), self.rng.randrange(0, view.view_h)))


def soak(minutes: float, fps: int, size: tuple[int, int], seed: int) -> dict:
    import game.app.main as main

    main.DEFAULT_SIZE = size
    game = Game(LaunchOptions(kiosk=True, scenario_dir=REPO / "scenarios", seed=seed))
    shell = game.scene
    assert isinstance(shell, KioskShell)
    rng = random.Random(seed)
    dt = 1.0 / fps
    frames_per_minute = fps * 60
    samples: list[tuple[float, float]] = [(0.0, rss_mb())]
    visitor: Visitor | None = None
    next_visit = VISIT_EVERY * 60
    visits = resets = 0
    started = time.perf_counter()
    for frame in range(1, round(minutes * frames_per_minute) + 1):
        now = frame * dt
        was_attracting = shell.attracting
        if visitor is None and now >= next_visit:
            visitor, visits = Visitor(shell, rng), visits + 1
            next_visit = now + VISIT_EVERY * 60
        if visitor is not None:
            visitor.act(dt)
            if visitor.done:
                visitor = None  # walks away: the idle timer takes over
        game.frame(dt)
        resets += shell.attracting and not was_attracting and visitor is None
        if frame % frames_per_minute == 0:
            samples.append((now / 60, rss_mb()))
    pygame.display.quit()
    after = np.array([s for s in samples if s[0] >= WARMUP_MINUTES] or samples)
    slope = float(np.polyfit(after[:, 0], after[:, 1], 1)[0] * 60) if len(after) > 1 else 0.0
    return {
        "simulated_minutes": minutes, "fps": fps, "size": list(size), "visits": visits,
        "idle_resets": resets, "wall_seconds": round(time.perf_counter() - started, 1),
        "rss_start_mb": round(samples[0][1], 1), "rss_warm_mb": round(float(after[0, 1]), 1),
        "rss_end_mb": round(samples[-1][1], 1), "rss_peak_mb": round(max(r for _, r in samples), 1),
        "slope_mb_per_hour_after_warmup": round(slope, 2),
        "samples": [[round(m, 1), round(r, 1)] for m, r in samples],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="simulated minutes (default: 60)")
    parser.add_argument("--fps", type=int, default=20, help="fixed frames per simulated second (default: 20)")
    parser.add_argument("--size", default="1280x720", help="window size (default: 1280x720)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    result = soak(args.minutes, args.fps, (width, height), args.seed)
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"kiosk soak: {args.minutes:g} simulated min at {args.fps} fps, {width}x{height}, "
          f"{result['visits']} visitors, {result['idle_resets']} idle resets, "
          f"{result['wall_seconds']} s wall")
    print(f"  RSS start {result['rss_start_mb']} MB, after warm-up {result['rss_warm_mb']} MB, "
          f"end {result['rss_end_mb']} MB, peak {result['rss_peak_mb']} MB")
    print(f"  slope after {WARMUP_MINUTES} min warm-up: {result['slope_mb_per_hour_after_warmup']:+} MB/hour")
    return 0


if __name__ == "__main__":
    sys.exit(main())
