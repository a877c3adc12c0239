"""Numbers as the trainee reads them, written in one place for every view that shows them.

A trust change floats over a head as a pop-up and, in the kiosk's demo, is the
headline of a caption at the same moment: both come from ``trust_headline``, so
the two can never disagree about the figure (no pygame here: the captions are
tested without a window).
"""

from __future__ import annotations

from game.sim.ledger import points

MINUS = "\u2212"  # a real minus sign: the hyphen reads as a dash beside a number


def trust_figure(delta: float) -> str:
    """'+4', '−9', '+0.3': rounded as in the log, with a real minus."""
    return points(delta).replace("-", MINUS)


def trust_headline(delta: float, reason: str) -> str:
    """'+4 trust · listened', or '+4 trust' with no reason."""
    figure = trust_figure(delta)
    return f"{figure} trust · {reason}" if reason else f"{figure} trust"
