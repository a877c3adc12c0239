"""Drawing cost of a busy play frame: 200 residents with trust rings, the car, lamps and feedback.

Target: the play scene's frame p99 under 8 ms at 1280x720, so the art must
leave room for the HUD and the simulation. Each frame blits a camera window
of the pre-rendered map, then rings and people (sorted by y, turning and
walking so the sprite caches are exercised), the car with flashing lights,
the dusk tint, street lamps, a call marker and floating text. After drawing,
2 ms of spare time per frame builds sprites ahead of need (``art.prewarm``);
that is idle-time work and is not counted in the frame figures. The first two
seconds (caches filling) are reported apart from the steady state.

    python benchmarks/bench_sprites.py [--frames 600] [--json]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np
import pygame
from output import emit, key_values

from game.app import art
from game.scenario.model import GameMap

SCREEN = (1280, 720)
TILE = 32
RESIDENTS = 200
LEGEND = {
    ".": "sidewalk",
    "#": "road",
    "H": "house",
    "P": "porch",
    "y": "yard",
    "=": "park",
    "C": "car_spawn",
}


def town(width: int = 60, height: int = 40) -> GameMap:
    """Blocks of houses with porches between a grid of roads; big enough to scroll."""
    rows = []
    for y in range(height):
        if y % 8 in (0, 1):
            rows.append("#" * width)
            continue
        row = ""
        for x in range(width):
            band, col = y % 8, x % 12
            if col in (0, 1):
                row += "#"
            elif band in (2, 7) or col in (2, 11):
                row += "."
            elif (x // 12 + y // 8) % 5 == 4:
                row += "="
            elif band == 3:
                row += "P" if col % 3 == 0 else "y"
            elif band in (4, 5):
                row += "H"
            else:
                row += "y"
        rows.append(row)
    rows[2] = rows[2][:5] + "C" + rows[2][6:]
    return GameMap(LEGEND, tuple(rows))


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


class Crowd:
    """Residents who stroll, stop, and turn to face the officer when close: a realistic sprite mix."""

    def __init__(self, n: int, rng: np.random.Generator) -> None:
        self.rng = rng
        self.xy = rng.uniform((0, 0), SCREEN, (n, 2))
        self.heading = rng.uniform(0, math.tau, n)
        self.walking = rng.random(n) < 0.4
        self.next_change = rng.uniform(0, 4, n)
        self.phase = rng.random(n)
        self.trust = rng.uniform(0, 100, n)

    def step(self, t: float, dt: float, officer: tuple[float, float]) -> np.ndarray:
        due = t >= self.next_change
        if due.any():
            k = int(due.sum())
            self.walking[due] = self.rng.random(k) < 0.4
            self.heading[due] = self.rng.uniform(0, math.tau, k)
            self.next_change[due] = t + self.rng.uniform(2, 6, k)
        move = np.stack([np.cos(self.heading), np.sin(self.heading)], axis=1) * WALK_SPEED * dt
        self.xy += move * self.walking[:, None]
        self.xy %= SCREEN
        self.phase = (self.phase + self.walking * dt * 1.6) % 1.0
        to_officer = np.asarray(officer) - self.xy
        near = np.hypot(*to_officer.T) < 3 * TILE
        facing = np.where(near & ~self.walking, np.arctan2(to_officer[:, 1], to_officer[:, 0]), self.heading)
        return facing


WALK_SPEED = 40.0  # pixels per second
WARMUP_FRAMES = 120  # first two seconds: sprite caches fill up
WARM_BUDGET = 0.002  # seconds of spare time per frame spent building sprites ahead of need


def run(frames: int) -> dict:
    pygame.init()
    screen = pygame.display.set_mode(SCREEN)
    game_map = town()
    start = time.perf_counter()
    world = art.render_map(game_map, TILE)
    map_ms = (time.perf_counter() - start) * 1000
    lamps = art.streetlight_positions(game_map, TILE)
    crowd = Crowd(RESIDENTS, np.random.default_rng(7))
    looks = [art.PersonLook.for_resident(f"resident-{i}") for i in range(RESIDENTS)]
    officer = art.PersonLook.officer()
    texts = [
        art.FloatingText.trust_change(d, r, 300 + 200 * k, 300, start=0.0)
        for k, (d, r) in enumerate(((4, "listened"), (-9, "late to the call"), (2, "sat on the porch")))
    ]
    warmer = art.prewarm(looks)
    times: list[float] = []
    for frame in range(frames):
        t = frame / 60
        tick = time.perf_counter()
        officer_xy = (640 + 200 * math.sin(t * 0.2), 360)
        facing = crowd.step(t, 1 / 60, officer_xy)
        camera = (int(200 + 100 * math.sin(t * 0.3)), int(150 + 80 * math.cos(t * 0.2)))
        screen.blit(world, (0, 0), pygame.Rect(camera, SCREEN))
        people = list(
            zip(
                crowd.xy.tolist(),
                looks,
                facing.tolist(),
                crowd.trust.tolist(),
                crowd.phase.tolist(),
                [1.0] * RESIDENTS,
                strict=True,
            )
        )
        people.append((officer_xy, officer, 0.0, None, (t * 1.6) % 1.0, 1.0))
        art.draw_crowd(screen, people)
        art.draw_patrol_car(screen, (700, 420), t * 0.5, lights_on=True, t=t, glow=False)
        art.apply_daylight(screen, 20 * 60 + 40)
        art.draw_streetlights(screen, lamps, 0.8, offset=camera)
        art.draw_light_glow(screen, (700, 420), t * 0.5, lights_on=True, t=t)
        art.draw_call_marker(screen, (900, 200), 1, t)
        for item in texts:
            art.draw_floating_text(screen, item, now=t % 2.0)
        drawn = time.perf_counter()
        times.append((drawn - tick) * 1000)
        for _ in warmer:  # spare frame time builds sprites before they are needed (not counted above)
            if time.perf_counter() - drawn > WARM_BUDGET:
                break
    warm = times[WARMUP_FRAMES:]
    return {
        "map_tiles": f"{game_map.width}x{game_map.height}",
        "render_map_ms": round(map_ms, 1),
        "first_frame_ms": round(times[0], 2),
        "warmup_p99_ms": round(percentile(times[:WARMUP_FRAMES], 99), 3),
        "frames": len(warm),
        "mean_ms": round(sum(warm) / len(warm), 3),
        "p50_ms": round(percentile(warm, 50), 3),
        "p99_ms": round(percentile(warm, 99), 3),
        "max_ms": round(max(warm), 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=900)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = parser.parse_args()
    return emit(run(max(WARMUP_FRAMES + 2, args.frames)), args.json, key_values)


if __name__ == "__main__":
    sys.exit(main())
