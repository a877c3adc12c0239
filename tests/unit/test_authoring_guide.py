"""Keeps docs/authoring.md honest.

The instructor's guide quotes real command output. These tests re-run it:

- every scenario in docs/examples/ (top level) validates;
- every console block marked ``<!-- check -->`` is run again, command by
  command, and must print exactly what the guide shows. Blocks marked
  ``<!-- check as TARGET = SOURCE -->`` first copy SOURCE to TARGET (the worked
  example's steps are saved in docs/examples/linden-steps/). Each block runs in
  a fresh folder holding an empty ``scenarios/``, a copy of docs/examples/ and schema/,
  so ``new scenarios/...`` works and paths print as the guide shows them;
- every file in docs/examples/broken/ is shown in the "common mistakes"
  section, with a snippet that really is in the file (as is every other
  snippet that names the example file it comes from);
- every ``python run_game.py ...`` command the guide mentions exists and takes
  the flags it is given;
- the tables built from game/tuning.py still match it;
- the worked example passes the balance rules the guide says it passes.
"""

from __future__ import annotations

import math
import re
import shlex
import shutil
import statistics
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from game.cli import COMMANDS, build_parser, main
from game.commands.simulate import simulate_runs
from game.scenario import load_scenario
from game.tuning import Tuning

REPO = Path(__file__).resolve().parents[2]
GUIDE = REPO / "docs" / "authoring.md"
EXAMPLES = REPO / "docs" / "examples"
BROKEN = EXAMPLES / "broken"
WORKED = EXAMPLES / "worked-example.yaml"
PROGRAM = ("python", "run_game.py")

_FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```[ \t]*$", re.S | re.M)
_CHECK = re.compile(r"<!-- check(?: as (\S+) = (\S+))? -->")


@dataclass(frozen=True)
class Block:
    lang: str
    body: str
    line: int  # 1-based line of the opening fence in the guide
    marker: re.Match[str] | None  # the <!-- check ... --> comment just above, if any

    def commands(self) -> list[tuple[str, str]]:
        """(command line after '$ ', expected output) pairs of a console block."""
        out: list[tuple[str, list[str]]] = []
        for line in self.body.splitlines():
            if line.startswith("$ "):
                out.append((line[2:], []))
            elif out:
                out[-1][1].append(line)
        return [(cmd, "\n".join(lines)) for cmd, lines in out]


@cache
def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


@cache
def blocks() -> tuple[Block, ...]:
    text = guide_text()
    found = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()].rstrip().splitlines()
        marker = _CHECK.fullmatch(before[-1].strip()) if before else None
        line = text.count("\n", 0, match.start()) + 1
        found.append(Block(match[1], match[2], line, marker))
    return tuple(found)


def checked_blocks() -> list[Block]:
    return [b for b in blocks() if b.marker is not None]


def program_args(command: str) -> list[str]:
    """``python run_game.py validate x.yaml`` -> ``['validate', 'x.yaml']``."""
    words = shlex.split(command)
    assert tuple(words[:2]) == PROGRAM, f"checked commands start with 'python run_game.py': {command}"
    return words[2:]


def run_block(block: Block, folder: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, str]]:
    """Run a checked block's commands in ``folder``; (command, expected, actual) for each."""
    shutil.copytree(EXAMPLES, folder / "docs" / "examples")
    shutil.copytree(REPO / "schema", folder / "schema")  # as in a checkout: `new` points at it
    (folder / "scenarios").mkdir()
    assert block.marker is not None
    target, source = block.marker.groups()
    if target is not None:
        shutil.copyfile(folder / source, folder / target)
    results = []
    for command, expected in block.commands():
        capsys.readouterr()
        main(program_args(command))
        out, err = capsys.readouterr()
        actual = "\n".join(line.rstrip() for line in (out + err).splitlines())
        results.append((command, expected.rstrip(), actual.rstrip()))
    return results


# --- the examples ----------------------------------------------------------------------


def test_the_guide_exists_and_has_checked_blocks() -> None:
    assert len(checked_blocks()) >= 20


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_validates(path: Path) -> None:
    scenario = load_scenario(path)  # raises ScenarioError, with every problem, if it does not
    assert scenario.residents and scenario.places, f"{path.name} loads but has an empty street"


def test_the_worked_example_is_there() -> None:
    assert WORKED.is_file()
    assert load_scenario(WORKED).id == "linden-street"


# --- quoted output --------------------------------------------------------------------


@pytest.mark.parametrize("block", checked_blocks(), ids=lambda b: f"guide-line-{b.line}")
def test_quoted_output_is_what_the_tools_print(block: Block, tmp_path: Path, capsys, monkeypatch) -> None:
    assert block.lang == "console", f"docs/authoring.md:{block.line}: checked blocks are console blocks"
    assert block.commands(), f"docs/authoring.md:{block.line}: a checked block needs a '$ ' command"
    monkeypatch.chdir(tmp_path)
    for command, expected, actual in run_block(block, tmp_path, capsys):
        assert actual == expected, (
            f"docs/authoring.md:{block.line}: `{command}` now prints something else; "
            f"paste the new output into the guide (and check the text around it still holds)"
        )


def test_every_broken_example_is_in_the_common_mistakes() -> None:
    shown = set()
    for block in checked_blocks():
        for command, _ in block.commands():
            args = program_args(command)
            if args[0] == "validate":
                shown.update(Path(a).name for a in args[1:] if a.startswith("docs/examples/broken/"))
    files = {p.name for p in BROKEN.glob("*.yaml")}
    assert len(files) >= 12
    assert files - shown == set(), "broken examples the guide never validates"
    assert shown - files == set(), "the guide validates broken examples that do not exist"


def test_quoted_snippets_are_really_in_their_files() -> None:
    snippets = 0
    for block in blocks():
        first, _, rest = block.body.partition("\n")
        if block.lang == "yaml" and first.startswith("# docs/examples/"):
            path = REPO / first[2:].strip()
            assert path.is_file(), f"docs/authoring.md:{block.line}: no file {path}"
            assert rest in path.read_text(encoding="utf-8"), (
                f"docs/authoring.md:{block.line}: this snippet is not in {path.name} any more"
            )
            snippets += 1
    assert snippets >= len(list(BROKEN.glob("*.yaml")))


# --- commands mentioned -------------------------------------------------------------------

_MENTION = re.compile(r"python run_game\.py((?: [^`\n|>]*)?)")
_MAKE = re.compile(r"make play ARGS=\"([^\"]*)\"")


