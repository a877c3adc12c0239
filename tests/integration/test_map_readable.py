"""The map stays readable: the feed folds away, the resident card closes when the officer leaves,
floating feedback keeps apart and on screen, no text is cut, and the words on screen are words."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest
from builders import street_scenario
from ui_driver import click_event as click
from ui_driver import key_event as key
from ui_driver import record_rendered, skip_ahead

import game.sim.actions as act
from game.app.scenes.play import CARD_MARGIN, PlayScene
from game.app.ui.settings import rebind
from game.app.ui.text import ELLIPSIS
from game.app.ui.widgets import pad
from game.bots import make_bot, run_shift
from game.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
SCREEN = (1280, 720)


def frame(play: PlayScene, size: tuple[int, int] = SCREEN) -> pygame.Surface:
    play.update(1 / 60)
    surface = pygame.Surface(size)
    play.draw(surface)
    return surface


def play_with_news(app) -> PlayScene:
    """A shift on First Day with a call in and several items in the log."""
    play = PlayScene(app, load_scenario(SCENARIOS / "first-day.yaml"))
    skip_ahead(play.sim, lambda: bool(play.sim.active_calls()))
    frame(play)
    assert len(play.hud.log) >= 1
    return play


# --- 1. the feed folds ----------------------------------------------------------------------
def test_the_feed_folds_to_one_line_by_its_key_and_by_a_click_on_its_heading(app):
    play = play_with_news(app)
    one_line = app.text.line_height("small") + pad(app.text)
    assert play.hud.layout.log.h > one_line
    assert app.settings.first_key("feed") == "L"
    play.handle_event(key(pygame.K_l))
    frame(play)
    folded = play.hud.layout.log
    assert 0 < folded.h <= one_line
    route_before = list(play.sim.officer.route)
    heading = play.hud.log_heading
    assert heading is not None and folded.contains(heading)
    play.handle_event(click(heading.center))
    frame(play)
    assert play.hud.layout.log.h > one_line
    assert list(play.sim.officer.route) == route_before  # the click folded the log, it drove nowhere


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_log_panel_in_the_layout_is_always_drawn_with_its_heading(app, scale):
    """Where the log has no room for its heading it takes no room (and no clicks) at all."""
    app.settings.text_scale = scale
    app.settings_changed()
    play = PlayScene(app, load_scenario(SCENARIOS / "maple-street-summer.yaml"))
    skip_ahead(play.sim, lambda: bool(play.sim.active_calls()))
    for _ in range(2):
        frame(play)
        log = play.hud.layout.log
        assert log.h == 0 or (play.hud.log_heading is not None and log.contains(play.hud.log_heading))
        play.hud.toggle_log()


def test_the_feed_key_can_be_remapped(app):
    play = play_with_news(app)
    app.settings.keys, message = rebind(app.settings.keys, "feed", pygame.K_o)
    assert "what happened" in message.lower()
    play.handle_event(key(pygame.K_l))
    frame(play)
    assert play.hud.log_open
    play.handle_event(key(pygame.K_o))
    frame(play)
    assert not play.hud.log_open


# --- 2. the resident card -------------------------------------------------------------------
def officer_distance(play: PlayScene, i: int) -> float:
    sim = play.sim
    return float(sim.people.distance2(sim.officer.x, sim.officer.y)[i]) ** 0.5


def test_the_card_stays_while_the_officer_stays_and_closes_when_they_drive_away(app):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    near = min(range(len(sim.residents)), key=lambda i: officer_distance(play, i))
    play.selected = near
    for _ in range(30):
        frame(play)
    assert play.selected == near  # parked and looking: the card stays
    start = officer_distance(play, near)
    far_x = 2 if sim.officer.x > sim.grid.width / 2 else sim.grid.width - 3
    assert play.runner.apply(act.DriveTo(far_x, round(sim.officer.y))) is None
    reach = sim.talk.reach()
    skip_ahead(sim, lambda: officer_distance(play, near) > max(reach, start) + CARD_MARGIN + 1)
    frame(play)
    assert play.selected is None


def test_the_card_takes_clicks_on_itself_only(app):
    play = PlayScene(app, load_scenario(SCENARIOS / "first-day.yaml"))
    play.selected = 0
    frame(play)
    card = play.hud.layout.card
    assert card.h > 0
    play.handle_event(click(card.center))
    assert not play.sim.officer.route  # a click on the card is not an order to drive
    outside = (card.right + 2 * pad(app.text), card.centery)
    assert not any(r.collidepoint(outside) for r in play.hud.panels())
    assert play.sim.grid.inside(*map(round, play.camera.to_world(*outside)))
    play.handle_event(click(outside))
    assert play.sim.officer.route  # just beside it, the map takes the click


# --- 3. floating feedback -------------------------------------------------------------------
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_floaters_keep_apart_off_name_tags_and_on_screen(app, scale):
    app.settings.text_scale = scale
    app.settings_changed()
    play = PlayScene(app, street_scenario())
    sim = play.sim
    frame(play)
    x, y = sim.officer.pos
    play.selected = min(range(len(sim.residents)), key=lambda i: officer_distance(play, i))
    for delta, why in [(4, "listened"), (-3, "kept waiting"), (2, "said hello"), (1, "remembered")]:
        play.floaters.trust(delta, why, (x, y))
    left_x, _ = play.camera.to_world(0, 0)
    play.floaters.trust(2, "said hello through the car window", (left_x, y))
    for _ in range(10):
        frame(play)
    placed = play.floaters.placed
    assert len(placed) == 5
    screen = pygame.Rect((0, 0), SCREEN)
    assert all(screen.contains(r) for r in placed)
    for n, r in enumerate(placed):
        assert r.collidelist(placed[n + 1:]) == -1, "two pop-ups overlap"
        assert r.collidelist(play.world.tags) == -1, "a pop-up covers a name tag"
    assert play.world.tags  # the selected resident's tag was there to avoid


# --- 4. nothing cut -------------------------------------------------------------------------
@pytest.mark.parametrize("scenario", ["first-day.yaml", "maple-street-summer.yaml"])
def test_call_cards_and_hints_wrap_instead_of_cutting(app, monkeypatch, scenario):
    play = PlayScene(app, load_scenario(SCENARIOS / scenario))
    skip_ahead(play.sim, lambda: bool(play.sim.active_calls()))
    drawn = record_rendered(monkeypatch)
    frame(play)
    calls = play.sim.active_calls()
    assert calls
    assert any(calls[0].call.text.split()[0] in s for s in drawn)  # the call card was drawn
    assert any("park and walk" in s for s in drawn)  # and the hint bar
    cut = [s for s in drawn if ELLIPSIS in s]
    assert not cut, f"text cut short: {cut}"


# --- 5. a hello through the windshield ------------------------------------------------------
def greet_from_the_car(play: PlayScene, i: int) -> list[str]:
    """Say hello to resident ``i`` from the car; the toasts that came up while it happened."""
    sim = play.sim
    before = [t.text for t in play.toasts.items]
    assert play.runner.apply(act.Talk(sim.residents[i].id, "greet")) is None
    t0 = sim.time
    skip_ahead(sim, lambda: sim.time >= t0 + 2)
    frame(play)
    return [t.text for t in play.toasts.items if t.text not in before]


def test_the_first_hello_through_the_windshield_says_what_it_costs(app):
    play = PlayScene(app, street_scenario())
    sim = play.sim
    skip_ahead(sim, lambda: any(sim.can_reach(i) for i in range(len(sim.residents))))
    frame(play)
    near = next(i for i in range(len(sim.residents)) if sim.can_reach(i))
    assert sim.officer.in_car
    notes = greet_from_the_car(play, near)
    assert any("windshield" in n and "park" in n for n in notes), notes
    play.toasts.items.clear()
    assert sim.officer.in_car and sim.can_reach(near)
    assert not any("windshield" in n for n in greet_from_the_car(play, near))  # once is enough
    windshield_hellos = [i for i in sim.feed.items if i.change and i.change.through_car_window]
    assert len(windshield_hellos) == 2  # the second hello counted (a little) and said nothing more


# --- 6. words, not ids ----------------------------------------------------------------------
def internal_names(scenario) -> list[str]:
    """Ids a trainee should never read: calls, places, residents, policies, encounters."""
    ids = [c.id for c in scenario.calls] + [p.id for p in scenario.places]
    ids += [r.id for r in scenario.residents] + list(scenario.policies) + [e.id for e in scenario.encounters]
    return [i for i in ids if re.search(r"[-_0-9]", i)]  # plain words ("market") may be English too


@pytest.mark.parametrize("scenario,bot", [("first-day.yaml", "balanced"),
                                          ("maple-street-summer.yaml", "random")])
def test_the_hud_log_and_toasts_never_show_an_id(app, monkeypatch, scenario, bot):
    loaded = load_scenario(SCENARIOS / scenario)
    play = PlayScene(app, loaded)
    drawn = record_rendered(monkeypatch)
    surface = pygame.Surface(SCREEN)
    seen = 0

    def look(sim) -> None:
        nonlocal seen
        if len(sim.feed.items) != seen and int(sim.time) % 3 == 0:
            seen = len(sim.feed.items)
            play.take_feed()
            play.animate(1 / 60)
            play.draw(surface)

    run_shift(play.sim, make_bot(bot, 1), look)
    assert len(drawn) > 100
    names = internal_names(loaded)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    leaks = sorted({s for s in drawn if pattern.search(s)})
    assert not leaks, f"internal names on screen: {leaks}"
    raw = sorted({s for s in drawn if re.search(r"\d\.\d\d of \d", s)})
    assert not raw, f"raw numbers on screen: {raw}"
