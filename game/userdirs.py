"""The per-user folders the game keeps things in: sessions under "data", settings under "config".

Both belong to the person at the machine, not to the checkout or the current
directory, so they follow each platform's convention (stdlib only, no
platformdirs dependency). One function serves both kinds, so the session
store and the settings file can never disagree about what "the user's
folder" means on a platform.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

APP_DIR = "frontporch"

# kind -> (XDG variable, fallback under the home folder) on Linux and other Unix.
_XDG: dict[str, tuple[str, tuple[str, ...]]] = {
    "data": ("XDG_DATA_HOME", (".local", "share")),
    "config": ("XDG_CONFIG_HOME", (".config",)),
}


def user_dir(kind: Literal["data", "config"], env: Mapping[str, str] | None = None,
             platform: str | None = None, home: Path | None = None) -> Path:
    """``<platform folder>/frontporch`` for ``kind``.

    Linux and other Unix: ``$XDG_DATA_HOME`` / ``$XDG_CONFIG_HOME`` (only if
    absolute, as the XDG spec says), else ``~/.local/share`` / ``~/.config``;
    macOS: ``~/Library/Application Support``; Windows: ``%APPDATA%``. macOS and
    Windows keep data and settings in the same folder, as their own apps do.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if platform == "win32":
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        variable, fallback = _XDG[kind]
        xdg = env.get(variable, "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home.joinpath(*fallback)
    return base / APP_DIR
