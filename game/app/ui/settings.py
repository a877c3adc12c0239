"""Player settings that shape the front end: text size, palette, motion, sound, pace and keys.

``game.app.ui.settings_file`` keeps them on disk between runs. They never reach
the simulation: a colour-blind palette or a bigger font must not change a
shift's outcome, and the game speed only changes how many real seconds a game
minute lasts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.app.ui.input import KEYBOARD, PAD_PROMPTS, input_device

Keys = dict[str, tuple[int, ...]]  # command name -> the keys that trigger it, the prompted one first

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0)
GAME_SPEEDS: tuple[float, ...] = (0.5, 1.0, 1.5, 2.0)  # multiplies the 1x/2x/4x time scale
PALETTE_NAMES: tuple[str, ...] = ("warm", "colorblind")
VOLUME_STEP = 0.1

# Command name -> keys that trigger it. Remappable: scenes look commands up here, never keys.
DEFAULT_KEYS: Keys = {
    "up": (pygame.K_w, pygame.K_UP),
    "down": (pygame.K_s, pygame.K_DOWN),
    "left": (pygame.K_a, pygame.K_LEFT),
    "right": (pygame.K_d, pygame.K_RIGHT),
    "interact": (pygame.K_e,),
    "car": (pygame.K_f,),
    "respond": (pygame.K_r,),
    "pause": (pygame.K_SPACE, pygame.K_p),
    "people": (pygame.K_TAB,),
    "feed": (pygame.K_l,),
    "speed1": (pygame.K_1,),
    "speed2": (pygame.K_2,),
    "speed4": (pygame.K_3,),
    "zoom_in": (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS),
    "zoom_out": (pygame.K_MINUS, pygame.K_KP_MINUS),
    "confirm": (pygame.K_RETURN, pygame.K_KP_ENTER),
    "back": (pygame.K_ESCAPE, pygame.K_BACKSPACE),
    "fullscreen": (pygame.K_F11,),
    "reload": (pygame.K_F5,),
}
# What each command does, in the words the key-remapping screen and its messages use.
COMMAND_LABELS: dict[str, str] = {
    "up": "Move up",
    "down": "Move down",
    "left": "Move left",
    "right": "Move right",
    "interact": "Talk / join in",
    "car": "Park and walk / get in",
    "respond": "Respond to a call",
    "pause": "Pause",
    "people": "People you have met",
    "feed": "Show / hide what happened",
    "speed1": "Time at 1x",
    "speed2": "Time at 2x",
    "speed4": "Time at 4x",
    "zoom_in": "Zoom in",
    "zoom_out": "Zoom out",
    "confirm": "Choose in menus",
    "back": "Back / close",
    "fullscreen": "Full screen",
    "reload": "Reload scenario file",
}
SHORT_KEY_NAMES = {"Return": "Enter", "Escape": "Esc"}  # SDL's names, where players say it shorter
KEYPAD = "Keypad "  # SDL's prefix for number-pad keys, shown as "Num "


def key_label(key: int) -> str:
    """A key as players write it: 'E', 'Space', 'Enter', 'F5', 'Num +'."""
    name = pygame.key.name(key, use_compat=False)
    if name.startswith(KEYPAD):
        name = "Num " + name.removeprefix(KEYPAD)
    return SHORT_KEY_NAMES.get(name, name) or f"key {key}"


@dataclass
class Settings:
    text_scale: float = 1.0
    palette: str = "warm"
    reduced_motion: bool = False  # no camera easing, rising text, flashing lights or pulsing markers
    volume: float = 0.7  # 0..1
    muted: bool = False
    game_speed: float = 1.0
    # Instructors of a first-day class: show each choice's procedural-justice tones before it is
    # made. Off, a scripted scene is a judgment, not a quiz; the tones show after the answer.
    show_tags: bool = False
    keys: Keys = field(default_factory=lambda: dict(DEFAULT_KEYS))
    # Not a setting and never saved: where the last input came from, so prompts name what
    # the player is holding. It lives here because every prompt already asks ``first_key``.
    device: str = field(default=KEYBOARD, compare=False)

    def first_key(self, command: str) -> str:
        """What to press for a command, for hints: the pad button after pad input ('A', 'Start'),
        else the first key bound to it ('E', 'Space'); a command the pad lacks shows its key."""
        if self.device != KEYBOARD and command in PAD_PROMPTS:
            return PAD_PROMPTS[command]
        keys = self.keys.get(command, ())
        return key_label(keys[0]) if keys else "?"

    def follow_input(self, event: pygame.event.Event) -> None:
        """Switch prompts to the device this event came from (if it tells)."""
        self.device = input_device(event) or self.device


def rebind(keys: Keys, command: str, key: int) -> tuple[Keys, str]:
    """Make ``key`` the first (prompted) key of ``command``; the new map and what changed, in words.

    The key it replaces is given up. A key can mean one thing only, so ``key``
    leaves any other command; a command that would be left with no key at all
    takes the one given up (a swap), so nothing ever becomes unreachable.
    """
    new = dict(keys)
    old = keys.get(command, ())
    label, name = COMMAND_LABELS.get(command, command), key_label(key)
    if old and old[0] == key:
        return new, f"{name} already means '{label}'."
    given_up = old[0] if old and key not in old else None
    new[command] = (key, *(k for k in old if k not in (key, given_up)))
    message = f"{name} now means '{label}'."
    for other, bound in keys.items():
        if other == command or key not in bound:
            continue
        rest = tuple(k for k in bound if k != key)
        other_label = COMMAND_LABELS.get(other, other)
        if not rest and given_up is not None:
            rest = (given_up,)
            message += f" '{other_label}' moved to {key_label(given_up)}."
        else:
            message += f" It no longer means '{other_label}'."
        new[other] = rest
    return new, message
