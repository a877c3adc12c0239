"""One test per validation rule of the format (game.scenario.rules): a single edit to a valid
scenario must produce exactly this diagnostic line, pointing at the offending value."""

from __future__ import annotations

from pathlib import Path

import pytest
from edits import diagnostics_after_edit

from game.scenario import ScenarioError, load_scenario_text

MAPLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "scenarios" / "valid" / "maple.yaml"
BASE = MAPLE.read_text(encoding="utf-8")

# (rule, text to find (exactly once), replacement, the diagnostic line expected)
CASES: list[tuple[str, str, str, str]] = [
    # --- fields: unknown, missing, duplicate ---------------------------------------------
    ("unknown-field", "    openness: 0.6", "    opennes: 0.6",
     "30:5: residents[0].opennes: unknown field 'opennes' (did you mean 'openness'?)"),
    ("unknown-top-field", "tuning: {}", "tunning: {}",
     "86:1: tunning: unknown field 'tunning' (did you mean 'tuning'?)"),
    ("missing-field-points-at-mapping", "    name: Loretta Jones\n", "",
     "26:5: residents[0].name: missing required field 'name'"),
    ("duplicate-key", "    name: Loretta Jones\n", "    name: Loretta Jones\n    name: Again\n",
     "28:5: residents[0].name: duplicate key 'name' (each key may appear once; the first "
     "is at line 27)"),
    ("comma-in-flow-text", "Learn four residents' stories,", "Learn four, residents' stories,",
     "11:37: objectives[0][\"residents' stories\"]: unknown field 'residents' stories' (a "
     "comma inside { } starts a new field: put text with commas in quotes)"),
    # --- types and ranges ----------------------------------------------------------------
    ("format-is-1-or-2", "format: 1", "format: 3",
     "3:9: format: must be 1 or 2, got 3 (this game reads formats 1 or 2)"),
    ("difficulty-range", "difficulty: 1 ", "difficulty: 4 ",
     "7:13: difficulty: must be between 1 and 3, got 4"),
    ("difficulty-whole", "difficulty: 1 ", "difficulty: 1.5 ",
     "7:13: difficulty: expected a whole number between 1 and 3, got the number 1.5"),
    ("trust-range", "trust: 35", "trust: 135",
     "29:12: residents[0].trust: must be between 0 and 100, got 135"),
    ("number-as-text", "trust: 35", 'trust: "35"',
     "29:12: residents[0].trust: expected a number between 0 and 100, got text '35'"),
    ("exponent-in-range-terms", "trust: 35", "trust: 1e308",
     "29:12: residents[0].trust: must be between 0 and 100, got 1e308"),
    ("exponent-past-float", "trust: 35", "trust: 1e999",
     "29:12: residents[0].trust: 1e999 is too large a number; it must be between 0 and 100"),
    ("openness-range", "openness: 0.6", "openness: 1.6",
     "30:15: residents[0].openness: must be between 0 and 1, got 1.6"),
    ("influence-nan", "influence: 0.9", "influence: .nan",
     "31:16: residents[0].influence: expected a number between 0 and 1, got the number .nan"),
    ("familiarity-range", "{familiarity: 0.2,", "{familiarity: -0.2,",
     "34:23: residents[0].story[0].familiarity: must be between 0 and 1, got -0.2"),
    ("text-as-number", "    name: Loretta Jones", "    name: 1984",
     "27:11: residents[0].name: expected text, got the number 1984 (put it in quotes to "
     "make it text)"),
    ("yes-is-not-text", "    name: Dre Walker", "    name: yes",
     "39:11: residents[1].name: expected text, got 'yes' (a yes/no value) (put it in "
     "quotes to make it text)"),
    ("empty-value", "    home: jones-porch", "    home:",
     "28:10: residents[0].home: expected the id of a place, got nothing (write a value "
     "after the colon)"),
    ("blank-text", "title: Maple Street in July", 'title: "  "',
     "5:8: title: must not be empty"),
    ("list-expected", 'schedule: [{from: "16:00", to: "20:00", at: jones-porch}]',
     'schedule: {from: "16:00", to: "20:00", at: jones-porch}',
     "32:15: residents[0].schedule: expected a list, got a mapping (put it in [ ] to make a list of one)"),
    ("no-residents", "residents:\n  - id: loretta-jones",
     "residents: []\nold:\n  - id: loretta-jones",
     "25:12: residents: needs at least 1 item(s)"),
    ("shift-minutes", "minutes: 480", "minutes: 0",
     "8:34: shift.minutes: must be between 1 and 1439, got 0"),
    ("seconds-per-minute", "seconds_per_minute: 1.5", "seconds_per_minute: 0",
     "8:59: shift.seconds_per_minute: must be between 0.1 and 60, got 0"),
    ("priority-range", "priority: 1, kind", "priority: 4, kind",
     "47:50: calls[0].priority: must be between 1 and 3, got 4"),
    ("window-positive", "window_minutes: 6}", "window_minutes: -6}",
     "47:122: calls[0].window_minutes: must be greater than 0 and at most 1440, got -6"),
    ("weight-positive", "check: {stories_heard: 4}, weight: 2",
     "check: {stories_heard: 4}, weight: 0",
     "11:91: objectives[0].weight: must be greater than 0 and at most 1000, got 0"),
    ("bool-expected", "{on_duty_needs_approval: true}", "{on_duty_needs_approval: maybe}",
     "85:42: policies.social_media.on_duty_needs_approval: expected true or false, got "
     "text 'maybe'"),
    ("foreign-tag", "title: Maple Street in July", 'title: !!python/object/apply:os.system ["ls"]',
     "5:8: title: expected text, got a list tagged '!!python/object/apply:os.system' "
     "(tags are not allowed: scenarios hold plain data only)"),
    ("custom-tag", "title: Maple Street in July", "title: !shout Maple Street",
     "5:8: title: expected text, got 'Maple Street' tagged '!shout' (tags are not "
     "allowed: scenarios hold plain data only)"),
    ("merge-key", "  - id: dre-walker\n", "  - id: dre-walker\n    <<: {trust: 20}\n",
     "39:5: residents[1][\"<<\"]: unknown field '<<' (merge keys (<<) are not supported; "
     "write the fields out)"),
    # --- ids -----------------------------------------------------------------------------
    ("slug", "id: maple-street-summer", "id: Maple_Street",
     "4:5: id: 'Maple_Street' is not a valid name (ids are lowercase slugs: a-z, 0-9 and "
     "'-'; try 'maple-street')"),
    ("duplicate-id", "{id: walker-porch, at: [11, 0], kind: porch}",
     "{id: shop, at: [11, 0], kind: porch}",
     "23:10: places[2].id: duplicate id 'shop' (ids must be unique in the list; the first "
     "is at line 22)"),
    ("duplicate-concern-id", "follow_up: shop}",
     "follow_up: shop}\n      - {id: streetlight, text: Again.}",
     "38:14: residents[0].concerns[1].id: duplicate id 'streetlight' (ids must be unique "
     "in the list; the first is at line 37)"),
    # --- references ----------------------------------------------------------------------
    ("home", "    home: jones-porch", "    home: jones-porh",
     "28:11: residents[0].home: unknown place 'jones-porh' (did you mean 'jones-porch'?)"),
    ("schedule-at", 'to: "19:00", at: park}', 'to: "19:00", at: prak}',
     "42:42: residents[1].schedule[0].at: unknown place 'prak' (did you mean 'park'?)"),
    ("follow-up", "follow_up: shop}", "follow_up: shops}",
     "37:86: residents[0].concerns[0].follow_up: unknown place 'shops' (did you mean 'shop'?)"),
    ("call-place", "place: shop, priority", "place: school, priority",
     "47:34: calls[0].place: unknown place 'school' (did you mean 'shop'?)"),
    ("event-place", "place: park, kind: kids_play", "place: bark, kind: kids_play",
     "49:56: events[0].place: unknown place 'bark' (did you mean 'park'?)"),
    ("tie-end", "[loretta-jones, dre-walker, 0.8]", "[loretta-jones, dre-walkr, 0.8]",
     "45:21: ties[0][1]: unknown resident 'dre-walkr' (did you mean 'dre-walker'?)"),
    ("with", "    with: [loretta-jones]\n    start: open\n    nodes:\n      open:\n        text: Two",
     "    with: [loretta-joans]\n    start: open\n    nodes:\n      open:\n        text: Two",
     "53:12: encounters[0].with[0]: unknown resident 'loretta-joans' (did you mean "
     "'loretta-jones'?)"),
    ("trigger-call", "when: {call: c1}", "when: {call: c2}",
     "52:18: encounters[0].when.call: unknown call 'c2' (known calls: c1)"),
    ("trigger-event", "when: {event: water-day}", "when: {event: water-fun}",
     "66:19: encounters[1].when.event: unknown event 'water-fun' (did you mean 'water-day'?)"),
    ("trigger-resident", "when: {resident: dre-walker,", "when: {resident: dre,",
     "76:22: encounters[2].when.resident: unknown resident 'dre' (known residents: "
     "loretta-jones, dre-walker)"),
    ("violates", "violates: social_media}", "violates: social-media}",
     "74:83: encounters[1].nodes.open.choices[1].violates: unknown policy 'social-media' "
     "(did you mean 'social_media'?)"),
    ("violates-replaced-default", "  social_media: {on_duty_needs_approval: true}",
     "  charity: {text: No gifts.}",
     "74:83: encounters[1].nodes.open.choices[1].violates: unknown policy 'social_media' "
     "(known policies: charity)"),
    # --- ties ----------------------------------------------------------------------------
    ("tie-self", "[loretta-jones, dre-walker, 0.8]", "[loretta-jones, loretta-jones, 0.8]",
     "45:21: ties[0][1]: 'loretta-jones' is tied to itself (a tie joins two different residents)"),
    ("tie-repeated-reversed", "  - [loretta-jones, dre-walker, 0.8]",
     "  - [loretta-jones, dre-walker, 0.8]\n  - [dre-walker, loretta-jones, 0.2]",
     "46:5: ties[1]: 'dre-walker' and 'loretta-jones' are already tied at ties[0] (ties "
     "are undirected: list each pair once; the first is at line 45)"),
    ("tie-weight", "dre-walker, 0.8]", "dre-walker, 1.8]",
     "45:33: ties[0][2]: must be between 0 and 1, got 1.8"),
    ("tie-shape", "dre-walker, 0.8]", "dre-walker]",
     "45:5: ties[0]: expected 3 values [resident, resident, weight], got 2"),
    # --- map -----------------------------------------------------------------------------
    ("row-width", "    ....C####....S\n", "    ....C####...S\n",
     "18:18: map.rows: row 1 is 13 characters wide, row 0 is 14 (every row must be as wide "
     "as the first)"),
    ("legend-key-length", '"H": house', '"HH": house',
     "15:49: map.legend.HH: 'HH' is not a single character (each map tile is one character)"),
    ("legend-value", '"=": park', '"=": prak',
     "15:43: map.legend[\"=\"]: unknown tile kind 'prak' (did you mean 'park'?)"),
    ("char-not-in-legend", "    ==========....\n", "    =====X====....\n",
     "19:10: map.rows: map character 'X' at [5, 2] is not in the legend (add it to "
     'map.legend, e.g. "X": house)'),
    ("no-car-spawn", "    ....C####....S\n", "    .....####....S\n",
     "16:9: map.rows: the map has no car_spawn tile (mark where the patrol car starts "
     "with a legend character for car_spawn)"),
    ("two-car-spawns", "    ==========....\n", "    ==========..C.\n",
     "19:17: map.rows: a second car_spawn tile at [12, 2] (the map needs exactly one; the "
     "first is at [4, 1])"),
    ("car-spawn-off-road", "    ....C####....S\n", "    ...C.####....S\n",
     "18:8: map.rows: the car_spawn at [3, 1] does not touch a road (put it beside a road tile so "
     "the car can drive away)"),
    ("place-walled-in", "    ....C####....S\n", "    ..H.C####....S\n",
     "21:27: places[0].at: [2, 0] cannot be reached on foot from the car spawn (houses wall it in: "
     "open a sidewalk, yard or porch tile next to it)"),
    ("place-outside-map", "{id: shop, at: [13, 1]", "{id: shop, at: [14, 1]",
     "23:20: places[2].at: [14, 1] is outside the map (columns run 0..13, rows 0..2)"),
    ("place-on-wrong-tile", "{id: jones-porch, at: [2, 0]", "{id: jones-porch, at: [3, 0]",
     "21:27: places[0].at: a porch must sit on a porch tile, but [3, 0] is house (the "
     "nearest porch tile is [2, 0])"),
    ("place-kind", "{id: park, at: [4, 2], kind: park}", "{id: park, at: [4, 2], kind: prk}",
     "24:34: places[3].kind: unknown place kind 'prk' (did you mean 'park'?)"),
    ("place-kind-missing-on-map", "{id: park, at: [4, 2], kind: park}",
     "{id: park, at: [4, 2], kind: church}",
     "24:20: places[3].at: a church must sit on a church tile, but [4, 2] is park (the "
     "map has no church tile)"),
    # --- times ---------------------------------------------------------------------------
    ("time-format", 'at: "17:30"', 'at: "5:30pm"',
     "47:18: calls[0].at: '5:30pm' is not a time (write times as HH:MM, e.g. \"09:30\")"),
    ("time-before-shift", '{from: "17:00", to: "19:00", at: park}',
     '{from: "15:00", to: "19:00", at: park}',
     "42:16: residents[1].schedule[0].from: 15:00 is outside the shift (the shift runs "
     "16:00-00:00)"),
    ("time-after-shift", 'at: "17:30"', 'at: "00:01"',
     "47:18: calls[0].at: 00:01 is outside the shift (the shift runs 16:00-00:00)"),
    ("from-before-to", 'from: "18:00", to: "19:30"', 'from: "19:30", to: "18:00"',
     "49:40: events[0].to: ends at 18:00, not after it starts at 19:30 ('from' must be "
     "earlier than 'to')"),
    ("shift-start", 'start: "16:00"', 'start: "24:00"',
     "8:16: shift.start: '24:00' is not a time (write times as HH:MM, e.g. \"09:30\")"),
    # --- encounters ----------------------------------------------------------------------
    ("trigger-none", "when: {call: c1}", "when: {}",
     "52:11: encounters[0].when: needs exactly one of call, event, resident (found none)"),
    ("trigger-two", "when: {call: c1}", "when: {call: c1, event: water-day}",
     "52:11: encounters[0].when: needs exactly one of call, event, resident (found call, event)"),
    ("familiarity-needs-resident", "when: {call: c1}",
     "when: {call: c1, familiarity_at_least: 0.2}",
     "52:22: encounters[0].when.familiarity_at_least: 'familiarity_at_least' only applies "
     "together with 'resident'"),
    ("familiarity-range", "dre-walker, familiarity_at_least: 0.3}",
     "dre-walker, familiarity_at_least: 3}",
     "76:56: encounters[2].when.familiarity_at_least: must be between 0 and 1, got 3"),
    ("start", "    start: hello", "    start: helo",
     "78:12: encounters[2].start: unknown node 'helo' (did you mean 'hello'?)"),
    ("goto", "quality: 0.7, goto: heard}", "quality: 0.7, goto: herd}",
     "59:109: encounters[0].nodes.open.choices[0].goto: unknown node 'herd' (did you mean "
     "'heard'?)"),
    ("goto-other-encounter", "quality: 0.7, goto: heard}", "quality: 0.7, goto: hello}",
     "59:109: encounters[0].nodes.open.choices[0].goto: unknown node 'hello' (known "
     "nodes: open, heard)"),
    ("unreachable", "quality: 0.7, goto: heard}", "quality: 0.7}",
     "61:7: encounters[0].nodes.heard: node 'heard' cannot be reached from start 'open' "
     "(add a choice with goto: heard, or remove the node)"),
    ("never-ends", "{say: Ask how his summer is going., tags: [voice], quality: 0.5}",
     "{say: Ask how his summer is going., tags: [voice], quality: 0.5, goto: hello}",
     "80:7: encounters[2].nodes.hello: from node 'hello' the encounter can never end "
     "(give at least one choice on the way no goto)"),
    ("quality-range", "quality: 0.7, goto", "quality: 1.7, goto",
     "59:98: encounters[0].nodes.open.choices[0].quality: must be between -1 and 1, got 1.7"),
    ("tag", "tags: [voice, neutrality]", "tags: [voice, neutral]",
     "59:76: encounters[0].nodes.open.choices[0].tags[1]: unknown tag 'neutral' (did you "
     "mean 'neutrality'?)"),
    ("tag-twice", "tags: [voice, neutrality]", "tags: [voice, voice]",
     "59:76: encounters[0].nodes.open.choices[0].tags[1]: 'voice' is listed twice"),
    ("with-empty", "    with: [dre-walker, loretta-jones]", "    with: []",
     "77:11: encounters[2].with: needs at least 1 item(s)"),
    ("no-choices", "choices:\n          - {say: Ask how his summer is going., tags: [voice], quality: 0.5}",
     "choices: []",
     "82:18: encounters[2].nodes.hello.choices: needs at least 1 item(s)"),
    # --- objectives, tuning, debrief -----------------------------------------------------
    ("check-two", "check: {stories_heard: 4}", "check: {stories_heard: 4, trust_at_least: 50}",
     "11:63: objectives[0].check: needs exactly one of stories_heard, calls_in_time, "
     "trust_at_least (found stories_heard, trust_at_least)"),
    ("check-name", "check: {stories_heard: 4}", "check: {stories_herd: 4}",
     "11:64: objectives[0].check.stories_herd: unknown field 'stories_herd' (did you mean "
     "'stories_heard'?)"),
    ("calls-in-time-share", "share: 1.0}", "share: 2}",
     "12:104: objectives[1].check.calls_in_time.share: must be between 0 and 1, got 2"),
    ("trust-at-least-range", "check: {trust_at_least: 60}", "check: {trust_at_least: 160}",
     "13:100: objectives[2].check.trust_at_least: must be between 0 and 100, got 160"),
    ("tuning-name", "tuning: {}", "tuning: {gian: 12}",
     "86:10: tuning.gian: unknown field 'gian' (did you mean 'gain'?)"),
    ("tuning-range", "tuning: {}", "tuning: {tick_minutes: 0}",
     "86:24: tuning.tick_minutes: must be between 0.01 and 5, got 0"),
    ("tuning-share", "tuning: {}", "tuning: {spread: 1.5}",
     "86:18: tuning.spread: must be between 0 and 1, got 1.5"),
    ("tuning-value", "tuning: {}", "tuning: {gain: lots}",
     "86:16: tuning.gain: expected a number greater than 0 and at most 1000, got text 'lots'"),
    ("debrief-item", "  - What did you learn", "  - - What did you learn",
     "88:5: debrief[0]: expected text, got a list"),
]


