"""The map on screen at every zoom: rescaled near the camera only, looking like the whole map rescaled."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pygame
import pytest
from builders import LEGEND, STREET_ROWS, street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from game.app.art import map_art, render_map
from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.play import PlayScene
from game.app.view import world_view
from game.app.view.camera import TILE_SIZES
from game.scenario.loader import load_scenario
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
    expected.fill(play.app.palette.grass_dark)  # the ground around the map
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


SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"


@pytest.mark.parametrize("name", ["first-day", "eastside-neighborhood"])
def test_a_map_painted_a_region_at_a_time_is_the_whole_painting(name):
    game_map = load_scenario(SHIPPED / f"{name}.yaml").map
    whole = pygame.surfarray.array3d(render_map(game_map, world_view.BASE_TILE))
    art = map_art(game_map, world_view.BASE_TILE)
    t = world_view.BASE_TILE
    regions = [(0, 0, 5, 4), (3, 2, 7, 6), (game_map.width - 6, game_map.height - 5, 6, 5),
               (game_map.width // 2, 0, 1, game_map.height)]
    for x, y, w, h in regions:
        painted = pygame.surfarray.array3d(art.paint((x, y, w, h)))
        assert np.array_equal(painted, whole[x * t:(x + w) * t, y * t:(y + h) * t]), (x, y, w, h)


def _screen_from_whole(play, camera) -> np.ndarray:
    """The map on screen as the whole painting would put it (zoomed: rescaled in margined chunks)."""
    shops = {p.at: p.name for p in play.sim.scenario.places if p.kind == "shop"}
    whole = render_map(play.sim.scenario.map, world_view.BASE_TILE, play.app.palette, signs=shops)
    screen = pygame.Surface((camera.view_w, camera.view_h))
    screen.fill(play.app.palette.grass_dark)  # the ground around the map
    t, base, n = camera.tile_px, world_view.BASE_TILE, world_view.CHUNK_TILES
    origin = tuple(int(v) for v in camera.origin)
    if t == base:
        screen.blit(whole, origin)
        return pygame.surfarray.array3d(screen)
    gw, gh, m = camera.map_w, camera.map_h, world_view.CHUNK_MARGIN
    for y0 in range(0, gh, n):
        for x0 in range(0, gw, n):
            x1, y1 = min(gw, x0 + n), min(gh, y0 + n)
            mx0, my0, mx1, my1 = max(0, x0 - m), max(0, y0 - m), min(gw, x1 + m), min(gh, y1 + m)
            source = whole.subsurface(pygame.Rect(mx0 * base, my0 * base, (mx1 - mx0) * base,
                                                  (my1 - my0) * base))
            scaled = pygame.transform.smoothscale(source, ((mx1 - mx0) * t, (my1 - my0) * t))
            piece = scaled.subsurface(pygame.Rect((x0 - mx0) * t, (y0 - my0) * t, (x1 - x0) * t,
                                                  (y1 - y0) * t))
            screen.blit(piece, (origin[0] + x0 * t, origin[1] + y0 * t))
    return pygame.surfarray.array3d(screen)


@pytest.mark.parametrize("tile_px", [world_view.BASE_TILE, 32, 64])
def test_the_screen_painted_in_chunks_matches_the_whole_painting_pixel_for_pixel(tile_px, tmp_path):
    game = Game(LaunchOptions(scenario=street_scenario(map=LONG_STREET), scene="play", frames=10))
    play = game.scene
    assert isinstance(play, PlayScene)
    camera, world = play.camera, play.world
    camera.tile_px = tile_px
    for x, y in ((0.0, 0.0), (camera.map_w * 0.55, camera.map_h / 2), (camera.map_w, camera.map_h)):
        camera.look_at(x, y)
        drawn = pygame.Surface((camera.view_w, camera.view_h))
        world._draw_map(drawn, camera, play.app.palette)
        pygame.image.save(drawn, tmp_path / "chunks.png")  # compared as saved, the way a screenshot is
        shot = pygame.surfarray.array3d(pygame.image.load(tmp_path / "chunks.png"))
        assert np.array_equal(shot, _screen_from_whole(play, camera)), (tile_px, x, y)
    pygame.display.quit()


@given(st.integers(-300, 300), st.integers(-300, 300), st.integers(0, 500), st.integers(0, 400))
@settings(max_examples=60, deadline=None)
def test_the_ground_is_filled_around_the_map_and_nowhere_under_it(x, y, w, h):
    surface = pygame.Surface((160, 120))
    surface.fill((1, 2, 3))
    inner = pygame.Rect(x, y, w, h)
    world_view.fill_around(surface, inner, (200, 100, 50))
    pixels = pygame.surfarray.array3d(surface)  # indexed [x, y]
    under = np.zeros((160, 120), dtype=bool)
    covered = inner.clip(surface.get_rect())
    under[covered.left:covered.right, covered.top:covered.bottom] = True
    assert (pixels[under] == (1, 2, 3)).all()
    assert (pixels[~under] == (200, 100, 50)).all()
