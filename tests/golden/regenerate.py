"""Show how `validate` output differs from the golden files, and rewrite them on request.

    .venv/bin/python tests/golden/regenerate.py             # diff every golden
    .venv/bin/python tests/golden/regenerate.py NAME...     # diff some
    .venv/bin/python tests/golden/regenerate.py --write NAME...

Read each diff before writing: a golden is an approved message, not a snapshot.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from goldens import GOLDEN, golden_inputs, render


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="golden names (file stems); default: all")
    parser.add_argument("--write", action="store_true", help="write the new .out files")
    args = parser.parse_args()
    inputs = [GOLDEN / f"{name}.yaml" for name in args.names] or golden_inputs()
    changed = 0
    for scenario in inputs:
        golden = scenario.with_suffix(".out")
        old = golden.read_text(encoding="utf-8") if golden.exists() else ""
        new = render(scenario)
        if old == new:
            continue
        changed += 1
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                   str(golden), "validate now"))
        if args.write:
            golden.write_text(new, encoding="utf-8")
    print(f"{changed} golden(s) differ" + (" (written)" if args.write and changed else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
