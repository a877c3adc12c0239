"""The drawing library: map painting, people, the car, light, feedback, palette and fonts (headless)."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import math
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.app import art
from game.app.art import parks, people, tiles
from game.app.art.layout import DOOR_PREFERENCE, Grid, front, in_carriageway, road_marks, split_rects
from game.app.ui import fonts
from game.app.ui.palette import (
    CLOTHING,
    COLORBLIND,
    PALETTES,
    UNIFORM,
    WARM,
    contrast_ratio,
    get_palette,
    readable_on,
    relative_luminance,
    trust_colour,
)
from game.scenario.model import TILE_KINDS, GameMap

REPO = Path(__file__).resolve().parents[2]
LEGEND = {
    "y": "yard",
    "H": "house",
    "P": "porch",
    ".": "sidewalk",
    "#": "road",
    "S": "shop",
    "=": "park",
    "+": "church",
    "K": "school",
    "C": "car_spawn",
}
ROWS = (
    "yyHHy.#.SS=",
    "yyPyy.#.SS=",
    "......#....",
    "###########",
    "......#C...",
    "++yKK.#.===",
)


@pytest.fixture(scope="module", autouse=True)
def _pygame() -> None:
    pygame.init()


def sample() -> GameMap:
    return GameMap(LEGEND, ROWS)


def changed_width(surface: pygame.Surface) -> int:
    """Width of the columns holding any non-black pixel."""
    columns = np.flatnonzero(pygame.surfarray.array3d(surface).any(axis=(1, 2)))
    return 0 if columns.size == 0 else int(columns[-1] - columns[0] + 1)


def distinct_colours(surface: pygame.Surface) -> int:
    pixels = pygame.surfarray.array3d(surface).reshape(-1, 3)
    return len(np.unique(pixels, axis=0))


# --- map -------------------------------------------------------------------------------


def test_render_map_has_the_map_size_and_real_texture() -> None:
    surface = art.render_map(sample(), tile_px=32)
    assert surface.get_size() == (11 * 32, 6 * 32)
    assert distinct_colours(surface) > 2000  # painted, not flat debug rectangles


def test_shops_carry_the_names_they_are_given() -> None:
    game_map = sample()
    shop = next((x, y) for y, row in enumerate(game_map.rows) for x, c in enumerate(row)
                if game_map.legend[c] == "shop")
    plain = pygame.surfarray.array3d(art.render_map(game_map, tile_px=32))
    named = pygame.surfarray.array3d(art.render_map(game_map, tile_px=32, signs={shop: "Ng's Deli"}))
    assert not np.array_equal(plain, named)
    rest = pygame.surfarray.array3d(art.render_map(game_map, tile_px=32, signs={(0, 0): "Nowhere"}))
    assert np.array_equal(plain, rest)  # a name on a tile that is not a shop changes nothing


@pytest.mark.parametrize("tile_px", [16, 24, 48])
def test_render_map_scales_with_tile_size(tile_px: int) -> None:
    assert art.render_map(sample(), tile_px=tile_px).get_size() == (11 * tile_px, 6 * tile_px)


@pytest.mark.parametrize("kind", TILE_KINDS)
def test_every_tile_kind_paints_something_of_its_own(kind: str) -> None:
    """A 3x3 patch of each kind on plain ground, next to a road, looks unlike the ground."""
    legend = {"k": kind, ".": "yard" if kind == "sidewalk" else "sidewalk", "#": "road"}
    rows = ("#######", ".......", "..kkk..", "..kkk..", "..kkk..", ".......")
    if kind == "car_spawn":
        rows = ("#######", "...k...", ".......", ".......", ".......", ".......")
    patch = art.render_map(GameMap(legend, rows), tile_px=32)
    plain = art.render_map(GameMap(legend, ("#######", *["......."] * 5)), tile_px=32)
    box = pygame.Rect(3 * 32, 3 * 32, 32, 32) if kind != "car_spawn" else pygame.Rect(3 * 32, 32, 32, 32)
    a = pygame.surfarray.array3d(patch.subsurface(box)).astype(float)
    b = pygame.surfarray.array3d(plain.subsurface(box)).astype(float)
    assert np.abs(a - b).mean() > 12, f"{kind} looks like the ground around it"
    assert a.std() > 2.5, f"{kind} is a flat fill"


def test_render_map_is_cached_and_deterministic() -> None:
    first = art.render_map(sample(), tile_px=32)
    assert art.render_map(sample(), tile_px=32) is first
    tiles._cache.clear()
    again = art.render_map(sample(), tile_px=32)
    assert again is not first
    assert np.array_equal(pygame.surfarray.array3d(first), pygame.surfarray.array3d(again))


def test_palettes_paint_different_maps_but_same_ground() -> None:
    warm = art.render_map(sample(), tile_px=16, palette=WARM)
    cb = art.render_map(sample(), tile_px=16, palette=COLORBLIND)
    assert warm is not cb
    assert warm.get_size() == cb.get_size()


def test_roads_know_which_way_they_run() -> None:
    rows = ("..#..", "..#..", "#####", "..#..", "..#..")
    marks = road_marks(Grid(GameMap({".": "sidewalk", "#": "road"}, rows)))
    assert marks.axis[(2, 2)] == "x"
    assert marks.axis[(0, 2)] == "h" and marks.axis[(4, 2)] == "h"
    assert marks.axis[(2, 0)] == "v" and marks.axis[(2, 4)] == "v"


def test_a_parking_bay_does_not_turn_the_road_into_a_junction() -> None:
    rows = ("....C....", "#########", ".........")
    grid = Grid(GameMap({".": "sidewalk", "#": "road", "C": "car_spawn"}, rows))
    assert road_marks(grid).axis[(4, 1)] == "h"
    assert not in_carriageway(grid, (4, 0))


def test_a_parking_space_in_the_road_keeps_the_lane_lines_running() -> None:
    rows = (".........", "C########", "####C####", ".........")
    grid = Grid(GameMap({".": "sidewalk", "#": "road", "C": "car_spawn"}, rows))
    assert in_carriageway(grid, (0, 1)) and in_carriageway(grid, (4, 2))  # map edge counts as road going on
    marks = road_marks(grid)
    assert marks.axis[(4, 2)] == "h" and marks.band[(0, 1)] == (1, 2)


def test_a_big_park_gets_a_real_play_area(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[float] = []
    original = parks.play_area
    monkeypatch.setattr(
        parks, "play_area", lambda p, centre, size: (sizes.append(size / p.t), original(p, centre, size))
    )
    rows = ("=======.", "=======.", "=======.", "=======.", "=======.", "........")
    art.render_map(GameMap({"=": "park", ".": "sidewalk"}, rows), tile_px=20)
    assert sizes and min(sizes) >= 0.6


def test_long_rows_of_houses_split_and_doors_face_the_porch() -> None:
    assert split_rects([(x, 0) for x in range(6)], 3) == [(0, 0, 3, 1), (3, 0, 3, 1)]
    grid = Grid(GameMap({"H": "house", "P": "porch", ".": "sidewalk"}, ("HH.", "P..", "...")))
    assert front(grid, (0, 0, 2, 1), DOOR_PREFERENCE) == ("s", (0, 0))


def test_minimap_is_one_block_per_tile() -> None:
    mini = art.render_minimap(sample(), px_per_tile=4)
    assert mini.get_size() == (44, 24)
    assert tuple(mini.get_at((6 * 4 + 1, 3 * 4 + 1)))[:3] == WARM.asphalt_light


def test_streetlights_stand_on_the_sidewalk_by_the_road() -> None:
    game_map = sample()
    lamps = art.streetlight_positions(game_map, 32)
    assert lamps
    for x, y in lamps:
        assert game_map.kind_at(int(x // 32), int(y // 32)) in ("sidewalk", "road")


# --- people ----------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [0.75, 1.0, 2.0])
def test_people_draw_at_every_facing_and_step(scale: float) -> None:
    surface = pygame.Surface((200, 200))
    look = art.PersonLook.for_resident("loretta-jones")
    facings: list = [k * math.tau / 16 for k in range(16)] + [(1, 1), (0, -3), (0, 0), -2.5]
    for facing in facings:
        for phase in (0.0, 0.3, 0.6, 0.9):
            surface.fill((0, 0, 0))
            rect = art.draw_person(surface, (100, 120), look, facing, scale, phase)
            assert rect.width > 10 * scale and rect.height > 18 * scale
            assert pygame.transform.average_color(surface, rect)[:3] != (0, 0, 0)


def test_people_turn_to_face_the_officer() -> None:
    look = art.PersonLook.for_resident("dre-walker")
    south, _ = art.person_sprite(look, math.pi / 2)
    north, _ = art.person_sprite(look, (0, -1))
    east, _ = art.person_sprite(look, 0.0)
    frames = [pygame.image.tobytes(s, "RGBA") for s in (south, north, east)]
    assert len(set(frames)) == 3
    assert art.person_sprite(look, 0.01)[0] is east  # quantised to the same octant, cached


def test_a_crowd_drawn_in_bulk_is_the_picture_of_drawing_each_person_in_turn() -> None:
    rng = np.random.default_rng(3)
    n = 60
    looks = [art.PersonLook.for_resident(f"bulk-{i % 45}") for i in range(n)] + [art.PersonLook.officer()]
    x, y = rng.uniform(0, 300, n + 1), rng.uniform(0, 200, n + 1)
    y[5] = y[6]  # a tie: the one given first is drawn first
    facing = rng.uniform(-math.pi, math.pi, n + 1)
    trust = np.append(rng.uniform(-5, 105, n), np.nan)  # out of range is clamped; NaN: no ring
    phase = np.where(rng.random(n + 1) < 0.5, rng.random(n + 1), 0.0)
    who = rng.permutation(n + 1)[:50]
    crowd = art.Crowd(looks)
    for _ in range(20):  # a few frames: walk frames are drawn a few per frame, standing ones first
        bulk = pygame.Surface((300, 200))
        crowd.draw(bulk, who, x[who], y[who], facing[who], trust[who], phase[who], 1.25, WARM)
    one_by_one = pygame.Surface((300, 200))
    art.draw_crowd(one_by_one, [((x[i], y[i]), looks[i], float(facing[i]),
                                 None if np.isnan(trust[i]) else float(trust[i]), float(phase[i]), 1.25)
                                for i in who.tolist()], WARM)
    assert pygame.image.tobytes(bulk, "RGB") == pygame.image.tobytes(one_by_one, "RGB")


def test_a_crowd_setting_off_at_once_gets_its_strides_over_a_few_frames() -> None:
    looks = [art.PersonLook.for_resident(f"crowd-{i}") for i in range(30)]
    crowd = art.Crowd(looks)
    who, x, y = np.arange(30), np.arange(30) * 10.0, np.full(30, 50.0)
    facing, trust, stride = np.zeros(30), np.full(30, 50.0), np.full(30, 0.3)

    def frame() -> bytes:
        surface = pygame.Surface((320, 100))
        crowd.draw(surface, who, x, y, facing, trust, stride, 1.0)
        return pygame.image.tobytes(surface, "RGB")

    expected = pygame.Surface((320, 100))
    art.draw_crowd(expected, [((x[i], y[i]), looks[i], 0.0, 50.0, 0.3, 1.0) for i in range(30)])
    crowd.draw(pygame.Surface((320, 100)), who, x, y, facing, trust, np.zeros(30), 1.0)  # all standing
    first = frame()
    frames = [frame() for _ in range(30 // people.NEW_POSES_PER_FRAME + 1)]
    assert first != pygame.image.tobytes(expected, "RGB")  # the frame did not stall drawing 30 strides
    assert frames[-1] == pygame.image.tobytes(expected, "RGB")


def test_prewarm_builds_every_facing_and_step_ahead_of_need() -> None:
    look = art.PersonLook.for_resident("prewarm-only")
    assert list(art.prewarm([look], scale=1.5)) == [look] * 32  # one step per sprite
    before = dict(people._sprites)
    for k in range(8):
        for phase in (0.0, 0.25, 0.5, 0.75):
            art.person_sprite(look, k * math.tau / 8, 1.5, phase)
    assert people._sprites == before  # nothing new had to be drawn


def test_resident_looks_are_deterministic_across_processes() -> None:
    code = "from game.app.art import PersonLook; print(PersonLook.for_resident('loretta-jones'))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1
    assert art.PersonLook.for_resident("loretta-jones") == art.PersonLook.for_resident("loretta-jones")


def test_residents_vary_and_the_officer_stands_apart() -> None:
    looks = [art.PersonLook.for_resident(f"resident-{i}") for i in range(60)]
    assert len({look.shirt for look in looks}) >= 8
    assert len({look.skin for look in looks}) >= 4
    assert len({look.hair_style for look in looks}) >= 4
    officer = art.PersonLook.officer()
    assert officer.uniform and officer.hair_style == "cap"
    assert all(math.dist(officer.shirt, c) > 60 for c in CLOTHING)
    assert officer.shirt == UNIFORM


def test_trust_ring_reads_by_arc_colour_and_pips() -> None:
    assert [art.trust_band(t) for t in (0, 34, 35, 64, 65, 100)] == [0, 0, 1, 1, 2, 2]

    def coloured_pixels(trust: float) -> int:
        sprite, _ = art.trust_ring_sprite(trust, WARM)
        rgb = pygame.surfarray.array3d(sprite).reshape(-1, 3).astype(int)
        alpha = pygame.surfarray.array_alpha(sprite).reshape(-1)
        target = np.array(trust_colour(trust, WARM))
        return int(((np.abs(rgb - target).sum(axis=1) < 40) & (alpha > 200)).sum())

    assert coloured_pixels(10) < coloured_pixels(50) < coloured_pixels(95)
    surface = pygame.Surface((40, 30))
    assert art.draw_trust_ring(surface, (20, 15), 50).width > 15


# --- car --------------------------------------------------------------------------------


def test_patrol_car_draws_at_every_heading_with_and_without_lights() -> None:
    surface = pygame.Surface((120, 120))
    for k in range(24):
        for lights in (False, True):
            surface.fill((0, 0, 0))
            rect = art.draw_patrol_car(surface, (60, 60), k * math.tau / 24, lights, t=k * 0.1)
            assert rect.width >= 18 and rect.height >= 18


def test_light_bar_alternates_with_time_and_can_hold_steady() -> None:
    states = {art.light_state(True, t) for t in (0.0, 0.1, 0.3, 0.4)}
    assert states == {"red", "blue"}
    assert art.light_state(False, 0.3) == "off"
    assert art.light_state(True, 0.3, flash=False) == "both"
    red, _ = art.car_sprite(0.0, "red")
    blue, _ = art.car_sprite(0.0, "blue")
    assert pygame.image.tobytes(red, "RGBA") != pygame.image.tobytes(blue, "RGBA")
    assert art.car_sprite(0.02, "red")[0] is red


# --- palette ----------------------------------------------------------------------------

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied in linear RGB.
CVD = {
    "protan": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deutan": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    "tritan": (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}


def simulate(colour: tuple[int, int, int], kind: str) -> tuple[int, int, int]:
    lin = np.array(
        [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
    )
    out = np.clip(np.array(CVD[kind]) @ lin, 0, 1)
    srgb = np.where(out <= 0.0031308, out * 12.92, 1.055 * out ** (1 / 2.4) - 0.055)
    return tuple(round(float(v) * 255) for v in srgb)


def test_luminance_and_contrast_follow_wcag() -> None:
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)
    assert relative_luminance((0, 0, 0)) == pytest.approx(0.0)
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_good_and_bad_differ_in_luminance_so_they_read_in_greyscale(palette) -> None:
    good, mid, bad = palette.trust_good, palette.trust_mid, palette.trust_bad
    assert relative_luminance(bad) < relative_luminance(mid) < relative_luminance(good)
    assert contrast_ratio(good, bad) >= 3.0
    assert readable_on(good, palette) == palette.text_dark
    assert readable_on(bad, palette) == palette.text
    assert contrast_ratio(palette.text, palette.panel[:3]) >= 7.0


@pytest.mark.parametrize("kind", list(CVD))
def test_colourblind_palette_stays_distinct_under_simulated_colour_blindness(kind: str) -> None:
    p = COLORBLIND
    assert contrast_ratio(simulate(p.trust_good, kind), simulate(p.trust_bad, kind)) >= 2.5
    for a, b in ((0, 1), (0, 2), (1, 2)):
        assert math.dist(simulate(p.priority[a], kind), simulate(p.priority[b], kind)) > 60


def test_colourblind_palette_changes_only_information_colours() -> None:
    assert get_palette("colorblind") is COLORBLIND and get_palette("nonsense") is WARM
    assert COLORBLIND.trust_good != WARM.trust_good and COLORBLIND.priority != WARM.priority
    assert COLORBLIND.grass == WARM.grass and COLORBLIND.roofs == WARM.roofs


# --- light ------------------------------------------------------------------------------


def test_daylight_follows_the_clock() -> None:
    assert art.daylight_tint(14 * 60)[3] == 0
    golden, sunset, night = (
        art.daylight_tint(19 * 60 + 15),
        art.daylight_tint(20 * 60 + 15),
        art.daylight_tint(23 * 60),
    )
    assert golden[0] > golden[2] and sunset[0] > sunset[2]  # warm
    assert night[2] > night[0]  # blue
    assert relative_luminance(art.daylight_multiplier(23 * 60)) < relative_luminance(
        art.daylight_multiplier(20 * 60)
    )
    steps = [art.daylight_multiplier(m) for m in range(0, 24 * 60 + 1)]
    assert max(math.dist(a, b) for a, b in pairwise(steps)) < 8  # no sudden jumps
    assert art.daylight_tint(25 * 60) == art.daylight_tint(60)


def test_streetlights_come_on_at_dusk_and_light_the_ground() -> None:
    assert art.streetlight_strength(15 * 60) == 0.0
    assert 0.0 < art.streetlight_strength(20 * 60 + 30) < 1.0
    assert art.streetlight_strength(23 * 60) == 1.0 and art.streetlight_strength(3 * 60) == 1.0
    surface = pygame.Surface((200, 200))
    surface.fill((40, 40, 60))
    art.apply_daylight(surface, 23 * 60)
    dark = tuple(surface.get_at((100, 100)))
    assert dark[:3] < (40, 40, 60)
    art.draw_streetlights(surface, [(150, 150)], 1.0, offset=(50, 50))
    assert sum(tuple(surface.get_at((100, 100)))[:3]) > sum(dark[:3]) + 60
    assert tuple(surface.get_at((5, 5))) == dark  # far from the lamp: untouched


# --- feedback ---------------------------------------------------------------------------


def test_floating_text_says_why_and_fades_out() -> None:
    good = art.FloatingText.trust_change(4, "listened", 100, 100, start=10.0)
    bad = art.FloatingText.trust_change(-9, "late to the call", 100, 100, start=10.0)
    assert (good.text, good.tone) == ("+4 trust · listened", "good")
    assert (bad.text, bad.tone) == ("\u22129 trust · late to the call", "bad")
    surface = pygame.Surface((300, 200))
    art.draw_floating_text(surface, good, now=11.0)
    assert changed_width(surface) > 60
    surface.fill((0, 0, 0))
    assert not good.alive(13.0)
    art.draw_floating_text(surface, good, now=13.0)
    assert changed_width(surface) == 0


@pytest.mark.parametrize("priority", [1, 2, 3])
def test_call_markers_highlights_and_name_tags_draw(priority: int) -> None:
    surface = pygame.Surface((200, 200))
    for t in (0.0, 0.37, 1.9):
        art.draw_call_marker(surface, (100, 120), priority, t, COLORBLIND)
        art.draw_place_highlight(surface, pygame.Rect(60, 60, 32, 32), t)
    assert art.draw_name_tag(surface, (100, 150), "Loretta Jones").width > 40
    assert changed_width(surface) > 40


# --- fonts ------------------------------------------------------------------------------


def test_fonts_are_cached_and_scale_between_one_and_two() -> None:
    assert fonts.font("body") is fonts.font("body", 1.0)
    assert fonts.clamp_text_scale(0.3) == 1.0 and fonts.clamp_text_scale(9) == 2.0
    heights = [fonts.line_height(role) for role in ("small", "body", "title")]
    assert heights == sorted(heights) and len(set(heights)) == 3
    assert fonts.line_height("body", 2.0) > 1.8 * fonts.line_height("body", 1.0)
    label = fonts.render_text("Maple Street", "title")
    assert fonts.render_text("Maple Street", "title") is label


# --- the preview tool -------------------------------------------------------------------


def test_art_preview_tool_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "preview.png"
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "art_preview.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    image = pygame.image.load(str(out))
    assert image.get_width() > 1000 and image.get_height() > 600
