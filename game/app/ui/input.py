"""From raw pygame events to named commands: keyboard, gamepad and the direction being pushed.

Scenes never test key codes: they ask ``command_of(event, keys)`` for a name
("interact", "car", "back"...), so remapping a key is one change in Settings,
and a gamepad button means the same thing as its key. Mouse events stay raw,
because a click's meaning depends on what is under the pointer.
"""

from __future__ import annotations

import contextlib
import math

import pygame
from pygame._sdl2 import controller

Vector = tuple[int, int]

DIRECTIONS: dict[str, Vector] = {"up": (0, -1), "down": (0, 1), "left": (-1, 0), "right": (1, 0)}
STICK_DEADZONE = 0.45  # share of full deflection before the left stick counts as a push
STICK_MAX = 32767.0

# Xbox naming; SDL maps every supported pad to this layout.
GAMEPAD_BUTTONS: dict[int, str] = {
    pygame.CONTROLLER_BUTTON_A: "interact",
    pygame.CONTROLLER_BUTTON_B: "back",
    pygame.CONTROLLER_BUTTON_X: "car",
    pygame.CONTROLLER_BUTTON_Y: "respond",
    pygame.CONTROLLER_BUTTON_START: "pause",
    pygame.CONTROLLER_BUTTON_BACK: "people",
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "zoom_out",
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "zoom_in",
    pygame.CONTROLLER_BUTTON_DPAD_UP: "up",
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: "down",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "left",
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "right",
}
PAD_NAMES: dict[int, str] = {
    pygame.CONTROLLER_BUTTON_A: "A",
    pygame.CONTROLLER_BUTTON_B: "B",
    pygame.CONTROLLER_BUTTON_X: "X",
    pygame.CONTROLLER_BUTTON_Y: "Y",
    pygame.CONTROLLER_BUTTON_START: "Start",
    pygame.CONTROLLER_BUTTON_BACK: "Back",
    pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "LB",
    pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "RB",
    pygame.CONTROLLER_BUTTON_DPAD_UP: "D-pad up",
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: "D-pad down",
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: "D-pad left",
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "D-pad right",
}
# Command -> the pad button a prompt names. Menus take A as "confirm" (it is "interact").
PAD_PROMPTS: dict[str, str] = {
    **{command: PAD_NAMES[button] for button, command in GAMEPAD_BUTTONS.items()},
    "confirm": PAD_NAMES[pygame.CONTROLLER_BUTTON_A],
}
KEYBOARD, GAMEPAD = "keyboard", "gamepad"  # where the last input came from, for prompts
# The buttons worth a word in help texts, and the word.
PAD_HELP: dict[str, str] = {"interact": "talk", "car": "car", "respond": "call", "back": "back",
                            "pause": "pause", "people": "people"}


def pad_summary() -> str:
    """'A talk  ·  X car  ·  ...': the fixed pad layout in one line."""
    return "  ·  ".join(f"{PAD_PROMPTS[command]} {word}" for command, word in PAD_HELP.items())


def input_device(event: pygame.event.Event) -> str | None:
    """KEYBOARD or GAMEPAD if this event shows which one the player is using, else None.

    Mouse motion says nothing (a bumped mouse must not flip a pad player's
    prompts back); a click or the wheel means keyboard and mouse. The stick
    counts only past the dead zone, so a pad resting on a desk stays quiet.
    """
    if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL):
        return KEYBOARD
    if event.type == pygame.CONTROLLERBUTTONDOWN:
        return GAMEPAD
    if event.type == pygame.CONTROLLERAXISMOTION and abs(event.value) / STICK_MAX >= STICK_DEADZONE:
        return GAMEPAD
    return None


def command_of(event: pygame.event.Event, keys: dict[str, tuple[int, ...]]) -> str | None:
    """The command a key press or gamepad button press means, or None."""
    if event.type == pygame.KEYDOWN:
        for name, bound in keys.items():
            if event.key in bound:
                return name
    elif event.type == pygame.CONTROLLERBUTTONDOWN:
        return GAMEPAD_BUTTONS.get(event.button)
    return None


def released_command(event: pygame.event.Event, keys: dict[str, tuple[int, ...]]) -> str | None:
    """The command whose key or button was just let go, or None."""
    if event.type == pygame.KEYUP:
        for name, bound in keys.items():
            if event.key in bound:
                return name
    elif event.type == pygame.CONTROLLERBUTTONUP:
        return GAMEPAD_BUTTONS.get(event.button)
    return None


class Steering:
    """Which way the player is pushing now, from held keys, the d-pad and the left stick.

    Held state is built from down/up events rather than polled, so a test can
    steer by posting events, and a key released while the window was hidden
    is forgotten on the next focus change.
    """

    def __init__(self) -> None:
        self._held: list[str] = []  # most recent last: it wins when opposite keys are held
        self._stick = (0.0, 0.0)

    def handle(self, event: pygame.event.Event, keys: dict[str, tuple[int, ...]]) -> bool:
        """Track one event; True if it was about steering."""
        pressed = command_of(event, keys)
        if pressed in DIRECTIONS:
            if pressed in self._held:
                self._held.remove(pressed)
            self._held.append(pressed)
            return True
        let_go = released_command(event, keys)
        if let_go in DIRECTIONS:
            if let_go in self._held:
                self._held.remove(let_go)
            return True
        if event.type == pygame.CONTROLLERAXISMOTION and event.axis in (
                pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY):
            x, y = self._stick
            value = event.value / STICK_MAX
            self._stick = (value, y) if event.axis == pygame.CONTROLLER_AXIS_LEFTX else (x, value)
            return True
        if event.type in (pygame.WINDOWFOCUSLOST, pygame.WINDOWHIDDEN):
            self.release_all()
        return False

    def release_all(self) -> None:
        self._held.clear()
        self._stick = (0.0, 0.0)

    @property
    def direction(self) -> Vector | None:
        """A unit step along x or y (4-connected streets), or None when nothing is pushed."""
        sx, sy = self._stick
        if math.hypot(sx, sy) >= STICK_DEADZONE:
            return (1 if sx > 0 else -1, 0) if abs(sx) >= abs(sy) else (0, 1 if sy > 0 else -1)
        if self._held:
            return DIRECTIONS[self._held[-1]]
        return None


class Gamepads:
    """Opens game controllers as they are plugged in; no pad, no cost.

    SDL only sends button events for pads that are open, so the objects are kept
    here for as long as the pad is connected. SDL announces pads already plugged
    in at start-up with the same "added" event, so one code path opens them all.
    """

    def __init__(self) -> None:
        self._open: list[controller.Controller] = []
        with contextlib.suppress(pygame.error):  # no joystick subsystem (some headless builds)
            controller.init()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type == pygame.CONTROLLERDEVICEADDED and controller.is_controller(event.device_index):
            self._open.append(controller.Controller(event.device_index))
        elif event.type == pygame.CONTROLLERDEVICEREMOVED:
            gone = [pad for pad in self._open if not pad.attached()]
            for pad in gone:
                pad.quit()
            self._open = [pad for pad in self._open if pad not in gone]
