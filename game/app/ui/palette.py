"""Colours for the whole front end: a warm late-afternoon suburb, plus a colour-blind-safe variant.

Only colours that *carry information* (trust up/down, call priority, UI accents)
change between the two palettes; the world itself (grass, roofs, clothes) stays
natural in both, because nobody needs to tell two lawns apart. The informative
colours are chosen so that they also differ in luminance: good is light, bad is
dark, so the game still reads in greyscale and on a washed-out projector.

Resident looks are picked from fixed lists with ``zlib.crc32`` of the resident
id, never Python's ``hash`` (randomised per process), so the same resident wears
the same shirt in every run, replay and screenshot.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from game.tuning import TRUSTING_FROM, WARY_FROM

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
T = TypeVar("T")


@dataclass(frozen=True)
class Palette:
    """Every named colour the renderer uses; pass one instance down instead of globals.

    ``name`` identifies the palette in sprite caches, so give a new palette a new name.
    """

    name: str
    # ground
    grass: RGB
    grass_dark: RGB
    grass_light: RGB
    park_grass: RGB
    soil: RGB
    path: RGB
    path_edge: RGB
    asphalt: RGB
    asphalt_dark: RGB
    asphalt_light: RGB
    lane_paint: RGB
    white_paint: RGB
    sidewalk: RGB
    sidewalk_joint: RGB
    kerb: RGB
    gutter: RGB
    # buildings
    roofs: tuple[RGB, ...]
    doors: tuple[RGB, ...]
    door_frame: RGB
    brick: RGB
    flat_roof: RGB
    awning: RGB
    awning_light: RGB
    sign: RGB
    sign_text: RGB
    church_roof: RGB
    steeple: RGB
    gold: RGB
    school_roof: RGB
    glass: RGB
    wood: RGB
    wood_dark: RGB
    fence: RGB
    # greenery
    leaves: tuple[RGB, ...]
    leaf_light: RGB
    conifer: RGB
    flowers: tuple[RGB, ...]
    water: RGB
    sand: RGB
    mulch: RGB
    shadow: RGBA
    # light
    lamp: RGB
    lamp_glow: RGB
    # user interface
    panel: RGBA
    panel_edge: RGB
    text: RGB
    text_dim: RGB
    text_dark: RGB
    accent: RGB
    accent_alt: RGB
    # information colours (these differ between palettes)
    trust_good: RGB
    trust_mid: RGB
    trust_bad: RGB
    ring_track: RGBA
    priority: tuple[RGB, RGB, RGB]  # call priority 1 (most urgent), 2, 3
    highlight: RGB


WARM = Palette(
    name="warm",
    grass=(124, 160, 82),
    grass_dark=(96, 134, 66),
    grass_light=(160, 188, 100),
    park_grass=(110, 158, 84),
    soil=(126, 92, 66),
    path=(214, 190, 146),
    path_edge=(178, 152, 112),
    asphalt=(86, 84, 92),
    asphalt_dark=(64, 62, 70),
    asphalt_light=(110, 108, 114),
    lane_paint=(238, 204, 102),
    white_paint=(236, 232, 220),
    sidewalk=(208, 198, 180),
    sidewalk_joint=(176, 166, 150),
    kerb=(232, 224, 208),
    gutter=(52, 50, 58),
    roofs=(
        (178, 94, 70),  # terracotta
        (94, 106, 132),  # slate blue
        (84, 122, 130),  # weathered teal
        (134, 96, 76),  # cedar
        (138, 92, 110),  # plum
        (190, 152, 106),  # sand
        (92, 90, 98),  # charcoal
        (160, 76, 64),  # barn red
    ),
    doors=((116, 70, 48), (62, 98, 124), (156, 58, 54), (72, 112, 78), (214, 170, 72)),
    door_frame=(240, 232, 216),
    brick=(150, 86, 66),
    flat_roof=(172, 168, 160),
    awning=(198, 72, 62),
    awning_light=(246, 236, 214),
    sign=(46, 88, 76),
    sign_text=(248, 238, 210),
    church_roof=(116, 106, 132),
    steeple=(232, 226, 212),
    gold=(230, 190, 84),
    school_roof=(164, 104, 82),
    glass=(70, 96, 120),
    wood=(178, 126, 84),
    wood_dark=(138, 94, 62),
    fence=(244, 240, 230),
    leaves=((72, 118, 64), (88, 136, 70), (104, 146, 68), (80, 128, 84)),
    leaf_light=(150, 184, 96),
    conifer=(52, 98, 72),
    flowers=((236, 108, 120), (246, 206, 90), (248, 244, 236), (186, 132, 214), (240, 150, 70)),
    water=(98, 164, 204),
    sand=(228, 206, 152),
    mulch=(168, 108, 88),
    shadow=(36, 26, 48, 82),
    lamp=(255, 240, 200),
    lamp_glow=(255, 196, 120),
    panel=(32, 36, 50, 232),
    panel_edge=(96, 102, 128),
    text=(246, 240, 228),
    text_dim=(190, 184, 174),
    text_dark=(34, 30, 36),
    accent=(242, 178, 84),
    accent_alt=(104, 178, 196),
    trust_good=(140, 226, 156),
    trust_mid=(222, 160, 70),
    trust_bad=(178, 52, 44),
    ring_track=(28, 24, 34, 130),
    priority=((226, 78, 58), (238, 166, 58), (104, 176, 220)),
    highlight=(255, 226, 140),
)

# Okabe & Ito (2008) colours, lightened or darkened so that good/mid/bad keep
# a clear luminance order (light/medium/dark) as well as distinct hues.
COLORBLIND = replace(
    WARM,
    name="colorblind",
    accent=(230, 159, 0),  # orange
    accent_alt=(86, 180, 233),  # sky blue
    trust_good=(150, 210, 245),  # light sky blue
    trust_mid=(230, 159, 0),  # orange
    trust_bad=(170, 68, 0),  # dark vermillion
    priority=((213, 94, 0), (240, 228, 66), (0, 114, 178)),  # vermillion, yellow, blue
    highlight=(240, 228, 66),
)

PALETTES: dict[str, Palette] = {WARM.name: WARM, COLORBLIND.name: COLORBLIND}


def get_palette(name: str = "warm") -> Palette:
    """The palette a setting names; unknown names fall back to the warm one."""
    return PALETTES.get(name, WARM)


def _linear(channel: int) -> float:
    c = channel / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: Sequence[int]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour, 0 (black) .. 1 (white)."""
    r, g, b = colour[:3]
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: Sequence[int], b: Sequence[int]) -> float:
    """WCAG contrast ratio, 1 (identical) .. 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: Sequence[int], palette: Palette) -> RGB:
    """Light or dark text, whichever contrasts more with ``background``."""
    light, dark = palette.text, palette.text_dark
    return light if contrast_ratio(light, background) >= contrast_ratio(dark, background) else dark


def trust_colour(trust: float, palette: Palette) -> RGB:
    """Band colour for a trust value: bad below WARY_FROM, mid below TRUSTING_FROM, good above."""
    if trust < WARY_FROM:
        return palette.trust_bad
    if trust < TRUSTING_FROM:
        return palette.trust_mid
    return palette.trust_good


# --- resident looks ---------------------------------------------------------

CLOTHING: tuple[RGB, ...] = (
    (196, 86, 78),  # brick red
    (228, 142, 72),  # apricot
    (232, 196, 92),  # mustard
    (124, 170, 98),  # sage
    (64, 146, 134),  # teal
    (92, 138, 204),  # cornflower
    (122, 100, 176),  # violet
    (190, 106, 152),  # rose
    (238, 230, 212),  # cream
    (160, 118, 84),  # tan
    (214, 122, 118),  # coral
    (150, 176, 190),  # chambray
)
TROUSERS: tuple[RGB, ...] = (
    (72, 92, 134),  # denim
    (178, 158, 118),  # khaki
    (74, 72, 82),  # charcoal
    (112, 86, 66),  # brown
    (106, 112, 78),  # olive
    (54, 54, 64),  # black
)
SKIN_TONES: tuple[RGB, ...] = (
    (246, 214, 186),
    (234, 190, 150),
    (214, 160, 116),
    (178, 122, 84),
    (136, 90, 62),
    (98, 66, 48),
)
HAIR_COLOURS: tuple[RGB, ...] = (
    (38, 30, 30),  # black
    (78, 52, 36),  # dark brown
    (128, 84, 52),  # brown
    (198, 152, 92),  # blond
    (162, 78, 46),  # auburn
    (176, 174, 172),  # grey
    (232, 228, 222),  # white
)
HAIR_STYLES: tuple[str, ...] = ("short", "long", "bun", "curly", "bald")

# The officer's uniform; no resident colour above is close to these.
UNIFORM: RGB = (36, 54, 100)
UNIFORM_DARK: RGB = (26, 36, 70)
BADGE: RGB = (240, 200, 86)


def stable_pick(key: str, salt: str, options: Sequence[T]) -> T:
    """Pick from ``options`` by a stable hash of ``key`` (same answer in every process)."""
    return options[zlib.crc32(f"{salt}:{key}".encode()) % len(options)]
