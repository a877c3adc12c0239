"""The scenarios a trainee can pick: every ``*.yaml`` in a folder, loaded or with its error.

A broken file must never stop the game: it shows up greyed out in the picker
with the loader's own message, so an instructor editing scenarios sees what
to fix without opening a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.errors import UserError
from game.scenario import load_scenario
from game.scenario.model import Scenario


@dataclass(frozen=True)
class Entry:
    path: Path
    scenario: Scenario | None
    error: str = ""

    @property
    def title(self) -> str:
        return self.scenario.title if self.scenario is not None else self.path.name


def scan(directory: Path) -> list[Entry]:
    """Every scenario file in ``directory`` (sorted by difficulty, then title); broken ones last."""
    entries = [load_entry(path) for path in sorted(directory.glob("*.yaml"))]
    return sorted(entries, key=lambda e: (e.scenario is None,
                                          e.scenario.difficulty if e.scenario else 0, e.title))


def load_entry(path: Path) -> Entry:
    try:
        return Entry(path, load_scenario(path))
    except UserError as exc:  # ScenarioError is a UserError: one clean message
        return Entry(path, None, str(exc))
    except OSError as exc:
        return Entry(path, None, f"{path}: {exc.strerror or exc}")


def shift_length(scenario: Scenario) -> str:
    """'3 h shift · about 12 min to play': game length and real length at normal speed."""
    shift = scenario.shift
    hours = shift.minutes / 60
    game = f"{hours:g} h shift" if hours == int(hours) else f"{shift.minutes} min shift"
    real = round(shift.minutes * shift.seconds_per_minute / 60)
    return f"{game} · about {max(real, 1)} min to play"