@pytest.mark.parametrize(("find", "replace", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_rule(find: str, replace: str, expected: str) -> None:
    lines = diagnostics_after_edit(BASE, find, replace, "maple.yaml")
    assert f"maple.yaml:{expected}" in lines, "\n".join(lines)


def test_every_error_in_a_file_is_reported_in_file_order() -> None:
    text = (BASE.replace("difficulty: 1 ", "difficulty: 7 ")
            .replace("    home: jones-porch", "    home: nowhere")
            .replace("tuning: {}", "tuning: {gian: 1}"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "maple.yaml")
    assert [(d.line, d.path) for d in caught.value.diagnostics] == [
        (7, "difficulty"), (28, "residents[0].home"), (86, "tuning.gian")]


def test_map_shape_is_checked_even_when_the_legend_is_wrong() -> None:
    text = BASE.replace('"=": park', '"=": prak').replace("    ....C####....S\n", "    ....C####...S\n")
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "maple.yaml")
    assert [(d.line, d.column, d.path) for d in caught.value.diagnostics] == [
        (15, 43, 'map.legend["="]'), (18, 18, "map.rows")]


def test_many_errors_are_capped_with_a_count() -> None:
    residents = "".join(f"  - {{id: r{i}, name: R, home: nowhere}}\n" for i in range(80))
    text = BASE.replace("residents:\n", "residents:\n" + residents, 1)
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "maple.yaml")
    lines = caught.value.lines()
    assert len(caught.value.diagnostics) == 80
    assert len(lines) == 51 and lines[-1] == "... and 30 more errors"


def test_hopeless_files_stop_at_a_thousand_errors() -> None:
    residents = "".join(f"  - {{id: r{i}, name: R, home: nowhere}}\n" for i in range(3000))
    text = BASE.replace("residents:\n", "residents:\n" + residents, 1)
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "maple.yaml")
    assert caught.value.stopped_early
    assert caught.value.lines()[-1] == "... and 950 more errors (checking stopped there; fix these first)"
