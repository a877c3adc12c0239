"""Scenario flags carry from day to day: what was chosen on Monday is still chosen on Tuesday."""

from __future__ import annotations

import json
from dataclasses import replace
from types import MappingProxyType

import game.sim.actions as act
from campaigns import campaign_on, play_week, shop_street
from game.scenario.model import Choice, FlagIs, Node
from game.sim.carry import DayCarry
from game.sim.simulation import Simulation

CALLBACK = "Ask how things went since yesterday."


def remembering_shop_street():
    """The shop argument where hearing both sides sets a flag, and a choice asks after it."""
    base = shop_street()
    argument = base.encounters[0]
    opening = argument.nodes["open"]
    hear, threaten = opening.choices
    choices = (replace(hear, sets=("heard_both",)), threaten,
               Choice(CALLBACK, 0.5, ("respect",), "end", requires=(FlagIs("heard_both"),)))
    nodes = MappingProxyType({**argument.nodes, "open": Node("open", opening.text, choices)})
    return replace(base, encounters=(replace(argument, nodes=nodes),))


def offered_at_the_shop(sim: Simulation) -> tuple[str, ...]:
    """Answer the shop call; the lines the argument offers when it opens."""
    while not sim.active_calls():
        sim.step()
    sim.apply(act.RespondToCall("c1"))
    while sim.open_encounter is None:
        sim.step()
    return tuple(c.say for c in sim.open_encounter.choices)


def test_a_flag_set_on_one_day_is_still_set_the_next() -> None:
    offered: list[tuple[str, ...]] = []

    def each_day(sim: Simulation, index: int) -> None:
        offered.append(offered_at_the_shop(sim))
        if index == 0:
            sim.apply(act.Choose(0))  # "Hear both sides.": sets the flag

    played = play_week(campaign_on(remembering_shop_street(), [1, 2, 3]), each_day)
    assert CALLBACK not in offered[0]
    assert CALLBACK in offered[1] and CALLBACK in offered[2]
    assert played[0].carry.flags == ()
    assert played[1].carry.flags == ("heard_both",) == played[2].carry.flags


def test_a_day_without_the_choice_carries_no_flag() -> None:
    def each_day(sim: Simulation, index: int) -> None:
        offered_at_the_shop(sim)
        sim.apply(act.Choose(1))  # "Threaten arrest.": sets nothing

    played = play_week(campaign_on(remembering_shop_street(), [1, 2]), each_day)
    assert played[1].carry.flags == ()


def test_a_carry_stored_before_flags_were_carried_reads_as_no_flags() -> None:
    stored = DayCarry(3, flags=("heard_both",)).to_dict()
    assert DayCarry.from_dict(json.loads(json.dumps(stored))).flags == ("heard_both",)
    del stored["flags"]
    assert DayCarry.from_dict(stored) == DayCarry(3)
