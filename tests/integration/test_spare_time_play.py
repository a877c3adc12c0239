"""The play screen builds people's sprites in frames' spare time: after a few frames of a shift
every resident's standing poses are drawn before anyone needed them, and the job then ends. The
spare time is counted from when the frame's work starts, after the loop's wait for 60 FPS."""

from __future__ import annotations

import math

from builders import street_scenario

from game.app.art import people
from game.app.context import LaunchOptions
from game.app.main import Game
from game.app.scenes.base import Scene
from game.app.scenes.play import PlayScene
from game.app.view.sprites import look_of, zoom_scale


def test_a_shift_s_frames_draw_every_resident_s_sprites_ahead_of_need() -> None:
    people._sprites.clear()
    scenario = street_scenario(residents_count=12)
    game = Game(LaunchOptions(scenario=scenario, scene="play", frames=10**9))
    play = game.scene
    assert isinstance(play, PlayScene)
    for _ in range(600):
        game.frame()
        if not game.app.spare.pending():
            break
    assert not game.app.spare.pending()  # the job ran to its end in spare time
    scale = zoom_scale(play.camera.tile_px)
    drawn = len(people._sprites)
    for r in scenario.residents:
        for k in range(people.DIRECTIONS):
            people.person_sprite(look_of(r.id), k * math.tau / people.DIRECTIONS, scale, 0.0)
    assert len(people._sprites) == drawn  # nothing had to be drawn on demand


class Blank(Scene):
    """A scene that costs nothing to draw: a frame is the loop's wait and little else."""

    def draw(self, surface) -> None:
        pass


def test_the_wait_for_the_next_frame_is_not_counted_against_the_spare_time() -> None:
    game = Game(LaunchOptions())  # the real clock: each frame first waits for its 1/60 s
    game.scene = Blank()
    steps = []
    game.app.spare.give("count", (steps.append(n) for n in range(10**9)))
    for _ in range(5):
        game.frame()
    # Counted from before the wait, every frame would start over budget and take one step.
    assert len(steps) > 5 * 10
