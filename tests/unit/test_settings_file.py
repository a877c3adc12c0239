"""Settings survive a restart; a bad file or a read-only folder costs defaults, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pygame
import pytest

from game.app.ui.settings import DEFAULT_KEYS, Settings
from game.app.ui.settings_file import (
    CONFIG_ENV,
    FORMAT_VERSION,
    SETTINGS_FILE,
    SettingsStore,
    config_dir,
    from_json,
    to_json,
)
from game.userdirs import user_dir


@pytest.fixture(autouse=True)
def display():
    """Key names are read through SDL, which wants its video subsystem (as in the game)."""
    pygame.display.init()
    yield
    pygame.display.quit()


@pytest.fixture
def store(tmp_path: Path) -> SettingsStore:
    return SettingsStore(tmp_path / "config" / SETTINGS_FILE)


def changed() -> Settings:
    s = Settings(text_scale=1.5, palette="colorblind", reduced_motion=True, volume=0.3, muted=True,
                 game_speed=2.0, show_tags=True)
    s.keys = dict(s.keys, interact=(pygame.K_t,), pause=(pygame.K_KP_5, pygame.K_p))
    return s


def test_settings_round_trip_through_the_file(store: SettingsStore):
    assert store.save(changed())
    assert json.loads(store.path.read_text())["version"] == FORMAT_VERSION
    assert store.load() == changed()
    assert store.problem == ""


def test_the_file_names_keys_readably(store: SettingsStore):
    store.save(changed())
    saved = json.loads(store.path.read_text())
    assert saved["keys"]["interact"] == ["T"]
    assert saved["keys"]["pause"] == ["Keypad 5", "P"]


def test_no_file_yet_means_defaults_quietly(store: SettingsStore, capsys):
    assert store.load() == Settings()
    assert store.problem == "" and capsys.readouterr().err == ""


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe garbage", b"[1, 2, 3]", b'"text"',
                                     b'{"version": 99, "text_scale": 2.0}', b'{"text_scale": 2.0}',
                                     b"x" * 100_000])
def test_a_corrupt_file_gives_defaults_and_one_line_on_stderr(store: SettingsStore, content: bytes,
                                                                capsys):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    assert store.load() == Settings()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "settings" in err and "defaults" in err
    assert store.problem and str(store.path) in store.status()


def test_one_bad_value_costs_only_that_value(store: SettingsStore, capsys):
    data = to_json(changed())
    data["text_scale"] = 7
    data["muted"] = "yes"
    store.path.parent.mkdir(parents=True)
    store.path.write_text(json.dumps(data))
    loaded = store.load()
    assert loaded.text_scale == Settings().text_scale and loaded.muted is False
    assert loaded.palette == "colorblind" and loaded.keys["interact"] == (pygame.K_t,)
    assert "text_scale" in capsys.readouterr().err


@pytest.mark.parametrize("keys", [
    {"interact": ["No Such Key"]},
    {"interact": ["E"], "car": ["E"]},  # one key, two meanings
    {"interact": []},
    ["E"],
])
def test_unusable_key_bindings_fall_back_to_the_defaults(keys):
    settings, bad = from_json({"version": FORMAT_VERSION, "keys": keys})
    assert bad == ["keys"] and settings.keys == DEFAULT_KEYS


def test_commands_missing_from_an_older_file_get_their_default_keys_if_free():
    saved = {c: [pygame.key.name(k, use_compat=False) for k in keys] for c, keys in DEFAULT_KEYS.items()
             if c != "reload"}
    saved["people"] = ["F5"]  # the player had given F5 to something else
    settings, bad = from_json({"version": FORMAT_VERSION, "keys": saved})
    assert bad == []
    assert settings.keys["people"] == (pygame.K_F5,)
    assert settings.keys["reload"] == ()  # F5 stays where the player put it


def test_a_read_only_folder_keeps_the_game_running_and_says_so(tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the config folder should be")
    store = SettingsStore(blocker / "frontporch" / SETTINGS_FILE)
    assert store.save(changed()) is False
    assert store.problem.startswith("Settings could not be saved")
    assert store.status() == store.problem
    assert store.load() == Settings()  # and reading from there is just "no file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_a_write_protected_folder_keeps_the_old_file(store: SettingsStore):
    store.save(Settings(text_scale=2.0))
    store.path.parent.chmod(0o500)
    try:
        assert store.save(changed()) is False
        assert store.load().text_scale == 2.0
        assert [p.name for p in store.path.parent.iterdir()] == [SETTINGS_FILE]  # no temp file left
    finally:
        store.path.parent.chmod(0o700)


def test_saving_replaces_the_file_whole(store: SettingsStore):
    store.save(changed())
    store.save(Settings())
    assert store.load() == Settings()
    assert [p.name for p in store.path.parent.iterdir()] == [SETTINGS_FILE]


def test_kiosk_store_has_no_path_and_touches_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "config"))
    store = SettingsStore.for_user(keeps_data=False)
    assert store.path is None
    assert store.save(changed()) is True
    assert store.load() == Settings()
    assert not (tmp_path / "config").exists()
    assert "Kiosk" in store.status()


def test_config_folder_follows_the_override_then_the_platform(tmp_path: Path):
    assert config_dir({CONFIG_ENV: str(tmp_path)}) == tmp_path
    home = Path("/home/u")
    assert user_dir("config", {}, "linux", home) == home / ".config" / "frontporch"
    assert user_dir("config", {"XDG_CONFIG_HOME": "/x"}, "linux", home) == Path("/x/frontporch")
    assert user_dir("config", {"XDG_CONFIG_HOME": "rel"}, "linux", home) == home / ".config" / "frontporch"
    assert user_dir("config", {}, "darwin", home) == home / "Library" / "Application Support" / "frontporch"
    assert user_dir("config", {"APPDATA": "C:/Users/u/AppData/Roaming"}, "win32", home) == \
        Path("C:/Users/u/AppData/Roaming/frontporch")
    assert user_dir("data", {}, "linux", home) == home / ".local" / "share" / "frontporch"
