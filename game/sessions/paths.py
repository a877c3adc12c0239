"""Where the session database lives when nobody says otherwise.

Sessions belong to the person at the machine, not to the checkout or the
current directory, so the default is the platform's per-user data folder
(stdlib only, no platformdirs dependency). ``FRONTPORCH_DB`` overrides it, for
classrooms that keep one shared file, academies that keep one PostgreSQL
server (a ``postgresql://`` URL), and for tests.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from game.userdirs import user_dir

DB_ENV = "FRONTPORCH_DB"
DB_FILE = "sessions.db"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")  # FRONTPORCH_DB names a server, not a file


def default_db_path(env: Mapping[str, str] | None = None, platform: str | None = None,
                    home: Path | None = None) -> Path:
    """``$FRONTPORCH_DB``, else ``<user data dir>/frontporch/sessions.db``.

    Linux and other Unix: ``$XDG_DATA_HOME`` (only if absolute, as the XDG spec
    says) or ``~/.local/share``; macOS: ``~/Library/Application Support``;
    Windows: ``%APPDATA%``.
    """
    env = os.environ if env is None else env
    if env.get(DB_ENV):
        return Path(env[DB_ENV]).expanduser()
    return user_dir("data", env, platform, home) / DB_FILE


def db_location(env: Mapping[str, str] | None = None) -> str | Path:
    """Where sessions go: a ``postgresql://`` URL in ``$FRONTPORCH_DB`` as it is (a URL is not a
    path), else the file ``default_db_path`` names."""
    env = os.environ if env is None else env
    value = env.get(DB_ENV, "")
    if value.startswith(POSTGRES_SCHEMES):
        return value
    return default_db_path(env)
