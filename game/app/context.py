"""What every scene shares, passed down through constructors: options, settings and services."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.app.shift.recorder import ShiftRecorder
from game.app.spare_time import SpareTime
from game.app.ui.audio import SoundManager
from game.app.ui.palette import Palette, get_palette
from game.app.ui.settings import Settings
from game.app.ui.settings_file import SettingsStore
from game.app.ui.text import Text
from game.app.ui.widgets import PanelPainter
from game.campaign.model import Campaign
from game.scenario.model import Scenario
from game.station.link import ClassLink

AUTOPLAY_PAUSE = 1.5  # real seconds autoplay lingers on each menu screen at speed 1


@dataclass(frozen=True)
class LaunchOptions:
    """How the game was started (the `play` command line)."""

    scenario: Scenario | None = None  # loaded from the command line, if one was named
    scenario_dir: Path = Path("scenarios")
    autoplay: bool = False
    bot: str = "balanced"
    seed: int | None = None
    speed: float = 1.0
    frames: int | None = None
    screenshot: Path | None = None
    fullscreen: bool = False
    scene: str | None = None
    kiosk: bool = False  # workshop mode: fullscreen, big text, attract mode, nothing written to disk
    idle_seconds: float = 90.0  # kiosk: real seconds without a touch before the demo comes back
    trainee: str | None = None  # name kept with saved sessions, for the class export
    class_address: str | None = None  # the instructor station's HOST:PORT (play --class)
    class_code: str = ""
    campaign: Campaign | None = None  # `play --campaign FILE`: start or continue its week


@dataclass
class App:
    options: LaunchOptions
    settings: Settings
    audio: SoundManager
    text: Text = field(init=False)
    panels: PanelPainter = field(default_factory=PanelPainter)
    store: SettingsStore = field(init=False)  # where settings persist: nowhere in kiosk mode
    recorder: ShiftRecorder = field(init=False)
    class_link: ClassLink | None = field(init=False, default=None)  # streaming to the instructor
    spare: SpareTime = field(default_factory=SpareTime)  # background work in frames' spare time

    def __post_init__(self) -> None:
        self.text = Text(self.settings.text_scale)
        self.store = SettingsStore.for_user(self.keeps_data)
        if self.options.class_address:
            self.class_link = ClassLink(self.options.class_address, self.options.class_code,
                                        self.options.trainee or "trainee")
        self.recorder = ShiftRecorder(self.keeps_data, self.options.trainee,
                                      on_saved=self.class_link.upload if self.class_link else None)
        self.settings_changed()

    @property
    def palette(self) -> Palette:
        return get_palette(self.settings.palette)

    @property
    def speed(self) -> float:
        """How fast game time runs, before the in-shift 1x/2x/4x."""
        return self.options.speed * self.settings.game_speed

    @property
    def keeps_data(self) -> bool:
        """Whether anything may be written to disk (sessions, settings): never in kiosk mode."""
        return not self.options.kiosk

    @property
    def autoplay_pause(self) -> float:
        return AUTOPLAY_PAUSE / max(1.0, self.options.speed)

    def settings_changed(self) -> None:
        self.text.set_scale(self.settings.text_scale)
        self.audio.set_volume(self.settings.volume)
        self.audio.muted = self.settings.muted
