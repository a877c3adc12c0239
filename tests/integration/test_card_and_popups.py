"""With a resident's card open, toasts and trust pop-ups still show whole and on screen, beside or
above the card, at 1280×720 and at 2× text."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from ui_driver import text_scale

from game.app.scenes.play import PlayScene
from game.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SCREEN = (1280, 720)


def frames(play: PlayScene, n: int) -> None:
    surface = pygame.Surface(SCREEN)
    for _ in range(n):
        play.update(1 / 60)
        play.draw(surface)


def card_open(app, scale: float) -> PlayScene:
    """First Day's start with a resident's card open, at ``scale`` text."""
    text_scale(app, scale)
    play = PlayScene(app, load_scenario(SCENARIOS / "first-day.yaml"))
    play.selected = 0
    frames(play, 2)
    assert play.hud.layout.card.h > 0
    return play


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_toasts_show_whole_beside_or_above_an_open_card(app, scale):
    play = card_open(app, scale)
    play.toasts.show("Nobody close enough to talk to. Walk up to someone first.", "info")
    frames(play, 2)
    shown = play.toasts.shown
    assert shown, "every toast was hidden"  # where not all fit, the newest are the ones shown
    window = pygame.Rect((0, 0), SCREEN)
    for rect in shown:
        assert window.contains(rect)
        assert rect.collidelist(play.hud.panels()) == -1, f"a toast at {rect} lies under a HUD panel"


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_pop_up_where_the_card_is_moves_off_the_card(app, scale):
    play = card_open(app, scale)
    play.toasts.items.clear()  # the welcome has been read: the pop-ups come while talking
    card = play.hud.layout.card
    under_card = play.camera.to_world(card.centerx, card.centery)
    play.floaters.trust(3, "listened", under_card)
    play.floaters.trust(-2, "kept waiting", under_card)
    frames(play, 10)
    placed = play.floaters.placed
    assert len(placed) == 2
    window = pygame.Rect((0, 0), SCREEN)
    for rect in placed:
        assert window.contains(rect)
        assert not rect.colliderect(card), f"a pop-up at {rect} is hidden by the card {card}"
    assert not placed[0].colliderect(placed[1])
