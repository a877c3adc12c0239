"""The radio as a decision: the dispatch card, calls taken from inside a conversation, the input guard,
and choice tones that are told after the answer, not before."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pygame
import pytest
from builders import street_scenario, walk_home_to
from ui_driver import Keyboard, skip_ahead
from ui_probe import TextProbe

import game.sim.actions as act
from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.dialogue import DialogueScene, tags_said
from game.app.scenes.dispatch import DispatchScene
from game.app.scenes.guard import HOLD_SECONDS
from game.app.scenes.play import PlayScene
from game.scenario.loader import load_scenario
from game.scenario.model import Call, Choice, Encounter, Node, Trigger
from game.sim.feed import FeedEvent
from game.sim.queries import heading_to_call

REPO = Path(__file__).resolve().parents[2]
MAPLE = REPO / "scenarios" / "maple-street-summer.yaml"
FRAME = 1 / 60


def key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0)


def frames(scene, n: int) -> None:
    for _ in range(n):
        assert scene.update(FRAME) is None
        scene.draw(pygame.Surface((1280, 720)))


def wait_out_the_guard(scene) -> None:
    frames(scene, round(HOLD_SECONDS / FRAME) + 2)


def until_a_scene(play: PlayScene, limit: int = 4000):
    for _ in range(limit):
        nxt = play.update(FRAME)
        if nxt is not None:
            return nxt
    raise AssertionError("nothing opened")


def drawn_strings(probe: TextProbe, scene) -> str:
    probe.frame(scene, (1280, 720))
    return " | ".join(box.string for box in probe.texts)


def test_a_priority_one_call_opens_the_dispatch_card_and_taking_it_sets_the_route(app, monkeypatch):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    call = next(c for c in sim.scenario.calls if c.priority == 1)
    skip_ahead(sim, lambda: sim.time >= call.at - 0.5)
    card = until_a_scene(play)
    assert isinstance(card, DispatchScene) and card.call_id == call.id
    probe = TextProbe()
    probe.install(monkeypatch)
    shown = drawn_strings(probe, card)
    for words in ("Priority 1 call", "The radio", "Corner shop", call.text, "by car", "on foot",
                  "Called in by", "Take it", "Finish here first"):
        assert words in shown, f"{words!r} not on the card: {shown}"
    assert not probe.problems(pygame.Rect(0, 0, 1280, 720))
    tick = sim.tick
    assert card.handle_event(key(pygame.K_RETURN)) is None  # the guard: a key meant for the street
    assert not sim.officer.route
    wait_out_the_guard(card)
    assert sim.tick == tick  # the shift waits while the trainee decides
    assert card.handle_event(key(pygame.K_RETURN)) is play  # Take it (focused first)
    state = sim.call_state(call.id)
    assert state is not None and heading_to_call(sim, state)
    assert any(isinstance(a, act.RespondToCall) for _, a in sim.action_log)


def test_finishing_here_first_keeps_the_call_waiting_and_r_still_takes_it(app):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    call = next(c for c in sim.scenario.calls if c.priority == 1)
    skip_ahead(sim, lambda: sim.time >= call.at - 0.5)
    card = until_a_scene(play)
    assert isinstance(card, DispatchScene)
    wait_out_the_guard(card)
    assert card.handle_event(key(pygame.K_ESCAPE)) is play  # finish here first
    assert not sim.officer.route
    assert play.update(FRAME) is None  # the card is not asked twice
    play.handle_event(key(pygame.K_r))
    state = sim.call_state(call.id)
    assert state is not None and heading_to_call(sim, state)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_trainee_in_the_car_at_maple_at_1x_reaches_every_priority_one_call_they_take(seed):
    """The trainee sits in the car where the shift starts, at 1x; each P1 call's card opens, they
    wait a moment (they are reading), press Enter, and keep driving at 1x until the call is reached."""
    game = Game(LaunchOptions(scenario=load_scenario(MAPLE), scene="play", frames=10**9, seed=seed))
    play = game.scene
    assert isinstance(play, PlayScene)
    keys, sim = Keyboard(game), play.sim
    taken: list[str] = []
    while len(taken) < 2 and not sim.finished:
        skip_ahead(sim, lambda: any(c.call.priority == 1 and c.call.id not in taken
                                    for c in sim.active_calls()))
        if sim.open_encounter is not None:
            break  # a scene on the way is not the radio's business
        keys.until(lambda: isinstance(game.scene, DispatchScene), limit=10)
        card = game.scene
        assert isinstance(card, DispatchScene)
        keys.frames(60)  # a second of reading
        keys.press(pygame.K_RETURN)
        assert game.scene is play and play.runner.time_scale == 1
        taken.append(card.call_id)
        state = sim.call_state(card.call_id)
        assert state is not None
        keys.until(lambda s=state: s.reached or isinstance(game.scene, DialogueScene), limit=60 * 60)
        assert state.in_time, f"{card.call_id} reached {state.minutes_late:.1f} min late"
        while isinstance(game.scene, DialogueScene) or sim.open_encounter is not None:
            keys.press(pygame.K_1, after=40)  # answer the scene at the call
        keys.frames(1)
    assert taken, "a priority-1 call came in"
    pygame.display.quit()


def talk_to_resident_0(play: PlayScene) -> DialogueScene:
    walk_home_to(play.sim, 0)
    dialogue = play.interact()
    assert isinstance(dialogue, DialogueScene)
    dialogue.update(FRAME)
    return dialogue


def test_a_call_can_be_taken_from_inside_a_talk_panel(app, monkeypatch):
    """The radio's card opens over the conversation; the trainee finishes here first, then takes
    the call from the menu, which lists it last (a call coming in never renumbers a line)."""
    play = PlayScene(app, street_scenario())
    sim = play.sim
    dialogue = talk_to_resident_0(play)
    labels_before = [o.label for o in dialogue.options]
    call = next(c for c in sim.scenario.calls if c.priority == 1)
    skip_ahead(sim, lambda: bool(sim.active_calls()))
    card = dialogue.update(FRAME)
    assert isinstance(card, DispatchScene) and card.beneath is dialogue
    wait_out_the_guard(card)
    assert card.handle_event(key(pygame.K_ESCAPE)) is dialogue  # finish here first
    dialogue.update(FRAME)
    labels = [o.label for o in dialogue.options]
    assert labels[: len(labels_before)] == labels_before
    take = next(k for k, o in enumerate(dialogue.options) if o.call == call.id)
    assert labels[take] == "Take the call: P1 at Corner shop"
    probe = TextProbe()
    probe.install(monkeypatch)
    assert "Take the call: P1 at Corner shop" in drawn_strings(probe, dialogue)
    assert dialogue.handle_event(key(pygame.K_1 + take)) is play
    assert heading_to_call(sim, sim.call_state(call.id))


def test_r_takes_the_call_from_inside_a_conversation(app):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    dialogue = talk_to_resident_0(play)
    dialogue.handle_event(key(pygame.K_1))  # say hello: the conversation takes a few minutes
    assert sim.busy
    call = next(c for c in sim.scenario.calls if c.priority == 1)
    skip_ahead(sim, lambda: bool(sim.active_calls()))
    assert dialogue.handle_event(key(pygame.K_r)) is play  # the radio wins over small talk
    assert heading_to_call(sim, sim.call_state(call.id))


def scenario_with_a_scene_that_starts_mid_talk():
    """A call to resident 0's own porch comes in during the first hello, and its scene opens at once
    (the officer is already there), replacing the talk menu: First Day's Harold, in small."""
    base = street_scenario()
    call = Call("porch-call", 2, "porch-0", 2, "dispute", "A neighbor is shouting at resident 0.", 10.0)
    scene = Encounter("porch-talk", Trigger("call", call.id), ("r0",), "open",
                      MappingProxyType({"open": Node("open", "She points at a car.", (
                          Choice("Listen to the whole story.", 0.6, ("voice",)),
                          Choice("Cut her off.", -0.5, ("dismissal",)),
                      ))}))
    return replace(base, calls=(call,), encounters=(scene,))


