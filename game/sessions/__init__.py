"""Saved shifts: the SQLite session store and exact replay (no pygame).

    from game.sessions import SessionStore, SessionStoreError
    with SessionStore.open() as store:          # $FRONTPORCH_DB or the user data folder
        session_id = store.save(sim, trainee="Sam", settings={"speed": 1})
        store.summaries(); store.get(session_id)
"""

from __future__ import annotations

from game.sessions.paths import default_db_path
from game.sessions.recording import Recording
from game.sessions.replay import ReplayOutcome, load_recorded_scenario, replay
from game.sessions.store import Session, SessionStore, SessionStoreError, SessionSummary

__all__ = [
    "Recording", "ReplayOutcome", "Session", "SessionStore", "SessionStoreError", "SessionSummary",
    "default_db_path", "load_recorded_scenario", "replay",
]
