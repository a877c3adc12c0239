"""Argument types shared by several subcommands, so each rule is written once."""

from __future__ import annotations

import argparse

from game.scenario.limits import MAX_SEED


def seed(text: str) -> int:
    """``--seed``: a whole number 0..2^63-1, the range a scenario's ``seed`` and the store accept."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"{text} is outside 0..{MAX_SEED}")
    return value
