"""The session database schema and its migrations, versioned by ``PRAGMA user_version``.

Each migration is a tuple of statements that takes the schema from version
``k`` to ``k + 1``; ``MIGRATIONS[k]`` is that step. A migration runs in one
transaction together with the version bump, so a crash mid-upgrade leaves the
old version intact. Append new steps; never edit a released one.
"""

from __future__ import annotations

APPLICATION_ID = 0x46504348  # "FPCH": marks the file as a Front Porch session database

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 0 -> 1: one row per finished (or ended) shift
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            scenario_id TEXT NOT NULL,
            scenario_hash TEXT NOT NULL,      -- sha256 of the scenario file bytes
            scenario_title TEXT NOT NULL,
            scenario_path TEXT NOT NULL,      -- absolute path, '' for scenarios built in code
            seed INTEGER NOT NULL,
            settings TEXT NOT NULL,           -- JSON object
            trainee TEXT,
            bot TEXT,
            started_at TEXT,                  -- ISO 8601 UTC; NULL when the caller did not say
            ended_at TEXT NOT NULL,
            ticks INTEGER NOT NULL,           -- sim.tick when saved: replay runs this far
            trust REAL NOT NULL,              -- copies of results fields, for listing and sorting
            score REAL NOT NULL,
            foot_minutes REAL NOT NULL,
            car_minutes REAL NOT NULL,
            actions TEXT NOT NULL,            -- JSON [[tick, Action.to_dict()], ...]
            results TEXT NOT NULL,            -- JSON ShiftResults.to_dict()
            ledger TEXT NOT NULL,             -- JSON [TrustChange as dict, ...]
            history TEXT NOT NULL,            -- JSON [[minute, trust, safety], ...]
            heat_height INTEGER NOT NULL,
            heat_width INTEGER NOT NULL,
            foot_heat BLOB NOT NULL,          -- zlib'd little-endian float64, minutes per tile
            car_heat BLOB NOT NULL
        )
        """,
        "CREATE INDEX sessions_by_scenario ON sessions (scenario_id, id)",
    ),
    (  # 1 -> 2: each session's scenario file kept in the database, once per distinct content,
       # so replay and report never open a path read from a row. SessionStore fills it for
       # sessions saved before, from files whose bytes still have the recorded hash.
        """
        CREATE TABLE scenarios (
            hash TEXT PRIMARY KEY,            -- sha256 of content, as in sessions.scenario_hash
            content BLOB NOT NULL             -- the scenario file's bytes
        )
        """,
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
