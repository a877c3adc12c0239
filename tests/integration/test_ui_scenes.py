"""Every scene draws and survives what a player does to it: keys, clicks, wheel, resizes, quitting."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest
from builders import street_scenario
from ui_probe import TextProbe

import game.sim.actions as act
from game.app.context import LaunchOptions
from game.app.main import Game, go_back
from game.app.scenes.base import BackToBriefing, BackToPicker, BackToTitle, Scene
from game.app.scenes.briefing import BriefingScene
from game.app.scenes.dialogue import DialogueScene
from game.app.scenes.pause import PauseScene
from game.app.scenes.people import PeopleScene
from game.app.scenes.picker import PickerScene
from game.app.scenes.play import PlayScene
from game.app.scenes.settings import SettingsScene
from game.app.scenes.summary import SummaryScene
from game.app.scenes.title import TitleScene
from game.app.ui.audio import SoundManager
from game.app.view.backdrop import Backdrop
from game.bots import make_bot, run_shift
from game.sim.simulation import Simulation

REPO = Path(__file__).resolve().parents[2]
SIZES = [(1280, 720), (1024, 600), (1920, 1080)]


def key(k: int, kind: int = pygame.KEYDOWN) -> pygame.event.Event:
    return pygame.event.Event(kind, key=k, mod=0, unicode="", scancode=0)


def click(pos: tuple[int, int], button: int = 1) -> pygame.event.Event:
    return pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)


TYPICAL = [
    key(pygame.K_DOWN), key(pygame.K_DOWN, pygame.KEYUP), key(pygame.K_UP),
    key(pygame.K_UP, pygame.KEYUP), key(pygame.K_LEFT), key(pygame.K_RIGHT),
    pygame.event.Event(pygame.MOUSEMOTION, pos=(640, 360), rel=(0, 0), buttons=(0, 0, 0)),
    pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=1, flipped=False, precise_x=0.0, precise_y=1.0),
    pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0),
    click((5, 5)), click((640, 700), 3),
]


def exercise(scene: Scene, events: list[pygame.event.Event]) -> list[Scene]:
    """Feed events and frames; draw at several window sizes; return every scene handed over."""
    handed = []
    for size in SIZES:
        surface = pygame.Surface(size)
        for event in events:
            nxt = scene.handle_event(event)
            if nxt is not None:
                handed.append(nxt)
                nxt.draw(surface)
            scene.update(1 / 60)
            scene.draw(surface)
    return handed


def distinct_colours(surface: pygame.Surface) -> int:
    small = pygame.transform.scale(surface, (320, 180))
    return len({small.get_at((x, y))[:3] for x in range(0, 320, 2) for y in range(0, 180, 2)})


def test_title_picker_briefing(app):
    title = TitleScene(app)
    assert any(isinstance(s, PickerScene) for s in exercise(title, [*TYPICAL, key(pygame.K_RETURN)]))
    picker = PickerScene(app, title.backdrop)
    handed = exercise(picker, [*TYPICAL, key(pygame.K_RETURN), key(pygame.K_ESCAPE)])
    assert any(isinstance(s, BriefingScene) for s in handed)
    assert any(isinstance(s, BackToTitle) and s.backdrop is title.backdrop for s in handed)
    briefing = BriefingScene(app, street_scenario(), title.backdrop)
    handed = exercise(briefing, [*TYPICAL, key(pygame.K_RETURN)])
    assert any(isinstance(s, PlayScene) for s in handed)


def test_picker_lists_broken_files_greyed_with_their_error(app, tmp_path):
    (tmp_path / "broken.yaml").write_text("format: 1\nid: Not A Slug\n", encoding="utf-8")
    (tmp_path / "good.yaml").write_bytes((REPO / "scenarios" / "first-day.yaml").read_bytes())
    app.options = LaunchOptions(scenario_dir=tmp_path)
    picker = PickerScene(app, Backdrop(app))
    broken = [e for e in picker.entries if e.scenario is None]
    assert len(broken) == 1 and "broken.yaml" in broken[0].error
    surface = pygame.Surface((1280, 720))
    picker.draw(surface)
    picker.focus = picker.entries.index(broken[0])
    assert picker.handle_event(key(pygame.K_RETURN)) is None  # a broken file never opens


def test_play_handles_every_control(app):
    play = PlayScene(app, street_scenario())
    controls = [key(k) for k in (pygame.K_1, pygame.K_2, pygame.K_3, pygame.K_PLUS, pygame.K_MINUS,
                                 pygame.K_r, pygame.K_e, pygame.K_f)]
    handed = exercise(play, [*TYPICAL, *controls, key(pygame.K_d), key(pygame.K_d, pygame.KEYUP),
                             click((700, 300))])
    assert all(isinstance(s, (PauseScene, PeopleScene, DialogueScene)) for s in handed)
    assert isinstance(play.handle_event(key(pygame.K_SPACE)), PauseScene)
    assert isinstance(play.handle_event(key(pygame.K_TAB)), PeopleScene)
    surface = pygame.Surface((1280, 720))
    play.draw(surface)
    assert distinct_colours(surface) > 200


def test_overlays_return_to_the_scene_beneath(app):
    play = PlayScene(app, street_scenario())
    pause = play.handle_event(key(pygame.K_SPACE))
    assert isinstance(pause, PauseScene)
    exercise(pause, TYPICAL[:6])
    assert pause.handle_event(key(pygame.K_ESCAPE)) is play
    people = PeopleScene(app, play)
    exercise(people, TYPICAL)
    assert people.handle_event(key(pygame.K_RETURN)) is play
    assert play.selected is not None
    settings = SettingsScene(app, pause)
    exercise(settings, [key(pygame.K_RIGHT), key(pygame.K_DOWN), key(pygame.K_RIGHT)])
    assert settings.handle_event(key(pygame.K_ESCAPE)) is pause


def test_settings_change_text_scale_palette_and_volume_live(app):
    settings = SettingsScene(app, TitleScene(app))
    surface = pygame.Surface((1280, 720))
    settings.draw(surface)
    settings.change("text_scale", 1)
    settings.change("palette", 1)
    settings.change("volume", -1)
    settings.change("muted", 1)
    assert app.text.scale == app.settings.text_scale == 1.25
    assert app.palette.name == "colorblind"
    assert app.settings.volume == pytest.approx(0.6)
    assert app.audio.muted
    settings.draw(surface)


def test_talk_menu_shows_options_and_reactions(app):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    play.orders.act(act.GetOut())
    play.runner.pass_busy_time(5.0)
    x, y = sim.resident_pos(0)
    play.orders.act(act.WalkTo(round(x), round(y)))
    while sim.officer.route:
        play.runner.step()
    dialogue = play.interact()
    assert isinstance(dialogue, DialogueScene)
    dialogue.update(1 / 60)
    labels = [o.label for o in dialogue.options]
    assert labels[0].startswith("Say hello") and labels[-1] == "Walk on"
    story = next(o for o in dialogue.options if o.label == "Ask about their life")
    assert story.enabled  # asking too soon is the trainee's judgment to make...
    assert "know you" in story.detail or sim.trust.familiarity[0] >= 0.05  # ...with a fair cue
    dialogue.handle_event(key(pygame.K_1))  # say hello
    for _ in range(120):
        dialogue.update(1 / 60)
    assert any(r.kind == "trust" for r in dialogue.reactions)
    assert not sim.busy  # the conversation's minutes have passed
    dialogue.draw(pygame.Surface((1280, 720)))
    assert dialogue.handle_event(key(pygame.K_ESCAPE)) is play


def test_scripted_encounter_is_a_branching_dialogue_with_tones_told_after_the_answer(app, monkeypatch):
    scenario = street_scenario()
    play = PlayScene(app, scenario)
    sim = play.sim
    while not sim.active_calls():
        play.runner.step()
    play.orders.respond()
    for _ in range(2000):
        nxt = play.update(1 / 30)
        if nxt is not None:
            break
    assert isinstance(nxt, DialogueScene)
    nxt.update(1 / 60)
    assert [o.tags for o in nxt.options] == [("voice", "neutrality"), ("threat",)]
    tick = sim.tick
    for _ in range(30):
        nxt.update(1 / 60)
    assert sim.tick == tick  # reading is free
    probe = TextProbe()
    probe.install(monkeypatch)
    nxt.draw(probe.surface((1280, 720)))
    before = " | ".join(box.string for box in probe.texts)
    assert "Hear both sides." in before
    assert not any(tone in before for tone in ("voice", "neutrality", "threat"))  # not a quiz
    nxt.handle_event(key(pygame.K_1))
    assert sim.open_encounter is not None and sim.open_encounter.node_id == "end"
    assert any(r.kind == "trust" for r in nxt.reactions)
    probe.clear()
    nxt.draw(probe.surface((1280, 720)))
    after = " | ".join(box.string for box in probe.texts)
    assert "+ voice" in after and "+ neutrality" in after  # told with the reaction


def test_summary_shows_results_and_leads_on(app):
    scenario = street_scenario()
    sim = Simulation(scenario, 2)
    run_shift(sim, make_bot("balanced", 2))
    summary = SummaryScene(app, scenario, sim)
    assert summary.changes and summary.changes[0].reasons
    handed = exercise(summary, [*TYPICAL, key(pygame.K_DOWN), key(pygame.K_RETURN)])
    assert any(isinstance(s, BackToBriefing) and s.scenario is scenario for s in handed)


def test_going_back_opens_the_earlier_screen(app):
    """Scenes do not import the screens before them; the loop builds the one a scene goes back to."""
    backdrop = Backdrop(app)
    title = go_back(app, BackToTitle(backdrop))
    assert isinstance(title, TitleScene) and title.backdrop is backdrop
    assert isinstance(go_back(app, BackToPicker()), PickerScene)
    scenario = street_scenario()
    briefing = go_back(app, BackToBriefing(scenario, backdrop))
    assert isinstance(briefing, BriefingScene) and briefing.scenario is scenario
    game = Game(LaunchOptions(scenario=scenario, scene="play", frames=100))
    pause = game.scene.handle_event(key(pygame.K_SPACE))
    assert isinstance(pause, PauseScene)
    game.scene = pause
    pause.menu.focus = [b.key for b in pause.menu.buttons].index("restart")
    pygame.event.post(key(pygame.K_RETURN))
    assert game.frame()
    assert isinstance(game.scene, BriefingScene) and game.scene.scenario is scenario
    pygame.display.quit()


@pytest.mark.parametrize("size", SIZES)
def test_scenes_fit_at_double_text_size(app, monkeypatch, size):
    """From the smallest supported window to full HD, text at 2x stays in the window and its panel."""
    app.settings.text_scale = 2.0
    app.settings_changed()
    probe = TextProbe()
    probe.install(monkeypatch)
    play = PlayScene(app, street_scenario())
    for scene in (TitleScene(app), BriefingScene(app, street_scenario()), play, PauseScene(app, play, play)):
        probe.frame(scene, size)
        assert probe.texts, f"{type(scene).__name__} drew no text"
        problems = probe.problems(pygame.Rect((0, 0), size))
        assert not problems, f"{type(scene).__name__} at {size}: " + "; ".join(problems)


def test_window_close_ends_the_loop():
    game = Game(LaunchOptions(scenario_dir=REPO / "scenarios", frames=100))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    assert game.frame() is False
    pygame.display.quit()


def test_resizing_the_window_relays_everything_out():
    game = Game(LaunchOptions(scenario=street_scenario(), scene="play", frames=100))
    for size in ((1000, 600), (1600, 900)):
        pygame.display.set_mode(size, pygame.RESIZABLE)
        assert game.frame()
        assert game.scene.camera.view_w == size[0]
    pygame.display.quit()


class RecordingSound(SoundManager):
    """Silent, but remembers which cues the game asked for."""

    def __init__(self) -> None:
        super().__init__(init_mixer=False)
        self.cues: list[str] = []

    def play(self, cue: str) -> bool:
        self.cues.append(cue)
        return super().play(cue)


def test_sound_cues_follow_what_happens(app):
    app.audio = RecordingSound()
    play = PlayScene(app, street_scenario())
    sim = play.sim
    play.orders.toggle_car()  # park and get out
    play.update(1 / 60)
    assert app.audio.cues[-1] == "door"
    play.runner.time_scale = 4
    while not sim.active_calls():
        play.runner.step()
    play.update(1 / 60)
    assert "call" in app.audio.cues
    assert play.runner.time_scale == 1  # the radio went: back to normal speed
    assert any("Priority 1 call" in t.text for t in play.toasts.items)


def test_porches_say_who_is_home(app):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    home = sim.residents[0].home
    label = play.world.place_label(home)
    assert label.startswith(sim.places[home].name)
    assert "Resident 0" in label and "home" in label
    camera = play.camera
    assert play.world.place_at(camera, camera.to_screen(*sim.places[home].at)) == home


def test_off_screen_calls_get_an_arrow_at_the_edge():
    from game.app.view.world_view import edge_point

    view = pygame.Rect(0, 0, 100, 50)
    assert edge_point(view, (50, 25)) is None
    (x, y), angle = edge_point(view, (300, 25))
    assert (x, y) == (100, 25) and angle == pytest.approx(0.0)
    (x, y), _ = edge_point(view, (50, -500))
    assert y == 0


def test_long_pages_scroll_at_double_text_size(app):
    app.settings.text_scale = 2.0
    app.settings_changed()
    from game.scenario import load_scenario

    briefing = BriefingScene(app, load_scenario(REPO / "scenarios" / "maple-street-summer.yaml"))
    surface = pygame.Surface((1280, 720))
    briefing.draw(surface)
    assert briefing.page.more_below
    for _ in range(30):
        briefing.handle_event(key(pygame.K_DOWN))
        briefing.draw(surface)
    assert briefing.page.offset > 0 and not briefing.page.more_below
