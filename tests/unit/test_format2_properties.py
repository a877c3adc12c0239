"""Properties of format 2: a format-1 file migrated to format 2 plays the very same shift,
and a condition's answer depends only on (scenario, seed, actions) and changes nothing."""

from __future__ import annotations

from pathlib import Path

from format2 import street
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.bots.batch import play_one
from game.scenario import load_scenario, load_scenario_text
from game.scenario.migrate import migrate_text
from game.scenario.model import (
    ANY_POLICY,
    Between,
    CallResult,
    CallWas,
    Condition,
    EventAttended,
    FlagIs,
    Measure,
    PolicyBreached,
    ResidentLevel,
    ResidentPresent,
)
from game.sim.conditions import holds
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]
FORMAT_1 = sorted(p for p in (REPO / "tests/fixtures/scenarios/valid").glob("*.yaml")
                  if load_scenario(p).format == 1)
SLOW = settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_there_are_format_1_files_to_migrate() -> None:
    assert len(FORMAT_1) >= 2


@SLOW
@given(path=st.sampled_from(FORMAT_1), seed=st.integers(0, 2**31 - 1),
       bot=st.sampled_from(["balanced", "walk", "car"]))
def test_a_migrated_file_plays_the_same_shift(path: Path, seed: int, bot: str) -> None:
    text = path.read_text(encoding="utf-8")
    migrated = migrate_text(text, str(path))
    assert migrated is not None and migrated.count("\n") == text.count("\n")
    before = load_scenario_text(text, str(path))
    after = load_scenario_text(migrated, str(path))
    assert after.format == 2
    one, two = play_one(before, bot, seed), play_one(after, bot, seed)
    assert one.to_dict() == two.to_dict()


RESIDENTS = ("ana-ortiz", "sam-lee")
CONDITIONS: st.SearchStrategy[Condition] = st.one_of(
    st.builds(FlagIs, st.just("seen"), st.booleans()),
    st.builds(PolicyBreached, st.sampled_from(["social_media", ANY_POLICY]), st.booleans()),
    st.builds(CallWas, st.just("shop-dispute"), st.sampled_from(list(CallResult))),
    st.integers(0, 239).flatmap(lambda a: st.builds(Between, st.just(a), st.integers(a + 1, 240))),
    st.builds(ResidentPresent, st.sampled_from(RESIDENTS), st.booleans()),
    st.builds(ResidentLevel, st.sampled_from(RESIDENTS), st.just(Measure.TRUST),
              st.floats(0, 100), st.none() | st.floats(0, 100)),
    st.builds(ResidentLevel, st.sampled_from(RESIDENTS), st.just(Measure.FAMILIARITY),
              st.none() | st.floats(0, 1), st.floats(0, 1)),
    st.builds(EventAttended, st.just("kids-play"), st.booleans()),
)
STREET = street()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conditions=st.lists(CONDITIONS, min_size=1, max_size=6), seed=st.integers(0, 1000),
       minute=st.integers(0, 200))
def test_conditions_answer_the_same_for_the_same_shift_and_change_nothing(
        conditions: list[Condition], seed: int, minute: int) -> None:
    sims = [Simulation(STREET, seed), Simulation(STREET, seed)]
    for sim in sims:
        sim.run(until_tick=round(minute / sim.dt))
    first = [holds(c, sims[0].state) for c in conditions]
    assert first == [holds(c, sims[1].state) for c in conditions]
    assert first == [holds(c, sims[0].state) for c in conditions]
    for sim in sims:
        sim.run()
    assert sims[0].results().to_dict() == sims[1].results().to_dict()
