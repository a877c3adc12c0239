"""Settings that stick: one small versioned JSON file in the user's config folder.

Losing a preference must never cost a shift, so nothing here raises: a
missing file means defaults, a corrupt or unreadable one means defaults plus
a one-line note (stderr and the settings screen), a bad value costs only that
value, and a folder that cannot be written leaves the game running and says
so. Writes go to a temporary file that replaces the old one in a single
``os.replace``, so a crash mid-write leaves the previous settings intact.

In kiosk mode the store has no path and touches nothing: a workshop machine
must look the same for every visitor and keep nothing about them.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pygame

from game.app.ui.settings import (
    DEFAULT_KEYS,
    GAME_SPEEDS,
    PALETTE_NAMES,
    TEXT_SCALES,
    Keys,
    Settings,
)
from game.userdirs import user_dir

CONFIG_ENV = "FRONTPORCH_CONFIG"  # a folder: classrooms and tests point it somewhere else
SETTINGS_FILE = "settings.json"
FORMAT_VERSION = 1
MAX_BYTES = 64 * 1024  # a settings file is a few hundred bytes; anything huge is not ours


def config_dir(env: Mapping[str, str] | None = None) -> Path:
    """``$FRONTPORCH_CONFIG``, else the platform's per-user config folder for the game."""
    env = os.environ if env is None else env
    if env.get(CONFIG_ENV):
        return Path(env[CONFIG_ENV]).expanduser()
    return user_dir("config", env)


# --- the file format ----------------------------------------------------------------------
def to_json(settings: Settings) -> dict[str, Any]:
    """The saved form: plain values, keys by SDL name ('E', 'Space') so the file reads well."""
    return {
        "version": FORMAT_VERSION,
        "text_scale": settings.text_scale,
        "palette": settings.palette,
        "reduced_motion": settings.reduced_motion,
        "volume": settings.volume,
        "muted": settings.muted,
        "game_speed": settings.game_speed,
        "show_tags": settings.show_tags,
        "keys": {command: [pygame.key.name(k, use_compat=False) for k in keys]
                 for command, keys in settings.keys.items()},
    }


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# field -> test a saved value must pass; anything else keeps the default for that field.
_CHECKS = {
    "text_scale": lambda v: _is_number(v) and v in TEXT_SCALES,
    "palette": lambda v: v in PALETTE_NAMES,
    "reduced_motion": lambda v: isinstance(v, bool),
    "volume": lambda v: _is_number(v) and 0.0 <= v <= 1.0,
    "muted": lambda v: isinstance(v, bool),
    "game_speed": lambda v: _is_number(v) and v in GAME_SPEEDS,
    "show_tags": lambda v: isinstance(v, bool),
}


def from_json(data: object) -> tuple[Settings, list[str]]:
    """Settings from a parsed file, and the names of the values that were not usable."""
    settings = Settings()
    version = data.get("version") if isinstance(data, dict) else None
    if not isinstance(data, dict) or type(version) is not int or version != FORMAT_VERSION:
        return settings, ["version"]
    bad = []
    for name, check in _CHECKS.items():
        if name not in data:
            continue
        if check(data[name]):
            setattr(settings, name, data[name])
        else:
            bad.append(name)
    if "keys" in data:
        keys = _keys_from_json(data["keys"])
        if keys is None:
            bad.append("keys")
        else:
            settings.keys = keys
    return settings, bad


def _keys_from_json(saved: object) -> Keys | None:
    """The saved bindings over the defaults, or None if they are malformed or clash.

    Commands the file does not mention (added by a newer game) keep their
    default keys unless the player has since given those keys to something else.
    """
    if not isinstance(saved, dict):
        return None
    keys: Keys = {}
    for command, names in saved.items():
        if command not in DEFAULT_KEYS:
            continue  # a command this version no longer has
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            return None
        try:
            keys[command] = tuple(pygame.key.key_code(n) for n in names)
        except ValueError:  # a key name this SDL does not know
            return None
    used = [k for bound in keys.values() for k in bound]
    if len(used) != len(set(used)):
        return None
    for command, default in DEFAULT_KEYS.items():
        if command not in keys:
            keys[command] = tuple(k for k in default if k not in used)
    return {command: keys[command] for command in DEFAULT_KEYS}


# --- the store ------------------------------------------------------------------------------
class SettingsStore:
    """Loads and saves one player's settings; ``path`` None stores nothing (kiosk mode)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problem = ""  # the last thing that went wrong, one line, for the settings screen

    @classmethod
    def for_user(cls, keeps_data: bool) -> SettingsStore:
        return cls(config_dir() / SETTINGS_FILE if keeps_data else None)

    def load(self) -> Settings:
        """The saved settings, or defaults (with ``problem`` set and printed) if they cannot be read."""
        self.problem = ""
        if self.path is None:
            return Settings()
        try:
            with self.path.open("rb") as stream:
                raw = stream.read(MAX_BYTES + 1)
        except FileNotFoundError:
            return Settings()  # first run
        except OSError as exc:
            self._note(f"could not read {self.path} ({exc.strerror or exc}); using defaults")
            return Settings()
        try:
            data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_BYTES else None
        except ValueError:  # also UnicodeDecodeError and json.JSONDecodeError
            data = None
        if data is None:
            self._note(f"{self.path} is not a settings file the game can read; using defaults")
            return Settings()
        settings, bad = from_json(data)
        if bad == ["version"]:
            self._note(f"{self.path} has an unknown format version; using defaults")
        elif bad:
            self._note(f"{self.path}: ignored unusable {', '.join(bad)}; kept the rest")
        return settings

    def _note(self, message: str) -> None:
        """Say what went wrong on stderr (the only voice the game has before its window opens)
        and keep it for the settings screen."""
        self.problem = f"Settings: {message}"
        print(f"frontporch: settings: {message}", file=sys.stderr)

    def save(self, settings: Settings) -> bool:
        """Write atomically; False (and ``problem`` set) if the folder or file cannot be written."""
        if self.path is None:
            return True
        text = json.dumps(to_json(settings), indent=2) + "\n"
        folder = self.path.parent
        tmp = None
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=folder)
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self.problem = f"Settings could not be saved: {exc.strerror or exc} ({folder})"
            return False
        self.problem = ""
        return True

    def status(self) -> str:
        """One line for the settings screen: where settings go, or why they do not stick."""
        if self.path is None:
            return "Kiosk mode: changes last until the game closes."
        if self.problem:
            return self.problem
        home = Path.home()
        shown = f"~/{self.path.relative_to(home)}" if self.path.is_relative_to(home) else str(self.path)
        return f"Saved to {shown}"