def test_a_scene_replacing_the_talk_menu_swallows_the_key_meant_for_the_menu(app, monkeypatch):
    play = PlayScene(app, scenario_with_a_scene_that_starts_mid_talk())
    sim = play.sim
    dialogue = talk_to_resident_0(play)
    dialogue.handle_event(key(pygame.K_1))  # say hello
    for _ in range(600):
        dialogue.update(FRAME)
        if sim.open_encounter is not None:
            break
    assert sim.open_encounter is not None and sim.open_encounter.encounter.id == "porch-talk"
    assert dialogue.guard.holding
    dialogue.handle_event(key(pygame.K_2))  # meant for the talk menu a moment ago
    assert sim.open_encounter is not None and sim.open_encounter.node_id == "open"
    assert not any(isinstance(a, act.Choose) for _, a in sim.action_log)
    probe = TextProbe()
    probe.install(monkeypatch)
    assert "A scene began while you were talking" in drawn_strings(probe, dialogue)  # says why
    wait_out_the_guard(dialogue)
    dialogue.handle_event(key(pygame.K_1))
    assert any(isinstance(a, act.Choose) for _, a in sim.action_log)


def open_the_shop_scene(play: PlayScene) -> DialogueScene:
    sim = play.sim
    skip_ahead(sim, lambda: bool(sim.active_calls()))
    play.orders.respond()
    nxt = until_a_scene(play)
    assert isinstance(nxt, DialogueScene)
    wait_out_the_guard(nxt)
    return nxt


