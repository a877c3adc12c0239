"""Accessibility: text fits at 2x, trust colours read in greyscale, everything works from the keyboard.

1. Every scene, drawn at 1280×720 with text at 2x, keeps each line of text in
   the window and inside the panel it starts in (``ui_probe`` records where text
   and panels went).
2. The good and bad trust colours differ in luminance, not only in hue, in both
   palettes, so they read on a greyscale projector and for colour-blind players.
3. Every command has a key, and a whole shift (title to debrief) is played with
   key presses alone.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest
from builders import street_scenario
from ui_driver import Keyboard, skip_ahead
from ui_probe import TextProbe

import game.sim.actions as act
from game.app.context import App, LaunchOptions
from game.app.kiosk.attract import AttractScene
from game.app.kiosk.briefing import KioskBriefingScene
from game.app.kiosk.captions import Caption
from game.app.kiosk.picker import KioskPickerScene
from game.app.kiosk.shell import KioskShell
from game.app.kiosk.state import make_kiosk
from game.app.main import Game
from game.app.scenes.base import Scene
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.keys import KeysScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.people import PeopleScene
from game.app.scenes.picker import PickerScene
from game.app.scenes.play import PlayScene
from game.app.scenes.porch import PorchScene
from game.app.scenes.settings import SettingsScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.title import TitleScene
from game.app.ui.audio import SoundManager
from game.app.ui.palette import PALETTES, contrast_ratio, relative_luminance
from game.app.ui.settings import DEFAULT_KEYS, Settings
from game.app.view.backdrop import Backdrop
from game.bots import make_bot, run_shift
from game.report.porch_story import featured_resident
from game.scenario import load_scenario
from game.sim.ledger import Source, SourceKind
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]
WINDOW = pygame.Rect(0, 0, 1280, 720)
MIN_LUMINANCE_CONTRAST = 3.0  # WCAG's ratio for large text and graphics: good vs bad trust


@pytest.fixture(autouse=True)
def display():
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode(WINDOW.size)
    yield
    pygame.display.quit()


def big_text_app(kiosk: bool = False) -> App:
    options = LaunchOptions(scenario_dir=REPO / "scenarios", kiosk=kiosk)
    return App(options, Settings(text_scale=2.0), SoundManager(init_mixer=False))


def maple():
    return load_scenario(REPO / "scenarios" / "maple-street-summer.yaml")


def busy_play(app: App) -> PlayScene:
    """A shift under way: a call waiting, a resident's card open, a toast, a full log."""
    play = PlayScene(app, maple())
    sim = play.sim
    bot = make_bot("balanced", 7)
    while not sim.active_calls():
        bot.act(sim)
        play.runner.step()
    play.take_feed()
    play.selected = featured_resident(sim)
    play.toasts.show("You are still busy (talking with Loretta Jones) for 3 more min.")
    return play


def talk_menu(app: App) -> DialogueScene:
    play = PlayScene(app, street_scenario())
    play.orders.act(act.GetOut())
    play.runner.pass_busy_time(5.0)
    x, y = play.sim.resident_pos(0)
    play.orders.act(act.WalkTo(round(x), round(y)))
    while play.sim.officer.route:
        play.runner.step()
    dialogue = play.interact()
    assert isinstance(dialogue, DialogueScene)
    return dialogue


def encounter(app: App) -> DialogueScene:
    play = PlayScene(app, street_scenario())
    while not play.sim.active_calls():
        play.runner.step()
    play.orders.respond()
    for _ in range(3000):
        nxt = play.update(1 / 30)
        if isinstance(nxt, DialogueScene):
            return nxt
    raise AssertionError("the call's encounter never opened")


def finished(app: App) -> Simulation:
    sim = Simulation(maple(), 7)
    return run_shift(sim, make_bot("balanced", 7))


def kiosk_shell(app: App, state: str) -> KioskShell:
    shell = KioskShell(make_kiosk(app))
    demo = shell.inner
    assert isinstance(demo, AttractScene)
    if state == "caption":
        demo.caption = Caption("+12 trust · respectful, explained why",
                               "Saying why you do something makes it easier to trust.", "good",
                               who='Guadalupe "Lupe" Soto')
    elif state == "porch":
        demo._show_porch()
    elif state == "picker":
        shell.inner = KioskPickerScene(shell.kiosk)
    elif state == "briefing":
        shell.inner = KioskBriefingScene(shell.kiosk, shell.kiosk.scenarios[-1])
    elif state in ("play", "still there", "hold"):
        shell.inner = busy_play(app)
        if state == "still there":
            shell.idle = app.options.idle_seconds - 5
        if state == "hold":
            shell.hold.held = 1.2
    return shell


SCENES: dict[str, Callable[[App], Scene]] = {
    "title": lambda app: TitleScene(app),
    "picker": lambda app: PickerScene(app, Backdrop(app)),
    "briefing": lambda app: BriefingScene(app, maple()),
    "play": busy_play,
    "talk menu": talk_menu,
    "encounter": encounter,
    "pause": lambda app: PauseScene(app, (play := busy_play(app)), play),
    "people": lambda app: PeopleScene(app, busy_play(app)),
    "settings": lambda app: SettingsScene(app, TitleScene(app)),
    "keys": lambda app: KeysScene(app, (s := SettingsScene(app, TitleScene(app))), s),
    "summary": lambda app: SummaryScene(app, maple(), finished(app)),
    "porch": lambda app: PorchScene(app, (sim := finished(app)), featured_resident(sim), TitleScene(app)),
}
KIOSK_STATES = ("caption", "porch", "picker", "briefing", "play", "still there", "hold")


