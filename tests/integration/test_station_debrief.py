"""The instructor's flag and injected call reach the trainee's end-of-shift screen, the session
report and the class report, named by place and what dispatch said, never by an id."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pygame
import pytest
from ui_driver import record_rendered

from game.app.scenes.summary import SummaryScene
from game.bots import make_bot, run_shift
from game.report.class_report import class_moments, class_report
from game.report.instructor import MomentKind
from game.report.session_report import session_report
from game.scenario import load_scenario
from game.sessions import SessionStore
from game.sim import actions as act
from game.sim.instructor import call_pool
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]
SCENARIO = load_scenario(REPO / "scenarios" / "first-day.yaml")
NOTE = "Why park by the <market> here?"


@pytest.fixture(scope="module")
def marked_shift() -> Simulation:
    """A walked shift with one flag and one call from a radio generator injected mid-way."""
    entry = next(e for e in call_pool(SCENARIO.calls, SCENARIO.radio) if e.call_kind)
    sim = Simulation(SCENARIO, 5)
    sim.run(90)
    sim.apply(act.Flag(NOTE))
    sim.apply(act.InjectCall(entry.source, entry.call_kind, entry.place))
    run_shift(sim, make_bot("walk", 5))
    return sim


def _dispatch_words(sim: Simulation) -> tuple[str, str]:
    """The injected call's place name and what dispatch said, as the shift played it."""
    call = next(c.call for c in sim.calls if ":instructor-" in c.call.id)
    return SCENARIO.places_by_id[call.place].name, call.text


def _ids(sim: Simulation) -> set[str]:
    """The injected call's id and its radio's (the place id here is a plain word, "market")."""
    call = next(c.call for c in sim.calls if ":instructor-" in c.call.id)
    return {call.id, call.id.split(":")[0]}


def test_the_end_of_shift_screen_shows_the_flag_and_the_call(app, monkeypatch, marked_shift, tmp_path):
    drawn = record_rendered(monkeypatch)
    scene = SummaryScene(app, SCENARIO, marked_shift)
    assert [m.kind for m in scene.debrief.instructor] == [MomentKind.FLAG, MomentKind.CALL]
    screen = pygame.display.get_surface()
    scene.draw(screen)
    while scene.page.more_below:  # the whole page, scrolled through
        scene.page.offset += 200
        scene.draw(screen)
    pygame.image.save(screen, str(tmp_path / "summary.png"))
    text = " ".join(drawn)
    place, said = _dispatch_words(marked_shift)
    assert "Your instructor's flags and calls" in text
    assert NOTE in text and place in text and said.split()[0] in text
    assert not [i for i in _ids(marked_shift) if i in text]


def test_the_session_and_class_reports_show_the_flag_and_the_call(marked_shift, tmp_path):
    with SessionStore.open(tmp_path / "s.db") as store:
        marked = store.save(marked_shift, trainee="Ana")
        plain = Simulation(SCENARIO, 6)
        run_shift(plain, make_bot("walk", 6))
        store.save(plain, trainee="Ben")
        sessions = store.summaries()
        moments = class_moments(store, sessions)
        page = session_report(store.get(marked), SCENARIO)
    assert list(moments) == [marked]
    place, said = _dispatch_words(marked_shift)
    clock = SCENARIO.shift.clock(90 * marked_shift.dt)
    for document in (page, class_report(sessions, None, moments)):
        assert "The instructor&#x27;s flags and calls" in document
        assert "Why park by the &lt;market&gt; here?" in document and "<market>" not in document
        assert clock in document and f"{escape(place)}: {escape(said)}" in document
        assert not [i for i in _ids(marked_shift) if i in document]
    assert "flags and calls" not in class_report(sessions, None, {})
