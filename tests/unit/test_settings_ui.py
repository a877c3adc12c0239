"""Settings in the running game: loaded at start, saved on change, never in kiosk mode;
pad prompts after pad input; reduced motion stills everything that flashes, pulses or eases."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest
from builders import street_scenario

import game.app.view.world_view as world_view
from game.app.art import FloatingText
from game.app.context import App, LaunchOptions
from game.app.main import Game
from game.app.scenes.play import PlayScene
from game.app.scenes.settings import SettingsScene
from game.app.scenes.title import TitleScene
from game.app.ui.audio import SoundManager
from game.app.ui.input import GAMEPAD, KEYBOARD, STICK_MAX
from game.app.ui.settings import DEFAULT_KEYS, Settings
from game.app.ui.settings_file import CONFIG_ENV, SETTINGS_FILE, SettingsStore, to_json

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def display():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((1280, 720))
    yield
    pygame.display.quit()


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "config"
    monkeypatch.setenv(CONFIG_ENV, str(folder))
    return folder


def app_with(settings: Settings | None = None, **options) -> App:
    return App(LaunchOptions(scenario_dir=REPO / "scenarios", **options), settings or Settings(),
               SoundManager(init_mixer=False))


def pad_button(button: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, button=button, instance_id=0)


def key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


# --- saved and loaded ----------------------------------------------------------------------
def test_the_game_starts_with_the_saved_settings(config: Path):
    SettingsStore(config / SETTINGS_FILE).save(Settings(text_scale=2.0, palette="colorblind"))
    game = Game(LaunchOptions(scenario_dir=REPO / "scenarios", frames=1))
    assert game.app.settings.text_scale == 2.0 and game.app.text.scale == 2.0
    assert game.app.settings.palette == "colorblind"


def test_a_change_on_the_settings_screen_is_saved_at_once(config: Path):
    app = app_with()
    scene = SettingsScene(app, TitleScene(app))
    scene.change("reduced_motion", 1)
    scene.change("text_scale", 1)
    saved = json.loads((config / SETTINGS_FILE).read_text())
    assert saved["reduced_motion"] is True and saved["text_scale"] == 1.25
    assert app.text.scale == 1.25  # and in effect already


def test_the_instructor_can_show_choice_tones_from_the_settings_screen(config: Path):
    app = app_with()
    scene = SettingsScene(app, TitleScene(app))
    assert scene.value("show_tags") == "After choosing"  # the default: not a quiz
    scene.change("show_tags", 1)
    assert app.settings.show_tags and scene.value("show_tags") == "Shown (class)"
    assert json.loads((config / SETTINGS_FILE).read_text())["show_tags"] is True


def test_a_settings_file_that_cannot_be_written_is_said_on_screen(tmp_path: Path, monkeypatch):
    (tmp_path / "blocked").write_text("a file, not a folder")
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "blocked" / "config"))
    app = app_with()
    scene = SettingsScene(app, TitleScene(app))
    scene.change("muted", 1)
    assert app.settings.muted  # the change still applies
    assert app.store.status().startswith("Settings could not be saved")
    scene.draw(pygame.Surface((1280, 720)))


def test_kiosk_mode_never_reads_or_writes_the_config_folder(config: Path):
    config.mkdir()
    saved = config / SETTINGS_FILE
    remapped = Settings(keys=dict(DEFAULT_KEYS, interact=(pygame.K_t,), car=(pygame.K_e,)))
    saved.write_text(json.dumps(to_json(remapped)))
    before = (saved.read_bytes(), saved.stat().st_mtime_ns)
    game = Game(LaunchOptions(scenario_dir=REPO / "scenarios", frames=1, kiosk=True))
    assert game.app.store.path is None
    assert game.app.settings.keys == DEFAULT_KEYS  # the saved file was not read
    SettingsScene(game.app, TitleScene(game.app)).change("palette", 1)
    assert (saved.read_bytes(), saved.stat().st_mtime_ns) == before
    assert sorted(p.name for p in config.iterdir()) == [SETTINGS_FILE]


# --- prompts follow the device ----------------------------------------------------------------
def test_prompts_follow_the_last_input_device():
    s = Settings()
    assert s.first_key("interact") == "E" and s.first_key("pause") == "Space"
    s.follow_input(pad_button(pygame.CONTROLLER_BUTTON_DPAD_UP))
    assert s.device == GAMEPAD
    assert (s.first_key("interact"), s.first_key("pause"), s.first_key("car")) == ("A", "Start", "X")
    assert s.first_key("speed1") == "1"  # nothing on the pad for it: the key
    s.follow_input(pygame.event.Event(pygame.MOUSEMOTION, pos=(1, 1), rel=(1, 1), buttons=(0, 0, 0)))
    assert s.device == GAMEPAD  # a bumped mouse does not flip the prompts
    s.follow_input(key(pygame.K_w))
    assert s.device == KEYBOARD and s.first_key("interact") == "E"
    resting = pygame.event.Event(pygame.CONTROLLERAXISMOTION, axis=pygame.CONTROLLER_AXIS_LEFTX,
                                 value=int(0.1 * STICK_MAX))
    s.follow_input(resting)
    assert s.device == KEYBOARD


def test_hud_hints_show_pad_buttons_after_a_pad_event(config: Path):
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=10))
    assert "F park and walk" in game.scene.hint_text()
    pygame.event.post(pad_button(pygame.CONTROLLER_BUTTON_DPAD_UP))
    game.frame()
    hints = game.scene.hint_text()
    assert "X park and walk" in hints and "Start pause" in hints and "stick to move" in hints
    assert "click to go" not in hints
    pygame.event.post(key(pygame.K_LEFT))
    game.frame()
    assert "F park and walk" in game.scene.hint_text()


# --- reduced motion ---------------------------------------------------------------------------
def play_with_a_call(reduced: bool) -> PlayScene:
    app = app_with(Settings(reduced_motion=reduced))
    scene = PlayScene(app, street_scenario())
    while not scene.sim.active_calls():
        scene.sim.step()
    scene.orders.respond()  # lights on, on the way
    return scene


@pytest.mark.parametrize("reduced", [False, True])
def test_reduced_motion_turns_off_the_flashing_bar_and_the_pulsing_markers(monkeypatch, reduced: bool):
    seen: dict[str, list] = {"flash": [], "t": []}
    real_car, real_marker = world_view.draw_patrol_car, world_view.draw_call_marker

    def car(*args, flash: bool = True, **kwargs):
        seen["flash"].append(flash)
        return real_car(*args, flash=flash, **kwargs)

    def marker(surface, at, priority, t, *rest):
        seen["t"].append(t)
        return real_marker(surface, at, priority, t, *rest)

    monkeypatch.setattr(world_view, "draw_patrol_car", car)
    monkeypatch.setattr(world_view, "draw_call_marker", marker)
    scene = play_with_a_call(reduced)
    surface = pygame.Surface((1280, 720))
    for _ in range(3):
        scene.update(0.2)
        scene.draw(surface)
    assert seen["flash"] == [not reduced] * 3
    assert (set(seen["t"]) == {0.0}) is reduced


def test_reduced_motion_keeps_floating_text_in_place_and_the_camera_unsmoothed(monkeypatch):
    drawn: list[FloatingText] = []
    monkeypatch.setattr("game.app.view.floaters.draw_floating_text", lambda s, item, *a: drawn.append(item))
    scene = play_with_a_call(reduced=True)
    scene.floaters.trust(4, "listened", scene.sim.officer.pos)
    scene.draw(pygame.Surface((1280, 720)))
    assert drawn and all(item.rise == 0 for item in drawn)
    scene.camera.look_at(0, 0)
    scene.update(1 / 60)
    expected = PlayScene(scene.app, street_scenario()).camera
    expected.keep_clear(scene.camera.clear)  # the same panels to keep the officer clear of
    expected.look_at(*scene.runner.officer_position())
    assert (scene.camera.cx, scene.camera.cy) == pytest.approx((expected.cx, expected.cy))
