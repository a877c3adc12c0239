"""What the kiosk's scenes share: the visitor's app, the demo's app, the lineup and the backdrop.

Made once when the kiosk starts and passed down through constructors, so an
idle reset starts a fresh demo without reloading scenarios or repainting maps.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from game.app.context import App
from game.app.kiosk.lineup import lineup
from game.app.shift.catalog import Entry
from game.app.ui.audio import SoundManager
from game.app.ui.settings import Settings
from game.app.view.backdrop import Backdrop
from game.scenario.model import Scenario

KIOSK_TEXT_SCALE = 1.5  # at least this, whatever the saved settings say
BIG_SCREEN_TEXT_SCALE = 2.0  # on a big screen: read from the back of a room
BIG_SCREEN = (1600, 1000)  # px, width and height from which a screen counts as big
VISITOR_SPEED = 2.0  # game speed for visitors: a shift in about six minutes, not twelve
DEMO_SPEED = 3.0  # the demo runs at 3x: lively, while captions keep their own reading pace
DEMO_READ_SECONDS = 3.5  # a demo conversation stays on screen this long before the bot answers


def kiosk_settings(screen: tuple[int, int]) -> Settings:
    """Fresh settings for a kiosk: big text, default keys and palette; saved settings are ignored."""
    big = screen[0] >= BIG_SCREEN[0] and screen[1] >= BIG_SCREEN[1]
    scale = BIG_SCREEN_TEXT_SCALE if big else KIOSK_TEXT_SCALE
    return Settings(text_scale=scale, game_speed=VISITOR_SPEED)


class DemoApp(App):
    """The attract loop's app: a bot plays, conversations linger long enough to read, no sound."""

    @property
    def autoplay_pause(self) -> float:
        return DEMO_READ_SECONDS


@dataclass
class Kiosk:
    app: App  # the visitor's: kiosk options, big text, nothing kept
    demo: App  # the attract loop's
    scenarios: list[Scenario]
    backdrop: Backdrop  # the drifting street behind the kiosk's menus
    rounds: int = 0  # demo rounds started, so each one plays the next street

    def next_demo_scenario(self) -> Scenario:
        scenario = self.scenarios[self.rounds % len(self.scenarios)]
        self.rounds += 1
        return scenario


def make_kiosk(app: App) -> Kiosk:
    scenarios = lineup(app.options.scenario_dir, app.options.scenario)
    demo_options = replace(app.options, autoplay=True, bot="balanced", speed=DEMO_SPEED)
    demo_settings = replace(app.settings, game_speed=1.0)  # DEMO_SPEED alone sets the demo's pace
    demo = DemoApp(demo_options, demo_settings, SoundManager(muted=True, init_mixer=False),
                   panels=app.panels)
    backdrop = Backdrop(app, [Entry(Path(s.source or s.id), s) for s in scenarios])
    return Kiosk(app, demo, scenarios, backdrop)
