"""The resident-side view: the same street from one resident's porch, once with the car, once on foot.

Made for workshops, where residents and young people watch rather than play:
left, what the resident sees when the patrol car rolls past (a windshield and
a glare); right, what they see when the officer walks up the steps. Under
each, one plain sentence and the shift's own figures for that resident, so
the point is made with what just happened, not with a lecture. The radio does
not wait while a trainee looks: waiting calls are buttons here too, and R
takes the most urgent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.app.art import PersonLook
from game.app.art.vignettes import PorchPicture, draw_drive_by, draw_porch_visit, porch_frame
from game.app.context import App
from game.app.scenes.base import Scene
from game.app.scenes.calls import take_call, waiting_calls
from game.app.ui.input import command_of
from game.app.ui.palette import RGB
from game.app.ui.widgets import Button, Menu, draw_arrow, draw_lines, draw_text, pad
from game.app.view.sprites import OFFICER, look_of
from game.report.porch_story import PorchStory, porch_story
from game.sim.simulation import Simulation

if TYPE_CHECKING:
    from game.app.scenes.play import PlayScene

HEADING = "Same street, two ways to be there"
CAR_CAPTION = "A car and a glare on the glass. Nobody to wave to, nobody to tell."
FOOT_CAPTION = "Someone at the foot of the steps, with a name and time to listen."
PICTURE_MIN = 90  # px: below this the pictures are left out and the words stay


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def car_lines(story: PorchStory) -> tuple[str, float | None, str]:
    """(where the car was, trust through the window or None, what was said) for the left column."""
    when = "this shift" if story.finished else "so far"
    if story.car_minutes < 1:
        near = f"The car has not come past {story.short_name}'s porch {when}."
    else:
        near = f"The car was near {story.short_name}'s porch for {story.car_minutes:.0f} min {when}."
    if not story.car_contacts:
        return near, None, "Not a word through the window."
    return near, story.car_trust, f"{plural(story.car_contacts, 'word')} through the car window"


def foot_lines(story: PorchStory) -> tuple[str, float | None, str]:
    when = "this shift" if story.finished else "so far"
    if story.foot_minutes < 1:
        near = f"The officer has not been on foot near here {when}."
    else:
        near = f"The officer was on foot nearby for {story.foot_minutes:.0f} min {when}."
    if not story.foot_contacts:
        return near, None, "Nobody walked up to talk."
    what = ", ".join(story.foot_causes[:3])
    return near, story.foot_trust, f"{plural(story.foot_contacts, 'contact')} face to face: {what}"


class PorchScene(Scene):
    """Shows one resident's porch; ``beneath`` is where Back returns (None: no button, e.g. attract);
    ``play``, the trainee's own shift, whose waiting calls can be taken from here."""

    def __init__(self, app: App, sim: Simulation, resident: int, beneath: Scene | None,
                 play: PlayScene | None = None) -> None:
        self.app = app
        self.beneath = beneath
        self.play = play
        self.error = ""  # why a call could not be taken
        self.story = porch_story(sim, resident)
        self.look: PersonLook = look_of(sim.residents[resident].id)
        frame = porch_frame(sim.scenario.map, sim.places[sim.residents[resident].home].at)
        self.pictures = (PorchPicture(frame, app.palette), PorchPicture(frame, app.palette))
        self.menu = self._menu()
        self.clock = 0.0

    def _menu(self) -> Menu:
        menu = Menu(self._buttons())
        menu.focus = max(0, len(menu.buttons) - 1)  # Enter still goes back; a call is R or a click
        return menu

    def _buttons(self) -> list[Button]:
        """A button for each waiting call, then the way back."""
        if self.beneath is None:
            return []
        calls = waiting_calls(self.play.sim) if self.play is not None else []
        return [*(Button(f"call:{c.call_id}", c.label) for c in calls), Button("back", "Back to the shift")]

    def handle_event(self, event: pygame.event.Event) -> Scene | None:
        command = command_of(event, self.app.settings.keys)
        if self.beneath is None:
            return None
        if command == "respond" and self.play is not None:
            return self._take(None)
        choice = self.menu.handle(event, command)
        if command in ("back", "pause") or choice == "back":
            return self.beneath
        if choice is not None and choice.startswith("call:") and self.play is not None:
            return self._take(choice.removeprefix("call:"))
        return None

    def _take(self, call_id: str | None) -> Scene | None:
        assert self.play is not None
        street, self.error = take_call(self.play, call_id)
        return street

    def update(self, dt: float) -> Scene | None:
        self.clock += dt
        fresh = self._buttons()
        if [b.key for b in fresh] != [b.key for b in self.menu.buttons]:  # a call came in or ended
            self.menu = self._menu()
        return None

    # --- drawing -------------------------------------------------------------------------
    def titles(self) -> tuple[str, str]:
        s = self.story
        return (f"What {s.name} sees when the car drives by",
                f"What {s.short_name} sees when the officer walks up")

    def draw(self, surface: pygame.Surface) -> None:
        app, text, palette = self.app, self.app.text, self.app.palette
        w, h = surface.get_size()
        p = pad(text)
        surface.fill(palette.panel[:3])
        draw_text(surface, text, text.fit(HEADING, "title", w - 2 * p), "title", palette.text, (w // 2, p),
                  "midtop")
        top = p + text.line_height("title") + p
        bottom = self._place_buttons(w, h - p)
        if self.error:
            refusal = text.wrap(self.error, "small", w - 2 * p)
            bottom -= len(refusal) * text.line_height("small")
            draw_lines(surface, text, refusal, "small", palette.trust_mid, p, bottom)
        col_w = (w - 3 * p) // 2
        left_title, right_title = self.titles()
        columns = ((left_title, CAR_CAPTION, car_lines(self.story)),
                   (right_title, FOOT_CAPTION, foot_lines(self.story)))
        words_h = max(self._words(surface, None, col_w, *c) for c in columns)
        picture_h = bottom - top - words_h - p
        for k, (title, caption, lines) in enumerate(columns):
            x = p + k * (col_w + p)
            y = top
            if picture_h >= PICTURE_MIN:
                self._picture(surface, pygame.Rect(x, y, col_w, picture_h), k)
                y += picture_h + p
            self._words(surface, (x, y), col_w, title, caption, lines)
        self.menu.draw(surface, text, app.panels, palette)

    def _place_buttons(self, w: int, bottom: int) -> int:
        """Lay the buttons out in centred rows above ``bottom``, as many to a row as fit whole;
        returns the y above them (with a gap)."""
        text = self.app.text
        p = pad(text)
        if not self.menu.buttons:
            return bottom
        button_h = text.line_height("body") + p
        rows: list[list[Button]] = [[]]
        used = 0
        for b in self.menu.buttons:
            width = min(w - 2 * p, b.min_width(text) + 2 * p)
            if rows[-1] and used + p + width > w - 2 * p:
                rows.append([])
                used = 0
            used += (p if rows[-1] else 0) + width
            b.rect = pygame.Rect(0, 0, width, button_h)
            rows[-1].append(b)
        y = bottom - len(rows) * (button_h + p // 2) + p // 2
        for row in rows:
            x = (w - (sum(b.rect.w for b in row) + p * (len(row) - 1))) // 2
            for b in row:
                b.rect.topleft = (x, y)
                x += b.rect.w + p
            y += button_h + p // 2
        return bottom - len(rows) * (button_h + p // 2) - p // 2

    def _picture(self, surface: pygame.Surface, rect: pygame.Rect, k: int) -> None:
        palette = self.app.palette
        area = surface.subsurface(rect)
        if k == 0:
            draw_drive_by(area, self.pictures[0], self.look, self.clock)
        else:
            draw_porch_visit(area, self.pictures[1], self.look, OFFICER)
        pygame.draw.rect(surface, palette.panel_edge, rect, 2, border_radius=4)

    def _words(self, surface: pygame.Surface, at: tuple[int, int] | None, width: int, title: str,
               caption: str, lines: tuple[str, float | None, str]) -> int:
        """Draw a column's words at ``at`` (or only measure them, with None); returns the height."""
        text, palette = self.app.text, self.app.palette
        x, y0 = at or (0, 0)
        y = y0
        near, trust, said = lines
        blocks: list[tuple[str, str, RGB]] = [
            (title, "body", palette.accent), (caption, "small", palette.text),
            (near, "small", palette.text_dim)]
        for string, size, colour in blocks:
            wrapped = text.wrap(string, size, width)
            y = draw_lines(surface, text, wrapped, size, colour, x, y) if at else \
                y + len(wrapped) * text.line_height(size)
        row = text.line_height("body")
        indent = 0
        if trust is not None:
            figure = f"{trust:+.0f} trust"
            if at is not None:
                colour = palette.trust_good if trust >= 0 else palette.trust_mid  # dark red vanishes here
                draw_arrow(surface, pygame.Rect(x, y + row // 4, row // 2, row // 2), trust >= 0, colour)
                draw_text(surface, text, figure, "body", colour, (x + row // 2 + 6, y))
            indent = row // 2 + 6 + text.width(figure, "body") + pad(text) // 2
        said_lines = text.wrap(said, "small", width - indent)
        if at is not None:
            draw_lines(surface, text, said_lines, "small", palette.text,
                       x + indent, y + (row - text.line_height("small")) // 2)
        y += max(row, len(said_lines) * text.line_height("small"))
        return y - y0
