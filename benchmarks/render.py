"""Frame time of the play screen with 200 and 2,000 residents all on screen at 1280×720, headless.

Targets (issue 17): frame p99 under 4 ms with 200 residents on screen and
under 16.7 ms (60 FPS) with 2,000; start to first frame under 3 s (issue 5).
Each frame is the whole loop: events, the fixed-step simulation, drawing,
sprites built ahead of need and the display flip, with the dummy video
driver. The time scale is 4x so simulation ticks land in the measured frames.
Households are made large enough that every resident fits in the widest view.
CPU time per frame is reported beside wall time: on a shared machine the wall
clock also counts time other processes held the cores.
Over its first seconds the play scene draws people's sprites ahead of need in
each frame's spare time, up to 3 ms from the frame's start
(game.app.spare_time.SPARE_UNTIL);
frames are measured twice: from frame WARMUP on, while that goes on (the
figures earlier versions printed), and again once every sprite is built
(``settled``: what the frame itself costs from then on).
Prints a table, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
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

import game.sim  # noqa: E402,F401  (first: it settles the BLAS threads before numpy loads)

# isort: split
import numpy as np  # noqa: E402
from output import emit  # noqa: E402
from worlds import synthetic_scenario  # noqa: E402

from game.app.context import LaunchOptions  # noqa: E402
from game.app.main import Game  # noqa: E402
from game.app.scenes.play import PlayScene  # noqa: E402

WARMUP = 120  # frames before measuring (map scaling, sprite caches)
CROWDS = {200: 5, 2000: 21}  # residents on screen: residents per household that fit them in view


def frame_times(residents: int, frames: int) -> tuple[list[float], list[float], int, list[float]]:
    """Wall and CPU milliseconds per frame, the most residents seen on screen at once, and CPU
    milliseconds per frame once the sprites drawn ahead of need are all built."""
    per_household = CROWDS.get(residents, 2)
    scenario = synthetic_scenario(residents, per_household=per_household)
    game = Game(LaunchOptions(scenario=scenario, scene="play", frames=10**9))
    play = game.scene
    assert isinstance(play, PlayScene)
    play.runner.time_scale = 4
    play.camera.zoom(-10)  # widest view: the whole street module fits on screen
    play.camera.look_at(play.sim.grid.width / 2, play.sim.grid.height / 2)
    for _ in range(WARMUP):
        game.frame()
    times, cpu = [], []
    on_screen = 0
    for _ in range(frames):
        start, start_cpu = time.perf_counter(), time.process_time()
        game.frame()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        xy = play.world.people_xy
        visible = [play.camera.visible(float(x), float(y), 0) for x, y in xy]
        on_screen = max(on_screen, sum(visible))
    game.app.spare.finish()  # what is left of the sprites drawn ahead of need
    settled = []
    for _ in range(frames):
        start_cpu = time.process_time()
        game.frame()
        settled.append((time.process_time() - start_cpu) * 1000)
    return times, cpu, on_screen, settled


def first_frame_seconds() -> float:
    """Wall time of `play --frames 1` in a fresh process: interpreter start to the first frame shown."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(REPO / "run_game.py"), "play", "--frames", "1"], cwd=REPO,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, nargs="+", default=list(CROWDS))
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--json", action="store_true", help="print exactly one JSON object")
    args = parser.parse_args()
    rows = []
    for residents in args.residents:
        times, cpu, on_screen, settled = frame_times(residents, args.frames)
        rows.append({
            "residents": residents,
            "residents_on_screen": on_screen,
            "frame_ms_p50": round(float(np.percentile(times, 50)), 2),
            "frame_ms_p99": round(float(np.percentile(times, 99)), 2),
            "frame_cpu_ms_p50": round(float(np.percentile(cpu, 50)), 2),
            "frame_cpu_ms_p99": round(float(np.percentile(cpu, 99)), 2),
            "settled_cpu_ms_p50": round(float(np.percentile(settled, 50)), 2),
            "settled_cpu_ms_p99": round(float(np.percentile(settled, 99)), 2),
        })
    result = {"rows": rows, "start_to_first_frame_s": round(first_frame_seconds(), 2)}
    return emit(result, args.json, table)


def table(result: dict) -> list[str]:
    lines = [f"{'residents':>9} {'on screen':>9} {'p50':>8} {'p99':>8} {'CPU p50':>8} {'CPU p99':>8}"
             f" {'settled CPU p50':>15} {'p99':>8}"]
    lines += [f"{r['residents']:>9} {r['residents_on_screen']:>9} {r['frame_ms_p50']:>6.2f}ms "
              f"{r['frame_ms_p99']:>6.2f}ms {r['frame_cpu_ms_p50']:>6.2f}ms {r['frame_cpu_ms_p99']:>6.2f}ms"
              f" {r['settled_cpu_ms_p50']:>13.2f}ms {r['settled_cpu_ms_p99']:>6.2f}ms"
              for r in result["rows"]]
    return [*lines, f"start to first frame: {result['start_to_first_frame_s']} s"]


if __name__ == "__main__":
    sys.exit(main())
