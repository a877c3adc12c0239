"""Off duty between campaign days: every policy choice has a consequence the next shift counts
and the debrief explains, and lost sleep makes the next day's officer less patient."""

from __future__ import annotations

import pytest

from campaigns import campaign_on, play_week, quiet_street, talk_if_willing, walk_home_to
from game.campaign.evening import EVENING, EveningChoice, option
from game.campaign.runner import after_day, finish_day, first_carry, start_day, week_of
from game.report.week_report import week_report
from game.sim.feed import FeedEvent

POLICY_CHOICES = [o.choice for o in EVENING if o.policy is not None]


def day_after(choices: tuple[EveningChoice, ...], **tuning: float):
    """Day 1 with a hello to r0, the evening, and day 2's opening shift."""
    campaign = campaign_on(quiet_street(**tuning), [1, 2])
    sim = start_day(campaign, 0, first_carry(campaign))
    walk_home_to(sim)
    talk_if_willing(sim, "r0", "greet")
    sim.run()
    played = finish_day(0, sim)
    carry = after_day(campaign, played, choices)
    assert carry is not None
    return campaign, played, start_day(campaign, 1, carry)


def test_the_evening_offers_each_dilemma_of_the_department_rules() -> None:
    policies = {option(c).policy for c in POLICY_CHOICES}
    assert policies == {"social_media", "conflict_of_interest"}
    assert {EveningChoice.SHIFT_FOOTAGE_POST, EveningChoice.POST_KIDS_WITHOUT_CONSENT,
            EveningChoice.BUSINESS_DONATION, EveningChoice.PATROL_CAR_ERRAND,
            EveningChoice.DONATION_FOR_FAVOURS} <= set(POLICY_CHOICES)


@pytest.mark.parametrize("choice", POLICY_CHOICES, ids=lambda c: c.value)
def test_a_rule_broken_off_duty_is_a_breach_the_next_shift_shows_and_scores(choice) -> None:
    _, _, rested = day_after(())
    _, _, tomorrow = day_after((choice,))
    o = option(choice)
    assert [b.policy for b in tomorrow.breaches] == [o.policy]
    said = [i.text for i in tomorrow.feed.items if i.event is FeedEvent.BREACH]
    assert said and o.consequence.rstrip(".") in said[0]
    policy = {p.key: p.value for p in tomorrow.results().score_parts}["policy"]
    assert policy < {p.key: p.value for p in rested.results().score_parts}["policy"]


def test_posting_children_without_consent_costs_the_trust_of_those_featured() -> None:
    _, _, rested = day_after(())
    _, _, tomorrow = day_after((EveningChoice.POST_KIDS_WITHOUT_CONSENT,))
    assert tomorrow.trust.trust[0] < rested.trust.trust[0] - 1.0  # r0 was the one met


def test_a_plain_clothes_evening_builds_trust_and_costs_patience_tomorrow() -> None:
    _, _, rested = day_after((), backfire_chance=0.4)
    _, _, tomorrow = day_after((EveningChoice.PLAIN_CLOTHES_VISIT,), backfire_chance=0.4)
    assert tomorrow.trust.trust[0] > rested.trust.trust[0]
    assert tomorrow.carry.tired_hours == 2.0
    assert tomorrow.tuning.backfire_chance > rested.tuning.backfire_chance


def test_the_weeks_debrief_explains_each_evening() -> None:
    evenings = iter([(EveningChoice.BUSINESS_DONATION,)])
    campaign = campaign_on(quiet_street(), [1, 2])
    played = []
    carry = first_carry(campaign)
    for index in range(2):
        sim = start_day(campaign, index, carry)
        sim.run()
        day = finish_day(index, sim)
        played.append(day)
        carry = after_day(campaign, day, next(evenings, ())) or carry
    week = week_of(campaign, played)
    ((day, chosen),) = week.evenings()
    assert chosen.choice is EveningChoice.BUSINESS_DONATION and day.calendar_day == 2
    assert week.to_dict()["days"][1]["off_duty_before"][0]["policy"] == "conflict_of_interest"
    assert "may not take money from a business you police" in week_report("Week", week)


def test_a_bot_week_sleeps_every_night() -> None:
    played = play_week(campaign_on(quiet_street(), [1, 2]), lambda sim, index: None)
    assert all(d.carry.tired_hours == 0 and not d.carry.breaches for d in played)
