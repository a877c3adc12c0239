"""HUD panels never overlap and stay inside the window, at 1280×720 and at 2× text."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game.app.ui.text import Text
from game.app.view.hud import layout


@pytest.fixture(autouse=True)
def fonts():
    pygame.font.init()
    yield


@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 640)])
@pytest.mark.parametrize("rows", [1, 2])
def test_panels_are_disjoint_and_on_screen(scale, size, rows):
    text = Text(scale)
    big = 10_000  # ask for more room than there is: panels must shrink, not spill
    lay = layout(size, text, (40, 16), rows, big, big, big)
    window = pygame.Rect((0, 0), size)
    panels = lay.panels()
    assert {"bar", "minimap", "hints"} <= set(panels)
    for name, rect in panels.items():
        assert window.contains(rect), name
    for (a, ra), (b, rb) in itertools.combinations(panels.items(), 2):
        assert not ra.colliderect(rb), f"{a} overlaps {b} at {size} x{scale}"
    assert not lay.toasts.colliderect(lay.calls)
    assert not lay.toasts.colliderect(lay.card)
