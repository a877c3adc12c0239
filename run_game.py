"""Front Porch launcher: `python run_game.py [command] ...` (see `--help`)."""

from __future__ import annotations

import sys

import game.cli

if __name__ == "__main__":
    sys.exit(game.cli.main())
