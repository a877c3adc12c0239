"""Every rewritten `validate` message, as a whole, against its reviewed golden file."""

from __future__ import annotations

from pathlib import Path

import pytest
from goldens import expected, golden_inputs, render


def test_there_are_goldens_for_every_rewritten_message() -> None:
    names = {p.stem for p in golden_inputs()}
    assert {"quote-not-closed", "quote-not-closed-in-braces", "quote-never-closed", "apostrophe",
            "apostrophe-in-braces", "missing-dash", "first-item-without-dash", "utf-16",
            "priority-word", "number-1e308", "number-past-float", "warnings"} <= names
    for name in names:
        assert (Path(golden_inputs()[0].parent) / f"{name}.out").is_file(), name


@pytest.mark.parametrize("scenario", golden_inputs(), ids=lambda p: p.stem)
def test_message_matches_its_golden(scenario: Path) -> None:
    assert render(scenario) == expected(scenario), (
        f"validate's output for {scenario.name} changed; review it with "
        f"tests/golden/regenerate.py {scenario.stem}"
    )
