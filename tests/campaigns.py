"""Small campaigns built in code over tests.builders' street, and helpers to play their days."""

from __future__ import annotations

from dataclasses import replace

from builders import have_talk, street_scenario, walk_home_to

import game.sim.actions as act
from game.campaign.model import Campaign, CampaignDay
from game.campaign.runner import DayPlayed, after_day, finish_day, first_carry, start_day
from game.sim.carry import DayCarry
from game.sim.simulation import Simulation


def quiet_street(**tuning: float):
    """The test street with nothing else going on: no calls, events or encounters, no backfires."""
    return street_scenario(tuning={"backfire_chance": 0.0, **tuning}, calls=(), events=(),
                           encounters=(), objectives=())


def shop_street():
    """The quiet street with its shop call and the argument at the shop, r0 watching."""
    shop = street_scenario()
    base = quiet_street()
    return replace(base, calls=tuple(c for c in shop.calls if c.id == "c1"),
                   encounters=shop.encounters)


def threaten_at_the_shop(sim: Simulation) -> None:
    """Answer the shop call and threaten arrest in front of r0: one bad contact."""
    while not sim.active_calls():
        sim.step()
    sim.apply(act.RespondToCall("c1"))
    while sim.open_encounter is None:
        sim.step()
    sim.apply(act.Choose(1))  # "Threaten arrest."


def campaign_on(scenario, calendar_days: list[int]) -> Campaign:
    days = tuple(CampaignDay(day, "street", f"Day {day}") for day in calendar_days)
    return Campaign("test-week", "Test week", days, seed=5, scenarios={"street": scenario})


def play_week(campaign: Campaign, each_day) -> list[DayPlayed]:
    """Play every day: ``each_day(sim, index)`` acts, then the shift runs to its end."""
    carry: DayCarry | None = first_carry(campaign)
    played = []
    for index in range(len(campaign.days)):
        assert carry is not None
        sim = start_day(campaign, index, carry)
        each_day(sim, index)
        sim.run()
        day = finish_day(index, sim)
        played.append(day)
        carry = after_day(campaign, day)
    return played


def talk_if_willing(sim: Simulation, rid: str, topic: str, concern: str | None = None) -> bool:
    """Have the talk if the resident will have it now; whether they did."""
    option = next((o for o in sim.talk_options(rid)
                   if o.topic == topic and (concern is None or o.concern == concern)), None)
    if option is None or not option.available:
        return False
    have_talk(sim, rid, topic, concern)
    return True


__all__ = ["campaign_on", "play_week", "quiet_street", "shop_street", "talk_if_willing",
           "threaten_at_the_shop", "walk_home_to"]
