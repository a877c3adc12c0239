"""Remapping keys: a key means one thing, every command keeps a key, and the change is kept."""

from __future__ import annotations

import math
from pathlib import Path

import pygame
import pytest
from builders import street_scenario
from hypothesis import given, settings
from hypothesis import strategies as st

from game.app.context import App, LaunchOptions
from game.app.scenes.keys import KeysScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.play import PlayScene
from game.app.scenes.settings import SettingsScene
from game.app.scenes.title import TitleScene
from game.app.ui.audio import SoundManager
from game.app.ui.input import command_of
from game.app.ui.settings import COMMAND_LABELS, DEFAULT_KEYS, Settings, rebind

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def display():
    """Key names come from SDL, which wants its video subsystem up (as it is in the game)."""
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    yield
    pygame.display.quit()


@pytest.fixture
def app() -> App:
    return App(LaunchOptions(scenario_dir=REPO / "scenarios"), Settings(), SoundManager(init_mixer=False))


def press(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def test_every_command_has_words_on_the_remapping_screen():
    assert set(COMMAND_LABELS) == set(DEFAULT_KEYS)


def test_a_free_key_replaces_the_first_key():
    keys, message = rebind(DEFAULT_KEYS, "interact", pygame.K_t)
    assert keys["interact"] == (pygame.K_t,)
    assert message == "T now means 'Talk / join in'."
    assert command_of(press(pygame.K_e), keys) is None


def test_taking_another_commands_only_key_swaps_them():
    keys, message = rebind(DEFAULT_KEYS, "interact", pygame.K_f)
    assert keys["interact"] == (pygame.K_f,) and keys["car"] == (pygame.K_e,)
    assert "'Park and walk / get in' moved to E" in message


def test_taking_one_of_several_keys_leaves_the_rest():
    keys, message = rebind(DEFAULT_KEYS, "interact", pygame.K_UP)
    assert keys["up"] == (pygame.K_w,) and keys["interact"] == (pygame.K_UP,)
    assert "no longer means 'Move up'" in message


def test_pressing_an_alternate_makes_it_the_prompted_key():
    keys, _ = rebind(DEFAULT_KEYS, "up", pygame.K_UP)
    assert keys["up"] == (pygame.K_UP, pygame.K_w)
    assert rebind(keys, "up", pygame.K_UP)[1] == "Up already means 'Move up'."


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(sorted(DEFAULT_KEYS)),
                          st.sampled_from([pygame.K_e, pygame.K_f, pygame.K_w, pygame.K_UP, pygame.K_t,
                                           pygame.K_SPACE, pygame.K_ESCAPE, pygame.K_1, pygame.K_F5])),
                max_size=30))
def test_any_sequence_of_remaps_keeps_one_meaning_per_key_and_a_key_per_command(moves):
    keys = dict(DEFAULT_KEYS)
    for command, key in moves:
        keys, _ = rebind(keys, command, key)
    used = [k for bound in keys.values() for k in bound]
    assert len(used) == len(set(used))
    assert all(keys[c] for c in DEFAULT_KEYS)


def keys_screen(app: App) -> KeysScene:
    title = TitleScene(app)
    return KeysScene(app, SettingsScene(app, title), title)


def focus_on(scene: KeysScene, command: str) -> None:
    scene.focus = [b.key for b in scene.rows].index(command)


def test_remapping_changes_what_the_key_does_and_persists(app: App):
    scene = keys_screen(app)
    focus_on(scene, "pause")
    scene.handle_event(press(pygame.K_RETURN))
    assert scene.capturing == "pause"
    scene.handle_event(press(pygame.K_t))
    assert scene.capturing is None
    assert app.settings.keys["pause"] == (pygame.K_t, pygame.K_p)
    assert app.store.load().keys["pause"] == (pygame.K_t, pygame.K_p)  # saved at once
    play = PlayScene(app, street_scenario())
    assert isinstance(play.handle_event(press(pygame.K_t)), PauseScene)
    assert play.handle_event(press(pygame.K_SPACE)) is None
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)  # the changed row and its message draw without trouble


def test_escape_while_waiting_for_a_key_changes_nothing(app: App):
    scene = keys_screen(app)
    focus_on(scene, "interact")
    scene.handle_event(press(pygame.K_RETURN))
    scene.handle_event(press(pygame.K_ESCAPE))
    assert scene.capturing is None and app.settings.keys == DEFAULT_KEYS
    assert scene.message == "Nothing changed."


def test_reset_puts_every_key_back_and_saves(app: App):
    app.settings.keys = rebind(DEFAULT_KEYS, "interact", pygame.K_f)[0]
    scene = keys_screen(app)
    scene.focus = len(scene.rows)  # "Reset to defaults"
    scene.handle_event(press(pygame.K_RETURN))
    assert app.settings.keys == DEFAULT_KEYS
    assert app.store.load().keys == DEFAULT_KEYS


def test_arrows_walk_the_grid_and_back_leaves(app: App):
    scene = keys_screen(app)
    surface = pygame.Surface((1280, 720))
    scene.draw(surface)  # lays out the columns
    assert scene.columns == 2
    scene.handle_event(press(pygame.K_RIGHT))
    assert scene.focus == math.ceil(len(scene.rows) / 2)  # first row of the second column
    scene.handle_event(press(pygame.K_LEFT))
    assert scene.focus == 0
    scene.handle_event(press(pygame.K_UP))
    assert scene.focus == len(scene.buttons) - 1  # wraps to "Back"
    assert scene.handle_event(press(pygame.K_RETURN)) is scene.settings


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_keys_screen_fits_the_window_and_keeps_the_focus_in_view(app: App, scale: float,
                                                                 size: tuple[int, int]):
    app.settings.text_scale = scale
    app.settings_changed()
    scene = keys_screen(app)
    surface = pygame.Surface(size)
    for _ in range(len(scene.buttons)):
        scene.draw(surface)
        focused = scene.buttons[scene.focus]
        assert surface.get_rect().contains(focused.rect), focused.key
        scene.handle_event(press(pygame.K_DOWN))
