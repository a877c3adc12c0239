"""The research findings a campaign must reproduce across days (docs/campaigns.md)."""

from __future__ import annotations

import game.sim.actions as act
from campaigns import (
    campaign_on,
    play_week,
    quiet_street,
    shop_street,
    talk_if_willing,
    threaten_at_the_shop,
    walk_home_to,
)
from game.sim.carry import ConcernStatus


def test_peyton_2019_one_porch_contact_still_shows_21_days_later() -> None:
    scenario = quiet_street()
    baseline = scenario.residents[0].trust
    after_visit: list[float] = []

    def one_visit(sim, index):
        if index == 0:
            walk_home_to(sim)
            talk_if_willing(sim, "r0", "porch")
            after_visit.append(float(sim.trust.trust[0]))

    week = play_week(campaign_on(scenario, [1, 22]), one_visit)
    gain = after_visit[0] - baseline
    left = week[1].carry.residents["r0"].trust - baseline  # day 22 starts from this
    assert gain > 1.0
    assert left >= 0.4 * gain  # at least 40% of the gain remains three weeks on
    assert left > 0.5  # and it is still measurable


def bad_contact_then_visits(sim, index: int) -> None:
    """Day 1: answer the shop call and threaten arrest in front of r0. Later days: a good
    visit whenever r0 will talk."""
    if index == 0:
        threaten_at_the_shop(sim)
        return
    walk_home_to(sim)
    for topic in ("greet", "porch", "story"):
        talk_if_willing(sim, "r0", topic)


def test_skogan_2006_a_grudge_after_one_bad_contact_takes_several_good_days_to_undo() -> None:
    scenario = shop_street()
    before = scenario.residents[0].trust
    week = play_week(campaign_on(scenario, list(range(1, 9))), bad_contact_then_visits)
    trust = [d.left["r0"].trust for d in week]
    assert trust[0] < before - 5.0  # one bad contact: a big loss
    assert week[0].left["r0"].grudge_until > 2  # and a grudge
    refused = [d.sim.talk_options("r0")[0].available is False for d in week[1:]]
    assert refused[0]  # the next day they will not talk
    recovered = next((k for k, t in enumerate(trust) if t >= before), None)
    assert recovered is None or recovered >= 4  # several good days later, if at all


def worry_week(strategy: str) -> float:
    """r0's trust after a three-day week: greet daily; maybe hear the worry; maybe report back."""
    scenario = quiet_street()

    def day(sim, index):
        walk_home_to(sim)
        talk_if_willing(sim, "r0", "greet")
        if index == 0 and strategy != "never-heard":
            talk_if_willing(sim, "r0", "listen")
        if index == 0 and strategy == "kept":
            sim.apply(act.WalkTo(*sim.places["shop"].at))  # look into it
            while sim.officer.route:
                sim.step()
            walk_home_to_again(sim)
            assert talk_if_willing(sim, "r0", "follow_up", "c0")

    week = play_week(campaign_on(scenario, [1, 2, 3]), day)
    status = {c.id: c.status for c in week[-1].left["r0"].concerns}
    if strategy == "kept":
        assert status["c0"] is ConcernStatus.FOLLOWED_UP
    elif strategy == "let-down":
        assert status["c0"] is ConcernStatus.BROKEN
    return week[-1].left["r0"].trust


def walk_home_to_again(sim) -> None:
    sim.apply(act.WalkTo(*sim.places[sim.residents[0].home].at))
    while sim.officer.route:
        sim.step()


def test_blair_2021_worries_heard_and_never_followed_up_end_no_better_than_never_heard() -> None:
    never, let_down, kept = (worry_week(s) for s in ("never-heard", "let-down", "kept"))
    assert let_down <= never + 0.05
    assert kept > never + 1.0


def test_a_broken_promise_costs_more_than_keeping_it_pays() -> None:
    never, let_down, kept = (worry_week(s) for s in ("never-heard", "let-down", "kept"))
    assert never - let_down > kept - never > 0
