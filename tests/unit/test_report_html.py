"""Reports and the class export: hostile text stays text, pages are self-contained, CSV is safe."""

from __future__ import annotations

import csv
import dataclasses
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from builders import street_scenario

from game.bots import make_bot, run_shift
from game.report.class_report import class_report
from game.report.csv_export import COLUMNS, sessions_csv
from game.report.html import write_page
from game.report.session_report import session_report
from game.scenario.model import Line, Scenario, Shift
from game.sessions import Session, SessionStore
from game.sim.simulation import Simulation

HOSTILE = "<script>alert('x')</script> \"quoted\" & <b>bold</b>"
FORMULAS = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-3", "@SUM(A1)"]


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    base = street_scenario(shift=Shift(16 * 60, 120, 1.0))
    residents = tuple(dataclasses.replace(r, name=f"{HOSTILE} {r.id}") for r in base.residents)
    places = tuple(dataclasses.replace(p, name=HOSTILE) for p in base.places)
    return dataclasses.replace(base, title=HOSTILE, residents=residents, places=places,
                               debrief=(Line(HOSTILE), Line("Plain question?")))


@pytest.fixture(scope="module")
def sessions(scenario: Scenario, tmp_path_factory: pytest.TempPathFactory) -> list[Session]:
    with SessionStore.open(tmp_path_factory.mktemp("db") / "s.db") as store:
        for k, (bot, trainee) in enumerate(zip(("walk", "car", "random", "balanced", "walk"),
                                               [HOSTILE, *FORMULAS], strict=False)):
            store.save(run_shift(Simulation(scenario, k), make_bot(bot, k)), bot=bot, trainee=trainee)
        return [store.get(s.id) for s in store.summaries()]


class Page(HTMLParser):
    """What a browser would build from the document: tags, attributes and the visible text."""

    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(document)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "h1",
    "h2", "h3", "p", "div", "span", "b", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
    "td", "figure", "figcaption", "svg", "g", "rect", "line", "polyline", "circle", "text",
}


def assert_safe(document: str, *shown: str) -> Page:
    """No scripts, handlers or fetched resources; hostile strings arrive as text, not markup."""
    page = Page(document)
    assert page.tags <= ALLOWED_TAGS, page.tags - ALLOWED_TAGS
    names = {name for name, _ in page.attrs}
    assert not {n for n in names if n.startswith("on")} and not names & {"href", "src", "srcset"}
    text = "".join(page.text)
    for hostile in shown:
        assert hostile in text
    return page


def test_session_report_escapes_and_has_every_part(sessions: list[Session], scenario: Scenario,
                                                  tmp_path: Path) -> None:
    document = session_report(sessions[0], scenario)
    assert_safe(document, HOSTILE, f"{HOSTILE} r0")
    for heading in ("What to try next time", "Trust over the shift", "Where the shift went",
                    "Residents", "Calls for service", "Objectives", "Policy",
                    "Questions for the debrief"):
        assert f"<h2>{heading}</h2>" in document
    assert document.count("<svg") == 4  # trust chart, two maps, the map key
    assert "Plain question?" in document
    path = write_page(tmp_path / "out", document)
    assert path == tmp_path / "out" / "index.html"
    assert path.read_text(encoding="utf-8") == document


def test_class_report_escapes(sessions: list[Session]) -> None:
    document = class_report([s.summary for s in sessions], "test-street")
    assert_safe(document, HOSTILE, f"#1 {HOSTILE}", *FORMULAS)
    assert document.count("<circle") == 4 * len(sessions)  # two strip plots and two scatters


def test_csv_round_trip_and_formula_guard(sessions: list[Session]) -> None:
    text = sessions_csv([s.summary for s in sessions])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(sessions)
    assert rows[0]["trainee"] == HOSTILE
    assert [r["trainee"] for r in rows[1:]] == ["'" + f for f in FORMULAS]
    assert rows[0]["scenario_title"] == HOSTILE  # "<" is not a formula start
    for row, session in zip(rows, sessions, strict=True):
        summary = session.summary
        assert int(row["id"]) == summary.id and int(row["seed"]) == summary.seed
        assert float(row["trust"]) == pytest.approx(summary.trust, abs=0.005)
        assert float(row["score"]) == pytest.approx(summary.score, abs=0.005)
        assert float(row["foot_share"]) == pytest.approx(summary.foot_share, abs=1e-4)
        assert row["bot"] == summary.bot
