"""Show which fixed plays moved since tests/golden/rules/plays.json, and record them on request.

    .venv/bin/python tests/golden/rules_version.py           # what moved
    .venv/bin/python tests/golden/rules_version.py --write   # record (after raising RULES_VERSION)

Figures that move are a change of the game's rules: raise RULES_VERSION in game/sim/rules.py
(saved sessions then replay as "played under earlier rules", not as damaged), then --write.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from rules_plays import GOLDEN, moved, plays, recorded, write

from game.sim.rules import RULES_VERSION


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="record the figures played now")
    args = parser.parse_args()
    old = recorded() if GOLDEN.exists() else {"rules_version": None, "plays": []}
    lines = moved(old["plays"], plays())
    print("\n".join(lines) or "nothing moved")
    if lines and old["rules_version"] == RULES_VERSION and args.write:
        print(f"RULES_VERSION is still {RULES_VERSION}: raise it in game/sim/rules.py first")
        return 1
    if args.write:
        write()
        print(f"recorded under rules version {RULES_VERSION}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
