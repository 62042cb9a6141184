"""Bar charts drawn as vector graphics: their value labels and axis ticks are not a table.

A chart's labels line up in rows and columns as a table's cells do ("5 511   5 631" over the
bars, "2018 2019 2020" under them), so the table finder would take them. What gives a bar
chart away is its bars: three or more filled shapes standing on one baseline with different
heights (or from one left edge with different widths), with no text inside them. Cell
shading has text in it.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Sequence

from .records import BBox

MIN_BARS = 3
LINE_CHART_EM = 10.0  # a series path at least this wide (a rule or an underline is straight: two points)


def chart_areas(shapes: Sequence[BBox], size: float, words: Sequence[BBox] = (),
                polylines: Sequence[BBox] = ()) -> list[BBox]:
    """The areas of bar charts among a page's filled shapes, widened by room for the axis
    labels, value labels and legend around the bars. A shape with text inside is a shaded
    cell, not a bar (`words` are the page's word boxes). A line chart shows itself by its
series, stroked paths through several points (`polylines`)."""
    empty = [b for b in shapes if not any(b[0] <= (w[0] + w[2]) / 2 <= b[2] and b[1] <= (w[1] + w[3]) / 2 <= b[3]
                                          for w in words)]
    areas: list[BBox] = []
    # a line chart: a series drawn as one stroked path through many points, wide and high
    for x0, top, x1, bottom in polylines:
        if x1 - x0 >= LINE_CHART_EM * size and bottom - top >= size:
            areas.append((x0 - 5 * size, top - 2 * size, x1 + 2 * size, bottom + 5 * size))
    for bars in _bar_groups(empty):
        x0 = min(b[0] for b in bars)
        top = min(b[1] for b in bars)
        x1 = max(b[2] for b in bars)
        bottom = max(b[3] for b in bars)
        areas.append((x0 - 5 * size, top - 2 * size, x1 + 2 * size, bottom + 5 * size))
    return areas


def _bar_groups(shapes: Sequence[BBox]) -> list[list[BBox]]:
    """Shapes sharing a baseline with varying heights, or a left edge with varying widths."""
    groups = []
    by_bottom: dict[int, list[BBox]] = defaultdict(list)
    by_left: dict[int, list[BBox]] = defaultdict(list)
    for b in shapes:
        by_bottom[round(b[3])].append(b)
        by_left[round(b[0])].append(b)
    for bars in by_bottom.values():
        if len(bars) >= MIN_BARS and len({round(b[3] - b[1]) for b in bars}) > 1:
            groups.append(bars)
    for bars in by_left.values():
        if len(bars) >= MIN_BARS and len({round(b[2] - b[0]) for b in bars}) > 1:
            groups.append(bars)
    return groups


def inside(line_box: BBox, areas: Sequence[BBox]) -> bool:
    x0, top, x1, bottom = line_box
    mx, my = (x0 + x1) / 2, (top + bottom) / 2
    return any(a[0] <= mx <= a[2] and a[1] <= my <= a[3] for a in areas)
