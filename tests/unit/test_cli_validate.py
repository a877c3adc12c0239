"""`validate`, `schema` and `new` through the real command line entry point."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.cli import main
from game.scenario import load_scenario
from game.scenario.scaffold import REPO_ROOT, schema_reference
from game.scenario.schema import SCHEMA_FILE, schema_text

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scenarios"
MAPLE = FIXTURES / "valid" / "maple.yaml"
UNKNOWN_HOME = FIXTURES / "broken" / "unknown-home.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


# --- validate --------------------------------------------------------------------------


def test_validate_valid_file(capsys) -> None:
    assert run(capsys, "validate", str(MAPLE)) == (0, f"{MAPLE}: ok\n", "")


def test_validate_invalid_file_prints_its_errors(capsys) -> None:
    status, out, _ = run(capsys, "validate", str(UNKNOWN_HOME))
    assert status == 2
    assert out.splitlines() == [
        f"{UNKNOWN_HOME}:16:32: residents[0].home: unknown place 'porh' (did you mean 'porch'?)",
        " 16 |   - {id: ann, name: Ann, home: porh}",
        "    |                                ^"]


def test_validate_folder_lists_every_file(tmp_path: Path, capsys) -> None:
    (tmp_path / "nested").mkdir()
    shutil.copy(MAPLE, tmp_path / "a.yaml")
    shutil.copy(UNKNOWN_HOME, tmp_path / "nested" / "b.yml")
    (tmp_path / "notes.txt").write_text("not a scenario")
    status, out, _ = run(capsys, "validate", str(tmp_path))
    lines = out.splitlines()
    assert status == 2
    assert lines[0] == f"{tmp_path / 'a.yaml'}: ok"
    assert lines[1].startswith(f"{tmp_path / 'nested' / 'b.yml'}:16:32: residents[0].home:")
    assert lines[2].startswith(" 16 | ") and lines[3].endswith("^")
    assert len(lines) == 4


def test_validate_all_valid_folder_exits_0(tmp_path: Path, capsys) -> None:
    shutil.copy(MAPLE, tmp_path / "a.yaml")
    shutil.copy(FIXTURES / "valid" / "midnight.yaml", tmp_path / "b.yaml")
    status, out, _ = run(capsys, "validate", str(tmp_path))
    assert status == 0 and out.count(": ok\n") == 2


def test_validate_missing_file_and_empty_folder(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "gone.yaml"
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, _ = run(capsys, "validate", str(MAPLE), str(missing), str(empty))
    assert status == 2
    assert out.splitlines() == [f"{MAPLE}: ok", f"{missing}: no such file",
                                f"{empty}: no .yaml or .yml files in this folder"]


def test_validate_needs_a_path(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["validate"])
    assert exited.value.code == 2
    assert "FILE|DIR" in capsys.readouterr().err


def test_a_loader_bug_exits_1(capsys, monkeypatch) -> None:
    def broken(path: object) -> None:
        raise KeyError("bug")

    monkeypatch.setattr("game.commands.validate.load_scenario", broken)
    status, _, err = run(capsys, "validate", str(MAPLE))
    assert status == 1 and "internal error" in err


# --- schema ----------------------------------------------------------------------------


def test_schema_prints_the_shipped_schema(capsys) -> None:
    status, out, _ = run(capsys, "schema")
    assert status == 0
    assert out == SCHEMA_FILE.read_text(encoding="utf-8")
    assert json.loads(out)["title"] == "Front Porch scenario, format 2"


def test_schema_check_and_output(tmp_path: Path, capsys) -> None:
    assert run(capsys, "schema", "--check") == (0, f"{SCHEMA_FILE}: up to date\n", "")
    stale = tmp_path / "stale.json"
    stale.write_text(schema_text().replace("Run it before sharing", "An older schema"))
    status, out, _ = run(capsys, "schema", "--check", str(stale))
    assert status == 2 and "out of date" in out
    assert run(capsys, "schema", "-o", str(stale))[0] == 0
    assert stale.read_text(encoding="utf-8") == schema_text()
    status, _, err = run(capsys, "schema", "--check", str(tmp_path / "none.json"))
    assert status == 2 and "cannot read" in err


# --- new --------------------------------------------------------------------------------


def test_new_writes_a_starter_that_validates(tmp_path: Path, capsys) -> None:
    target = tmp_path / "Elm Street_2.yaml"
    status, out, _ = run(capsys, "new", str(target))
    assert status == 0 and "wrote" in out
    assert f"frontporch schema -o {tmp_path / 'scenario.schema.json'}" in out
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[:3] == [  # portable: a path beside the file, never this machine's
        "# yaml-language-server: $schema=scenario.schema.json",
        "# (no schema copy found near this file: write one beside it with",
        "#  python run_game.py schema -o scenario.schema.json)"]
    scenario = load_scenario(target)
    assert (scenario.id, scenario.title) == ("elm-street-2", "Elm Street 2")
    assert run(capsys, "validate", str(target))[0] == 0


def test_new_explains_every_section(tmp_path: Path, capsys) -> None:
    target = tmp_path / "explained.yaml"
    run(capsys, "new", str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    sections = [line.split(":")[0] for line in lines if line[:1].isalpha()]
    assert sections == ["format", "id", "title", "summary", "difficulty", "seed", "shift", "map",
                        "places", "residents", "ties", "calls", "events", "policies", "encounters",
                        "objectives", "tuning", "debrief"]
    for section in sections:
        index = next(k for k, line in enumerate(lines) if line.startswith(f"{section}:"))
        above, same = lines[index - 1], lines[index]
        assert above.startswith("#") or "#" in same or section in {"id", "title", "summary"}, section


def test_new_with_title_and_id(tmp_path: Path, capsys) -> None:
    target = tmp_path / "x.yml"
    assert run(capsys, "new", str(target), "--title", 'Oak: "the" #1 block', "--id", "oak-1")[0] == 0
    scenario = load_scenario(target)
    assert (scenario.id, scenario.title) == ("oak-1", 'Oak: "the" #1 block')


def test_new_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("precious")
    status, _, err = run(capsys, "new", str(target))
    assert status == 2
    assert err == f"frontporch: {target}: already exists; not overwriting it\n"
    assert target.read_text() == "precious"


@pytest.mark.parametrize(("name", "extra", "message"), [
    ("notes.txt", [], "scenario files end in .yaml or .yml"),
    ("x.yaml", ["--id", "Bad Id"], "--id 'Bad Id' is not a lowercase slug"),
    ("___.yaml", [], "cannot make an id from the file name '___.yaml'; pass --id"),
    ("missing/x.yaml", [], "does not exist"),
])
def test_new_refuses_bad_requests(name: str, extra: list[str], message: str, tmp_path: Path,
                                  capsys) -> None:
    status, _, err = run(capsys, "new", str(tmp_path / name), *extra)
    assert status == 2 and message in err
    assert not (tmp_path / name).exists()


def test_modeline_is_relative_inside_the_repo() -> None:
    assert schema_reference(REPO_ROOT / "scenarios" / "x.yaml") == "../schema/scenario.schema.json"
    assert schema_reference(REPO_ROOT / "a" / "b" / "x.yaml") == "../../schema/scenario.schema.json"


def test_modeline_outside_the_repo_points_at_the_nearest_copy(tmp_path: Path, capsys) -> None:
    """A class folder with the schema in it: every new file names it relatively, and
    the folder can be zipped and shared as it is."""
    (tmp_path / "schema").mkdir()
    assert run(capsys, "schema", "-o", str(tmp_path / "schema" / "scenario.schema.json"))[0] == 0
    (tmp_path / "week1").mkdir()
    target = tmp_path / "week1" / "oak.yaml"
    status, out, _ = run(capsys, "new", str(target))
    assert status == 0 and "schema -o" not in out
    first = target.read_text(encoding="utf-8").splitlines()[:2]
    assert first[0] == "# yaml-language-server: $schema=../schema/scenario.schema.json"
    assert not first[1].startswith("# (no schema")
    (tmp_path / "week1" / "scenario.schema.json").write_text("{}")
    assert schema_reference(target) == "scenario.schema.json"  # the nearest copy wins
