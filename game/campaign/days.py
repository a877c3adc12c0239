"""Each day of a campaign as a shift: its scenario with the day's changes, its seed, its calendar.

A day is a pure function of (campaign, day index, carry): the scenario file
with the day's events and tuning added, the weather's effect, and the worries
that come back as calls; the seed drawn from the campaign's seed and the day,
so each day's radio differs and the same campaign seed plays the same week.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from game.campaign.model import Campaign
from game.scenario.limits import MAX_ID_CHARS, MAX_SEED
from game.scenario.model import Call, Scenario
from game.sim.carry import DayCarry
from game.tuning import MINUTES_PER_DAY, Tuning, tuning_with

DAY_STREAM = 0xDA7  # keeps the days' seeds apart from any other use of the campaign seed
RETURNING_CALL_PRIORITY = 2  # a worry come back is a complaint, not an emergency
RETURNING_CALL_KIND = "complaint"


def day_seed(campaign_seed: int, index: int) -> int:
    """The seed of day ``index`` (0-based): different every day, the same for the same campaign."""
    words = np.random.SeedSequence([int(campaign_seed), DAY_STREAM, index]).generate_state(2)
    return int((int(words[0]) << 32 | int(words[1])) % (MAX_SEED + 1))


def day_scenario(campaign: Campaign, index: int, carry: DayCarry) -> Scenario:
    """The scenario day ``index`` plays: the day's file with what the campaign adds today."""
    day = campaign.days[index]
    base = campaign.scenarios[day.scenario]
    tuning = dict(base.tuning)
    defaults = tuning_with(base.tuning)
    factor = (defaults.heat_backfire_factor if day.weather == "heat" else 1.0) * \
        (1.0 + defaults.tired_backfire_factor * carry.tired_hours)
    if factor != 1.0:
        tuning["backfire_chance"] = min(1.0, defaults.backfire_chance * factor)
    tuning.update(day.tuning)
    return replace(base, title=day.title,
                   summary=day.briefing or base.summary, events=base.events + day.events,
                   tuning=tuning,
                   calls=base.calls + _returning_calls(base, carry, tuning_with(tuning)))


def _returning_calls(scenario: Scenario, carry: DayCarry, t: Tuning) -> tuple[Call, ...]:
    """One call per worry come back today, at its follow-up place (else the resident's home)."""
    minute = int(min(t.returning_call_minute, scenario.shift.minutes - 1))
    calls = []
    for rid, cid in carry.returning:
        k = scenario.resident_index.get(rid)
        if k is None:
            continue
        r = scenario.residents[k]
        concern = next((c for c in r.concerns if c.id == cid), None)
        if concern is None:
            continue
        calls.append(Call(
            id=f"back-{rid}-{cid}"[:MAX_ID_CHARS], at=minute, place=concern.follow_up or r.home,
            priority=RETURNING_CALL_PRIORITY, kind=RETURNING_CALL_KIND,
            text=f"{r.name} calls again: {concern.text} Nobody came back about it, and it has "
                 "got worse.", window_minutes=t.returning_call_window_minutes))
    return tuple(calls)


def minutes_between(campaign: Campaign, index: int) -> float:
    """Calendar minutes from the end of day ``index - 1``'s shift to the start of day ``index``'s."""
    before, after = campaign.days[index - 1], campaign.days[index]
    shift_before = campaign.scenarios[before.scenario].shift
    start_after = campaign.scenarios[after.scenario].shift.start
    end = before.day * MINUTES_PER_DAY + shift_before.start + shift_before.minutes
    return after.day * MINUTES_PER_DAY + start_after - end
