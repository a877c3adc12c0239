"""Peak memory of `play` on a large map: 162 x 98 tiles, 600 frames, headless.

Target (issue 17): under 300 MB, so that memory follows the screen and not
the map. The world is built in code (worlds.py, same size as the map the issue
measured); the game runs in a fresh process whose peak resident set is
reported, beside the time from start to the first frame.
Prints a table, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from output import emit, key_values  # noqa: E402

SIZE = (162, 98)  # tiles
RESIDENTS = 400


def play_here(frames: int) -> dict:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent))
    from worlds import synthetic_scenario  # imports game first: one BLAS thread, as in the game

    from game.app.context import LaunchOptions
    from game.app.main import Game

    start = time.perf_counter()
    runner = Game(LaunchOptions(scenario=synthetic_scenario(RESIDENTS, size=SIZE), scene="play",
                                frames=frames))
    runner.frame()
    first = time.perf_counter() - start
    while runner.frame():
        pass
    return {"map_tiles": f"{SIZE[0]}x{SIZE[1]}", "frames": frames, "first_frame_s": round(first, 2),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=600)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.here:
        print(json.dumps(play_here(args.frames)))
        return 0
    out = subprocess.run([sys.executable, __file__, "--here", "--frames", str(args.frames)],
                         check=True, capture_output=True, text=True)
    return emit(json.loads(out.stdout.strip().splitlines()[-1]), args.json, key_values)


if __name__ == "__main__":
    sys.exit(main())
