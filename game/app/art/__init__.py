"""Everything the game draws, made in code: map tiles, people, the patrol car, light and feedback.

Import from here; the submodules are implementation detail and may be reshuffled.
"""

from game.app.art.fx import (
    FloatingText,
    draw_call_marker,
    draw_floating_text,
    draw_name_tag,
    draw_place_highlight,
    floating_text_rect,
)
from game.app.art.lighting import (
    apply_daylight,
    daylight_multiplier,
    daylight_tint,
    draw_streetlights,
    streetlight_strength,
)
from game.app.art.people import (
    Crowd,
    PersonLook,
    draw_crowd,
    draw_person,
    draw_trust_ring,
    person_sprite,
    prewarm,
    trust_band,
    trust_ring_sprite,
)
from game.app.art.tiles import MapArt, map_art, render_map, render_minimap, streetlight_positions
from game.app.art.vehicles import car_sprite, draw_light_glow, draw_patrol_car, light_state

__all__ = [
    "Crowd",
    "FloatingText",
    "MapArt",
    "PersonLook",
    "apply_daylight",
    "car_sprite",
    "daylight_multiplier",
    "daylight_tint",
    "draw_call_marker",
    "draw_crowd",
    "draw_floating_text",
    "draw_light_glow",
    "draw_name_tag",
    "draw_patrol_car",
    "draw_person",
    "draw_place_highlight",
    "draw_streetlights",
    "draw_trust_ring",
    "floating_text_rect",
    "light_state",
    "map_art",
    "person_sprite",
    "prewarm",
    "render_map",
    "render_minimap",
    "streetlight_positions",
    "streetlight_strength",
    "trust_band",
    "trust_ring_sprite",
]
