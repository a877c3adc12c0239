"""Render a preview sheet of the game's art to a PNG, for eyeballing changes without playing.

    python tools/art_preview.py --out out/art_preview.png

The sheet shows a sample street with every tile kind at zoom 1 in the late
afternoon, a 2x crop of its busiest corner, and the same street at sunset and
at night with the street lamps on. Runs headless (SDL dummy drivers).
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame

from game.app import art
from game.app.ui.fonts import font
from game.app.ui.palette import PALETTES, Palette
from game.scenario.model import GameMap

TILE = 32
LEGEND = {
    "H": "house",
    "P": "porch",
    "y": "yard",
    ".": "sidewalk",
    "#": "road",
    "S": "shop",
    "=": "park",
    "+": "church",
    "K": "school",
    "C": "car_spawn",
}
# Four blocks around a crossroads; every tile kind appears at least once.
_NW = ["yyyyyyyyyyy", "yHHyyHHHyHH", "yHHyyHHHyHH", "yyPyyyPyyPy", "yyyyyyyyyyy"]
_NE = ["yyyyy======", "yyyyy======", "yy+++y=====", "SS+++y=====", "SS+++y====="]
_SW = ["yyPyyyyPyyy", "yHHHyyHHHyy", "yHHHyyHHHyy", "yyyyyyyyyyy", "HHyyHHHyyHH", "HHyyHHHyyHH"]
_SE = ["KKKKyyPyyPy", "KKKKyHHHHHH", "KKKKyHHHHHH", "yyyyyyyyyyy", "=====yyyyyy", "=====yyyyyy"]


def sample_map() -> GameMap:
    rows = [a + ".##." + b for a, b in zip(_NW, _NE, strict=True)]
    rows.append("." * 12 + "##" + "." * 12)
    rows += ["#" * 26] * 2
    rows.append("." * 8 + "C" + "..." + "##" + "." * 12)
    rows += [a + ".##." + b for a, b in zip(_SW, _SE, strict=True)]
    return GameMap(LEGEND, tuple(rows))


def _at(x: float, y: float) -> tuple[float, float]:
    return (x * TILE, y * TILE)


# (id, tile x, tile y, facing in degrees (0 east, 90 south), trust, walking phase, scale)
PEOPLE = [
    ("loretta-jones", 6.5, 3.55, 90, 45, 0.0, 1.0),
    ("dre-walker", 1.5, 5.5, 0, 6, 0.25, 1.0),
    ("amira-haddad", 3.0, 5.45, 180, 24, 0.0, 1.0),
    ("sam-ortiz", 4.4, 5.5, 90, 40, 0.75, 1.0),
    ("june-park", 8.2, 5.5, 45, 58, 0.0, 1.0),
    ("walt-brooks", 9.6, 5.45, 135, 74, 0.5, 1.0),
    ("keisha-lee", 15.6, 5.55, 0, 88, 0.0, 1.0),
    ("tomas-reyes", 16.6, 5.5, 180, 97, 0.0, 1.0),
    ("grace-ng", 11.5, 2.5, 270, 63, 0.25, 1.0),
    ("kid-a", 22.4, 2.3, 30, 80, 0.25, 0.72),
    ("kid-b", 23.3, 3.1, 200, 70, 0.75, 0.72),
    ("kid-c", 22.0, 3.6, 300, 55, 0.5, 0.72),
    ("pastor-dan", 18.5, 5.6, 90, 82, 0.0, 1.0),
    ("ms-ferris", 14.5, 9.8, 270, 30, 0.5, 1.0),
    ("ray-okafor", 21.5, 9.5, 90, 18, 0.0, 1.0),
]
OFFICER = (6.5, 4.75, 270)  # on foot at Ms. Jones's steps, facing her
CAR = (18.2, 7.45, 0.0)  # heading east with lights on


def draw_world(
    surface: pygame.Surface,
    base: pygame.Surface,
    palette: Palette,
    t: float,
    minutes: float,
    lamps: list[tuple[float, float]],
) -> None:
    """World layer, then light, then the feedback that must stay readable at night."""
    surface.blit(base, (0, 0))
    art.draw_place_highlight(surface, pygame.Rect(6 * TILE, 3 * TILE, TILE, TILE), t, palette)
    crowd = [
        (_at(x, y), art.PersonLook.for_resident(rid), math.radians(deg), trust, phase, scale)
        for rid, x, y, deg, trust, phase, scale in PEOPLE
    ]
    crowd.append(
        (_at(OFFICER[0], OFFICER[1]), art.PersonLook.officer(), math.radians(OFFICER[2]), None, 0.0, 1.0)
    )
    art.draw_crowd(surface, crowd, palette)
    car_xy = _at(CAR[0], CAR[1])
    art.draw_patrol_car(surface, car_xy, CAR[2], lights_on=True, t=t, glow=False)
    art.apply_daylight(surface, minutes)
    art.draw_streetlights(surface, lamps, art.streetlight_strength(minutes), palette=palette)
    art.draw_light_glow(surface, car_xy, CAR[2], lights_on=True, t=t)
    art.draw_call_marker(surface, _at(15.5, 4.3), 1, t, palette)
    art.draw_call_marker(surface, _at(17.0, 13.6), 3, t + 0.4, palette)
    art.draw_name_tag(surface, _at(9.6, 5.45), "Walt Brooks", palette)
    for item in (
        art.FloatingText.trust_change(4, "listened", *_at(6.5, 3.3), start=0.0),
        art.FloatingText.trust_change(-9, "late to the call", *_at(18.2, 7.2), start=0.0),
        art.FloatingText("Story unlocked: Ms. Jones", *_at(11.5, 2.3), tone="info", start=0.0),
    ):
        art.draw_floating_text(surface, item, now=0.9, palette=palette)


def _label(sheet: pygame.Surface, text: str, pos: tuple[int, int], palette: Palette) -> None:
    label = font("body").render(text, True, palette.text)
    box = label.get_rect(topleft=pos).inflate(16, 8)
    box.topleft = pos
    panel = pygame.Surface(box.size, pygame.SRCALPHA)
    panel.fill(palette.panel)
    sheet.blit(panel, box)
    sheet.blit(label, (box.x + 8, box.y + 4))


def render_preview(palette: Palette) -> pygame.Surface:
    game_map = sample_map()
    base = art.render_map(game_map, TILE, palette)
    lamps = art.streetlight_positions(game_map, TILE)
    w, h = base.get_size()
    sheet = pygame.Surface((w * 2 + 12, h * 2 + 12))
    sheet.fill(palette.panel[:3])
    scenes = [
        ("16:45 afternoon", 16 * 60 + 45, (0, 0)),
        ("20:25 sunset", 20 * 60 + 25, (0, h + 12)),
        ("22:10 night, lamps on", 22 * 60 + 10, (w + 12, h + 12)),
    ]
    for text, minutes, pos in scenes:
        frame = pygame.Surface((w, h))
        draw_world(frame, base, palette, t=0.1, minutes=minutes, lamps=lamps)
        sheet.blit(frame, pos)
        _label(sheet, text, (pos[0] + 8, pos[1] + 8), palette)
        if pos == (0, 0):
            crop = frame.subsurface(pygame.Rect(TILE, TILE, w // 2, h // 2))
            sheet.blit(pygame.transform.scale_by(crop, 2), (w + 12, 0))
            _label(sheet, "2x crop of the afternoon", (w + 20, 8), palette)
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/art_preview.png"), help="PNG to write")
    parser.add_argument("--palette", choices=sorted(PALETTES), default="warm")
    args = parser.parse_args(argv)
    pygame.init()
    pygame.display.set_mode((1, 1))
    sheet = render_preview(PALETTES[args.palette])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(sheet, str(args.out))
    print(f"wrote {args.out} ({sheet.get_width()}x{sheet.get_height()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
