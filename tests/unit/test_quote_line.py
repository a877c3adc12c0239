"""The quoted source line under an error: the caret stays under the character it names."""

from __future__ import annotations

from game.scenario.errors import MAX_QUOTED_CHARS, quote_line


def test_caret_under_the_column() -> None:
    assert quote_line("a: 1\ntrust: 101\n", 2, 8) == [" 2 | trust: 101", "   |        ^"]


def test_tabs_and_control_characters_take_one_column_each() -> None:
    (line, caret) = quote_line("\tname: a\x07b\n", 1, 10)
    assert line == " 1 |  name: a\ufffdb"
    assert caret.index("^") - caret.index("|") == line.index("b") - line.index("|")


def test_a_long_line_is_cut_around_the_caret() -> None:
    text = "x: " + "a" * 300 + "B" + "c" * 300
    line, caret = quote_line(text, 1, 304)
    assert len(line) < MAX_QUOTED_CHARS + 20 and line.startswith(" 1 | ...")
    assert line[caret.index("^")] == "B"


def test_no_quote_without_a_position_or_text() -> None:
    assert quote_line("a: 1\n", None, None) == []
    assert quote_line("a: 1\n", 9, 1) == []
    assert quote_line("", 1, 1) == []