def test_choice_tones_are_hidden_before_the_choice_and_told_after(app, monkeypatch):
    play = PlayScene(app, street_scenario())
    dialogue = open_the_shop_scene(play)
    probe = TextProbe()
    probe.install(monkeypatch)
    before = drawn_strings(probe, dialogue)
    assert "Hear both sides." in before
    for chip in ("voice", "neutrality", "threat"):
        assert chip not in before, f"{chip!r} shown before the choice: {before}"
    dialogue.handle_event(key(pygame.K_1))
    after = drawn_strings(probe, dialogue)
    assert f"Your answer: {tags_said(('voice', 'neutrality'))}" in after


def test_the_instructor_setting_shows_the_tones_for_a_first_day_class(app, monkeypatch):
    app.settings.show_tags = True
    play = PlayScene(app, street_scenario())
    dialogue = open_the_shop_scene(play)
    probe = TextProbe()
    probe.install(monkeypatch)
    before = drawn_strings(probe, dialogue)
    for chip in ("+ voice", "+ neutrality", "− threat"):
        assert chip in before


def test_the_card_is_not_shown_to_a_bot_or_a_replay(app):
    app.options = LaunchOptions(scenario_dir=REPO / "scenarios", autoplay=True, bot="balanced")
    play = PlayScene(app, street_scenario())
    sim = play.sim
    for _ in range(20000):
        nxt = play.update(FRAME * 8)
        assert not isinstance(nxt, DispatchScene)
        if any(i.event is FeedEvent.CALL_IN for i in sim.feed.items) or sim.finished:
            break
    assert any(i.event is FeedEvent.CALL_IN for i in sim.feed.items)


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600), (1920, 1080)])
def test_the_card_and_a_conversation_with_a_waiting_call_fit_at_double_text(app, monkeypatch, size):
    app.settings.text_scale = 2.0
    app.settings_changed()
    play = PlayScene(app, street_scenario())
    sim = play.sim
    dialogue = talk_to_resident_0(play)
    skip_ahead(sim, lambda: bool(sim.active_calls()))
    card = dialogue.update(FRAME)
    assert isinstance(card, DispatchScene)
    probe = TextProbe()
    probe.install(monkeypatch)
    window = pygame.Rect((0, 0), size)
    for scene in (card, dialogue):
        probe.frame(scene, size)
        assert not probe.problems(window), "; ".join(probe.problems(window))
    drawn = " | ".join(box.string for box in probe.texts)
    assert "take the call" in drawn  # the foot line names the waiting call even when choices scroll


def test_taking_a_call_that_needs_the_car_on_foot_goes_back_for_the_car_and_drives(app, monkeypatch):
    collapse = Call("collapse", 30, "shop", 1, "medical", "A man collapsed outside the shop.", 6.0,
                    needs_car=True)
    play = PlayScene(app, street_scenario(calls=(collapse,), encounters=()))
    sim = play.sim
    walk_home_to(sim, 2)  # on foot, some way from the car
    skip_ahead(sim, lambda: sim.time >= collapse.at - 0.5)
    card = until_a_scene(play)
    assert isinstance(card, DispatchScene)
    probe = TextProbe()
    probe.install(monkeypatch)
    assert "needs the car on scene" in drawn_strings(probe, card)
    wait_out_the_guard(card)
    assert card.handle_event(key(pygame.K_RETURN)) is play  # Take it
    for _ in range(6000):
        if not sim.call_state("collapse").active:
            break
        assert play.update(FRAME) is None
    state = sim.call_state("collapse")
    assert state.reached and state.in_time
    assert not any(item.event is FeedEvent.CALL_NEEDS_CAR for item in sim.feed.items)
    assert [type(a).__name__ for _, a in sim.action_log][-3:] == ["WalkTo", "GetIn", "RespondToCall"]
