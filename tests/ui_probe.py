"""Where every scene put its text and its panels: a drawing surface that records, for layout tests.

``TextProbe`` remembers each surface ``Text.render`` made and each panel
``PanelPainter.draw`` painted; ``ProbeSurface`` reports every blit of such a
text surface with its visible rectangle (after the clip, in window
coordinates, subsurfaces included). A test then asks whether all text lies
in the window and inside the panel it starts in, at any text size, without
comparing pixels and without a hook in the game code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.app.scenes.base import Scene
from game.app.ui.text import Text
from game.app.ui.widgets import PanelPainter


@dataclass
class TextBox:
    rect: pygame.Rect  # visible part, window coordinates
    string: str
    under: int  # how many panels had been painted before it: only those can hold it
    whole: bool = True  # False when a clip (or the surface's edge) cut part of the line off


@dataclass
class TextProbe:
    texts: list[TextBox] = field(default_factory=list)
    panels: list[pygame.Rect] = field(default_factory=list)
    _rendered: dict[int, str] = field(default_factory=dict)

    def install(self, monkeypatch) -> None:
        render, draw_panel = Text.render, PanelPainter.draw
        probe = self

        def recording_render(text: Text, string: str, size: str, colour) -> pygame.Surface:
            image = render(text, string, size, colour)
            probe._rendered[id(image)] = string
            return image

        def recording_panel(painter: PanelPainter, surface: pygame.Surface, rect: pygame.Rect, *args,
                            **kwargs) -> None:
            draw_panel(painter, surface, rect, *args, **kwargs)
            offset = surface.offset if isinstance(surface, ProbeSurface) else (0, 0)
            clip = surface.get_clip()
            probe.panels.append(pygame.Rect(rect).clip(clip).move(offset))

        monkeypatch.setattr(Text, "render", recording_render)
        monkeypatch.setattr(PanelPainter, "draw", recording_panel)

    def surface(self, size: tuple[int, int]) -> ProbeSurface:
        return ProbeSurface(size, self, (0, 0))

    def frame(self, scene: Scene, size: tuple[int, int]) -> ProbeSurface:
        """One frame of ``scene`` (after one update), recording only what that frame drew."""
        scene.update(1 / 60)
        self.clear()
        surface = self.surface(size)
        scene.draw(surface)
        return surface

    def clear(self) -> None:
        self.texts.clear()
        self.panels.clear()

    def note_blit(self, source: pygame.Surface, affected: pygame.Rect, offset: tuple[int, int],
                  whole: bool = True) -> None:
        string = self._rendered.get(id(source))
        if string is not None and string.strip() and affected.w and affected.h:
            self.texts.append(TextBox(affected.move(offset), string, len(self.panels), whole))

    def cut(self) -> list[str]:
        """Lines of which only a part was drawn (a clip or an edge took the rest)."""
        return [f"{box.string!r} at {box.rect}" for box in self.texts if not box.whole]

    def problems(self, window: pygame.Rect) -> list[str]:
        """Text outside the window, or text over a panel that is in no panel beneath it.

        A panel painted *after* a line (an overlay) hides it rather than holds it,
        so only panels painted before the line count.
        """
        found = []
        for box in self.texts:
            if not window.contains(box.rect):
                found.append(f"{box.string!r} at {box.rect} leaves the window")
                continue
            beneath = [p for p in self.panels[: box.under] if p.colliderect(box.rect)]
            if beneath and not any(p.inflate(2, 2).contains(box.rect) for p in beneath):
                panel = min(beneath, key=lambda p: p.w * p.h)
                found.append(f"{box.string!r} at {box.rect} spills out of its panel {panel}")
        return found


class ProbeSurface(pygame.Surface):
    """A Surface that tells the probe about text blits; its subsurfaces are probes too (drawn apart,
    which is all a layout test needs)."""

    def __init__(self, size: tuple[int, int], probe: TextProbe, offset: tuple[int, int]) -> None:
        super().__init__(size)
        self.probe = probe
        self.offset = offset

    def blit(self, source, dest, area=None, special_flags=0):  # type: ignore[override]
        affected = super().blit(source, dest, area, special_flags)
        whole = area is not None or affected.size == source.get_size()
        self.probe.note_blit(source, affected, self.offset, whole)
        return affected

    def subsurface(self, *rect):  # type: ignore[override]
        r = pygame.Rect(*rect)
        return ProbeSurface(r.size, self.probe, (self.offset[0] + r.x, self.offset[1] + r.y))
