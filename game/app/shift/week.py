"""A campaign being played in the window: which day is next, and keeping each day as it ends.

No pygame here. ``WeekInPlay.open`` starts a new run of a campaign in the
session store or continues the latest unfinished run of the same file; the
recorder hands it each finished shift (``keep``), which saves the day and its
next carry in one transaction and moves on to the next day. When the store
cannot be written the week still goes on in memory, and the recorder says why
it was not saved.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from game.campaign.debrief import WeekDebrief
from game.campaign.evening import EveningChoice
from game.campaign.model import Campaign
from game.campaign.runner import DayPlayed, after_day, finish_day, first_carry, start_day, week_of
from game.scenario.model import Scenario
from game.sessions import SessionStore, SessionStoreError
from game.sessions import campaigns as saved
from game.sim.carry import DayCarry
from game.sim.simulation import Simulation


class WeekInPlay:
    def __init__(self, campaign: Campaign, run_id: int | None = None, index: int = 0,
                 carry: DayCarry | None = None) -> None:
        self.campaign = campaign
        self.run_id = run_id  # None: not kept in a store (kiosk, or the store failed)
        self.index = index  # the day to play next; len(days) once the week is over
        self.carry = carry or first_carry(campaign)
        self.played: list[DayPlayed] = []  # the days finished in this window
        self.last: DayPlayed | None = None  # the day just finished, until its evening is spent

    @classmethod
    def open(cls, campaign: Campaign, store: SessionStore) -> WeekInPlay:
        """Continue this file's unfinished run, or begin a new one."""
        run = saved.in_progress(store, campaign)
        if run is not None and run.next_carry is not None:
            return cls(replace(campaign, seed=run.seed), run.id, run.days_done, run.next_carry)
        return cls(campaign, saved.begin(store, campaign, first=first_carry(campaign)))

    @classmethod
    def resume_latest(cls, store: SessionStore) -> WeekInPlay | None:
        """The most recent unfinished run of any campaign, from the store's own copies."""
        run = saved.latest_in_progress(store)
        if run is None or run.next_carry is None:
            return None
        campaign = replace(saved.stored_campaign(store, run.id), seed=run.seed)
        return cls(campaign, run.id, run.days_done, run.next_carry)

    @property
    def over(self) -> bool:
        return self.index >= len(self.campaign.days)

    @property
    def day_title(self) -> str:
        day = self.campaign.days[min(self.index, len(self.campaign.days) - 1)]
        return f"{self.campaign.weekday(self.index)}, day {self.index + 1} of " \
               f"{len(self.campaign.days)}: {day.title}"

    def sim(self) -> Simulation:
        """Today's shift, from the street as the last day left it."""
        return start_day(self.campaign, self.index, self.carry)

    def scenario(self) -> Scenario:
        """Today's scenario, with the day's title and briefing for the briefing screen."""
        return self.sim().scenario

    def owns(self, sim: Simulation) -> bool:
        return sim.carry is self.carry and not self.over

    def keep(self, store: SessionStore | None, sim: Simulation, *, bot: str | None,
             trainee: str | None, started_at: datetime | None) -> int | None:
        """The day is over: move on, and save it with the next day's carry (its session id;
        None when there is no store or no run in it)."""
        played = finish_day(self.index, sim)
        following = after_day(self.campaign, played)
        self.played.append(played)
        self.last = played
        self.index += 1
        if following is not None:
            self.carry = following
        if store is None or self.run_id is None:
            return None
        return saved.save_day(store, self.run_id, played, following, bot=bot, trainee=trainee,
                              started_at=started_at)

    def spend_evening(self, store: SessionStore | None, choices: tuple[EveningChoice, ...]) -> None:
        """The evening after the day just finished: tomorrow starts from what it changed."""
        if self.last is None or self.over:
            return
        following = after_day(self.campaign, self.last, choices)
        self.last = None
        if following is None:
            return
        self.carry = following
        if store is not None and self.run_id is not None:
            saved.set_next_carry(store, self.run_id, following)

    def debrief(self, store: SessionStore | None) -> WeekDebrief | None:
        """Every finished day of the run (from the store when it keeps the run)."""
        if store is not None and self.run_id is not None:
            try:
                return saved.week(store, self.run_id)
            except SessionStoreError:
                pass
        return week_of(self.campaign, self.played) if self.played else None
