"""Fitting and wrapping text: exact results, in time linear in what fits, whatever the input."""

from __future__ import annotations

import time

import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.app.ui.text import Text


@pytest.fixture(scope="module")
def text() -> Text:
    pygame.font.init()
    return Text()


WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzMW ÄéשׁלוםÅ\u0301", max_size=300)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.integers(10, 500))
def test_fit_keeps_the_longest_prefix_that_fits(text: Text, sample: str, width: int) -> None:
    fitted = text.fit(sample, "body", width)
    if fitted == sample:
        assert text.width(sample, "body") <= width
        return
    assert fitted.endswith("…") and sample.startswith(fitted[:-1])
    kept = len(fitted) - 1
    assert text.width(fitted, "body") <= width or kept == 0
    longer = sample[:kept + 1].rstrip()
    if kept + 1 <= len(sample) and len(longer) > kept:
        assert text.width(longer + "…", "body") > width


@settings(max_examples=60, deadline=None)
@given(WORDS, st.integers(20, 500))
def test_wrapped_lines_fit_and_keep_every_character(text: Text, sample: str, width: int) -> None:
    lines = text.wrap(sample, "body", width)
    assert all(text.width(line, "body") <= width or len(line) == 1 for line in lines)
    assert "".join(lines).replace(" ", "") == sample.replace(" ", "")


def test_huge_texts_lay_out_in_a_fraction_of_a_second(text: Text) -> None:
    name = "x" * 1_000_000
    start = time.perf_counter()
    fitted = text.fit(name, "title", 300)
    assert time.perf_counter() - start < 0.2
    assert fitted.endswith("…") and 3 < len(fitted) < 100
    start = time.perf_counter()
    lines = text.wrap("y" * 20_000, "body", 300)
    assert time.perf_counter() - start < 1.0
    assert "".join(lines) == "y" * 20_000 and len(lines) > 100


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["small", "body", "title", "display"]),
                          st.floats(0.5, 3.0)), min_size=1, max_size=12))
def test_line_heights_follow_the_text_scale_through_every_change(asked):
    pygame.font.init()
    text = Text()
    for size, scale in asked:
        text.set_scale(scale)
        assert text.line_height(size) == text.font(size).get_linesize()
        assert text.line_height(size) == text.render("Ag", size, (255, 255, 255)).get_height()
