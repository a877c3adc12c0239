"""The neighborhood on screen: the painted map through the camera, and everyone on it.

The static map is planned once (``map_art``) and painted in chunks of
CHUNK_TILES at BASE_TILE pixels per tile; other zoom levels rescale a chunk
painted with a margin. Only chunks near the camera are painted and only a few
screens' worth kept, so a big map costs memory in proportion to the screen,
not the map. A frame is a batch of map blits plus one batch of cached sprites.
Positions come interpolated from the ShiftRunner so people glide between
simulation ticks, and the light follows
the shift clock. Nothing here changes the simulation: the view reads ``sim``
and the runner's smoothed positions only.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pygame

from game.app.art import (
    Crowd,
    MapArt,
    apply_daylight,
    draw_call_marker,
    draw_name_tag,
    draw_patrol_car,
    draw_place_highlight,
    draw_streetlights,
    map_art,
    streetlight_positions,
    streetlight_strength,
)
from game.app.context import App
from game.app.shift.runner import ShiftRunner
from game.app.ui.palette import RGB, Palette
from game.app.view.camera import Camera
from game.app.view.sprites import OFFICER, look_of, zoom_scale
from game.app.view.street import shop_signs
from game.scenario.model import Event
from game.sim.grid import NoPath
from game.sim.simulation import Simulation
from game.tuning import METRES_PER_TILE

BASE_TILE = 48  # px per tile the map is painted at; other zooms are rescaled from it
FACE_RADIUS = 3.0  # tiles: residents this close turn toward an officer on foot
HOVER_RADIUS = 0.6  # tiles: how close the pointer must be to pick a resident
STRIDES_PER_SECOND = 1.6  # walk cycles per real second
ROUTE_DOT = 0.08  # tiles, radius of the dots that show where the officer is heading
CHUNK_TILES = 16  # tiles per side of a painted (and, zoomed, rescaled) piece of the map
CHUNK_MARGIN = 1  # tiles rescaled around a chunk and cut off, so its edges match its neighbours'
CHUNK_SCREENS = 4  # rescaled chunks kept, in screens' worth of pixels (scrolling back costs nothing)
LAMP_RADIUS = 1.5  # tiles lit around a street lamp


class WorldView:
    def __init__(self, app: App, sim: Simulation) -> None:
        self.app = app
        self.sim = sim
        self._chunks: dict[tuple[int, str, tuple[int, int]], pygame.Surface] = {}  # oldest first
        self._planned: tuple[str, MapArt] | None = None  # palette name, the map planned in it
        self._car_path: tuple[tuple, list[tuple[int, int]]] = ((), [])
        self._lamps = [(x / BASE_TILE, y / BASE_TILE)
                       for x, y in streetlight_positions(sim.scenario.map, BASE_TILE)]
        self._crowd = Crowd([*(look_of(r.id) for r in sim.residents), OFFICER])  # the officer last
        self._places_by_tile = {p.at: p.id for p in sim.scenario.places}
        self.people_xy = sim.people.pos.copy()  # last drawn positions, for hover picking
        self.tags: list[pygame.Rect] = []  # name tags drawn last frame: floating feedback keeps off them

    # --- the map -------------------------------------------------------------------
    def _art(self, palette: Palette) -> MapArt:
        """The map planned for painting in this palette (planned again only when the palette changes)."""
        if self._planned is None or self._planned[0] != palette.name:
            signs = shop_signs(self.sim.scenario)
            self._planned = (palette.name, map_art(self.sim.scenario.map, BASE_TILE, palette, signs=signs))
        return self._planned[1]

    def _draw_map(self, surface: pygame.Surface, camera: Camera, palette: Palette) -> None:
        t = camera.tile_px
        ox, oy = (int(v) for v in camera.origin)  # as blit places a float position: toward zero
        w, h = surface.get_size()
        step = CHUNK_TILES * t
        first_x, first_y = max(0, -ox // step), max(0, -oy // step)
        last_x = min((self.sim.grid.width - 1) // CHUNK_TILES, (w - ox) // step)
        last_y = min((self.sim.grid.height - 1) // CHUNK_TILES, (h - oy) // step)
        pieces = [(self._chunk((cx, cy), t, palette), (ox + cx * step, oy + cy * step))
                  for cy in range(first_y, last_y + 1) for cx in range(first_x, last_x + 1)]
        fill_around(surface, pygame.Rect(ox, oy, self.sim.grid.width * t, self.sim.grid.height * t),
                    palette.grass_dark)
        surface.fblits(pieces)
        self._forget_chunks(CHUNK_SCREENS * w * h)

    def _chunk(self, chunk: tuple[int, int], tile_px: int, palette: Palette) -> pygame.Surface:
        """One CHUNK_TILES square of the map at ``tile_px``, from the cache or painted now."""
        key = (tile_px, palette.name, chunk)
        piece = self._chunks.pop(key, None)
        if piece is None:
            piece = self._paint_chunk(self._art(palette), chunk, tile_px)
        self._chunks[key] = piece  # most recently used last
        return piece

    def _paint_chunk(self, art: MapArt, chunk: tuple[int, int], tile_px: int) -> pygame.Surface:
        """A chunk painted at BASE_TILE; other zooms paint it with a margin, rescale, and cut the margin
        off, so rescaled edges match their neighbours'."""
        gw, gh = self.sim.grid.width, self.sim.grid.height
        x0, y0 = chunk[0] * CHUNK_TILES, chunk[1] * CHUNK_TILES
        x1, y1 = min(gw, x0 + CHUNK_TILES), min(gh, y0 + CHUNK_TILES)
        if tile_px == BASE_TILE:
            return art.paint((x0, y0, x1 - x0, y1 - y0))
        mx0, my0 = max(0, x0 - CHUNK_MARGIN), max(0, y0 - CHUNK_MARGIN)
        mx1, my1 = min(gw, x1 + CHUNK_MARGIN), min(gh, y1 + CHUNK_MARGIN)
        source = art.paint((mx0, my0, mx1 - mx0, my1 - my0))
        scaled = pygame.transform.smoothscale(source, ((mx1 - mx0) * tile_px, (my1 - my0) * tile_px))
        return scaled.subsurface(pygame.Rect((x0 - mx0) * tile_px, (y0 - my0) * tile_px,
                                             (x1 - x0) * tile_px, (y1 - y0) * tile_px)).copy()

    def _forget_chunks(self, pixels: int) -> None:
        """Drop the least recently drawn chunks beyond ``pixels`` in all."""
        kept = sum(p.get_width() * p.get_height() for p in self._chunks.values())
        while kept > pixels and len(self._chunks) > 1:
            old = self._chunks.pop(next(iter(self._chunks)))
            kept -= old.get_width() * old.get_height()

    # --- picking ---------------------------------------------------------------------
    def place_at(self, camera: Camera, pos: tuple[int, int]) -> str | None:
        """The named place (porch, shop, park...) on the tile under a window position."""
        x, y = (round(v) for v in camera.to_world(*pos))
        return self._places_by_tile.get((x, y))

    def place_label(self, place_id: str) -> str:
        """'Mrs. Reyes's porch · Gloria Reyes is home': porches say who is home, other places who is there."""
        sim = self.sim
        place = sim.places[place_id]
        if place.kind == "porch":
            home = [r.name for i, r in enumerate(sim.residents)
                    if r.home == place_id and sim.people.is_home(i)]
            if not home:
                return f"{place.name} · nobody home"
            return f"{place.name} · {' and '.join(home)} {'is' if len(home) == 1 else 'are'} home"
        here = [sim.residents[i].name for i, at in enumerate(sim.people.at_place) if at == place_id]
        return f"{place.name} · {', '.join(here)}" if here else place.name

    def resident_at(self, camera: Camera, pos: tuple[int, int]) -> int | None:
        """The resident under a window position (as last drawn), or None."""
        if not len(self.people_xy):
            return None
        wx, wy = camera.to_world(*pos)
        wy += 0.3  # people stand up from their ground point: their bodies are above it
        d2 = (self.people_xy[:, 0] - wx) ** 2 + (self.people_xy[:, 1] - wy) ** 2
        i = int(np.argmin(d2))
        return i if d2[i] <= HOVER_RADIUS ** 2 else None

    # --- drawing ---------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, camera: Camera, runner: ShiftRunner, *, clock: float,
             hover: int | None, selected: int | None, hover_place: str | None = None) -> None:
        palette, sim = self.app.palette, self.sim
        steady = self.app.settings.reduced_motion  # no flashing bar, pulsing rings or bobbing pins
        pulse = 0.0 if steady else clock  # the clock that drives markers and highlights
        self._draw_map(surface, camera, palette)
        self._draw_events(surface, camera, pulse)
        self._draw_routes(surface, camera)
        people = runner.people_positions()
        self.people_xy = people
        officer = runner.officer_position()
        o = sim.officer
        lights = o.in_car and bool(o.route) and any(c.call.priority == 1 for c in sim.active_calls())
        scale = zoom_scale(camera.tile_px)
        draw_patrol_car(surface, camera.to_screen(*runner.car_position()), o.car_heading, lights, clock,
                        scale, flash=not steady)
        self._draw_people(surface, camera, people, officer, clock, hover, selected)
        minute = sim.scenario.shift.start + sim.time
        apply_daylight(surface, minute)
        self._draw_lamps(surface, camera, minute)
        for state in sim.active_calls():
            x, y = sim.places[state.call.place].at
            draw_call_marker(surface, camera.to_screen(x, y), state.call.priority, pulse, palette, scale)
        self.tags = [draw_name_tag(surface, camera.to_screen(*people[i]), sim.residents[i].name,
                                   palette, self.app.text.scale, lift=30 * scale)
                     for i in {i for i in (hover, selected) if i is not None}]
        if hover_place is not None:
            at = camera.to_screen(*sim.places[hover_place].at)
            self.tags.append(draw_name_tag(surface, at, self.place_label(hover_place), palette,
                                           self.app.text.scale, lift=0.6 * camera.tile_px))

    def _draw_lamps(self, surface: pygame.Surface, camera: Camera, minute: float) -> None:
        strength = streetlight_strength(minute)
        if strength <= 0 or not self._lamps:
            return
        t = camera.tile_px
        ox, oy = camera.origin
        positions = [(x * t, y * t) for x, y in self._lamps]
        draw_streetlights(surface, positions, strength, (-ox, -oy), round(LAMP_RADIUS * t), self.app.palette)

    def _draw_events(self, surface: pygame.Surface, camera: Camera, clock: float) -> None:
        """Events under way: a highlight on their place and what is going on."""
        sim, palette, text = self.sim, self.app.palette, self.app.text
        t = camera.tile_px
        for ev in sim.events:
            if ev.start <= sim.time <= ev.end:
                x, y = sim.places[ev.place].at
                sx, sy = camera.to_screen(x, y)
                rect = pygame.Rect(0, 0, 3 * t, 3 * t)
                rect.center = (sx, sy)
                draw_place_highlight(surface, rect, clock, palette, palette.accent_alt)
                label = text.fit(event_title(ev), "small", 5 * t)
                draw_name_tag(surface, (sx, rect.bottom), label, palette, text.scale,
                              lift=-text.line_height("small"))

    def _draw_routes(self, surface: pygame.Surface, camera: Camera) -> None:
        """Dots along where the officer is heading, and back to the car when on foot."""
        sim, palette = self.sim, self.app.palette
        r = max(2, round(camera.tile_px * ROUTE_DOT))
        officer = sim.officer
        for x, y in officer.route:
            pygame.draw.circle(surface, palette.highlight, camera.to_screen(x, y), r)
        if officer.route:
            goal = camera.to_screen(*officer.route[-1])
            pygame.draw.circle(surface, palette.highlight, goal, round(camera.tile_px * 0.3), 2)
        if not officer.in_car:
            for x, y in self._path_to_car():
                pygame.draw.circle(surface, palette.accent_alt, camera.to_screen(x, y), max(1, r - 1))

    def _path_to_car(self) -> list[tuple[int, int]]:
        """The walk back to the car, recomputed only when the officer changes tile."""
        sim = self.sim
        start = sim.grid.nearest((round(sim.officer.x), round(sim.officer.y)), "walk")
        goal = sim.grid.nearest((round(sim.officer.car_x), round(sim.officer.car_y)), "walk")
        key = (start, goal)
        if self._car_path[0] != key:
            try:
                path = sim.grid.route(start, goal, "walk")
            except NoPath:
                path = []
            self._car_path = (key, path[1:-1])
        return self._car_path[1]

    def _draw_people(self, surface: pygame.Surface, camera: Camera, people: np.ndarray,
                     officer: tuple[float, float], clock: float, hover: int | None,
                     selected: int | None) -> None:
        """Residents (with trust rings) and the officer on foot, nearest last, in one batch."""
        sim = self.sim
        t = camera.tile_px
        scale = zoom_scale(t)
        ox, oy = camera.origin
        sx = ox + (people[:, 0] + 0.5) * t
        sy = oy + (people[:, 1] + 0.5) * t
        w, h = surface.get_size()
        on_screen = (sx > -t) & (sx < w + t) & (sy > -t) & (sy < h + 2 * t)
        heading = sim.people.heading.copy()
        o = sim.officer
        if not o.in_car and len(people):
            dx = officer[0] - people[:, 0]
            dy = officer[1] - people[:, 1]
            turn = (dx * dx + dy * dy <= FACE_RADIUS ** 2) & ~sim.people.moving
            heading[turn] = np.arctan2(dy[turn], dx[turn])
        stride = clock * STRIDES_PER_SECOND
        who = np.flatnonzero(on_screen)
        xs, ys = sx[who], sy[who]
        phase = np.where(sim.people.moving[who], (stride + who * 0.37) % 1.0, 0.0)
        facing, trust = heading[who], sim.trust.trust[who]
        if not o.in_car:
            (ax, ay), n = camera.to_screen(*officer), len(people)
            who, xs, ys = np.append(who, n), np.append(xs, ax), np.append(ys, ay)
            facing, trust = np.append(facing, o.heading), np.append(trust, np.nan)
            phase = np.append(phase, stride % 1.0 if o.route else 0.0)
        self._crowd.draw(surface, who, xs, ys, facing, trust, phase, scale, self.app.palette)
        for i in {i for i in (hover, selected) if i is not None}:
            if on_screen[i]:
                ring = pygame.Rect(round(sx[i]) - t // 2, round(sy[i]) - t // 5, t, t * 2 // 5)
                pygame.draw.ellipse(surface, self.app.palette.highlight, ring, 2)

    def draw_pointers(self, surface: pygame.Surface, camera: Camera, view: pygame.Rect,
                      car_at: tuple[float, float]) -> None:
        """Arrows toward calls (and the car, on foot) that are off screen, inside the free ``view``."""
        sim, palette, text = self.sim, self.app.palette, self.app.text
        targets: list[tuple[RGB, str, tuple[float, float]]] = [
            (palette.priority[s.call.priority - 1], f"P{s.call.priority}", sim.places[s.call.place].at)
            for s in sim.active_calls()
        ]
        if not sim.officer.in_car:
            targets.append((palette.accent_alt, "Car", car_at))
        size = max(12, text.line_height("small"))
        screen = surface.get_rect()
        for colour, label, (x, y) in targets:
            target = camera.to_screen(x, y)
            hit = None if screen.collidepoint(target) else edge_point(view, target)
            if hit is None:
                continue
            (px, py), angle = hit
            back = angle + math.pi
            tip = (px, py)
            left = (px + math.cos(back - 0.5) * size, py + math.sin(back - 0.5) * size)
            right = (px + math.cos(back + 0.5) * size, py + math.sin(back + 0.5) * size)
            pygame.draw.polygon(surface, colour, [tip, left, right])
            pygame.draw.polygon(surface, palette.text_dark, [tip, left, right], 2)
            metres = math.hypot(x - sim.officer.x, y - sim.officer.y) * METRES_PER_TILE
            tag = text.render(f"{label} {metres:.0f} m", "small", palette.text)
            centre = (round(px + math.cos(back) * size * 2.2), round(py + math.sin(back) * size * 2.2))
            rect = tag.get_rect(center=centre).inflate(12, 4).clamp(view)
            self.app.panels.draw(surface, rect, palette.panel, colour, radius=rect.h // 2)
            surface.blit(tag, tag.get_rect(center=rect.center))


EVENT_TITLES = {"kids_play": "Kids' game", "cookout": "Cookout"}


def event_title(ev: Event) -> str:
    """A short name for an event on the map ('Kids' game'); the full text shows when you get there."""
    return EVENT_TITLES.get(ev.kind, ev.kind.replace("_", " ").capitalize())


def edge_point(view: pygame.Rect, target: tuple[int, int]) -> tuple[tuple[int, int], float] | None:
    """Where the line from the view's centre to an off-view ``target`` leaves the view, and its angle.

    None when the target is inside the view (no arrow needed).
    """
    if view.collidepoint(target):
        return None
    cx, cy = view.center
    dx, dy = target[0] - cx, target[1] - cy
    sx = (view.w / 2) / abs(dx) if dx else math.inf
    sy = (view.h / 2) / abs(dy) if dy else math.inf
    k = min(sx, sy)
    return (round(cx + dx * k), round(cy + dy * k)), math.atan2(dy, dx)


def fill_around(surface: pygame.Surface, inner: pygame.Rect, colour: Sequence[int]) -> None:
    """Fill ``surface`` outside ``inner`` only: the map's opaque chunks cover the rest, and on a
    zoomed-in street, where they cover the whole window, a full fill under them cost 0.2 ms a frame."""
    whole = surface.get_rect()
    covered = inner.clip(whole)
    if not covered.w or not covered.h:
        surface.fill(colour)
        return
    for strip in (pygame.Rect(0, 0, whole.w, covered.top),
                  pygame.Rect(0, covered.bottom, whole.w, whole.h - covered.bottom),
                  pygame.Rect(0, covered.top, covered.left, covered.h),
                  pygame.Rect(covered.right, covered.top, whole.w - covered.right, covered.h)):
        if strip.w and strip.h:
            surface.fill(colour, strip)
