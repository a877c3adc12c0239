"""Every shift played is kept: saved once when it ends, is quit, or the window closes.

The recorder is the game's only writer of sessions. It does nothing when the
app may not keep data (kiosk mode), and a store that cannot be written (full
disk, read-only folder) becomes a sentence for the player, never a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from game.app.shift.week import WeekInPlay
from game.sessions import Session, SessionStore, SessionStoreError
from game.sim.simulation import Simulation


@dataclass(frozen=True)
class SaveOutcome:
    session_id: int | None
    problem: str | None = None  # why it could not be saved

    @property
    def message(self) -> str:
        if self.session_id is not None:
            return (f"Saved as session {self.session_id}. For the full report: "
                    f"frontporch report {self.session_id} --out report-{self.session_id}")
        return f"This shift could not be saved: {self.problem}"


class ShiftRecorder:
    def __init__(self, enabled: bool, trainee: str | None = None,
                 open_store: Callable[[], SessionStore] = SessionStore.open,
                 on_saved: Callable[[Session], None] | None = None) -> None:
        """``on_saved`` gets each session once it is safely stored (the class link uploads it)."""
        self.enabled = enabled
        self._on_saved = on_saved
        self.trainee = trainee
        self._open_store = open_store
        self._sim: Simulation | None = None
        self._bot: str | None = None
        self._settings: Mapping[str, Any] = {}
        self._started: datetime | None = None
        self.outcome: SaveOutcome | None = None
        self.week: WeekInPlay | None = None  # the campaign the current shift is a day of

    def begin(self, sim: Simulation, bot: str | None, settings: Mapping[str, Any],
              week: WeekInPlay | None = None) -> None:
        """A new shift starts; one left unsaved (a restart) is saved first.

        With ``week``, a shift played to its end is kept as that campaign's day.
        """
        if sim is self._sim:
            return
        self.finish()
        self._sim, self._bot, self._settings, self.week = sim, bot, dict(settings), week
        self._started = datetime.now(timezone.utc)
        self.outcome = None

    def abandon(self) -> None:
        """Forget the current shift unsaved: an instructor's hot reload is a draft, not a session."""
        self._sim = None
        self.outcome = None

    def finish(self) -> SaveOutcome | None:
        """Save the current shift once; later calls return the same outcome.

        A campaign day played to its end moves the week on even when nothing can
        be saved (the day is then kept in memory only, and the outcome says why).
        """
        sim = self._sim
        if sim is None or self.outcome is not None or sim.tick == 0:
            return self.outcome
        week = self.week if self.week is not None and sim.finished and self.week.owns(sim) else None
        if not self.enabled:
            if week is not None:
                week.keep(None, sim, bot=self._bot, trainee=self.trainee, started_at=self._started)
            return self.outcome
        try:
            with self._open_store() as store:
                if week is not None:
                    session_id = week.keep(store, sim, bot=self._bot, trainee=self.trainee,
                                           started_at=self._started)
                else:  # a campaign day ended early is kept as a plain session, not as the day
                    session_id = store.save(sim, bot=self._bot, trainee=self.trainee,
                                            settings=self._settings, started_at=self._started)
                if self._on_saved is not None and session_id is not None:
                    self._on_saved(store.get(session_id))
            self.outcome = SaveOutcome(session_id, None if session_id is not None else
                                       "this week is not kept in the session store")
        except SessionStoreError as exc:
            if week is not None and week.owns(sim):  # the store failed before the day was kept
                week.keep(None, sim, bot=self._bot, trainee=self.trainee, started_at=self._started)
            self.outcome = SaveOutcome(None, str(exc))
        return self.outcome
