"""HotReload: notices a saved file about once a second, loads valid content, explains invalid content."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from builders import street_scenario

from game.app.shift.reload import POLL_SECONDS, HotReload
from game.scenario import load_scenario

REPO = Path(__file__).resolve().parents[2]
MAPLE = REPO / "scenarios" / "maple-street-summer.yaml"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    copy = tmp_path / MAPLE.name
    shutil.copy(MAPLE, copy)
    return copy


def save(path: Path, text: str) -> None:
    """Write like an editor does, and make sure the stamp moves even on a coarse-clock file system."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def wait_a_poll(watch: HotReload):
    return watch.poll(POLL_SECONDS)


def test_nothing_happens_until_the_file_changes(path: Path):
    watch = HotReload(load_scenario(path))
    assert wait_a_poll(watch) is None and watch.error == []


def test_a_valid_edit_is_loaded_at_the_next_poll_only(path: Path):
    watch = HotReload(load_scenario(path))
    save(path, path.read_text().replace("title: Maple Street in July", "title: Maple Street in June"))
    assert watch.poll(POLL_SECONDS / 2) is None  # not yet time to look
    fresh = watch.poll(POLL_SECONDS / 2)
    assert fresh is not None and fresh.title == "Maple Street in June"


def test_an_invalid_edit_gives_the_validators_lines_with_file_line_and_column(path: Path):
    watch = HotReload(load_scenario(path))
    save(path, path.read_text().replace("home: jones-porch", "home: jones-porh"))
    assert wait_a_poll(watch) is None
    assert len(watch.error) == 1
    line = watch.error[0]
    assert line.startswith(f"{path}:") and "unknown place 'jones-porh'" in line
    assert line.split(":")[1].isdigit() and line.split(":")[2].isdigit()  # file:LINE:COL


def test_fixing_the_file_clears_the_error_and_loads_it(path: Path):
    good = path.read_text()
    watch = HotReload(load_scenario(path))
    save(path, good.replace("format: 2", "format: [2"))
    assert wait_a_poll(watch) is None and watch.error
    save(path, good.replace("title: Maple Street in July", "title: Maple Street, fixed"))
    fresh = wait_a_poll(watch)
    assert fresh is not None and fresh.title == "Maple Street, fixed" and watch.error == []


def test_saving_the_same_content_again_does_not_restart(path: Path):
    watch = HotReload(load_scenario(path))
    save(path, path.read_text())
    assert wait_a_poll(watch) is None and watch.error == []


def test_a_deleted_file_is_reported_and_its_return_reloads(path: Path):
    text = path.read_text()
    watch = HotReload(load_scenario(path))
    path.unlink()
    assert wait_a_poll(watch) is None
    assert watch.error == [f"{path}: no such file"]
    save(path, text.replace("title: Maple Street in July", "title: Back again"))
    fresh = wait_a_poll(watch)
    assert fresh is not None and fresh.title == "Back again"


def test_reload_reads_the_file_now_whatever_its_stamp(path: Path):
    watch = HotReload(load_scenario(path))
    fresh = watch.reload()
    assert fresh is not None and fresh.id == "maple-street-summer"


def test_scenarios_not_from_a_file_are_not_watched(path: Path):
    assert HotReload(street_scenario()).path is None
    assert HotReload(street_scenario()).poll(10 * POLL_SECONDS) is None
    assert HotReload(load_scenario(path), watch=False).path is None
