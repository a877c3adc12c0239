"""Hostile and broken files: each is refused with one clean message, quickly."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
import yaml

import game.scenario.yamlnodes as yamlnodes
from game.scenario import MAX_FILE_BYTES, ScenarioError, load_scenario, load_scenario_text

MAPLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"


def refusal(data: bytes | str, tmp_path: Path) -> list[str]:
    """The error lines for a file with this content, named x.yaml in the messages."""
    path = tmp_path / "x.yaml"
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    return [line.replace(str(path), "x.yaml") for line in caught.value.lines()]


# --- size ----------------------------------------------------------------------------


def test_oversize_file_is_refused_from_stat_without_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing real to read

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.lines() == [
        f"{path}: file is 4,194,305 bytes; scenario files are limited to 4 MiB "
        "(4,194,304 bytes) (refused before parsing)"
    ]


def test_read_is_capped_when_stat_understates_the_size(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "grows.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    real_stat = os.stat
    small = os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 10, 0, 0, 0))
    monkeypatch.setattr(yamlnodes.os, "stat",
                        lambda p, *a, **k: small if p == path else real_stat(p, *a, **k))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert "file is 4,194,305 bytes" in str(caught.value)


def test_text_over_the_limit_is_refused() -> None:
    with pytest.raises(ScenarioError, match="limited to 4 MiB"):
        load_scenario_text("#" * (MAX_FILE_BYTES + 1))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_devices_are_not_read() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario("/dev/zero")
    assert caught.value.lines() == ["/dev/zero: not a regular file"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for target, message in ((tmp_path / "nope.yaml", "no such file"),
                            (tmp_path, "is a folder, not a scenario file")):
        with pytest.raises(ScenarioError) as caught:
            load_scenario(target)
        assert caught.value.lines() == [f"{target}: {message}"]


# --- aliases and depth ----------------------------------------------------------------


def billion_laughs(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for k in range(1, levels + 1):
        lines.append(f"a{k}: &a{k} [" + ", ".join([f"*a{k - 1}"] * 9) + "]")
    lines.append(f"debrief: *a{levels}")
    return "\n".join(lines) + "\n"


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    started = time.perf_counter()
    lines = refusal(billion_laughs(), tmp_path)
    assert time.perf_counter() - started < 1.0
    assert len(lines) == 1
    assert "aliases expand this document past 2,000,000 values (refused: this looks like an alias bomb)" \
        in lines[0]


def test_alias_bomb_shaped_like_a_scenario_is_refused(tmp_path: Path) -> None:
    base = MAPLE.read_text(encoding="utf-8")
    entries = ", ".join(['{from: "17:00", to: "19:00", at: park}'] * 2000)
    schedule = f"  - {{id: x, name: X, home: park, schedule: &s [{entries}]}}\n"
    many = "".join(f"  - {{id: r{k}, name: R, home: park, schedule: *s}}\n" for k in range(1200))
    text = base.replace("residents:\n", "residents:\n" + schedule + many, 1)
    lines = refusal(text, tmp_path)
    assert len(lines) == 1 and "alias bomb" in lines[0]


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    lines = refusal("debrief: &loop [*loop]\n", tmp_path)
    assert lines == ["x.yaml:1:10: an alias refers to a collection that contains it "
                     "(recursive data is not allowed)"]


def test_plain_aliases_still_work() -> None:
    base = MAPLE.read_text(encoding="utf-8")
    text = base.replace('schedule: [{from: "16:00", to: "20:00", at: jones-porch}]',
                        'schedule: &evening [{from: "16:00", to: "20:00", at: jones-porch}]')
    text = text.replace("    home: walker-porch\n    schedule:\n      - {from: \"17:00\", to: \"19:00\", "
                        "at: park}\n      - {from: \"19:00\", to: \"00:00\", at: walker-porch}   "
                        "# the shift's end counts as inside\n",
                        "    home: walker-porch\n    schedule: *evening\n")
    scenario = load_scenario_text(text)
    assert scenario.residents[1].schedule == scenario.residents[0].schedule


@pytest.mark.parametrize("text", ["[" * 100_000, "- " * 100_000 + "x", "a: {" * 50_000],
                         ids=["flow-lists", "block-lists", "flow-maps"])
def test_very_deep_nesting_is_one_clean_message(text: str, tmp_path: Path) -> None:
    lines = refusal(text, tmp_path)
    assert len(lines) == 1 and lines[0].startswith("x.yaml:1:")
    assert "YAML:" in lines[0]


def test_deep_nesting_with_the_pure_python_loader(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(yamlnodes, "LOADER", yaml.SafeLoader)
    lines = refusal("- " * 1500 + "x", tmp_path)
    assert lines == ["x.yaml: YAML: nested too deeply (scenarios need only a few levels)"]


# --- bytes, encodings and YAML errors ----------------------------------------------------


@pytest.mark.parametrize(("data", "expected"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
     "x.yaml:3:1: contains NUL bytes: this is a binary file, not YAML text (save scenarios as UTF-8 text)"),
    ("format: 1\n".encode("utf-16"),
     "x.yaml: this file is saved as UTF-16 text; scenarios are UTF-8 (save it again as UTF-8: in most "
     "editors Save As, then Encoding UTF-8)"),
    ("format: 1\nid: x\n".encode("utf-16-be"),  # no byte-order mark
     "x.yaml: this file is saved as UTF-16 text; scenarios are UTF-8 (save it again as UTF-8: in most "
     "editors Save As, then Encoding UTF-8)"),
    ("format: 1\ntitle: Caf\xe9\n".encode("latin-1"),
     "x.yaml:2:11: not UTF-8 text: byte 0xe9 cannot be decoded (save the file as UTF-8)"),
    (b"", "x.yaml: the file is empty (`frontporch new PATH` writes a starter)"),
    (b"# only a comment\n\n", "x.yaml: the file is empty (`frontporch new PATH` writes a starter)"),
    (b"- format: 1\n", "x.yaml:1:1: the top level must be a mapping of scenario fields, got a list "
                       "(start with lines such as 'format: 1', 'id: ...', 'title: ...')"),
    (b"just words\n", "x.yaml:1:1: the top level must be a mapping of scenario fields, "
                      "got text 'just words' "
                      "(start with lines such as 'format: 1', 'id: ...', 'title: ...')"),
    (b"format: 1\ntitle: [unclosed\nid: x\n",
     "x.yaml:3:3: YAML: did not find expected ',' or ']' (while parsing a flow sequence)"),
    (b"format: 1\n  id: x\n", "x.yaml:2:5: YAML: mapping values are not allowed in this context "
                               "(usually a ': ' inside text that needs quotes, or a line indented "
                               "further than the lines around it)"),
    (b"format: 1\n---\nformat: 1\n",
     "x.yaml:2:1: YAML: but found another document (expected a single document in the stream)"),
    (b"format: *nothing\n", "x.yaml:1:9: YAML: found undefined alias"),
    (b"format: 1\ntitle: a\x07b\n",
     "x.yaml:2:9: YAML: control characters are not allowed (character #x0007)"),
], ids=["png", "utf-16", "utf-16-no-bom", "latin-1", "empty", "comments-only", "top-list", "top-scalar",
        "unclosed", "bad-indent", "two-documents", "undefined-alias", "control-char"])
def test_unusable_bytes_give_one_clean_message(data: bytes, expected: str, tmp_path: Path) -> None:
    assert refusal(data, tmp_path) == [expected]


def test_python_tags_never_run(tmp_path: Path, monkeypatch) -> None:
    marker = tmp_path / "ran"
    monkeypatch.setattr(os, "system", lambda *a: pytest.fail("os.system was called"))
    lines = refusal(f'!!python/object/apply:os.system ["touch {marker}"]\n', tmp_path)
    assert lines == ["x.yaml:1:1: the top level must be a mapping of scenario fields, got a list "
                     "tagged '!!python/object/apply:os.system' (tags are not allowed: scenarios hold "
                     "plain data only)"]
    tagged_mapping = "!!python/object:os.Popen {args: [touch, x]}\n"
    assert refusal(tagged_mapping, tmp_path) == [
        "x.yaml:1:1: the top level must be a mapping of scenario fields, got a mapping tagged "
        "'!!python/object:os.Popen' "
        "(tags are not allowed: scenarios hold plain data only)"]
    assert not marker.exists()


def test_lone_surrogate_in_text() -> None:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text("title: \udc80\n", "t.yaml")
    assert caught.value.lines() == ["t.yaml: not valid Unicode text: surrogates not allowed"]


def test_byte_order_mark_and_windows_line_endings_are_fine() -> None:
    text = MAPLE.read_text(encoding="utf-8")
    scenario = load_scenario_text("\ufeff" + text.replace("\n", "\r\n"))
    assert scenario.map.rows[2] == "==========...."
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text("\ufeff" + text.replace("\n", "\r\n").replace("home: jones-porch", "home: x"))
    assert caught.value.diagnostics[0].line == 28
