"""Shared test setup: headless SDL before anything imports pygame; builders importable."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
for extra in (TESTS, REPO / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))
