"""Scenario text in any script draws as letters, right-to-left where it should, one line tall."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app.ui import fonts
from game.app.ui.text import Text

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def text() -> Text:
    pygame.font.init()
    return Text()


def pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGBA")


def test_the_bundled_font_ships_with_its_licence() -> None:
    assert fonts.BUNDLED_FONT.parent == REPO / "assets" / "fonts" and fonts.BUNDLED_FONT.is_file()
    licence = (fonts.BUNDLED_FONT.parent / "DejaVuSans-LICENSE.txt").read_text(encoding="utf-8")
    assert "Bitstream" in licence and "Permission is hereby granted, free of charge" in licence


@pytest.mark.parametrize(("first", "second"), [("א", "ב"), ("ش", "ع"), ("Ж", "Щ")])
def test_letters_of_other_scripts_are_glyphs_not_boxes(text: Text, first: str, second: str) -> None:
    a, b = (text.render(letter, "body", (255, 255, 255)) for letter in (first, second))
    assert pixels(a) != pixels(b)  # the missing-glyph box would be the same for both
    assert text.width(first, "body") == a.get_width() > 0


def test_hebrew_runs_right_to_left(text: Text) -> None:
    word = text.render("אב", "body", (255, 255, 255))
    alef = text.render("א", "body", (255, 255, 255))
    right = word.subsurface((word.get_width() - alef.get_width(), 0, alef.get_width(),
                             alef.get_height()))
    left = word.subsurface((0, 0, alef.get_width(), alef.get_height()))
    assert pixels(right) == pixels(alef) != pixels(left)


def test_arabic_letters_are_joined(text: Text) -> None:
    assert text.width("ممم", "body") != 3 * text.width("م", "body")  # shaped: initial, medial, final


def test_stacked_combining_marks_stay_inside_their_line(text: Text) -> None:
    zalgo = "Z" + "\u0301\u0316\u0317" * 30 + "alg\u0308\u0308\u0308o"
    surface = text.render(zalgo, "body", (255, 255, 255))
    assert surface.get_height() <= text.line_height("body")
    assert fonts.tame_marks(zalgo) == "Z\u0301\u0316alg\u0308\u0308o"
    assert all(text.render(line, "body", (255, 255, 255)).get_height() <= text.line_height("body")
               for line in text.wrap(zalgo, "body", 60))


def test_a_right_to_left_line_fits_and_wraps_like_any_other(text: Text) -> None:
    story = "הילדים משחקים בפארק כל ערב ליד החנות " * 4
    lines = text.wrap(story, "small", 300)
    assert len(lines) > 1 and all(text.width(line, "small") <= 300 for line in lines)
    fitted = text.fit(story, "small", 200)
    assert fitted.endswith("…") and text.width(fitted, "small") <= 200
