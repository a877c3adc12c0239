"""Player settings that shape the front end: text size, palette, sound, pace and keys.

Kept in memory for the session (persisting them is a later issue). They never
reach the simulation: a colour-blind palette or a bigger font must not change
a shift's outcome, and the game speed only changes how many real seconds a
game minute lasts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0)
GAME_SPEEDS: tuple[float, ...] = (0.5, 1.0, 1.5, 2.0)  # multiplies the 1x/2x/4x time scale
PALETTE_NAMES: tuple[str, ...] = ("warm", "colorblind")
VOLUME_STEP = 0.1

# Command name -> keys that trigger it. Remappable: scenes look commands up here, never keys.
DEFAULT_KEYS: dict[str, tuple[int, ...]] = {
    "up": (pygame.K_w, pygame.K_UP),
    "down": (pygame.K_s, pygame.K_DOWN),
    "left": (pygame.K_a, pygame.K_LEFT),
    "right": (pygame.K_d, pygame.K_RIGHT),
    "interact": (pygame.K_e,),
    "car": (pygame.K_f,),
    "respond": (pygame.K_r,),
    "pause": (pygame.K_SPACE, pygame.K_p),
    "people": (pygame.K_TAB,),
    "speed1": (pygame.K_1,),
    "speed2": (pygame.K_2,),
    "speed4": (pygame.K_3,),
    "zoom_in": (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS),
    "zoom_out": (pygame.K_MINUS, pygame.K_KP_MINUS),
    "confirm": (pygame.K_RETURN, pygame.K_KP_ENTER),
    "back": (pygame.K_ESCAPE, pygame.K_BACKSPACE),
    "fullscreen": (pygame.K_F11,),
}


@dataclass
class Settings:
    text_scale: float = 1.0
    palette: str = "warm"
    volume: float = 0.7  # 0..1
    muted: bool = False
    game_speed: float = 1.0
    keys: dict[str, tuple[int, ...]] = field(default_factory=lambda: dict(DEFAULT_KEYS))

    def first_key(self, command: str) -> str:
        """The first key bound to a command as players write it ('E', 'Space'), for hints."""
        keys = self.keys.get(command, ())
        if not keys:
            return "?"
        name = pygame.key.name(keys[0])
        return name.upper() if len(name) == 1 else name.title()
