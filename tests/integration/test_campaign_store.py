"""Campaign runs on both session-store backends: begun, a day saved with its next carry,
continued from the store's own copies, each day replayed exactly, listed with its week."""

from __future__ import annotations

from pathlib import Path

from game.campaign.loader import load_campaign
from game.campaign.runner import after_day, first_carry, run_campaign
from game.sessions import SessionStore
from game.sessions import campaigns as saved

REPO = Path(__file__).resolve().parents[2]


def test_a_week_is_kept_day_by_day_and_continues_from_the_store(store_location: str) -> None:
    campaign = load_campaign(REPO / "campaigns" / "maple-week.yaml")
    with SessionStore.open(store_location) as store:
        run_id = saved.begin(store, campaign, bot="balanced", first=first_carry(campaign))
        first_two = run_campaign(campaign, "balanced", on_day=lambda day: saved.save_day(
            store, run_id, day, after_day(campaign, day), bot="balanced")
            if day.index < 2 else None)
    with SessionStore.open(store_location) as store:
        run = saved.in_progress(store, campaign)
        assert run is not None and run.id == run_id
        # what an interrupted week would continue from: day 3, from the carry day 2 left
        assert run.days_done == 2 and run.next_carry == after_day(campaign, first_two[1])
        kept = saved.stored_campaign(store, run_id)  # from the store's bytes, no file opened
        assert kept.content_hash == campaign.content_hash
        assert all(saved.replay_day(store, run_id, d.index).matches for d in saved.days(store, run_id))
        week = saved.week(store, run_id)
        assert week is not None and [d.calendar_day for d in week.days] == [1, 2]
        assert saved.day_of(store, saved.days(store, run_id)[1].session_id) == (run_id, 1)
