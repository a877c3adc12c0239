"""Residents and the officer as small three-quarter figures, plus the trust ring under their feet.

Figures are drawn once per (look, facing octant, walk frame, scale) at four
times the size with plain ``pygame.draw`` calls, shrunk for anti-aliasing,
outlined, and cached; a frame then costs one blit per person. Eight facings
are enough for a resident to turn toward the officer; four walk frames give a
gentle stride without looking busy at 32 px.

Coordinates below are in "figure units": screen pixels at scale 1, relative to
the ground point the person stands on (y up is negative).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pygame

from game.app.art.common import facing_angle, mix, optimised, px, shade, shrink
from game.app.ui.palette import (
    BADGE,
    CLOTHING,
    HAIR_COLOURS,
    HAIR_STYLES,
    RGB,
    SKIN_TONES,
    TROUSERS,
    UNIFORM,
    UNIFORM_DARK,
    WARM,
    Palette,
    stable_pick,
    trust_colour,
)
from game.tuning import TRUSTING_FROM, WARY_FROM

SS = 4  # supersampling factor for sprite drawing
DIRECTIONS = 8  # facing octants: 0 east, 2 south (toward the viewer), 4 west, 6 north
WALK_FRAMES = 4
CANVAS = (22, 30)  # figure canvas at scale 1, pixels
ANCHOR = (11, 26)  # ground point inside the canvas
MAX_CACHED = 20_000  # sprites; a full town of unique looks fits, a leak does not grow forever

EYE = (44, 34, 38)
OUTLINE_ALPHA = 150


@dataclass(frozen=True)
class PersonLook:
    """What a person wears and looks like; hashable, so it keys the sprite cache."""

    shirt: RGB
    trousers: RGB
    skin: RGB
    hair: RGB
    hair_style: str
    uniform: bool = False

    @classmethod
    def for_resident(cls, resident_id: str) -> PersonLook:
        """The same look for the same id in every run (crc32, not Python's salted hash)."""
        return cls(
            shirt=stable_pick(resident_id, "shirt", CLOTHING),
            trousers=stable_pick(resident_id, "trousers", TROUSERS),
            skin=stable_pick(resident_id, "skin", SKIN_TONES),
            hair=stable_pick(resident_id, "hair", HAIR_COLOURS),
            hair_style=stable_pick(resident_id, "style", HAIR_STYLES),
        )

    @classmethod
    def officer(cls, skin: RGB = SKIN_TONES[2], hair: RGB = HAIR_COLOURS[1]) -> PersonLook:
        """Navy uniform, peaked cap, duty belt and badge: never mistaken for a resident."""
        return cls(shirt=UNIFORM, trousers=UNIFORM_DARK, skin=skin, hair=hair, hair_style="cap", uniform=True)


def octant(facing: float | Sequence[float]) -> int:
    """Nearest of the eight facings for an angle (radians, y down) or a direction vector."""
    return round(facing_angle(facing) / (math.tau / DIRECTIONS)) % DIRECTIONS


def walk_frame(walking_phase: float) -> int:
    """Frame of the stride cycle; phase 0 (standing still) is the neutral frame."""
    return int((walking_phase % 1.0) * WALK_FRAMES) % WALK_FRAMES


_sprites: dict[tuple, tuple[pygame.Surface, tuple[int, int]]] = {}
NEW_POSES_PER_FRAME = 4  # see Crowd
PREWARM_SHARE = 0.75  # of MAX_CACHED: ahead-of-need drawing stops there, leaving room for real need


def quantised(scale: float) -> float:
    """Sprites exist in quarter steps of scale: the step a requested scale is drawn at."""
    return max(0.25, round(scale * 4) / 4)


def person_sprite(
    look: PersonLook, facing: float | Sequence[float], scale: float = 1.0, walking_phase: float = 0.0
) -> tuple[pygame.Surface, tuple[int, int]]:
    """The cached sprite and the offset from the ground point to its top-left corner."""
    return _pose_sprite(look, octant(facing), walk_frame(walking_phase), quantised(scale))


def _pose_sprite(look: PersonLook, direction: int, frame: int, q: float
                 ) -> tuple[pygame.Surface, tuple[int, int]]:
    key = (look, direction, frame, q)
    hit = _sprites.get(key)
    if hit is None:
        if len(_sprites) >= MAX_CACHED:
            _sprites.clear()
        hit = _render_person(look, direction, frame, q)
        _sprites[key] = hit
    return hit


def prewarm(looks: Iterable[PersonLook], scale: float = 1.0) -> Iterator[PersonLook]:
    """Build sprites ahead of need, one at a time, so a scene can spread the work over frames.

    Standing poses in all eight facings come first for every look, then the
    walk frames; it yields the look after each sprite (one sprite is about half
    a millisecond, a look's eight facings would overrun a frame's spare time).
    Advance it while a frame has time to spare::

        for _ in warmer:
            if time.perf_counter() > deadline:
                break

    It stops once the cache is mostly full: a crowd of thousands has more poses
    than the cache holds, and drawing them all would only evict the ones on screen.
    """
    looks = list(dict.fromkeys(looks))  # residents who look alike share sprites
    for frame in range(WALK_FRAMES):
        for look in looks:
            if len(_sprites) >= MAX_CACHED * PREWARM_SHARE:
                return
            for direction in range(DIRECTIONS):
                person_sprite(look, direction * math.tau / DIRECTIONS, scale, frame / WALK_FRAMES)
                yield look


def draw_person(
    surface: pygame.Surface,
    center_xy: Sequence[float],
    look: PersonLook,
    facing: float | Sequence[float],
    scale: float = 1.0,
    walking_phase: float = 0.0,
) -> pygame.Rect:
    """Draw a person standing on ``center_xy`` (the ground point), facing ``facing``.

    ``facing`` is an angle in radians (0 east, pi/2 south, y down) or a vector
    such as (officer - resident). Draw people in order of y so nearer ones overlap.
    """
    sprite, (ox, oy) = person_sprite(look, facing, scale, walking_phase)
    return surface.blit(sprite, (px(center_xy[0]) + ox, px(center_xy[1]) + oy))


# (ground_xy, look, facing, trust or None, walking_phase, scale)
CrowdItems = Iterable[tuple[Sequence[float], PersonLook, float | Sequence[float], float | None, float, float]]


def draw_crowd(surface: pygame.Surface, people: CrowdItems, palette: Palette = WARM) -> None:
    """Draw a few people, each at any scale, in two batched blits: all trust rings, then all
    figures, nearest last. For a whole neighborhood at one scale, ``Crowd`` does the same in numpy.

    Each item is ``(ground_xy, look, facing, trust or None, walking_phase, scale)``;
    ``None`` trust draws no ring (the officer). Same picture as calling
    ``draw_trust_ring`` and ``draw_person`` in y order, with less Python per person.
    """
    rings, figures = [], []
    for xy, look, facing, trust, phase, scale in sorted(people, key=lambda item: item[0][1]):
        x, y = px(xy[0]), px(xy[1])
        if trust is not None:
            ring, (rx, ry) = trust_ring_sprite(trust, palette, scale)
            rings.append((ring, (x + rx, y + ry)))
        sprite, (ox, oy) = person_sprite(look, facing, scale, phase)
        figures.append((sprite, (x + ox, y + oy)))
    surface.fblits(rings)
    surface.fblits(figures)


class Crowd:
    """A fixed cast of people drawn together: poses picked with numpy, two batched blits a frame.

    The cast is the looks given once (every resident and the officer); a frame
    passes arrays of who is where. The picture is that of ``draw_trust_ring``
    for everyone and then ``draw_person`` in order of y, with a few numpy
    operations instead of Python per person: every pose of every look at the
    current scale sits in one table indexed by look, facing and walk frame.

    A pose not drawn yet costs about half a millisecond, so at most
    NEW_POSES_PER_FRAME are drawn per frame; until theirs is ready, walkers
    show their standing pose (a stride appears a frame or two late, which
    nobody sees, rather than the frame stalling when many set off at once).
    """

    def __init__(self, looks: Sequence[PersonLook]) -> None:
        unique = list(dict.fromkeys(looks))
        position = {look: k for k, look in enumerate(unique)}
        self._looks = unique
        self._cast = np.array([position[look] for look in looks], dtype=np.int64)
        self._at: tuple[float, str] = (0.0, "")  # (scale step, palette) the tables were made for
        self._figures: list[pygame.Surface | None] = []
        self._drawn = 0  # poses in the table: it starts again past MAX_CACHED, like the cache
        self._rings: list[pygame.Surface] = []
        self._offsets = ((0, 0), (0, 0))  # ground point to sprite corner: figures, rings

    def _tables_for(self, q: float, palette: Palette) -> None:
        if self._at == (q, palette.name) and self._drawn < MAX_CACHED:
            return
        self._at, self._drawn = (q, palette.name), 0
        self._figures = [None] * (len(self._looks) * DIRECTIONS * WALK_FRAMES)
        self._rings = [trust_ring_sprite(b * RING_STEP, palette, q)[0] for b in range(RING_BUCKETS + 1)]
        figure_offset = _pose_sprite(self._looks[0], 0, 0, q)[1] if self._looks else (0, 0)
        self._offsets = (figure_offset, trust_ring_sprite(0.0, palette, q)[1])

    def draw(self, surface: pygame.Surface, who: np.ndarray, x: np.ndarray, y: np.ndarray,
             facing: np.ndarray, trust: np.ndarray, phase: np.ndarray, scale: float,
             palette: Palette = WARM) -> None:
        """``who`` indexes the cast; ground points ``x``, ``y`` in pixels; ``facing`` in radians;
        ``trust`` 0..100 or NaN for no ring (the officer); ``phase`` the walking phase."""
        q = quantised(scale)
        self._tables_for(q, palette)
        order = np.argsort(y, kind="stable")  # nearest last, ties in the order given
        look = self._cast[who[order]]
        direction = np.rint(facing[order] / (math.tau / DIRECTIONS)).astype(np.int64) % DIRECTIONS
        frame = ((phase[order] % 1.0) * WALK_FRAMES).astype(np.int64) % WALK_FRAMES
        gx = np.floor(x[order] + 0.5).astype(np.int64)
        gy = np.floor(y[order] + 0.5).astype(np.int64)
        (fx, fy), (rx, ry) = self._offsets
        trust = trust[order]
        ringed = ~np.isnan(trust)
        buckets = (np.clip(trust[ringed], 0.0, 100.0) // RING_STEP).astype(np.int64).tolist()
        rings = [self._rings[b] for b in buckets]
        surface.fblits(list(zip(rings, zip((gx[ringed] + rx).tolist(), (gy[ringed] + ry).tolist(),
                                           strict=True), strict=True)))
        poses = ((look * DIRECTIONS + direction) * WALK_FRAMES + frame).tolist()
        figures = [self._figures[p] for p in poses]
        if None in figures:
            figures = self._complete(poses, figures, q)
        surface.fblits(list(zip(figures, zip((gx + fx).tolist(), (gy + fy).tolist(), strict=True),
                                strict=True)))

    def _complete(self, poses: list[int], figures: list[pygame.Surface | None], q: float
                  ) -> list[pygame.Surface]:
        """Fill the gaps: new poses within the frame's budget, else the standing pose."""
        budget = NEW_POSES_PER_FRAME
        done: list[pygame.Surface] = []
        for pose, figure in zip(poses, figures, strict=True):
            if figure is None:
                standing = pose - pose % WALK_FRAMES
                ready = self._figures[standing]
                if budget > 0 or ready is None:
                    budget -= 1
                    figure = self._figure(pose if budget >= 0 else standing, q)
                else:
                    figure = ready
            done.append(figure)
        return done

    def _figure(self, pose: int, q: float) -> pygame.Surface:
        look, rest = divmod(pose, DIRECTIONS * WALK_FRAMES)
        direction, frame = divmod(rest, WALK_FRAMES)
        sprite = self._figures[pose] = _pose_sprite(self._looks[look], direction, frame, q)[0]
        self._drawn += 1
        return sprite


# --- figure drawing ------------------------------------------------------------------


class _Pen:
    """Draws in figure units onto a supersampled canvas."""

    def __init__(self, canvas: pygame.Surface, scale: float) -> None:
        self.canvas = canvas
        self.u = SS * scale

    def pt(self, x: float, y: float) -> tuple[float, float]:
        return ((ANCHOR[0] + x) * self.u, (ANCHOR[1] + y) * self.u)

    def circle(
        self, colour: Sequence[int], x: float, y: float, r: float, target: pygame.Surface | None = None
    ) -> None:
        pygame.draw.circle(target or self.canvas, colour, self.pt(x, y), r * self.u)

    def rect(
        self, colour: Sequence[int], x: float, y: float, w: float, h: float, radius: float = 0.0
    ) -> None:
        px, py = self.pt(x, y)
        pygame.draw.rect(
            self.canvas,
            colour,
            pygame.Rect(round(px), round(py), round(w * self.u), round(h * self.u)),
            border_radius=round(radius * self.u),
        )

    def ellipse(self, colour: Sequence[int], x: float, y: float, w: float, h: float) -> None:
        px, py = self.pt(x - w / 2, y - h / 2)
        pygame.draw.ellipse(
            self.canvas, colour, pygame.Rect(round(px), round(py), round(w * self.u), round(h * self.u))
        )


def _render_person(
    look: PersonLook, direction: int, frame: int, scale: float
) -> tuple[pygame.Surface, tuple[int, int]]:
    angle = direction * math.tau / DIRECTIONS
    fx, fy = math.cos(angle), math.sin(angle)
    fx = 0.0 if abs(fx) < 1e-9 else fx
    fy = 0.0 if abs(fy) < 1e-9 else fy
    stride = (0.0, 1.0, 0.0, -1.0)[frame]
    size = (math.ceil(CANVAS[0] * scale), math.ceil(CANVAS[1] * scale))
    figure = pygame.Surface((size[0] * SS, size[1] * SS), pygame.SRCALPHA)
    pen = _Pen(figure, scale)
    side = abs(fx)  # 0 front/back view, 1 profile
    bob = 0.5 * abs(stride)
    back_view = fy < -0.3

    _legs(pen, look, fx, side, stride)
    torso_w = 9.0 - 2.6 * side
    if look.hair_style == "long" and not back_view:
        _long_hair(pen, look, fx, fy, bob, behind=True)
    far_arm, near_arm = _arm_positions(torso_w, fx, side, stride)
    if side > 0.5:
        _arm(pen, look, *far_arm, bob, dim=True)
    _torso(pen, look, torso_w, fx, fy, bob)
    if side > 0.5:
        _arm(pen, look, *near_arm, bob, dim=False)
    else:
        _arm(pen, look, *far_arm, bob, dim=False)
        _arm(pen, look, *near_arm, bob, dim=False)
    _head(pen, look, fx, fy, bob)

    small = shrink(figure, size)
    out = pygame.Surface(size, pygame.SRCALPHA)
    _shadow(out, scale)
    silhouette = small.copy()
    silhouette.fill((30, 22, 30, 255), special_flags=pygame.BLEND_RGBA_MIN)
    silhouette.fill((255, 255, 255, OUTLINE_ALPHA), special_flags=pygame.BLEND_RGBA_MULT)
    for ox, oy in ((-1, 0), (1, 0), (0, -1), (0, 1)):
        out.blit(silhouette, (ox, oy))
    out.blit(small, (0, 0))
    return optimised(out), (-round(ANCHOR[0] * scale), -round(ANCHOR[1] * scale))


def _shadow(out: pygame.Surface, scale: float) -> None:
    """Soft contact shadow, drawn big and shrunk so its edge fades (the same under everyone)."""
    out.blit(_contact_shadow(out.get_size(), scale), (0, 0))


@functools.lru_cache(maxsize=16)
def _contact_shadow(size: tuple[int, int], scale: float) -> pygame.Surface:
    w, h = size
    big = pygame.Surface((w * SS, h * SS), pygame.SRCALPHA)
    cx, cy = ANCHOR[0] * scale * SS, ANCHOR[1] * scale * SS
    for k, alpha in ((1.0, 40), (0.8, 50), (0.6, 60)):
        rw, rh = 7.0 * scale * SS * k, 2.6 * scale * SS * k
        pygame.draw.ellipse(big, (20, 14, 28, alpha), pygame.Rect(cx - rw, cy - rh, 2 * rw, 2 * rh))
    return shrink(big, (w, h))


def _legs(pen: _Pen, look: PersonLook, fx: float, side: float, stride: float) -> None:
    spread = 1.7 * (1 - side * 0.75)
    for k, sign in enumerate((-1.0, 1.0)):
        swing = stride * sign
        x = sign * spread + swing * 2.0 * fx
        lift = max(0.0, swing) * 1.3 * (1 - side)
        top, bottom = -8.5, -1.0 - lift
        colour = look.trousers if k == 0 or side < 0.5 else shade(look.trousers, 0.85)
        pen.rect(colour, x - 1.3, top, 2.6, bottom - top, radius=1.0)
        pen.ellipse((52, 42, 46), x + fx * 0.6, bottom - 0.2, 3.0 + side * 0.8, 1.8)


def _arm_positions(
    torso_w: float, fx: float, side: float, stride: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(x, swing) for the far and near arm; arms swing against the legs."""
    if side > 0.5:
        return (-fx * 0.8, stride * 1.8 * fx), (fx * 0.4, -stride * 1.8 * fx)
    reach = torso_w / 2 + 0.7
    return (-reach, -stride * 0.8), (reach, stride * 0.8)


def _arm(pen: _Pen, look: PersonLook, x: float, swing: float, bob: float, dim: bool) -> None:
    sleeve = shade(look.shirt, 0.78 if dim else 0.9)
    top = -15.2 + bob
    hand_x = x + swing
    pen.rect(sleeve, min(x, hand_x) - 1.1, top, abs(hand_x - x) + 2.2, 5.0, radius=1.1)
    pen.rect(look.skin if not dim else shade(look.skin, 0.85), hand_x - 1.0, top + 4.2, 2.0, 2.6, radius=1.0)


def _torso(pen: _Pen, look: PersonLook, w: float, fx: float, fy: float, bob: float) -> None:
    top, h = -16.0 + bob, 8.6
    pen.rect(shade(look.shirt, 0.78), -w / 2, top, w, h, radius=2.6)
    pen.rect(look.shirt, -w / 2, top, w - 1.1, h - 1.0, radius=2.4)
    pen.rect(mix(look.shirt, (255, 255, 255), 0.18), -w / 2 + 0.8, top + 0.9, 1.4, h - 3.5, radius=0.7)
    if look.uniform:
        _uniform_details(pen, w, fx, fy, top, h)
    elif fy > 0.3:  # neckline when the person faces the viewer
        pen.ellipse(look.skin, fx * 1.2, top + 0.4, 3.0, 1.6)


def _uniform_details(pen: _Pen, w: float, fx: float, fy: float, top: float, h: float) -> None:
    belt_y = top + h - 2.4
    pen.rect((24, 24, 30), -w / 2, belt_y, w, 1.4)
    if fy > -0.3:
        pen.rect(BADGE, fx * 1.5 - 0.6, belt_y + 0.1, 1.2, 1.2)
        bx = fx * 2.0 + 1.9 * (1 - abs(fx))
        pen.circle(shade(BADGE, 0.6), bx, top + 2.8, 1.2)
        pen.circle(BADGE, bx, top + 2.7, 0.95)
        pen.circle((255, 255, 240), bx - 0.35, top + 2.35, 0.4)  # the glint
        pen.rect(
            (24, 24, 30), -fx * 2.0 - 1.9 * (1 - abs(fx)) - 0.8, top + 0.6, 1.6, 2.2, radius=0.4
        )  # radio
    else:
        pen.rect(shade(UNIFORM, 1.25), -w / 2 + 1.0, top + 1.2, w - 2.0, 0.6)  # shoulder seam


def _head(pen: _Pen, look: PersonLook, fx: float, fy: float, bob: float) -> None:
    cx, cy, r = 0.0, -20.6 + bob, 4.6
    back_view = fy < -0.3
    if look.hair_style == "curly":
        pen.circle(shade(look.hair, 0.85), cx - fx * 0.6, cy - 0.8 - 0.6 * max(0.0, fy), r + 1.3)
    if look.hair_style == "bun":
        pen.circle(shade(look.hair, 0.9), cx - fx * 2.0, cy - 4.3 + 1.2 * max(0.0, -fy), 2.2)
    pen.circle(shade(look.skin, 0.82), cx + 0.3, cy + 0.3, r)
    pen.circle(look.skin, cx, cy, r - 0.3)
    if not back_view:
        if abs(fx) < 0.9:
            for sign in (-1, 1):
                pen.circle(EYE, cx + fx * 2.0 + sign * 1.65 * (1 - abs(fx) * 0.55), cy + 0.4 + fy * 0.3, 0.62)
        else:
            pen.circle(EYE, cx + fx * 2.7, cy + 0.4, 0.62)
        blush = mix(look.skin, (226, 110, 110), 0.28)
        pen.circle(blush, cx + fx * 2.2 + 2.2 * (1 - abs(fx)), cy + 2.0, 0.8)
        if abs(fx) < 0.9:
            pen.circle(blush, cx + fx * 2.2 - 2.2 * (1 - abs(fx)), cy + 2.0, 0.8)
    _hair_cap(pen, look, cx, cy, r, fx, fy)
    if look.hair_style == "long" and back_view:
        _long_hair(pen, look, fx, fy, bob, behind=False)


def _hair_cap(pen: _Pen, look: PersonLook, cx: float, cy: float, r: float, fx: float, fy: float) -> None:
    """Hair (or the officer's cap) is a circle clipped to the head, slid away from the face."""
    style = look.hair_style
    if style == "bald":
        if fy < -0.3:
            _clipped(pen, look.hair, cx, cy, r + 0.4, cx, cy + 3.6, r)
        else:
            for sign in (-1, 1):
                if abs(fx) < 0.9 or sign == -math.copysign(1, fx):
                    pen.circle(look.hair, cx + sign * (r - 0.6) * (1 - abs(fx) * 0.5), cy - 0.2, 1.3)
        return
    ox = -fx * 2.2 * (1 - abs(fy) * 0.3)
    oy = -2.0 - 3.9 * max(0.0, fy) + 3.2 * max(0.0, -fy)
    grow = 1.3 if style == "curly" else 0.45
    if style == "cap":
        _clipped(pen, look.hair, cx, cy, r + 0.3, cx + ox, cy + oy + 1.2, r)
        crown = UNIFORM_DARK
        _clipped(pen, crown, cx, cy - 0.4, r + 0.6, cx + ox * 0.4, cy - 4.4 + 2.0 * max(0.0, -fy), r + 0.6)
        pen.ellipse((18, 20, 30), cx + fx * 3.3, cy - 2.4 + fy * 1.6, 4.6 + 2.6 * (1 - abs(fx)), 2.2)
        if fy > -0.3:
            pen.circle(BADGE, cx + fx * 2.2, cy - 3.3, 0.7)
        return
    _clipped(pen, look.hair, cx, cy, r + grow, cx + ox, cy + oy, r + grow * 0.6)
    if style == "curly":
        for k in range(7):
            a = math.pi + k * math.pi / 6
            pen.circle(
                shade(look.hair, 1.12),
                cx + ox * 0.5 + math.cos(a) * r * 0.8,
                cy - 1.2 + math.sin(a) * r * 0.75,
                0.9,
            )


def _clipped(
    pen: _Pen,
    colour: Sequence[int],
    clip_x: float,
    clip_y: float,
    clip_r: float,
    x: float,
    y: float,
    r: float,
) -> None:
    """Draw a circle at (x, y, r), keeping only the part inside the clip circle."""
    layer = pygame.Surface(pen.canvas.get_size(), pygame.SRCALPHA)
    pen.circle(colour, x, y, r, target=layer)
    pen.circle(shade(colour, 1.25), x - 0.8, y - 0.6, r * 0.55, target=layer)
    pen.circle(colour, x + 0.3, y + 0.4, r * 0.8, target=layer)
    mask = pygame.Surface(pen.canvas.get_size(), pygame.SRCALPHA)
    pen.circle((255, 255, 255, 255), clip_x, clip_y, clip_r, target=mask)
    layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
    pen.canvas.blit(layer, (0, 0))


def _long_hair(pen: _Pen, look: PersonLook, fx: float, fy: float, bob: float, behind: bool) -> None:
    hair = shade(look.hair, 0.9)
    top = -21.5 + bob
    if behind:  # falls past the shoulders, seen either side of the face
        if abs(fx) > 0.9:
            pen.rect(hair, -fx * 3.2 - 2.0, top, 4.0, 9.0, radius=1.8)
        else:
            pen.rect(hair, -5.2 + fx, top, 10.4, 8.6, radius=2.4)
    else:  # seen from behind, it covers the back of the head and the shoulders
        pen.rect(hair, -4.6 - fx * 0.6, top + 1.0, 9.2, 8.0, radius=2.6)


# --- trust ring ------------------------------------------------------------------------

RING_A, RING_B = 9.5, 4.2  # ellipse radii at scale 1, pixels
RING_WIDTH = 2.0  # pixels
RING_STEP = 5  # trust points per ring sprite: finer steps would not show at ring size
RING_BUCKETS = 100 // RING_STEP  # the last bucket is trust exactly 100: a closed ring
_rings: dict[tuple, tuple[pygame.Surface, tuple[int, int]]] = {}


def trust_band(trust: float) -> int:
    """0 low, 1 middling, 2 high: the same bands as ``palette.trust_colour``."""
    return 0 if trust < WARY_FROM else 1 if trust < TRUSTING_FROM else 2


def trust_ring_sprite(
    trust: float, palette: Palette = WARM, scale: float = 1.0
) -> tuple[pygame.Surface, tuple[int, int]]:
    q = quantised(scale)
    bucket = int(max(0.0, min(100.0, trust)) // RING_STEP)
    key = (bucket, palette.name, q)
    hit = _rings.get(key)
    if hit is None:
        hit = _render_ring(bucket * RING_STEP + RING_STEP / 2 if bucket < RING_BUCKETS else 100.0,
                           palette, q)
        _rings[key] = hit
    return hit


def draw_trust_ring(
    surface: pygame.Surface,
    center_xy: Sequence[float],
    trust_0_100: float,
    palette: Palette = WARM,
    scale: float = 1.0,
) -> pygame.Rect:
    """A ring on the ground under a resident that shows trust three ways at once.

    * the **arc** fills from the front, symmetrically, in proportion to trust;
    * its **colour** is the band colour (dark = low, light = high, also in greyscale);
    * **pips** at the front count the band: one low, two middling, three high.

    Draw it before the person, at the same ground point.
    """
    sprite, (ox, oy) = trust_ring_sprite(trust_0_100, palette, scale)
    return surface.blit(sprite, (px(center_xy[0]) + ox, px(center_xy[1]) + oy))


def _render_ring(trust: float, palette: Palette, scale: float) -> tuple[pygame.Surface, tuple[int, int]]:
    a, b, width = RING_A * scale, RING_B * scale, RING_WIDTH * scale
    pad = 3 * scale
    w, h = math.ceil(2 * (a + pad)), math.ceil(2 * (b + pad) + 2 * scale)
    cx, cy = w / 2, (b + pad)
    ys, xs = np.mgrid[0 : h * SS, 0 : w * SS].astype(np.float32)
    dx, dy = (xs + 0.5) / SS - cx, (ys + 0.5) / SS - cy
    u, v = dx / a, dy / b
    r = np.hypot(u, v) + 1e-6
    grad = np.hypot(u / a, v / b) / r + 1e-6
    dist = np.abs(r - 1.0) / grad  # approximate distance to the ellipse, in pixels
    front = np.abs(np.arctan2(v, u) - math.pi / 2)  # angle from the front (bottom) of the ring
    front = np.minimum(front, math.tau - front)
    filled = front <= math.pi * trust / 100.0
    track = dist <= width / 2 + 0.6 * scale
    line = dist <= width / 2
    band = trust_colour(trust, palette)
    colour = np.asarray(band, np.float32)
    dark = np.asarray(palette.ring_track[:3], np.float32)
    rgba = np.zeros((h * SS, w * SS, 4), np.float32)
    rgba[track] = [*dark, palette.ring_track[3]]
    rgba[line & filled] = [*colour, 255]
    rgba[line & filled & (dist > width / 2 - 0.5 * scale)] = [*mix(band, palette.ring_track[:3], 0.35), 255]
    big = pygame.Surface((w * SS, h * SS), pygame.SRCALPHA)
    pixels = rgba.astype(np.uint8)
    pygame.surfarray.blit_array(big, pixels[..., :3].transpose(1, 0, 2))
    pygame.surfarray.pixels_alpha(big)[...] = pixels[..., 3].T
    for k in range(trust_band(trust) + 1):  # the pips
        px = (cx + (k - trust_band(trust) / 2) * 3.4 * scale) * SS
        py = (cy + b) * SS
        pygame.draw.circle(big, (*dark, 255), (px, py), 1.75 * scale * SS)
        pygame.draw.circle(big, (*colour, 255), (px, py), 1.15 * scale * SS)
    sprite = optimised(shrink(big, (w, h)))
    return sprite, (-round(cx), -round(cy))
