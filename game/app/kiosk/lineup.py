"""Which neighborhoods a workshop kiosk offers: a short, fixed list of gentle shipped scenarios.

A kiosk is for people who have never seen the game, so it offers the two
first-difficulty streets (a morning on Alder Street, a July evening on Maple
Street) and nothing an instructor is half-way through writing. The list lives
here in code rather than as a ``kiosk:`` field in the scenario format: the
format stays about neighborhoods, and a workshop host who wants another street
names it on the command line (`play --kiosk FILE`). Ids missing from the
folder are skipped; with none of them present, every valid scenario of the
lowest difficulty is used, so a kiosk never opens on an empty picker.
"""

from __future__ import annotations

from pathlib import Path

from game.app.shift.catalog import scan
from game.errors import UserError
from game.scenario.model import Scenario

KIOSK_SCENARIOS = ("first-day", "maple-street-summer")


def lineup(scenario_dir: Path, named: Scenario | None = None) -> list[Scenario]:
    """The scenarios the kiosk plays and offers, in order; ``named`` (from the command line) alone."""
    if named is not None:
        return [named]
    valid = [e.scenario for e in scan(scenario_dir) if e.scenario is not None]
    by_id = {s.id: s for s in valid}
    chosen = [by_id[i] for i in KIOSK_SCENARIOS if i in by_id]
    if not chosen and valid:
        easiest = min(s.difficulty for s in valid)
        chosen = [s for s in valid if s.difficulty == easiest]
    if not chosen:
        raise UserError(f"no playable scenario in {scenario_dir}/ for the kiosk")
    return chosen
