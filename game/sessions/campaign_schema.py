"""The campaign tables, one migration step of the session store (plain, portable SQL).

A run is one trainee's (or bot's) play-through of a campaign file; each
finished day is a row pointing at an ordinary session (which replays like any
other) with the carry it started from, so the day replays exactly. The run
keeps the campaign file's bytes, so continuing and replaying never open a
path read from the database, and the carry for its next day, so a crash
between days loses nothing.
"""

from __future__ import annotations

CAMPAIGN_TABLES: tuple[str, ...] = (
    """
    CREATE TABLE campaign_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        campaign_id TEXT NOT NULL,
        campaign_title TEXT NOT NULL,
        campaign_hash TEXT NOT NULL,      -- sha256 of the campaign file bytes
        campaign_content BLOB NOT NULL,   -- the campaign file's bytes
        campaign_path TEXT NOT NULL,      -- absolute path, shown in messages only
        scenario_hashes TEXT NOT NULL,    -- JSON {day's scenario name: sha256 in scenarios}
        seed INTEGER NOT NULL,
        trainee TEXT,
        bot TEXT,
        started_at TEXT NOT NULL,         -- ISO 8601 UTC
        days_total INTEGER NOT NULL,
        days_done INTEGER NOT NULL,       -- finished days; the next day to play has this index
        next_carry TEXT NOT NULL,         -- JSON DayCarry the next day starts from; '' when done
        finished_at TEXT                  -- NULL while the campaign is in progress
    )
    """,
    """
    CREATE TABLE campaign_days (
        run_id INTEGER NOT NULL REFERENCES campaign_runs (id),
        day_index INTEGER NOT NULL,       -- 0-based position in the campaign's days
        session_id INTEGER NOT NULL REFERENCES sessions (id),
        carry TEXT NOT NULL,              -- JSON DayCarry the day started from
        ended TEXT NOT NULL,              -- JSON {resident id: ResidentCarry} as the shift ended
        PRIMARY KEY (run_id, day_index)
    )
    """,
    "CREATE INDEX campaign_runs_by_hash ON campaign_runs (campaign_hash, id)",
)