def check_text_fits(monkeypatch, scene_for: Callable[[], Scene]) -> None:
    probe = TextProbe()
    probe.install(monkeypatch)
    probe.frame(scene_for(), WINDOW.size)
    assert probe.texts, "the scene drew no text at all"
    problems = probe.problems(WINDOW)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", SCENES)
def test_every_scene_fits_its_text_at_double_size(monkeypatch, name):
    app = big_text_app()
    check_text_fits(monkeypatch, lambda: SCENES[name](app))


@pytest.mark.parametrize("state", KIOSK_STATES)
def test_every_kiosk_screen_fits_its_text_at_double_size(monkeypatch, state):
    app = big_text_app(kiosk=True)
    check_text_fits(monkeypatch, lambda: kiosk_shell(app, state))


def test_the_probe_catches_text_that_spills(monkeypatch):
    """The check itself: a label wider than its panel is reported."""
    app = big_text_app()

    class Spill(Scene):
        def draw(self, surface: pygame.Surface) -> None:
            app.panels.draw(surface, pygame.Rect(10, 10, 100, 60), app.palette.panel)
            surface.blit(app.text.render("far too long for this panel", "body", app.palette.text), (20, 20))

    with pytest.raises(AssertionError, match="spills out of its panel"):
        check_text_fits(monkeypatch, Spill)


# --- colour ------------------------------------------------------------------------------
@pytest.mark.parametrize("name", PALETTES)
def test_good_and_bad_trust_differ_in_luminance(name):
    palette = PALETTES[name]
    good, mid, bad = palette.trust_good, palette.trust_mid, palette.trust_bad
    assert relative_luminance(good) > relative_luminance(mid) > relative_luminance(bad)
    assert contrast_ratio(good, bad) >= MIN_LUMINANCE_CONTRAST
    grey = [round(255 * relative_luminance(c)) for c in (good, mid, bad)]
    assert grey[0] - grey[2] >= 100, f"{name}: good and bad are too close in greyscale ({grey})"


@pytest.mark.parametrize("name", PALETTES)
def test_trust_colours_stand_out_on_the_panels(name):
    palette = PALETTES[name]
    panel = palette.panel[:3]
    for colour in (palette.trust_good, palette.trust_mid, palette.text, palette.accent):
        assert contrast_ratio(colour, panel) >= 4.5, colour


# --- keyboard ----------------------------------------------------------------------------
def test_every_command_has_a_key():
    settings = Settings()
    for command, keys in DEFAULT_KEYS.items():
        assert keys, command
        assert settings.first_key(command) != "?", command


def test_a_whole_shift_from_the_keyboard_alone(tmp_path, monkeypatch):
    """Start, pick, brief, drive, get out, walk, talk, choose, respond, pause, resume, the debrief."""
    monkeypatch.setenv("FRONTPORCH_DB", str(tmp_path / "sessions.db"))
    monkeypatch.setenv("FRONTPORCH_CONFIG", str(tmp_path / "config"))
    (tmp_path / "streets").mkdir()
    first_day = REPO / "scenarios" / "first-day.yaml"
    (tmp_path / "streets" / first_day.name).write_bytes(first_day.read_bytes())
    game = Game(LaunchOptions(scenario_dir=tmp_path / "streets", frames=10**9, speed=4.0))
    keys = Keyboard(game)
    assert isinstance(game.scene, TitleScene)
    keys.press(pygame.K_RETURN)  # Start a shift
    assert isinstance(game.scene, PickerScene)
    keys.press(pygame.K_RETURN)  # the neighborhood
    assert isinstance(game.scene, BriefingScene)
    keys.press(pygame.K_RIGHT)
    keys.press(pygame.K_LEFT)  # look at Back, come back to Begin
    keys.press(pygame.K_RETURN)
    play = game.scene
    assert isinstance(play, PlayScene)
    sim = play.sim
    keys.press(pygame.K_d, hold_frames=40)  # drive east
    keys.press(pygame.K_f, after=30)  # park and get out
    keys.until(lambda: not sim.officer.in_car and not sim.busy)
    keys.press(pygame.K_SPACE)  # pause
    assert isinstance(game.scene, PauseScene)
    keys.press(pygame.K_SPACE)  # resume
    assert game.scene is play
    keys.press(pygame.K_e)  # walk over to the nearest neighbor and open the talk
    keys.until(lambda: isinstance(game.scene, DialogueScene))
    keys.press(pygame.K_1, after=90)  # say hello
    assert any(c.source == Source(SourceKind.TALK, "greet") for c in sim.ledger())
    keys.press(pygame.K_ESCAPE)  # walk on
    assert game.scene is play
    keys.press(pygame.K_3)  # 4x

    def play_on(done: Callable[[], bool]) -> None:
        """The clock runs headless; every conversation that opens is answered by key, in the window."""
        for _ in range(1000):
            if done():
                return
            if isinstance(game.scene, DialogueScene):
                keys.press(pygame.K_RETURN, after=30)  # answer whatever the encounter asks
            else:
                skip_ahead(sim, done)
                keys.frames(1)
        raise AssertionError("the shift did not move on")

    play_on(lambda: bool(sim.active_calls()))
    assert game.scene is play
    keys.press(pygame.K_r)  # respond
    assert sim.officer.route, "on the way to the call"
    keys.frames(30)  # driving there, drawn
    play_on(lambda: sim.finished)
    keys.until(lambda: isinstance(game.scene, SummaryScene))
    assert game.scene.sim is sim
    assert sim.results().calls_total >= 1
    pygame.display.quit()
