"""`python -m game` reaches the same command line as run_game.py."""

from __future__ import annotations

import sys

import game.cli

sys.exit(game.cli.main())
