"""Where the session database lives when nobody says otherwise.

Sessions belong to the person at the machine, not to the checkout or the
current directory, so the default is the platform's per-user data folder
(stdlib only, no platformdirs dependency). ``FRONTPORCH_DB`` overrides it, for
classrooms that keep one shared file and for tests.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

DB_ENV = "FRONTPORCH_DB"
APP_DIR = "frontporch"
DB_FILE = "sessions.db"


def default_db_path(env: Mapping[str, str] | None = None, platform: str | None = None,
                    home: Path | None = None) -> Path:
    """``$FRONTPORCH_DB``, else ``<user data dir>/frontporch/sessions.db``.

    Linux and other Unix: ``$XDG_DATA_HOME`` (only if absolute, as the XDG spec
    says) or ``~/.local/share``; macOS: ``~/Library/Application Support``;
    Windows: ``%APPDATA%``.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if env.get(DB_ENV):
        return Path(env[DB_ENV]).expanduser()
    if platform == "win32":
        base = Path(env["APPDATA"]) if env.get("APPDATA") else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / APP_DIR / DB_FILE
