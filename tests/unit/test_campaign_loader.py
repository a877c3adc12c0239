"""The campaign file format: what loads, what is refused and how precisely, and the carry's round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import street_scenario
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.cli
from game.campaign.evening import EveningChoice
from game.campaign.loader import CampaignError, load_campaign, load_campaign_bytes
from game.campaign.model import WEATHERS, WEEKDAYS
from game.sim.carry import ConcernCarry, ConcernStatus, DayCarry, MorningChange, MorningKind, ResidentCarry
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]
STREET = street_scenario()


def find(name: str):
    return STREET if name == "street" else None


def load(text: str):
    return load_campaign_bytes(text.encode("utf-8"), "week.yaml", find)


def refusal(text: str) -> CampaignError:
    with pytest.raises(CampaignError) as caught:
        load(text)
    return caught.value


GOOD = """\
format: 1
id: a-week
title: A week
starts_on: tuesday
seed: 9
days:
  - {day: 1, scenario: street, title: First}
  - day: 3
    scenario: street
    title: Third
    weather: heat
    moves_in: [r2]
    events:
      - {id: party, from: "17:00", to: "18:00", place: park, kind: block_party}
"""


def test_the_shipped_campaign_loads_with_five_to_seven_days() -> None:
    campaign = load_campaign(REPO / "campaigns" / "maple-week.yaml")
    assert 5 <= len(campaign.days) <= 7
    assert [campaign.weekday(k) for k in range(len(campaign.days))][:2] == ["Monday", "Tuesday"]
    for day in campaign.days:  # 10-15 minutes of play each at 1x
        shift = campaign.scenarios[day.scenario].shift
        assert 10 * 60 <= shift.minutes * shift.seconds_per_minute <= 15 * 60


def test_a_good_file_loads_with_its_days_calendar_and_events() -> None:
    campaign = load(GOOD)
    assert campaign.id == "a-week" and campaign.seed == 9
    assert [d.day for d in campaign.days] == [1, 3]
    assert campaign.weekday(1) == "Thursday"
    assert campaign.days[1].moves_in == ("r2",)
    assert campaign.days[1].events[0].start == 60 and campaign.days[1].events[0].place == "park"


@pytest.mark.parametrize(("change", "where", "words"), [
    (("day: 3", "day: 1"), "week.yaml:8:5: days[1]:", "day 1 does not come after day 1"),
    (("scenario: street, title: First", "scenario: strete, title: First"),
     "week.yaml:7:24: days[0].scenario:", "there is no scenario file 'strete.yaml'"),
    (("[r2]", "[r22]"), "week.yaml:12:16: days[1].moves_in[0]:", "has no resident 'r22'"),
    (("place: park", "place: prak"), "days[1].events[0].place:", "unknown place 'prak'"),
    (('to: "18:00"', 'to: "23:30"'), "days[1].events[0].to:", "outside the shift"),
    (("id: party", "id: play"), "days[1].events[0]:", "already has an event 'play'"),
    (("weather: heat", "weather: hot"), "week.yaml:11:14: days[1].weather:", "unknown weather 'hot'"),
    (("starts_on: tuesday", "starts_on: tuseday"), "starts_on:", "did you mean 'tuesday'?"),
])
def test_mistakes_are_named_with_their_place_and_a_hint(change, where, words) -> None:
    old, new = change
    assert old in GOOD
    message = str(refusal(GOOD.replace(old, new, 1)))
    assert where in message and words in message, message


def test_a_scenario_that_does_not_load_is_named_on_the_day_that_plays_it() -> None:
    from game.scenario.errors import Diagnostic, ScenarioError

    def broken(name: str):
        raise ScenarioError("street.yaml", [Diagnostic("the file is empty")])

    with pytest.raises(CampaignError) as caught:
        load_campaign_bytes(GOOD.encode(), "week.yaml", broken)
    assert "scenario 'street' does not load: street.yaml: the file is empty" in str(caught.value)


def test_a_bad_campaign_file_exits_2_with_the_message(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nid: Bad Id\ntitle: x\ndays: []\n", encoding="utf-8")
    assert game.cli.main(["simulate", "--campaign", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml:2:5: id: 'Bad Id' is not a valid name" in err
    assert "days" in err


def test_tags_and_non_mappings_are_refused() -> None:
    assert "top level must be a mapping" in str(refusal("- 1\n- 2\n"))
    assert "tags are not allowed: campaigns hold plain data only" in \
        str(refusal("!!python/object:os.system {}\n"))
    assert "the file is empty" in str(refusal(""))


# --- properties -------------------------------------------------------------------------
slugs = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
titles = st.text(st.characters(codec="utf-8", categories=("L", "N", "Zs")), min_size=1,
                 max_size=30).filter(lambda t: t.strip() == t and t.strip())


@st.composite
def campaign_texts(draw: st.DrawFn) -> tuple[str, dict]:
    days = sorted(draw(st.sets(st.integers(1, 366), min_size=1, max_size=8)))
    spec = {"id": draw(slugs), "title": draw(titles), "starts_on": draw(st.sampled_from(WEEKDAYS)),
            "seed": draw(st.integers(0, 2**63 - 1)),
            "days": [{"day": d, "scenario": "street", "title": draw(titles),
                      "weather": draw(st.sampled_from(WEATHERS)),
                      "moves_in": draw(st.lists(st.sampled_from([r.id for r in STREET.residents]),
                                                unique=True, max_size=3))} for d in days]}
    return json.dumps({"format": 1, **spec}, ensure_ascii=False), spec  # JSON is YAML


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(campaign_texts())
def test_property_a_written_campaign_loads_back_as_written(case) -> None:
    text, spec = case
    campaign = load(text)
    assert (campaign.id, campaign.title, campaign.starts_on, campaign.seed) == \
        (spec["id"], spec["title"], spec["starts_on"], spec["seed"])
    assert [(d.day, d.title, d.weather, list(d.moves_in)) for d in campaign.days] == \
        [(d["day"], d["title"], d["weather"], d["moves_in"]) for d in spec["days"]]


@settings(max_examples=80, deadline=None)
@given(campaign_texts(), st.data())
def test_property_a_damaged_campaign_is_refused_cleanly(case, data) -> None:
    text, _ = case
    cut = data.draw(st.integers(0, len(text) - 1))
    junk = data.draw(st.sampled_from(["", "\t", "{", "- ", ": x", "\x00", "day: -1", "&a *a"]))
    try:
        load(text[:cut] + junk + text[cut + 1:])
    except CampaignError as exc:
        assert str(exc).startswith("week.yaml")


@st.composite
def carries(draw: st.DrawFn) -> DayCarry:
    today = draw(st.integers(1, 30))
    residents = {}
    for r in draw(st.lists(st.sampled_from(STREET.residents), unique_by=lambda r: r.id)):
        concerns = tuple(ConcernCarry(c.id, draw(st.sampled_from(list(ConcernStatus))),
                                      draw(st.integers(1, today)), draw(st.floats(0, 5)),
                                      draw(st.booleans()))
                         for c in r.concerns if draw(st.booleans()))
        residents[r.id] = ResidentCarry(draw(st.floats(0, 100)), draw(st.floats(0, 1)),
                                        draw(st.integers(0, len(r.story))), concerns,
                                        draw(st.integers(0, 40)), draw(st.text(max_size=20)))
    morning = tuple(MorningChange(draw(st.sampled_from(list(MorningKind))), rid, "x",
                                  draw(st.floats(-10, 0)), "news") for rid in residents)
    evening = tuple(c.value for c in draw(st.lists(st.sampled_from(list(EveningChoice)),
                                                    max_size=2)))
    breaches = tuple((draw(st.sampled_from(["social_media", "conflict_of_interest"])),
                      draw(st.text(max_size=30))) for _ in evening)
    flags = tuple(sorted(draw(st.sets(st.text(min_size=1, max_size=12), max_size=3))))
    return DayCarry(today, residents, morning, tuple((rid, "c0") for rid in residents), evening,
                    breaches, draw(st.floats(0, 12)), flags)


@settings(max_examples=60, deadline=None)
@given(carries())
def test_property_a_carry_survives_storage(carry: DayCarry) -> None:
    assert DayCarry.from_dict(json.loads(json.dumps(carry.to_dict()))) == carry


@settings(max_examples=40, deadline=None)
@given(carries())
def test_property_a_shift_started_from_a_carry_hands_the_same_street_on(carry: DayCarry) -> None:
    carry = DayCarry(carry.calendar_day, carry.residents)  # no news, no evening: nothing moves
    out = Simulation(STREET, 1, carry=carry).carry_out()
    for rid, rc in carry.residents.items():
        assert out[rid] == rc
    for rid in set(out) - set(carry.residents):  # the rest start as the scenario has them
        r = STREET.residents[STREET.resident_index[rid]]
        assert out[rid] == ResidentCarry(r.trust, 0.0)
