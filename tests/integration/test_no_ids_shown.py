"""Player-facing text never shows an id, a policy key or a raw familiarity figure.

Every shipped scenario is played by a bot through the play scene: the street and its HUD are
drawn as things happen, each scripted scene is drawn in its conversation panel, the pause menu
and the end screen at the end; every string rendered, every feed line, and the visible text of
the shift's HTML report are searched for the scenario's ids."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pygame
import pytest
import yaml
from ui_driver import record_rendered

import game.cli
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.play import PlayScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.week import WeekScene
from game.bots import make_bot, run_shift
from game.report.session_report import session_report
from game.scenario import load_scenario
from game.scenario.model import Scenario
from game.sessions import SessionStore
from game.sessions import campaigns as saved

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SHIPPED = sorted(SCENARIOS.glob("*.yaml"))
SCREEN = (1280, 720)
RAW_FAMILIARITY = re.compile(r"\d\.\d\d of \d")  # "(0.00 of 0.10)"


def prose(node: object) -> list[str]:
    """The scenario file's sentences (strings with a space): what its author wrote to be read."""
    if isinstance(node, dict):
        return [s for v in node.values() for s in prose(v)]
    if isinstance(node, list):
        return [s for v in node for s in prose(v)]
    return [node] if isinstance(node, str) and " " in node else []


def internal_names(scenario: Scenario, path: Path) -> list[str]:
    """Ids a trainee should never read: the scenario's own, calls, places, residents, policies,
    encounters, concerns, objectives. Plain words ("market") and words the author also wrote in a sentence
    ("double-parking") are English too, so only the other ids with a dash, an underscore or a
    digit are searched for."""
    ids = [scenario.id] + [c.id for c in scenario.calls] + [p.id for p in scenario.places]
    ids += [r.id for r in scenario.residents] + list(scenario.policies)
    ids += [e.id for e in scenario.encounters] + [o.id for o in scenario.objectives]
    ids += [c.id for r in scenario.residents for c in r.concerns]
    sentences = " ".join(prose(yaml.safe_load(path.read_text(encoding="utf-8"))))
    return sorted({i for i in ids if re.search(r"[-_0-9]", i)
                   and not re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", sentences)})


class Visible(HTMLParser):
    def __init__(self, document: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self._skip = 0
        self.feed(document)

    def handle_starttag(self, tag: str, attrs) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.text.append(data.strip())


@pytest.mark.slow
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_a_whole_shift_on_screen_and_in_the_report_shows_no_ids(app, monkeypatch, tmp_path, path):
    scenario = load_scenario(path)
    play = PlayScene(app, scenario)
    drawn = record_rendered(monkeypatch)
    surface = pygame.Surface(SCREEN)
    seen = {"feed": 0, "encounter": None}

    def look(sim) -> None:
        opened = sim.open_encounter
        if opened is not None and opened.node is not seen["encounter"]:
            seen["encounter"] = opened.node
            DialogueScene(app, play, None).draw(surface)
        if len(sim.feed.items) != seen["feed"] and int(sim.time) % 5 == 0:
            seen["feed"] = len(sim.feed.items)
            play.take_feed()
            play.animate(1 / 60)
            play.draw(surface)
            if play.hud.log:
                play.selected = play.hud.log[-1].resident  # the card of whoever was just in the news

    sim = run_shift(play.sim, make_bot("balanced", 1), look)
    PauseScene(app, play, play).draw(surface)
    SummaryScene(app, scenario, sim).draw(surface)
    with SessionStore.open(tmp_path / "s.db") as store:
        store.save(sim, bot="balanced")
        report = session_report(store.get(store.summaries()[0].id), scenario)
    texts = {"on screen": drawn, "in the feed": [i.text for i in sim.feed.items],
             "in the report": Visible(report).text}
    assert len(drawn) > 200
    names = internal_names(scenario, path)
    assert names
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    for where, strings in texts.items():
        leaks = sorted({s for s in strings if pattern.search(s)})
        assert not leaks, f"ids {where}: {leaks[:8]}"
        raw = sorted({s for s in strings if RAW_FAMILIARITY.search(s)})
        assert not raw, f"raw familiarity {where}: {raw[:8]}"
    assert "Knows you" in texts["in the report"]  # familiarity in words, not a percentage


def test_the_weeks_debrief_on_screen_in_its_report_and_listing_shows_worries_not_ids(
        app, monkeypatch, tmp_path, capsys):
    """The end-of-campaign screen, ``report --campaign RUN`` and ``sessions --campaigns`` name
    each worry by what the resident said, never by its id."""
    week_file = Path(__file__).resolve().parents[2] / "campaigns" / "maple-week.yaml"
    monkeypatch.setenv("FRONTPORCH_DB", str(tmp_path / "s.db"))
    assert game.cli.main(["simulate", "--campaign", str(week_file), "--bot", "balanced",
                          "--save"]) == 0
    capsys.readouterr()
    assert game.cli.main(["sessions", "--campaigns"]) == 0
    listing = capsys.readouterr().out
    assert game.cli.main(["report", "--campaign", "1", "--out", str(tmp_path / "week")]) == 0
    report = Visible((tmp_path / "week" / "index.html").read_text(encoding="utf-8")).text
    with SessionStore.open() as store:
        week = saved.week(store, 1)
        campaign = saved.stored_campaign(store, 1)
    assert week is not None and week.promises
    drawn = record_rendered(monkeypatch)
    scene = WeekScene(app, campaign.title, week)
    scene.draw(pygame.Surface(SCREEN))
    lines = [text for _, text in scene.lines()]
    for p in week.promises:  # each worry in the words the resident used
        assert any(p.worry in line for line in lines), p.worry
        assert p.worry in report, p.worry
    names = sorted({i for name, s in campaign.scenarios.items()
                    for i in internal_names(s, SCENARIOS / f"{name}.yaml")})
    assert {p.concern for p in week.promises} & set(names)  # the check can catch a worry's id
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    for where, strings in {"on screen": drawn, "in the report": report,
                           "in the listing": listing.splitlines()}.items():
        leaks = sorted({s for s in strings if pattern.search(s)})
        assert not leaks, f"ids {where}: {leaks[:8]}"
