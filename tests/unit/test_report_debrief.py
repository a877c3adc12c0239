"""The debrief data: who moved and why, and the tips the figures support."""

from __future__ import annotations

import pytest
from builders import street_scenario

from game.bots import make_bot, run_shift
from game.report.debrief import build_debrief, next_time
from game.scenario.model import Line, Scenario, Shift
from game.sim.ledger import DRIFT, WORD_OF_MOUTH, Source, SourceKind, TrustChange
from game.sim.results import CallOutcome, ResidentOutcome, ShiftResults
from game.sim.simulation import Simulation


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return street_scenario(shift=Shift(16 * 60, 150, 1.0), debrief=(Line("What did you learn?"),))


def results(**overrides) -> ShiftResults:
    base = dict(
        scenario="s", seed=0, trust=50.0, trust_start=50.0, safety=50.0, score=50.0,
        mean_response_minutes=None, calls_total=0, calls_in_time=0, stories_heard=4,
        foot_minutes=100.0, car_minutes=50.0,
        residents=tuple(ResidentOutcome(f"r{i}", f"Resident {i}", 50, 50, 0.2, 1, 0)
                        for i in range(3)),
    )
    base.update(overrides)
    return ShiftResults(**base)


def test_changes_add_up_per_resident(scenario: Scenario) -> None:
    sim = run_shift(Simulation(scenario, 5), make_bot("balanced", 5))
    debrief = build_debrief(sim.results(), sim.ledger(), scenario)
    assert debrief.questions == ("What did you learn?",)
    assert debrief.trust_end == sim.results().trust
    for r in debrief.residents:
        explained = sum(c.delta for c in r.contacts) + sum(w.delta for w in r.word_of_mouth) + r.drift
        assert explained == pytest.approx(r.change, abs=0.06)
        assert all(c.source != DRIFT and c.clock[2] == ":" for c in r.contacts)
    assert any(r.word_of_mouth for r in debrief.residents)
    assert [c.id for c in debrief.calls] == ["c1"]
    assert debrief.calls[0].place == "Corner shop" and debrief.calls[0].window_minutes == 6.0


def test_word_of_mouth_is_summed_per_source(scenario: Scenario) -> None:
    ledger = [TrustChange(10, 0, 1.0, "word of mouth", WORD_OF_MOUTH, via=1),
              TrustChange(20, 0, 0.5, "word of mouth", WORD_OF_MOUTH, via=1),
              TrustChange(20, 0, -2.0, "word of mouth", WORD_OF_MOUTH, via=2)]
    r = results(residents=tuple(ResidentOutcome(f"r{i}", f"Resident {i}", 50, 50 - 0.5 * (i == 0),
                                                0.2, 1, 0) for i in range(3)))
    first = build_debrief(r, ledger, scenario).residents[0]
    assert [(w.source, w.delta) for w in first.word_of_mouth] == [("Resident 2", -2.0),
                                                                  ("Resident 1", 1.5)]
    assert first.contacts == () and first.drift == 0.0


def titles(tips) -> list[str]:
    return [t.title for t in tips]


def test_mostly_in_the_car_with_few_stories_says_walk() -> None:
    tips = next_time(results(car_minutes=400.0, foot_minutes=20.0, stories_heard=0), [], [])
    assert titles(tips) == ["Park and walk the block"]
    assert "400 of 420 minutes" in tips[0].why and "no one's story" in tips[0].why


def test_late_priority_one_call_says_keep_the_car_near(scenario: Scenario) -> None:
    r = results(calls=(CallOutcome("c1", 1, "shop", 40, 14.0, False, window_minutes=6.0),))
    tips = build_debrief(r, [], scenario).tips
    assert titles(tips) == ["Keep the car within reach when calls are likely"]
    assert "16:40 call at Corner shop was reached after 14 min (window 6 min)" in tips[0].why


def test_negative_tags_name_the_component_to_practise() -> None:
    ledger = [TrustChange(5, i, -8.0, "threatening", Source(SourceKind.ENCOUNTER, "x"), ("threat",))
              for i in range(3)]
    ledger.append(TrustChange(9, 0, -4.0, "dismissive", Source(SourceKind.ENCOUNTER, "y"), ("dismissal",)))
    tips = next_time(results(), ledger, [])
    assert titles(tips) == ["Practise voice", "Practise trustworthy motives"]
    assert tips[1].why.startswith("1 answer came across as threatening")  # one choice, three people


def test_breaches_and_a_good_shift() -> None:
    assert titles(next_time(results(breaches=("social_media: posted",)), [], [])) == [
        "Check the policy before you act"]
    good = [TrustChange(5, 1, 3.0, "listened", Source(SourceKind.TALK, "listen"))]
    tip, = next_time(results(), good, [])
    assert tip.title == "Keep doing what worked" and "listened with Resident 1" in tip.why



def test_calls_nobody_helped_with_say_be_known_before_you_are_needed(scenario: Scenario) -> None:
    r = results(calls=(CallOutcome("c1", 2, "shop", 40, 3.0, True, status="unresolved",
                                   window_minutes=6.0),))
    tips = build_debrief(r, [], scenario).tips
    assert titles(tips) == ["Be known before you are needed"]
    assert "At 1 call nobody saw anything" in tips[0].why


def test_worries_heard_and_not_answered_say_report_back() -> None:
    tips = next_time(results(concerns_heard=3, concerns_followed_up=1), [], [])
    assert titles(tips) == ["Report back on what you hear"]
    assert "heard 3 worries and reported back on 1" in tips[0].why
    assert next_time(results(concerns_heard=2, concerns_followed_up=2), [], [])[0].title != \
        "Report back on what you hear"
