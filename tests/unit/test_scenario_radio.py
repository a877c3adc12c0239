"""The ``radio:`` section: what it builds, and one exact diagnostic per rule.

Each case makes a single edit to tests/fixtures/scenarios/valid/radio.yaml and
names the line that must appear, pointing at the offending value.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from edits import diagnostics_after_edit
from hypothesis import HealthCheck, given, settings
from radios import radio_yaml_data, radios

from game.scenario import load_scenario, load_scenario_text
from game.scenario.model import Shift

REPO = Path(__file__).resolve().parents[2]
RADIO = REPO / "tests" / "fixtures" / "scenarios" / "valid" / "radio.yaml"
BASE = RADIO.read_text(encoding="utf-8")
WITHOUT_RADIO = BASE[: BASE.index("radio:\n")]
PLACE_IDS = ("corner-porch", "back-porch", "night-shop", "lot")

# (rule, text to find (exactly once), replacement, the diagnostic line expected)
CASES: list[tuple[str, str, str, str]] = [
    ('unknown-kind-field', '        needs_reporter: true', '        needs_reportr: true',
     "33:9: radio[0].kinds[0].needs_reportr: unknown field 'needs_reportr' (did you mean 'needs_reporter'?)"),
    ('unknown-radio-field', '    places: {lot: 3, night-shop: 1}', '    place: {lot: 3, night-shop: 1}',
     "27:5: radio[0].place: unknown field 'place' (did you mean 'places'?)"),
    ('weighted-place-unknown', '{lot: 3, night-shop: 1}', '{lott: 3, night-shop: 1}',
     "27:14: radio[0].places.lott: unknown place 'lott' (did you mean 'lot'?)"),
    ('listed-place-unknown', '[corner-porch, back-porch]', '[corner-porch, back-prch]',
     "50:28: radio[1].places[1]: unknown place 'back-prch' (did you mean 'back-porch'?)"),
    ('place-listed-twice', '[corner-porch, back-porch]', '[corner-porch, corner-porch]',
     "50:28: radio[1].places[1]: 'corner-porch' is listed twice"),
    ('place-weight-zero', '{lot: 3, night-shop: 1}', '{lot: 0, night-shop: 1}',
     '27:19: radio[0].places.lot: must be greater than 0, got 0'),
    ('place-weight-text', '{lot: 3, night-shop: 1}', '{lot: lots, night-shop: 1}',
     "27:19: radio[0].places.lot: expected a number greater than 0, got text 'lots'"),
    ('place-pool-empty-list', '[corner-porch, back-porch]', '[]',
     '50:13: radio[1].places: needs at least 1 item(s)'),
    ('place-pool-empty-mapping', '{lot: 3, night-shop: 1}', '{}',
     '27:13: radio[0].places: needs at least 1 entry'),
    ('place-pool-text', '{lot: 3, night-shop: 1}', 'lot',
     "27:13: radio[0].places: expected a list of place ids or a mapping place id: weight, got text 'lot'"),
    ('band-overlap', '{from: "23:30", to: "01:00", per_hour: 3}', '{from: "23:00", to: "01:00", per_hour: 3}',
     '26:16: radio[0].rate[1].from: starts at 23:00, before rate[0] ends at 23:30 (rate bands may not '
     'overlap; between two bands no calls come in)'),
    ('band-backwards', '{from: "23:30", to: "01:00", per_hour: 3}',
     '{from: "01:00", to: "23:30", per_hour: 3}',
     "26:29: radio[0].rate[1].to: ends at 23:30, not after it starts at 01:00 ('from' must be earlier than "
     "'to')"),
    ('band-outside-shift', '{from: "00:30", to: "02:00", per_hour: 1}',
     '{from: "00:30", to: "02:30", per_hour: 1}',
     '49:29: radio[1].rate[0].to: 02:30 is outside the shift (the shift runs 22:00-02:00)'),
    ('band-rate-zero', 'per_hour: 1.5}', 'per_hour: 0}',
     '25:48: radio[0].rate[0].per_hour: must be greater than 0 and at most 60, got 0'),
    ('band-rate-too-high', 'per_hour: 1.5}', 'per_hour: 90}',
     '25:48: radio[0].rate[0].per_hour: must be greater than 0 and at most 60, got 90'),
    ('rate-empty', '    rate:\n      - {from: "00:30", to: "02:00", per_hour: 1}', '    rate: []',
     '48:11: radio[1].rate: needs at least 1 item(s)'),
    ('kinds-empty', '    kinds:\n      - kind: welfare-check',
     '    kinds: []\n    old:\n      - kind: welfare-check',
     '51:12: radio[1].kinds: needs at least 1 item(s)'),
    ('kind-twice', '      - kind: alarm', '      - kind: noise',
     "43:15: radio[0].kinds[1].kind: duplicate id 'noise' (ids must be unique in the list; the first is at "
     'line 29)'),
    ('kind-priority', '        priority: 2\n        window_minutes: 10',
     '        priority: 0\n        window_minutes: 10',
     '44:19: radio[0].kinds[1].priority: must be between 1 and 3, got 0'),
    ('kind-window', '        window_minutes: 10', '        window_minutes: 0',
     '45:25: radio[0].kinds[1].window_minutes: must be greater than 0, got 0'),
    ('kind-weight', '        weight: 2', '        weight: -1',
     '32:17: radio[0].kinds[0].weight: must be greater than 0, got -1'),
    ('texts-empty', 'texts: [The shop alarm is ringing.]', 'texts: []',
     '46:16: radio[0].kinds[1].texts: needs at least 1 item(s)'),
    ('text-twice', 'texts: [The shop alarm is ringing.]',
     'texts: [The shop alarm is ringing., The shop alarm is ringing.]',
     "46:45: radio[0].kinds[1].texts[1]: 'The shop alarm is ringing.' is listed twice"),
    ('needs-car-bool', 'needs_reporter: true', 'needs_reporter: true\n        needs_car: maybe',
     "34:20: radio[0].kinds[0].needs_car: expected true or false, got text 'maybe'"),
    ('needs-reporter-bool', 'needs_reporter: true', 'needs_reporter: often',
     "33:25: radio[0].kinds[0].needs_reporter: expected true or false, got text 'often'"),
    ('escalates-before-window', 'after_minutes: 20', 'after_minutes: 10',
     '38:26: radio[0].kinds[0].escalates.after_minutes: escalates after 10 minutes, before the 15-minute '
     'window closes (make after_minutes at least 15)'),
    ('escalates-whole-minutes', 'after_minutes: 20', 'after_minutes: 20.5',
     '38:26: radio[0].kinds[0].escalates.after_minutes: expected a whole number at least 1, '
     'got the number 20.5'),
    ('escalates-less-urgent', '{after_minutes: 15, kind: ambulance, priority: 1,',
     '{after_minutes: 15, kind: ambulance, priority: 3,',
     '56:67: radio[1].kinds[0].escalates.priority: escalates to priority 3, less urgent than its priority 2 '
     '(an unanswered call gets worse: use priority 2 or 1)'),
    ('escalation-missing-text', ', text: "The neighbor looked in the window: he is on the floor."}', '}',
     "56:20: radio[1].kinds[0].escalates.text: missing required field 'text'"),
    ('generator-id-slug', '  - id: porches', '  - id: Porches',
     "47:9: radio[1].id: 'Porches' is not a valid name (ids are lowercase slugs: a-z, 0-9 and '-'; try "
     "'porches')"),
    ('generator-id-twice', '  - id: porches', '  - id: street',
     "47:9: radio[1].id: duplicate id 'street' (ids must be unique in the list; the first is at line 23)"),
    ('radio-not-a-list', 'radio:\n  - id: street', 'radio: street\nold:\n  - id: street',
     "22:8: radio: expected a list, got text 'street'"),
]


@pytest.mark.parametrize(("find", "replace", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_rule(find: str, replace: str, expected: str) -> None:
    lines = diagnostics_after_edit(BASE, find, replace, "radio.yaml")
    assert f"radio.yaml:{expected}" in lines, "\n".join(lines)


def test_the_radio_builds_bands_as_shift_offsets_and_pools_as_weights() -> None:
    street, porches = load_scenario(RADIO).radio
    assert [(band.start, band.end, band.per_hour) for band in street.rate] == [
        (0, 90, 1.5), (90, 180, 3.0)]  # 22:00-23:30, then past midnight to 01:00
    assert dict(street.places) == {"lot": 3.0, "night-shop": 1.0}
    assert dict(porches.places) == {"corner-porch": 1.0, "back-porch": 1.0}  # a list weighs 1 each
    noise, alarm = street.kinds
    assert (noise.weight, noise.needs_reporter, alarm.weight, alarm.needs_reporter) == (
        2.0, True, 1.0, False)
    assert noise.escalation is not None and alarm.escalation is None
    assert (noise.escalation.after_minutes, noise.escalation.kind, noise.escalation.priority) == (
        20, "fight", 1)
    assert not (noise.needs_car or alarm.needs_car)  # priority 3 and 2: reachable on foot
    assert noise.escalation.needs_car  # the fight is priority 1: left out, it needs the car


def test_a_kind_or_its_escalation_can_need_the_car() -> None:
    text = BASE.replace("          window_minutes: 5\n", "          window_minutes: 5\n"
                        "          needs_car: true\n").replace(
        "        needs_reporter: true\n", "        needs_reporter: true\n        needs_car: true\n")
    noise, alarm = load_scenario_text(text, "radio.yaml").radio[0].kinds
    assert noise.needs_car and noise.escalation.needs_car and not alarm.needs_car


def test_a_scenario_without_a_radio_has_none() -> None:
    assert load_scenario_text(WITHOUT_RADIO, "night.yaml").radio == ()
    for path in sorted((REPO / "tests" / "fixtures" / "scenarios" / "valid").glob("*.yaml")):
        if path != RADIO:
            assert load_scenario(path).radio == ()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(radio=radios(240, PLACE_IDS))
def test_every_radio_the_rules_allow_loads_back_as_written(radio) -> None:
    shift = Shift(22 * 60, 240, 1.5)
    text = WITHOUT_RADIO + yaml.safe_dump({"radio": radio_yaml_data(radio, shift)},
                                          allow_unicode=True, sort_keys=False)
    assert load_scenario_text(text, "generated.yaml").radio == radio
