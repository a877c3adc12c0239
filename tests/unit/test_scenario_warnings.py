"""Warnings: each silent mistake in a valid file is named at its line, and never stops it loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.scenario import load_scenario, load_scenario_text
from game.scenario.warnings import WarningKind, scenario_warnings

REPO = Path(__file__).resolve().parents[2]
MAPLE = REPO / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"
BASE = MAPLE.read_text(encoding="utf-8")
ROAD_CUT = [("HHPH.####.HPHH", "HHPH.#.##.HPHH"), ("....C####....S", "....C#.##....S")]
SHIPPED = sorted((REPO / "scenarios").glob("*.yaml")) + sorted((REPO / "docs" / "examples").glob("*.yaml"))


def edited(edits: list[tuple[str, str]]) -> str:
    text = BASE
    for find, replace in edits:
        assert text.count(find) == 1, find
        text = text.replace(find, replace)
    return text


def warnings_after(edits: list[tuple[str, str]]) -> list[str]:
    scenario = load_scenario_text(edited(edits), "maple.yaml")
    return [warning.format("maple.yaml") for warning in scenario_warnings(scenario)]


DRE_PARK = '{from: "17:00", to: "19:00", at: park}'
CUT = "(the sidewalk at [6, 0] cuts the road: make it road to join the pieces)"
CASES = [
    ("road-cut", ROAD_CUT, [
        f"maple.yaml:17:12: warning[road-cut]: map.rows: the road at [7, 0] (4 tiles) is cut off from "
        f"the car's roads {CUT}",
        f"maple.yaml:47:34: warning[car-cannot-reach]: calls[0].place: the car cannot reach call 'c1' "
        f"at 'shop': its road [8, 1] is cut off from the car's roads {CUT}"]),
    ("event-kind", [("kind: kids_play", "kind: kids-play")], [
        "maple.yaml:49:68: warning[event-kind-typo]: events[0].kind: 'kids-play' is an ordinary event, "
        "not 'kids_play' (write kind: kids_play for what the game does at a kids_play event)"]),
    ("fraction", [("trust: 35 ", "trust: 0.62")], [
        "maple.yaml:29:12: warning[fraction-on-0-100-scale]: residents[0].trust: 0.62 on a 0..100 "
        "scale is almost nothing (if you meant a share of 1, write 62)"]),
    ("comment-cut", [("Ms. Jones that changed", "Ms. Jones #1 lesson that changed")], [
        "maple.yaml:88:40: warning[text-cut-by-comment]: debrief[0]: the text ends at 'What did you "
        "learn about Ms. Jones': YAML reads '#1 lesson that changed how ...' as a comment (if it "
        "belongs to the text, put the whole text in double quotes)"]),
    ("sexagesimal", [("trust: 35 ", "trust: 1:30")], [
        "maple.yaml:29:12: warning[yaml-1.1-number]: residents[0].trust: 1:30 is read as 90 (base 60, "
        "a YAML 1.1 rule editors do not follow) (write 90 if you mean it)"]),
    ("underscore", [("seed: 7", "seed: 1_000")], [
        "maple.yaml:9:7: warning[yaml-1.1-number]: seed: 1_000 is read as 1000 ('_' makes it a number "
        "only in YAML 1.1; editors read it as text) (write 1000 if you mean it)"]),
    ("schedule-order", [(DRE_PARK, '{from: "19:30", to: "20:00", at: park}')], [
        "maple.yaml:43:16: warning[schedule-out-of-order]: residents[1].schedule[1].from: starts at "
        "19:00, before the entry above it (from 19:30) (list a resident's schedule in time order)"]),
    ("schedule-overlap", [(DRE_PARK, '{from: "17:00", to: "19:30", at: park}')], [
        "maple.yaml:43:16: warning[schedule-overlap]: residents[1].schedule[1].from: starts at 19:00, "
        "before the entry above it ends at 19:30 (a resident is in one place at a time: make the "
        "entries follow each other)"]),
]


@pytest.mark.parametrize(("edits", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_warning(edits: list[tuple[str, str]], expected: list[str]) -> None:
    assert warnings_after(edits) == expected


@pytest.mark.parametrize("edits", [
    [("kind: kids_play", "kind: cookout")],  # a known kind
    [("kind: kids_play", "kind: street_party")],  # far from every known kind: an ordinary event
    [("trust: 35 ", "trust: 0")],  # no trust at all is a real starting point
    [("Ms. Jones that changed", "Ms. Jones  # a comment that changed")],  # a comment, not text
    [("  - What did you learn about Ms. Jones that changed how you answered the shop call?",
      '  - "What did you learn about Ms. Jones #1 lesson?"')],  # quoted: the '#' is text
], ids=["cookout", "other-kind", "zero-trust", "real-comment", "quoted-hash"])
def test_no_warning(edits: list[tuple[str, str]]) -> None:
    assert warnings_after(edits) == []


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_shipped_scenarios_have_no_warnings(path: Path) -> None:
    assert scenario_warnings(load_scenario(path)) == ()


def test_warnings_are_typed() -> None:
    (first, second) = scenario_warnings(load_scenario_text(edited(ROAD_CUT), "maple.yaml"))
    assert (first.kind, second.kind) == (WarningKind.ROAD_CUT, WarningKind.CAR_CANNOT_REACH)
    assert (second.line, second.column, second.path) == (47, 34, "calls[0].place")
    assert second.hint.startswith("the sidewalk at [6, 0]")


def test_validate_prints_warnings_with_the_line_and_exits_0_unless_strict(tmp_path: Path, capsys) -> None:
    target = tmp_path / "maple.yaml"
    target.write_text(edited([("trust: 35 ", "trust: 0.62")]), encoding="utf-8")
    assert main(["validate", str(target)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{target}:29:12: warning[fraction-on-0-100-scale]: residents[0].trust:")
    assert out[1:] == [" 29 |     trust: 0.62           # 0..100 at start",
                       "    |            ^",
                       f"{target}: ok (1 warning)"]
    assert main(["validate", "--strict", str(target)]) == 2
