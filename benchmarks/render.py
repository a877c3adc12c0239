"""Frame time of the play screen with 200 and 2,000 residents all on screen at 1280x720, headless.

Targets (issue 17): frame p99 under 4 ms with 200 residents on screen and
under 16.7 ms (60 FPS) with 2,000; start to first frame under 3 s (issue 5).
Each frame is the whole loop: events, the fixed-step simulation, drawing,
sprites built ahead of need and the display flip, with the dummy video
driver. The time scale is 4x so simulation ticks land in the measured frames.
Households are made large enough that every resident fits in the widest view.
A priority-1 call stops the shift under the dispatch card; the benchmark
answers it as a trainee would, reading it for READ_SECONDS and then finishing
what they were doing first, so the street runs again. Frames are reported by
what they showed: the running street (the headline) and the card, apart, so
neither hides in the other.
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
from dataclasses import dataclass, field
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
import pygame  # noqa: E402
from output import emit  # noqa: E402
from worlds import synthetic_scenario  # noqa: E402

from game.app.context import LaunchOptions  # noqa: E402
from game.app.main import FPS, Game  # noqa: E402
from game.app.scenes.dispatch import DispatchScene  # noqa: E402
from game.app.scenes.play import PlayScene  # noqa: E402

WARMUP = 120  # frames before measuring (map scaling, sprite caches)
CROWDS = {200: 5, 2000: 21}  # residents on screen: residents per household that fit them in view
READ_SECONDS = 1.5  # how long the trainee reads a dispatch card before finishing here first
STREET, CARD = "street", "dispatch card"  # what a frame showed


@dataclass
class Frames:
    """Milliseconds per frame that showed one scene: wall and CPU while sprites are still being
    drawn ahead of need, and CPU once they are all built."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    settled: list[float] = field(default_factory=list)


class Trainee:
    """Answers the dispatch card as a person would: reads it, then finishes here first (Escape)."""

    def __init__(self) -> None:
        self.read = 0  # frames the card has been up

    def act(self, game: Game) -> None:
        if not isinstance(game.scene, DispatchScene):
            self.read = 0
            return
        self.read += 1
        if self.read >= READ_SECONDS * FPS:
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0))
            self.read = 0


def shown(game: Game) -> str:
    return CARD if isinstance(game.scene, DispatchScene) else STREET


def frame_times(residents: int, frames: int) -> tuple[dict[str, Frames], int]:
    """Frame times by what each frame showed, and the most residents seen on screen at once."""
    per_household = CROWDS.get(residents, 2)
    scenario = synthetic_scenario(residents, per_household=per_household)
    game = Game(LaunchOptions(scenario=scenario, scene="play", frames=10**9))
    play = game.scene
    assert isinstance(play, PlayScene)
    play.runner.time_scale = 4
    play.camera.zoom(-10)  # widest view: the whole street module fits on screen
    play.camera.look_at(play.sim.grid.width / 2, play.sim.grid.height / 2)
    trainee = Trainee()
    for _ in range(WARMUP):
        trainee.act(game)
        game.frame()
    by_scene = {STREET: Frames(), CARD: Frames()}
    on_screen = 0
    for _ in range(frames):
        trainee.act(game)
        start, start_cpu = time.perf_counter(), time.process_time()
        game.frame()
        seen = by_scene[shown(game)]
        seen.wall.append((time.perf_counter() - start) * 1000)
        seen.cpu.append((time.process_time() - start_cpu) * 1000)
        xy = play.world.people_xy
        visible = [play.camera.visible(float(x), float(y), 0) for x, y in xy]
        on_screen = max(on_screen, sum(visible))
    game.app.spare.finish()  # what is left of the sprites drawn ahead of need
    for _ in range(frames):
        trainee.act(game)
        start_cpu = time.process_time()
        game.frame()
        by_scene[shown(game)].settled.append((time.process_time() - start_cpu) * 1000)
    return by_scene, on_screen


def percentile(values: list[float], q: int) -> float | None:
    return round(float(np.percentile(values, q)), 2) if values else None


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
        by_scene, on_screen = frame_times(residents, args.frames)
        for scene, seen in by_scene.items():
            rows.append({
                "residents": residents,
                "shown": scene,
                "frames": len(seen.cpu),
                "settled_frames": len(seen.settled),
                "residents_on_screen": on_screen,
                "frame_ms_p50": percentile(seen.wall, 50),
                "frame_ms_p99": percentile(seen.wall, 99),
                "frame_cpu_ms_p50": percentile(seen.cpu, 50),
                "frame_cpu_ms_p99": percentile(seen.cpu, 99),
                "settled_cpu_ms_p50": percentile(seen.settled, 50),
                "settled_cpu_ms_p99": percentile(seen.settled, 99),
            })
    result = {"rows": rows, "start_to_first_frame_s": round(first_frame_seconds(), 2)}
    return emit(result, args.json, table)


def table(result: dict) -> list[str]:
    def ms(value: float | None) -> str:
        return f"{value:>8.2f}ms" if value is not None else f"{'-':>10}"

    figures = ("frame_ms_p50", "frame_ms_p99", "frame_cpu_ms_p50", "frame_cpu_ms_p99",
               "settled_cpu_ms_p50", "settled_cpu_ms_p99")
    heads = ("p50", "p99", "CPU p50", "CPU p99", "settled p50", "p99")
    lines = [f"{'residents':>9} {'on screen':>9} {'shown':>13} {'frames':>11} "
             + " ".join(f"{head:>10}" for head in heads)]
    lines += [f"{r['residents']:>9} {r['residents_on_screen']:>9} {r['shown']:>13}"
              f" {r['frames']:>5}+{r['settled_frames']:<5} " + " ".join(ms(r[f]) for f in figures)
              for r in result["rows"]]
    return [*lines, "frames: measured while sprites were still being built + once all were",
            f"start to first frame: {result['start_to_first_frame_s']} s"]


if __name__ == "__main__":
    sys.exit(main())
