"""Which rules a recorded shift was played under.

A saved session replays exactly only under the rules it was played under: a
change to the model (a new effect, a retuned default) moves the figures a
replay arrives at, and that is no damage and no bug. ``RULES_VERSION`` goes up
with every change that moves the figures of a shift; each shift's results carry
it, so a replay can say "played under earlier rules" instead of "differs".
tests/unit/test_rules_version.py notices figures that moved without a new
version (its golden, tests/golden/rules/plays.json, holds what fixed plays arrive at).
"""

from __future__ import annotations

# Sessions saved before results carried a version count as 1. 2: priority-1 calls need the car,
# foot patrol reassures (Pate 1981), the policy part scores only where a policy can be broken.
RULES_VERSION = 2
