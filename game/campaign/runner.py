"""Playing a campaign: one day at a time from its carry, and a whole week headless with a bot.

``start_day`` builds day ``index``'s simulation from the carry the previous
day left (the UI and the bots play it through the usual door); ``after_day``
turns the finished shift into the next day's carry. ``run_campaign`` chains
them with a bot, calling ``on_day`` after each day so a caller can save it
before the next one starts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from game.bots import make_bot, run_shift
from game.campaign.between import next_day
from game.campaign.days import day_scenario, day_seed, minutes_between
from game.campaign.debrief import WeekDay, WeekDebrief, week_debrief, worry_texts
from game.campaign.evening import EveningChoice
from game.campaign.model import Campaign
from game.sim.carry import DayCarry, ResidentCarry, flags_out
from game.sim.results import ShiftResults
from game.sim.simulation import Simulation


@dataclass(frozen=True, eq=False)
class DayPlayed:
    """One finished day: what it started from and how it went."""

    index: int
    seed: int
    carry: DayCarry  # what the day started from (kept with the day, so it replays)
    left: Mapping[str, ResidentCarry]  # the street as the shift ended
    results: ShiftResults
    sim: Simulation
    flags: tuple[str, ...] = ()  # the scenario flags set when the shift ended, carried ones included


def first_carry(campaign: Campaign) -> DayCarry:
    return DayCarry(campaign.days[0].day)


def start_day(campaign: Campaign, index: int, carry: DayCarry,
              seed: int | None = None) -> Simulation:
    """Day ``index``'s shift from ``carry``; ``seed`` defaults to the day's own seed."""
    scenario = day_scenario(campaign, index, carry)
    return Simulation(scenario, day_seed(campaign.seed, index) if seed is None else seed, carry=carry)


def finish_day(index: int, sim: Simulation) -> DayPlayed:
    assert sim.carry is not None, "a campaign day starts from a carry"
    return DayPlayed(index, sim.seed, sim.carry, sim.carry_out(), sim.results(), sim,
                     flags_out(sim.state))


def after_day(campaign: Campaign, played: DayPlayed,
              evening: tuple[EveningChoice, ...] = ()) -> DayCarry | None:
    """The carry the next day starts from (after ``evening`` off duty), or None after the last day."""
    k = played.index + 1
    if k >= len(campaign.days):
        return None
    day = campaign.days[k]
    return next_day(played.left, played.carry, campaign.scenarios[day.scenario], day.day,
                    minutes_between(campaign, k), day.moves_in, evening, played.flags)


def run_campaign(campaign: Campaign, bot: str, seed: int | None = None,
                 on_day: Callable[[DayPlayed], None] | None = None,
                 start: int = 0, carry: DayCarry | None = None) -> list[DayPlayed]:
    """Let ``bot`` play the days from ``start`` (carry ``carry``) to the end of the campaign.

    ``seed`` replaces the campaign's seed (for a batch of different weeks).
    """
    if seed is not None:
        campaign = replace(campaign, seed=seed)
    carry = carry or first_carry(campaign)
    played: list[DayPlayed] = []
    for index in range(start, len(campaign.days)):
        sim = start_day(campaign, index, carry)
        run_shift(sim, make_bot(bot, sim.seed))
        day = finish_day(index, sim)
        played.append(day)
        if on_day is not None:
            on_day(day)
        following = after_day(campaign, day)
        if following is None:
            break
        carry = following
    return played


def week_of(campaign: Campaign, played: list[DayPlayed]) -> WeekDebrief:
    """The debrief of days played headless (their sessions not saved)."""
    days = [WeekDay(campaign.days[d.index].title, campaign.weekday(d.index),
                    campaign.days[d.index].day, d.carry, d.left, d.results.trust_start,
                    d.results.trust, d.results.score) for d in played]
    scenario = played[0].sim.scenario
    names = {r.id: r.name for r in scenario.residents}
    start = {r.id: r.trust for r in scenario.residents}
    return week_debrief(days, names, start, worry_texts(d.sim.scenario for d in played))
