"""Format 2 in the loader: every condition kind, flags, per-resident qualities, scene lines,
follow-up triggers, consequences and objectives load as data, and each mistake is one clear
message naming the line; a format-1 file that uses any of it is told to say format: 2."""

from __future__ import annotations

import pytest
from format2 import STARTER, street, street_text

from game.scenario import ScenarioError, load_scenario_text
from game.scenario.model import (
    ANY_POLICY,
    Attended,
    Between,
    CallResult,
    CallWas,
    EventAttended,
    FlagIs,
    FollowedUp,
    Measure,
    NoBreaches,
    PolicyBreached,
    ResidentLevel,
    ResidentPresent,
    StoryOf,
    TrustOf,
)


def _encounter(requires: str, sets: str = "[seen]") -> str:
    """One encounter at the park game that reads ``requires`` and sets a flag."""
    return f"""\
  - id: park-talk
    when: {{event: kids-play}}
    with: [ana-ortiz]
    start: open
    requires: [{requires}]
    nodes:
      open:
        text: Ana waves from the bench.
        choices:
          - {{say: Wave back., quality: 0.3, sets: {sets}}}
"""


@pytest.mark.parametrize(("written", "built"), [
    ("{flag: seen}", FlagIs("seen")),
    ("{not_flag: seen}", FlagIs("seen", is_set=False)),
    ("{breached: social_media}", PolicyBreached("social_media")),
    ("{breached: any}", PolicyBreached(ANY_POLICY)),
    ("{not_breached: any}", PolicyBreached(ANY_POLICY, breached=False)),
    ("{call_in_time: shop-dispute}", CallWas("shop-dispute", CallResult.IN_TIME)),
    ("{call_late: shop-dispute}", CallWas("shop-dispute", CallResult.LATE)),
    ("{call_missed: shop-dispute}", CallWas("shop-dispute", CallResult.MISSED)),
    ('{between: ["16:00", "16:30"]}', Between(120, 150)),
    ("{present: sam-lee}", ResidentPresent("sam-lee")),
    ("{absent: sam-lee}", ResidentPresent("sam-lee", present=False)),
    ("{attended: kids-play}", EventAttended("kids-play")),
    ("{played: kids-play}", EventAttended("kids-play", played=True)),
    ("{trust: {resident: ana-ortiz, at_least: 45}}",
     ResidentLevel("ana-ortiz", Measure.TRUST, 45.0, None)),
    ("{familiarity: {resident: sam-lee, at_least: 0.1, at_most: 0.4}}",
     ResidentLevel("sam-lee", Measure.FAMILIARITY, 0.1, 0.4)),
])
def test_each_condition_kind_loads_as_data(written: str, built: object) -> None:
    scenario = street(encounters=_encounter(written))
    assert scenario.encounters[0].requires == (built,)
    assert scenario.encounters[0].nodes["open"].choices[0].sets == ("seen",)


def _problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "street.yaml")
    return caught.value.lines()


def test_a_flag_read_but_never_set_is_an_error_with_did_you_mean() -> None:
    (line,) = _problems(street_text(encounters=_encounter("{flag: sen}")))
    assert "requires[0].flag: unknown flag 'sen'" in line and "did you mean 'seen'" in line


def test_a_flag_nobody_sets_says_so() -> None:
    (line,) = _problems(street_text(encounters=_encounter("{flag: seen}", sets="[other]")))
    assert "unknown flag 'seen'" in line and "did you mean" not in line


def test_format_1_is_told_to_migrate_for_a_format_2_field() -> None:
    text = street_text(encounters=_encounter("{flag: seen}")).replace("format: 2", "format: 1", 1)
    lines = _problems(text)
    assert any("encounters[0].requires: 'requires' needs format: 2, and this file is format 1"
               in line and "frontporch migrate FILE" in line for line in lines)
    assert any("'sets' needs format: 2" in line for line in lines)


def test_format_1_starter_still_loads_and_names_only_its_own_trigger_kinds() -> None:
    text = STARTER.replace("format: 2", "format: 1", 1)
    assert load_scenario_text(text, "one.yaml").format == 1
    broken = text.replace("when: {call: shop-dispute}", "when: {call: shop-dispute, event: kids-play}")
    (line,) = _problems(broken)
    assert line.endswith("needs exactly one of call, event, resident (found call, event)")


def test_a_per_resident_quality_moves_each_by_their_own() -> None:
    scenario = street(encounters="""\
  - id: both
    when: {event: kids-play}
    with: [ana-ortiz, sam-lee]
    start: open
    nodes:
      open:
        text: Ana and Sam disagree about the hose.
        choices:
          - {say: Side with Ana., quality: {ana-ortiz: 0.6, sam-lee: -0.4}}
          - {say: Hear both., quality: 0.5}
""")
    pleases, shorthand = scenario.encounters[0].nodes["open"].choices
    assert (pleases.quality_for("ana-ortiz"), pleases.quality_for("sam-lee")) == (0.6, -0.4)
    assert pleases.quality == pytest.approx(0.1)  # the mean, for the bots
    assert shorthand.quality_for("sam-lee") == 0.5


def test_a_per_resident_quality_names_exactly_the_residents_it_is_with() -> None:
    text = street_text(encounters="""\
  - id: one
    when: {event: kids-play}
    with: [ana-ortiz]
    start: open
    nodes:
      open:
        text: Ana waves.
        choices:
          - {say: Wave., quality: {sam-lee: 0.6}}
""")
    lines = _problems(text)
    assert any("choices[0].quality: names sam-lee, not in the encounter's with" in x for x in lines)
    assert any("gives no quality for ana-ortiz" in x for x in lines)


