"""The week's debrief: grudges and promises as the days left them, and the HTML page escaping all text."""

from __future__ import annotations

from dataclasses import replace

from campaigns import (
    campaign_on,
    play_week,
    shop_street,
    talk_if_willing,
    threaten_at_the_shop,
    walk_home_to,
)
from game.campaign.runner import week_of
from game.report.week_report import week_report


def hostile_street():
    base = shop_street()
    residents = (replace(base.residents[0], name="<script>alert(1)</script> Jones"),
                 *base.residents[1:])
    return replace(base, residents=residents)


def threaten_then_hear_worries(sim, index: int) -> None:
    if index == 0:
        threaten_at_the_shop(sim)
        return
    walk_home_to(sim, 1)
    talk_if_willing(sim, "r1", "greet")
    talk_if_willing(sim, "r1", "listen")  # and never come back about it


def test_the_week_names_the_grudge_the_broken_promise_and_escapes_every_name() -> None:
    campaign = campaign_on(hostile_street(), [1, 2, 3, 6])
    played = play_week(campaign, threaten_then_hear_worries)
    week = week_of(campaign, played)
    (grudge,) = [g for g in week.grudges if g.resident == "r0"]
    assert grudge.began_on == 1 and grudge.over and not grudge.made_good
    assert week.broken >= 1 and week.kept == 0
    promise = next(p for p in week.promises if p.resident == "r1")
    assert promise.came_back_as_call  # heard on day 2, unanswered by day 6
    assert promise.worry == "Worry 1."  # the resident's words, from the scenario
    assert promise.worry in week_report("A week", week)
    # ... and on day 6 it rings in as a call at the place it was about
    (back,) = [c.call for c in played[-1].sim.calls if c.call.id == "back-r1-c1"]
    assert back.place == "shop" and "got worse" in back.text
    page = week_report("A <b>week</b>", week)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "A &lt;b&gt;week&lt;/b&gt;" in page
    assert "Trust per resident across the days" in page
    assert week.to_dict()["grudges"][0]["resident"] == "r0"
    assert {"concern": "c1", "worry": "Worry 1."}.items() <= next(
        p for p in week.to_dict()["promises"]["each"] if p["resident"] == "r1").items()
