"""Keys and gamepad buttons become named commands; held directions become a steering vector."""

from __future__ import annotations

import pygame

from game.app.ui.input import STICK_MAX, Steering, command_of
from game.app.ui.settings import DEFAULT_KEYS


def key(kind: int, k: int) -> pygame.event.Event:
    return pygame.event.Event(kind, key=k, mod=0, unicode="", scancode=0)


def test_keys_and_pad_buttons_name_the_same_commands():
    assert command_of(key(pygame.KEYDOWN, pygame.K_e), DEFAULT_KEYS) == "interact"
    assert command_of(key(pygame.KEYDOWN, pygame.K_f), DEFAULT_KEYS) == "car"
    assert command_of(key(pygame.KEYDOWN, pygame.K_r), DEFAULT_KEYS) == "respond"
    assert command_of(key(pygame.KEYDOWN, pygame.K_SPACE), DEFAULT_KEYS) == "pause"
    assert command_of(key(pygame.KEYDOWN, pygame.K_TAB), DEFAULT_KEYS) == "people"
    assert command_of(key(pygame.KEYDOWN, pygame.K_F11), DEFAULT_KEYS) == "fullscreen"
    pad = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_A)
    assert command_of(pad, DEFAULT_KEYS) == "interact"
    start = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=pygame.CONTROLLER_BUTTON_START)
    assert command_of(start, DEFAULT_KEYS) == "pause"
    assert command_of(key(pygame.KEYUP, pygame.K_e), DEFAULT_KEYS) is None


def test_remapping_a_key_changes_what_it_means():
    keys = dict(DEFAULT_KEYS, interact=(pygame.K_t,))
    assert command_of(key(pygame.KEYDOWN, pygame.K_t), keys) == "interact"
    assert command_of(key(pygame.KEYDOWN, pygame.K_e), keys) is None


def test_steering_follows_held_keys_latest_first():
    s = Steering()
    assert s.direction is None
    s.handle(key(pygame.KEYDOWN, pygame.K_d), DEFAULT_KEYS)
    assert s.direction == (1, 0)
    s.handle(key(pygame.KEYDOWN, pygame.K_UP), DEFAULT_KEYS)
    assert s.direction == (0, -1)
    s.handle(key(pygame.KEYUP, pygame.K_UP), DEFAULT_KEYS)
    assert s.direction == (1, 0)
    s.handle(key(pygame.KEYUP, pygame.K_d), DEFAULT_KEYS)
    assert s.direction is None


def test_left_stick_past_the_deadzone_steers_along_its_main_axis():
    s = Steering()
    axis = pygame.CONTROLLER_AXIS_LEFTX
    s.handle(pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=axis, value=int(0.2 * STICK_MAX)),
             DEFAULT_KEYS)
    assert s.direction is None
    s.handle(pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=axis, value=-int(0.9 * STICK_MAX)),
             DEFAULT_KEYS)
    assert s.direction == (-1, 0)


def test_losing_focus_releases_everything():
    s = Steering()
    s.handle(key(pygame.KEYDOWN, pygame.K_s), DEFAULT_KEYS)
    s.handle(pygame.event.Event(pygame.WINDOWFOCUSLOST), DEFAULT_KEYS)
    assert s.direction is None
