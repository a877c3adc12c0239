"""Frame time of the play screen: 200 residents on screen at 1280×720, headless.

Targets (issue 5): frame p99 under 16 ms on a 2-core machine (aim under 8 ms);
start to first frame under 3 s. Each frame is the whole loop: events, the
fixed-step simulation, drawing and the display flip, with the dummy video
driver. The time scale is 4x so simulation ticks land in the measured frames.
Prints a table, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # --json prints one object, nothing else

import numpy as np  # noqa: E402
from worlds import synthetic_scenario  # noqa: E402

from game.app.context import LaunchOptions  # noqa: E402
from game.app.main import Game  # noqa: E402
from game.app.scenes.play import PlayScene  # noqa: E402

WARMUP = 120  # frames before measuring (map scaling, sprite caches)


def frame_times(residents: int, frames: int) -> tuple[list[float], int]:
    game = Game(LaunchOptions(scenario=synthetic_scenario(residents), scene="play", frames=10**9))
    play = game.scene
    assert isinstance(play, PlayScene)
    play.runner.time_scale = 4
    play.camera.zoom(-10)  # widest view: the whole street module fits on screen
    play.camera.look_at(play.sim.grid.width / 2, play.sim.grid.height / 2)
    for _ in range(WARMUP):
        game.frame()
    times = []
    on_screen = 0
    for _ in range(frames):
        start = time.perf_counter()
        game.frame()
        times.append((time.perf_counter() - start) * 1000)
        xy = play.world.people_xy
        visible = [play.camera.visible(float(x), float(y), 0) for x, y in xy]
        on_screen = max(on_screen, sum(visible))
    return times, on_screen


def first_frame_seconds() -> float:
    """Wall time of `play --frames 1` in a fresh process: interpreter start to the first frame shown."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(REPO / "run_game.py"), "play", "--frames", "1"], cwd=REPO,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--json", action="store_true", help="print exactly one JSON object")
    args = parser.parse_args()
    times, on_screen = frame_times(args.residents, args.frames)
    result = {
        "frame_ms_p50": round(float(np.percentile(times, 50)), 2),
        "frame_ms_p99": round(float(np.percentile(times, 99)), 2),
        "residents": args.residents,
        "residents_on_screen": on_screen,
        "start_to_first_frame_s": round(first_frame_seconds(), 2),
    }
    if args.json:
        print(json.dumps(result))
    else:
        for k, v in result.items():
            print(f"{k:>24}  {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