def mentioned_commands() -> list[list[str]]:
    text = guide_text()
    found = [shlex.split(m[1]) for m in _MENTION.finditer(text)]
    found += [["play", *shlex.split(m[1])] for m in _MAKE.finditer(text)]
    return found


def test_the_guide_mentions_the_authoring_commands() -> None:
    used = {args[0] for args in mentioned_commands() if args}
    assert {"new", "validate", "schema", "simulate", "play", "report", "sessions"} <= used


@pytest.mark.parametrize("args", mentioned_commands(), ids=lambda a: " ".join(a) or "(bare)")
def test_every_command_the_guide_mentions_exists(args: list[str], capsys) -> None:
    if args and not args[0].startswith("-"):
        assert args[0] in COMMANDS, f"the guide mentions `run_game.py {args[0]}`, which does not exist"
        if len(args) == 1:
            return  # the command named in prose ("run `python run_game.py validate`")
    try:
        build_parser().parse_args(args)
    except SystemExit as exc:  # --help exits 0; a bad flag exits 2
        assert exc.code == 0, f"`python run_game.py {' '.join(args)}`: {capsys.readouterr().err}"


# --- numbers derived from game/tuning.py ----------------------------------------------------

_TUNING_ROW = re.compile(r"^\| `(\w+)` \| ([-\d.]+) \|", re.M)
_WINDOW_ROW = re.compile(r"^\| (\d+) min \| ([\d.]+) tiles \|", re.M)
_TRIP_ROW = re.compile(r"^\| (\d+) tiles \| ([\d.]+) min \| ([\d.]+) min \| ([\d.]+) min \|", re.M)


def test_tuning_defaults_quoted_in_the_guide_match_tuning_py() -> None:
    rows = _TUNING_ROW.findall(guide_text())
    assert len(rows) >= 12
    defaults = Tuning()
    for name, value in rows:
        assert hasattr(defaults, name), f"the guide names a tuning knob '{name}' that does not exist"
        assert math.isclose(getattr(defaults, name), float(value)), f"{name} is no longer {value}"


def test_walkable_window_table_matches_the_speeds() -> None:
    t = Tuning()
    rows = _WINDOW_ROW.findall(guide_text())
    assert len(rows) >= 5
    for window, tiles in rows:
        assert float(tiles) == pytest.approx(int(window) * t.walk_speed + t.arrival_radius, abs=0.05)


def test_trip_time_table_matches_the_speeds() -> None:
    t = Tuning()
    rows = _TRIP_ROW.findall(guide_text())
    assert len(rows) >= 5
    for tiles, foot, car, fetch in rows:
        d = int(tiles)
        assert float(foot) == pytest.approx(d / t.walk_speed, abs=0.05)
        assert float(car) == pytest.approx(d / t.car_speed, abs=0.05)
        assert float(fetch) == pytest.approx(10 / t.walk_speed + t.door_minutes + d / t.car_speed, abs=0.05)


# --- the worked example passes the balance rules ---------------------------------------------


@cache
def worked_runs(bot: str) -> list[dict]:
    return simulate_runs(load_scenario(WORKED), bot, first_seed=100, runs=4)


def worked_mean(bot: str, key: str) -> float:
    return statistics.fmean(r[key] for r in worked_runs(bot) if r[key] is not None)


def test_worked_example_is_balanced_like_the_shipped_scenarios() -> None:
    """The three rules of tests/integration/test_balance.py, as section 4 of the guide states them."""
    assert worked_mean("walk", "trust") >= worked_mean("car", "trust") + 5.0
    assert worked_mean("car", "mean_wait_minutes") < worked_mean("walk", "mean_wait_minutes")
    assert worked_mean("car", "calls_in_time") >= worked_mean("walk", "calls_in_time")
    assert worked_mean("balanced", "score") >= worked_mean("car", "score")
    assert worked_mean("balanced", "score") >= worked_mean("walk", "score")
