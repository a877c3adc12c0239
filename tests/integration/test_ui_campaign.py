"""A five-day campaign played end to end through the window: each day briefed, played by the
autoplay bot through the real interface, saved as it ends, the next day from the summary, the
week's debrief at the end; the title screen offers "Continue the week" while one is unfinished."""

from __future__ import annotations

from pathlib import Path

import pygame
from ui_driver import Keyboard

from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.evening import EveningScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.title import TitleScene
from game.app.scenes.week import WeekScene
from game.campaign.loader import load_campaign
from game.sessions import SessionStore
from game.sessions import campaigns as saved

REPO = Path(__file__).resolve().parents[2]


def test_a_five_day_week_plays_through_the_window_and_saves_every_day(tmp_path: Path) -> None:
    campaign = load_campaign(REPO / "campaigns" / "maple-week.yaml")
    game = Game(LaunchOptions(campaign=campaign, autoplay=True, speed=600.0))
    keys = Keyboard(game)
    titles = []
    for day in range(5):
        keys.until(lambda: isinstance(game.scene, SummaryScene), limit=20000)
        titles.append(game.scene.scenario.title)
        assert game.scene.saved is not None and game.scene.saved.session_id is not None
        if day == 1:  # half way: the title screen offers to continue this very week
            title = TitleScene(game.app)
            assert title.menu.buttons[0].label == "Continue the week"
            assert title.week is not None and title.week.index == 2
            enter = pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0, unicode="\r",
                                       scancode=0)
            briefing = title.handle_event(enter)
            assert isinstance(briefing, BriefingScene) and briefing.scenario.title == \
                campaign.days[2].title
        keys.press(pygame.K_RETURN)  # "Next day", then "The week" after the last
        keys.until(lambda: not isinstance(game.scene, SummaryScene))
        if day == 0:  # the first evening: back in plain clothes for the water fight
            assert isinstance(game.scene, EveningScene)
            keys.press(pygame.K_DOWN)
            keys.press(pygame.K_RETURN)
            assert "two hours of sleep" in game.scene.said
            surface = pygame.Surface((1280, 720))
            game.scene.draw(surface)
            pygame.image.save(surface, str(tmp_path / "evening.png"))
        if isinstance(game.scene, EveningScene):
            keys.press(pygame.K_RETURN)  # "Go to bed"
        if day == 0:
            assert game.app.recorder.week is not None
            assert game.app.recorder.week.carry.tired_hours == 2.0
    keys.until(lambda: isinstance(game.scene, WeekScene))
    surface = pygame.Surface((1280, 720))
    game.scene.draw(surface)
    pygame.image.save(surface, str(tmp_path / "week.png"))
    assert titles[0].startswith("Monday") and titles[2].startswith("Wednesday")
    assert titles[3].startswith("Friday")
    with SessionStore.open() as store:
        (run,) = saved.runs(store)
        assert run.days_done == 5 and not run.in_progress
        assert all(saved.replay_day(store, run.id, d.index).matches for d in saved.days(store, run.id))
    assert TitleScene(game.app).week is None  # nothing left to continue
