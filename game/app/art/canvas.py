"""A map-sized canvas that holds memory only where something is drawn on it.

Painting a region of a big map keeps every drawing call in map coordinates
(no painter needs to know about regions) by drawing on a canvas the size of
the whole map, clipped to the region. The canvas's pixels live in anonymous
memory-mapped pages, which the system hands out only when they are first
written, so a 7,776 x 4,704 canvas painted over one region costs that region's
rows, not 146 MB. The pages go back when the canvas is dropped.
"""

from __future__ import annotations

import mmap

import pygame

BYTES_PER_PIXEL = 4


def sparse_canvas(size: tuple[int, int], *, alpha: bool) -> pygame.Surface:
    """A blank ``size`` surface (32-bit, per-pixel alpha if ``alpha``) backed by untouched pages.

    Set a clip before drawing: fills and draws stay inside it, and so does the memory.
    """
    pages = mmap.mmap(-1, max(1, size[0] * size[1] * BYTES_PER_PIXEL))
    return pygame.image.frombuffer(pages, size, "BGRA" if alpha else "RGBX")