LINES = """\
  - id: park-talk
    when: {event: kids-play}
    with: [ana-ortiz]
    start: open
    nodes:
      open:
        text:
          - {text: "Ana has soaked you twice.", requires: [{played: kids-play}]}
          - {text: "Ana waves a water gun at you."}
        choices:
          - {say: Laugh., quality: 0.3}
          - {say: Ask for a turn., quality: 0.4, requires: [{not_flag: soaked}], sets: [soaked]}
"""


def test_scene_lines_keep_the_fallback_as_the_text() -> None:
    node = street(encounters=LINES).encounters[0].nodes["open"]
    assert node.text == "Ana waves a water gun at you."
    assert [line.text for line in node.lines] == ["Ana has soaked you twice."]
    assert node.choices[1].requires == (FlagIs("soaked", is_set=False),)


@pytest.mark.parametrize(("find", "replace", "message"), [
    ('{text: "Ana waves a water gun at you."}',
     '{text: "Ana waves.", requires: [{flag: soaked}]}',
     "the last line needs no requires: it is shown when no other fits"),
    ('{text: "Ana has soaked you twice.", requires: [{played: kids-play}]}',
     '{text: "Ana has soaked you twice."}', "a line without requires hides the lines after it"),
    ("{say: Laugh., quality: 0.3}", "{say: Laugh., quality: 0.3, requires: [{flag: soaked}]}",
     "every choice has requires, so none may be offered"),
    ("requires: [{played: kids-play}]", "requires: [{trust: {resident: ana-ortiz}}]",
     "a trust condition needs at_least or at_most"),
    ("requires: [{played: kids-play}]",
     "requires: [{familiarity: {resident: ana-ortiz, at_least: 0.5, at_most: 0.2}}]",
     "at_most 0.2 is below at_least 0.5"),
    ("when: {event: kids-play}", "when: {event: kids-play, after_minutes: 5}",
     "'after_minutes' only applies together with 'breach' or 'flag'"),
    ("requires: [{played: kids-play}]", "requires: [{played: kids-play, flag: soaked}]",
     "needs exactly one of flag, not_flag, breached"),
])
def test_each_mistake_in_conditions_is_one_clear_message(find: str, replace: str,
                                                         message: str) -> None:
    assert find in LINES
    lines = _problems(street_text(encounters=LINES.replace(find, replace, 1)))
    assert any(message in line for line in lines), lines


def test_follow_up_triggers_and_consequences_load() -> None:
    scenario = street(policies="""\
  social_media: {on_duty_needs_approval: true, text: Ask first., witness_quality: -0.3}
""", encounters="""\
  - id: sergeant
    when: {breach: social_media, after_minutes: 15}
    with: [ana-ortiz]
    start: open
    nodes:
      open:
        text: Sergeant Okafor on the radio.
        choices:
          - {say: Own it., quality: 0.2, turns_away: {sam-lee: 30}, leaves: [ana-ortiz]}
  - id: later
    when: {flag: owned, after_minutes: 5}
    with: [sam-lee]
    start: open
    nodes:
      open:
        text: Sam heard.
        choices:
          - {say: Nod., quality: 0.1, sets: [owned]}
""")
    sergeant, later = scenario.encounters
    assert (sergeant.trigger.kind, sergeant.trigger.target, sergeant.trigger.after_minutes) == (
        "breach", "social_media", 15.0)
    assert (later.trigger.kind, later.trigger.target) == ("flag", "owned")
    choice = sergeant.nodes["open"].choices[0]
    assert (dict(choice.turns_away), choice.leaves) == ({"sam-lee": 30.0}, ("ana-ortiz",))
    assert scenario.policies["social_media"].witness_quality == -0.3


def test_richer_objectives_and_conditional_questions_load() -> None:
    scenario = street(objectives="""\
  - {id: clean, text: No breaches, check: {no_breaches: true}}
  - {id: ana, text: Hear Ana's story, check: {story_of: ana-ortiz}}
  - {id: ana-trust, text: Ana at 60, check: {trust_of: {resident: ana-ortiz, at_least: 60}}}
  - {id: park, text: Go to the game, check: {attended: kids-play}}
  - {id: speed, text: Report back on speeding, check: {followed_up: speeding}}
""", debrief="""\
  - Always asked?
  - {text: "What did the game teach you?", requires: [{attended: kids-play}]}
""")
    assert [o.check for o in scenario.objectives] == [
        NoBreaches(), StoryOf("ana-ortiz"), TrustOf("ana-ortiz", 60.0), Attended("kids-play"),
        FollowedUp("speeding")]
    assert [(q.text, q.requires) for q in scenario.debrief] == [
        ("Always asked?", ()), ("What did the game teach you?", (EventAttended("kids-play"),))]


@pytest.mark.parametrize(("check", "message"), [
    ("{no_breaches: false}", "no_breaches can only be true"),
    ("{followed_up: speedng}", "unknown concern 'speedng'"),
    ("{story_of: ana}", "unknown resident 'ana'"),
])
def test_objective_mistakes(check: str, message: str) -> None:
    lines = _problems(street_text(objectives=f"  - {{id: o, text: O, check: {check}}}\n"))
    assert any(message in line for line in lines), lines
