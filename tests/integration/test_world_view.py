"""The map on screen at every zoom: rescaled near the camera only, looking like the whole map rescaled."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from builders import LEGEND, STREET_ROWS, street_scenario

from game.app.art import render_map
from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.play import PlayScene
from game.app.view import world_view
from game.app.view.camera import TILE_SIZES
from game.scenario.model import GameMap

LONG_STREET = GameMap(LEGEND, tuple(row * 8 for row in STREET_ROWS))  # 240 tiles: many screens at 64 px


@pytest.fixture
def play():
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=10))
    assert isinstance(game.scene, PlayScene)
    yield game.scene
    pygame.display.quit()


@pytest.mark.parametrize("tile_px", [t for t in TILE_SIZES if t != world_view.BASE_TILE])
def test_a_zoomed_map_is_the_whole_map_rescaled_to_within_a_shade(play, tile_px):
    camera, world = play.camera, play.world
    camera.tile_px = tile_px
    camera.look_at(camera.map_w / 3, camera.map_h / 2)
    drawn = pygame.Surface((camera.view_w, camera.view_h))
    world._draw_map(drawn, camera, play.app.palette)
    base = render_map(play.sim.scenario.map, world_view.BASE_TILE, play.app.palette,
                      signs={p.at: p.name for p in play.sim.scenario.places if p.kind == "shop"})
    whole = pygame.transform.smoothscale(base, (camera.map_w * tile_px, camera.map_h * tile_px))
    expected = pygame.Surface(drawn.get_size())
    expected.blit(whole, camera.origin)
    a = pygame.surfarray.array3d(drawn).astype(int)
    b = pygame.surfarray.array3d(expected).astype(int)
    difference = np.abs(a - b)
    assert difference.mean() < 1.5  # the same picture: edges may land a fraction of a pixel apart
    assert np.percentile(difference, 99) < 40


def test_scrolling_a_zoomed_map_keeps_a_few_screens_of_it():
    game = Game(LaunchOptions(scenario=street_scenario(map=LONG_STREET), scene="play", frames=10))
    play = game.scene
    assert isinstance(play, PlayScene)
    camera, world = play.camera, play.world
    camera.tile_px = max(TILE_SIZES)
    screen = pygame.Surface((camera.view_w, camera.view_h))
    for x in np.linspace(0, camera.map_w, 12):
        for y in np.linspace(0, camera.map_h, 6):
            camera.look_at(float(x), float(y))
            world._draw_map(screen, camera, play.app.palette)
    kept = sum(p.get_width() * p.get_height() for p in world._chunks.values())
    whole = camera.map_w * camera.map_h * camera.tile_px ** 2
    assert 0 < kept <= world_view.CHUNK_SCREENS * camera.view_w * camera.view_h < whole
    pygame.display.quit()
