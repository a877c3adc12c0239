"""The camera: tile <-> window transforms, centring small maps, zoom steps, smooth follow."""

from __future__ import annotations

import pytest

from game.app.view.camera import TILE_SIZES, Camera


def test_to_screen_and_back_round_trip():
    cam = Camera((1280, 720), (100, 80), tile_px=32)
    cam.look_at(40.0, 30.0)
    for point in ((40.0, 30.0), (35.5, 27.25), (45.0, 33.0)):
        sx, sy = cam.to_screen(*point)
        wx, wy = cam.to_world(sx, sy)
        assert wx == pytest.approx(point[0], abs=1 / 32)
        assert wy == pytest.approx(point[1], abs=1 / 32)


def test_view_centre_shows_the_followed_tile_in_the_middle_of_the_window():
    cam = Camera((1280, 720), (100, 80), tile_px=32)
    cam.look_at(50.0, 40.0)
    assert cam.to_screen(50.0, 40.0) == (640, 360)


def test_a_map_smaller_than_the_window_is_centred_whatever_the_target():
    cam = Camera((1280, 720), (10, 5), tile_px=32)
    cam.look_at(0.0, 0.0)
    left, top = cam.origin
    assert left == pytest.approx((1280 - 320) / 2)
    assert top == pytest.approx((720 - 160) / 2)


def test_camera_never_shows_past_the_edge_of_a_big_map():
    cam = Camera((1280, 720), (200, 100), tile_px=32)
    cam.look_at(0.0, 0.0)
    assert cam.origin == (0.0, 0.0)
    cam.look_at(199.0, 99.0)
    left, top = cam.origin
    assert left + 200 * 32 == pytest.approx(1280)
    assert top + 100 * 32 == pytest.approx(720)


def test_zoom_walks_the_steps_and_stops_at_the_ends():
    cam = Camera((1280, 720), (50, 50), tile_px=TILE_SIZES[0])
    assert not cam.zoom(-1)
    sizes = [cam.tile_px]
    while cam.zoom(1):
        sizes.append(cam.tile_px)
    assert tuple(sizes) == TILE_SIZES


def test_follow_eases_toward_the_target_independently_of_frame_rate():
    a = Camera((640, 480), (200, 200), tile_px=32)
    b = Camera((640, 480), (200, 200), tile_px=32)
    a.look_at(50.0, 50.0)
    b.look_at(50.0, 50.0)
    for _ in range(60):
        a.follow(60.0, 50.0, 1 / 60)
    for _ in range(30):
        b.follow(60.0, 50.0, 1 / 30)
    assert 50.0 < a.cx < 60.0
    assert a.cx == pytest.approx(b.cx, abs=1e-6)


def test_fit_shows_a_small_map_whole_but_never_zooms_out_past_the_default():
    from game.app.view.camera import DEFAULT_TILE

    small = Camera((1920, 1080), (24, 12))
    small.fit()
    assert small.tile_px == TILE_SIZES[-1]
    tutorial = Camera((1280, 720), (24, 12))
    tutorial.fit()
    assert tutorial.tile_px == DEFAULT_TILE  # 24 x 48 px fits in 1280
    big = Camera((1280, 720), (200, 100))
    big.fit()
    assert big.tile_px == DEFAULT_TILE


def test_a_point_on_the_map_edge_is_kept_inside_the_clear_part_of_the_window():
    cam = Camera((1280, 720), (40, 16), tile_px=48)
    clear = (14, 75, 908, 593)  # left of a side column, between a top bar and a hint bar
    cam.keep_clear(clear)
    for point in ((39.0, 6.0), (0.0, 0.0), (39.0, 15.0), (20.0, 8.0)):
        cam.look_at(*point)
        sx, sy = cam.to_screen(*point)
        left, top, w, h = clear
        assert left + 48 <= sx <= left + w - 48 and top + 48 <= sy <= top + h - 48, point


def test_away_from_the_edges_the_map_still_fills_the_window():
    cam = Camera((1280, 720), (100, 80), tile_px=32)
    cam.keep_clear((14, 75, 908, 593))
    cam.look_at(50.0, 40.0)
    left, top = cam.origin
    assert left <= 0 and top <= 0 and left + 100 * 32 >= 1280 and top + 80 * 32 >= 720
    sx, _ = cam.to_screen(50.0, 40.0)
    assert sx == pytest.approx(14 + 908 / 2, abs=1)  # in the middle of the clear part, not the window
