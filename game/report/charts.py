"""Inline SVG charts for the reports: no JavaScript, no images, no network, print-friendly.

Colours come from the Okabe–Ito colour-blind-safe set, and nothing relies on
colour alone: lines differ in dash pattern, lines are labelled at their ends,
and every mark has a ``<title>`` that browsers show on hover.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from game.report.debrief import CallDebrief
from game.report.html import Html, esc, join

KIND_COLOURS = {  # light, quiet map colours, so the heat laid on top stands out
    "road": "#cfcac2", "car_spawn": "#cfcac2", "sidewalk": "#f1ede6", "house": "#e0d6c8",
    "porch": "#ebdfcc", "yard": "#e4edd8", "shop": "#f0e2c0", "park": "#d5e9c6",
    "church": "#e7e1ee", "school": "#f1e7cf",
}
OTHER_KIND = "#dddddd"
HEAT_MIN_OPACITY, HEAT_OPACITY_RANGE = 0.35, 0.65  # faintest visited tile, and the range above it
MAP_WIDTH = 440  # px: the most a map may take, so two fit side by side
TICK_STEPS = (15, 30, 60, 120, 180, 240, 360, 480, 720)  # minutes between time-axis labels
MAX_TICKS = 8


@dataclass(frozen=True)
class Scale:
    """Maps data values in [lo, hi] linearly onto pixels [start, end]."""

    lo: float
    hi: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        span = (self.hi - self.lo) or 1.0
        return self.start + (value - self.lo) / span * (self.end - self.start)


def _n(value: float) -> str:
    return f"{value:.1f}"


def _svg(width: int, height: int, label: str, *parts: object) -> Html:
    return Html(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{esc(label)}">{join(parts)}</svg>'
    )


def _title(text: str) -> Html:
    return Html(f"<title>{esc(text)}</title>")


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> Html:
    return Html(f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{extra}>{esc(text)}</text>')


def _line(x1: float, y1: float, x2: float, y2: float, style: str) -> Html:
    return Html(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" {style}/>')


def _grid_0_100(y: Scale, left: float, right: float, values: Sequence[int]) -> list[Html]:
    out = []
    for v in values:
        out.append(_line(left, y(v), right, y(v), 'stroke="#e4d9c6"'))
        out.append(_text(left - 6, y(v) + 4, str(v), "end"))
    return out


# --- trust over time ----------------------------------------------------------------------
def trust_chart(history: Sequence[Sequence[float]], calls: Sequence[CallDebrief], minutes: float,
                clock: Callable[[float], str]) -> Html:
    """Neighborhood trust (solid) and safety (dashed) over the shift, with each call marked.

    A call is a dashed vertical line when it came in, and a bar along the top
    from then until the officer arrived (green in time, red late).
    """
    width, height, left, right, top, bottom = 720, 300, 40, 74, 38, 34
    x = Scale(0, max(minutes, 1.0), left, width - right)
    y = Scale(0, 100, height - bottom, top)
    parts: list[Html] = _grid_0_100(y, left, width - right, (0, 25, 50, 75, 100))
    step = next((s for s in TICK_STEPS if minutes / s <= MAX_TICKS), TICK_STEPS[-1])
    for m in range(0, int(minutes) + 1, step):
        parts.append(_line(x(m), height - bottom, x(m), height - bottom + 4, 'stroke="#6b6259"'))
        parts.append(_text(x(m), height - bottom + 17, clock(m), "middle"))
    for k, call in enumerate(calls):
        parts.append(_call_mark(call, x, y, top, label_y=12 + 13 * (k % 2)))
    for index, name, style in ((1, "trust", 'stroke="#0072b2" stroke-width="2.5"'),
                               (2, "safety", 'stroke="#009e73" stroke-width="2" '
                                             'stroke-dasharray="7 4"')):
        points = " ".join(f"{_n(x(row[0]))},{_n(y(row[index]))}" for row in history)
        parts.append(Html(f'<polyline fill="none" {style} points="{points}">'
                          f'{_title(name)}</polyline>'))
    if history:
        last = history[-1]
        trust_y, safety_y = y(last[1]), y(last[2])
        if abs(trust_y - safety_y) < 14:  # keep the two end labels apart
            nudge = 7 if trust_y >= safety_y else -7
            trust_y, safety_y = trust_y + nudge, safety_y - nudge
        parts.append(_text(width - right + 6, trust_y + 4, f"trust {last[1]:.0f}"))
        parts.append(_text(width - right + 6, safety_y + 4, f"safety {last[2]:.0f}"))
    return _svg(width, height, "Neighborhood trust and safety over the shift", *parts)


# --- trust across the days of a campaign ---------------------------------------------------
DASHES = ("", "7 4", "2 3", "10 3 2 3")  # each line differs in dash as well as colour
LINE_COLOURS = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000")


def days_chart(label: str, days: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> Html:
    """One line per resident of trust (0..100) at each point in ``days`` ("start", "Mon", ...),
    each line labelled at its end and titled with its name."""
    width, height, left, top, bottom = 720, 320, 40, 20, 34
    right = 150
    x = Scale(0, max(len(days) - 1, 1), left, width - right)
    y = Scale(0, 100, height - bottom, top)
    parts: list[Html] = _grid_0_100(y, left, width - right, (0, 25, 50, 75, 100))
    for k, day in enumerate(days):
        parts.append(_text(x(k), height - bottom + 17, day, "middle"))
    ends: list[float] = []
    for k, (name, values) in enumerate(series):
        colour = LINE_COLOURS[k % len(LINE_COLOURS)]
        dash = DASHES[(k // len(LINE_COLOURS) + k) % len(DASHES)]
        style = f'stroke="{colour}" stroke-width="2"' + (f' stroke-dasharray="{dash}"' if dash else "")
        points = " ".join(f"{_n(x(i))},{_n(y(v))}" for i, v in enumerate(values))
        parts.append(Html(f'<polyline fill="none" {style} points="{points}">'
                          f"{_title(f'{name}: ' + ', '.join(f'{v:.0f}' for v in values))}"
                          "</polyline>"))
        end_y = y(values[-1]) + 4 if values else top
        while any(abs(end_y - e) < 12 for e in ends):  # keep the end labels apart
            end_y += 12
        ends.append(end_y)
        parts.append(_text(width - right + 6, end_y, f"{name} {values[-1]:.0f}" if values else name,
                           extra=f' fill="{colour}"'))
    return _svg(width, height, label, *parts)


def _call_mark(call: CallDebrief, x: Scale, y: Scale, top: float, label_y: float) -> Html:
    at = x(call.at)
    if call.response_minutes is None:
        what = "never reached"
        bar = Html("")
    else:
        what = f"reached after {call.response_minutes:.0f} min ({call.outcome})"
        colour = "#1d6b4c" if call.in_time else "#a4342a"
        bar_w = max(2.0, x(call.at + call.response_minutes) - at)
        bar = Html(f'<rect x="{_n(at)}" y="{_n(top - 8)}" width="{_n(bar_w)}" height="6" '
                   f'fill="{colour}"/>')
    tip = f"Priority {call.priority} call at {call.place}, {call.came_in}: {what}"
    return Html(
        f"<g>{_title(tip)}"
        + _line(at, top - 8, at, y(0), 'stroke="#cc79a7" stroke-width="1.5" stroke-dasharray="3 3"')
        + bar + _text(at + 3, label_y, f"P{call.priority}") + "</g>"
    )


# --- the map heatmaps ----------------------------------------------------------------------
def heat_map(kinds: Sequence[Sequence[str]], heat: np.ndarray, vmax: float, colour: str,
             label: str) -> Html:
    """The neighborhood's tiles in quiet colours, with time spent per tile laid over in ``colour``.

    Opacity grows with the square root of the minutes, so a few minutes on a
    porch still shows next to an hour parked; ``vmax`` is shared between the
    foot and car maps so the two compare directly.
    """
    rows, cols = len(kinds), len(kinds[0]) if kinds else 0
    tile = max(4, min(16, MAP_WIDTH // max(cols, 1)))
    parts: list[Html] = []
    for yy, row in enumerate(kinds):  # one rect per run of equal tiles keeps the SVG small
        xx = 0
        while xx < cols:
            end = xx
            while end < cols and row[end] == row[xx]:
                end += 1
            fill = KIND_COLOURS.get(row[xx], OTHER_KIND)
            parts.append(Html(f'<rect x="{xx * tile}" y="{yy * tile}" width="{(end - xx) * tile}" '
                              f'height="{tile}" fill="{fill}"/>'))
            xx = end
    for yy, xx in zip(*np.nonzero(heat > 0), strict=True):
        minutes = float(heat[yy, xx])
        opacity = HEAT_MIN_OPACITY + HEAT_OPACITY_RANGE * math.sqrt(minutes / max(vmax, 1e-9))
        parts.append(Html(f'<rect x="{xx * tile}" y="{yy * tile}" width="{tile}" height="{tile}" '
                          f'fill="{colour}" fill-opacity="{opacity:.2f}">'
                          f'{_title(f"{minutes:.1f} min")}</rect>'))
    parts.append(Html(f'<rect x="0.5" y="0.5" width="{cols * tile - 1}" height="{rows * tile - 1}" '
                      'fill="none" stroke="#6b6259"/>'))
    return _svg(cols * tile, rows * tile, label, *parts)


def kind_legend(kinds: Sequence[Sequence[str]]) -> Html:
    """Swatches for the tile kinds that appear on the map, in the order of first appearance."""
    seen = list(dict.fromkeys(k for row in kinds for k in row if k != "car_spawn"))
    parts: list[Html] = []
    x = 0
    for kind in seen:
        label = kind.replace("_", " ")
        parts.append(Html(f'<rect x="{x}" y="3" width="12" height="12" '
                          f'fill="{KIND_COLOURS.get(kind, OTHER_KIND)}" stroke="#6b6259"/>'))
        parts.append(_text(x + 17, 13, label))
        x += 30 + 7 * len(label)
    return _svg(max(x, 1), 18, "Map key", *parts)


# --- class view ----------------------------------------------------------------------------
def strip_plot(label: str, items: Sequence[tuple[str, float]]) -> Html:
    """One dot per session on a 0..100 line (slightly spread so equal values stay visible)."""
    width, height, left, right = 720, 96, 40, 24
    x = Scale(0, 100, left, width - right)
    mid = 44
    parts: list[Html] = [_line(left, mid + 26, width - right, mid + 26, 'stroke="#6b6259"')]
    for v in (0, 25, 50, 75, 100):
        parts.append(_line(x(v), mid + 26, x(v), mid + 30, 'stroke="#6b6259"'))
        parts.append(_text(x(v), mid + 43, str(v), "middle"))
    for k, (tip, value) in enumerate(items):
        jitter = ((k * 7) % 9 - 4) * 4.0
        parts.append(Html(f'<circle cx="{_n(x(value))}" cy="{_n(mid + jitter)}" r="5" '
                          f'fill="#0072b2" fill-opacity="0.55" stroke="#0072b2">'
                          f'{_title(f"{tip}: {value:.1f}")}</circle>'))
    if items:
        mean = sum(v for _, v in items) / len(items)
        parts.append(_line(x(mean), 8, x(mean), mid + 26, 'stroke="#d55e00" stroke-width="2"'))
        parts.append(_text(x(mean) + 4, 16, f"mean {mean:.1f}"))
    return _svg(width, height, label, *parts)


def scatter(label: str, points: Sequence[tuple[str, float, float]], x_label: str,
            y_label: str) -> Html:
    """Each session as a dot: x and y both on 0..100."""
    width, height, left, right, top, bottom = 360, 300, 44, 16, 16, 44
    x = Scale(0, 100, left, width - right)
    y = Scale(0, 100, height - bottom, top)
    parts: list[Html] = _grid_0_100(y, left, width - right, (0, 50, 100))
    for v in (0, 50, 100):
        parts.append(_text(x(v), height - bottom + 16, str(v), "middle"))
    parts.append(_text((left + width - right) / 2, height - 6, x_label, "middle"))
    parts.append(_text(12, (top + height - bottom) / 2, y_label, "middle",
                       f' transform="rotate(-90 12 {_n((top + height - bottom) / 2)})"'))
    for tip, px, py in points:
        parts.append(Html(f'<circle cx="{_n(x(px))}" cy="{_n(y(py))}" r="5" fill="#d55e00" '
                          f'fill-opacity="0.6" stroke="#d55e00">'
                          f'{_title(f"{tip}: {px:.0f}, {py:.1f}")}</circle>'))
    return _svg(width, height, label, *parts)
