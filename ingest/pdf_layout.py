"""Text columns on a page: two-column prose, tables side by side, a table beside a text column.

`words_to_lines` joins every word on one baseline into one line, across the whole page; on a
two-column page that makes each printed line a "row" with a wide gap, and two tables side by
side one table. Here the page is cut into bands of consecutive lines, and a band into a left
and a right part at a gutter (white space no line of the band has ink in) when the two sides
are independent: both sides are prose, one side is prose beside a captioned table or beside
lines that do not share its baselines, each side has its own table caption, or rows that end in
a figure on the left open with a label again on the right (a second stub column). A gutter between a table's columns is none of
these (cells are short; a stub column stands on the left), so tables are never cut.

`page_columns` returns the page's lines in reading order as `TextColumn`s: full-width runs,
and each band's left part before its right part.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence

from nlp.sv.captions import parse_caption

from .pdf_borderless import is_figure
from .pdf_page import Line

GUTTER_EM = 1.0  # the narrowest white space between two text columns
MIN_BAND_LINES = 3
PROSE_WORDS = 5  # a side whose pieces average this many words is running text


@dataclass
class TextColumn:
    lines: list[Line]
    x0: float
    x1: float


def page_columns(lines: Sequence[Line], size: float) -> list[TextColumn]:
    """The page's lines in reading order, cut at the gutters of multi-column bands."""
    out: list[TextColumn] = []
    full: list[Line] = []
    i = 0
    while i < len(lines):
        band, gutter = _band_from(lines, i, size)
        if gutter is not None and i > 0 and not _crosses(lines[i - 1], gutter) \
                and lines[i].top - lines[i - 1].bottom < 0.8 * lines[i].size:
            # the line right above leaves the gutter white too and no white space parts them:
            # this is the tail of one table's column gap, not a new pair of columns
            gutter = None
        if gutter is not None:
            if full:
                out.append(_column(full))
                full = []
            left, right = _cut(band, gutter)
            out.extend(_column(side) for side in (left, right) if side)
            i += len(band)
            continue
        full.append(lines[i])
        i += 1
    if full:
        out.append(_column(full))
    return out


def _crosses(line: Line, gutter: tuple[float, float]) -> bool:
    return any(w.x0 < gutter[1] and w.x1 > gutter[0] for w in line.all_words)


def _column(lines: list[Line]) -> TextColumn:
    return TextColumn(lines, min(l.x0 for l in lines), max(l.x1 for l in lines))


def _band_from(lines: Sequence[Line], start: int, size: float) -> tuple[list[Line], Optional[tuple[float, float]]]:
    """The longest run of lines from `start` that keeps a white interval at least a gutter
    wide with ink on both sides of it, and the layout gutter among those intervals (None if
    it has none). The first line may stand on one side only (a caption over the left table)."""
    free: list[tuple[float, float]] = [(-1e9, 1e9)]
    interior: list[tuple[float, float]] = []
    end = start
    for j in range(start, len(lines)):
        nxt = _subtract(free, _ink(lines[j], size))
        inside = [(a, b) for a, b in nxt if a > -1e9 and b < 1e9 and b - a >= GUTTER_EM * size]
        if not inside and (end > start or j > start):
            break
        free = nxt
        if inside:
            interior, end = inside, j + 1
    band = list(lines[start:end])
    if len(band) < MIN_BAND_LINES:
        return [lines[start]], None
    return band, _layout_gutter(band, interior, size)


def _ink(line: Line, size: float) -> list[tuple[float, float]]:
    """Where a line has ink, words a word space apart merged."""
    spans: list[list[float]] = []
    for w in line.all_words:
        if spans and w.x0 - spans[-1][1] < 0.5 * size:
            spans[-1][1] = max(spans[-1][1], w.x1)
        else:
            spans.append([w.x0, w.x1])
    return [(a, b) for a, b in spans]


def _subtract(free: list[tuple[float, float]], ink: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out = []
    for a, b in free:
        pieces = [(a, b)]
        for x0, x1 in ink:
            nxt = []
            for p0, p1 in pieces:
                if x1 <= p0 or x0 >= p1:
                    nxt.append((p0, p1))
                    continue
                if x0 > p0:
                    nxt.append((p0, x0))
                if x1 < p1:
                    nxt.append((x1, p1))
            pieces = nxt
        out.extend(pieces)
    return out


def _layout_gutter(band: Sequence[Line], interior: Sequence[tuple[float, float]], size: float) -> Optional[tuple[float, float]]:
    for gutter in sorted(interior, key=lambda g: g[0] - g[1]):  # widest first
        left, right = _cut(band, gutter)
        if not left or not right:
            continue
        if _prose(right) and (_prose(left) or not _aligned(left, right)):
            return gutter
        if _prose(left) and (_caption_labels(right) or not _aligned(left, right)):
            return gutter  # running text with a captioned table (or a column of its own) beside it
        if _second_stub(band, gutter):
            return gutter  # the right side opens every row with a label again: a table of its own
        labels_left, labels_right = _caption_labels(left), _caption_labels(right)
        if labels_left and labels_right and not labels_left & labels_right:
            return gutter  # two tables, each with its own caption (one table has one label)
    return None


def _cut(band: Sequence[Line], gutter: tuple[float, float]) -> tuple[list[Line], list[Line]]:
    mid = (gutter[0] + gutter[1]) / 2
    left, right = [], []
    for line in band:
        lw = tuple(w for w in line.words if w.x1 <= mid)
        rw = tuple(w for w in line.words if w.x0 >= mid)
        ls = tuple(w for w in line.supers if w.x1 <= mid)
        rs = tuple(w for w in line.supers if w.x0 >= mid)
        if lw:
            left.append(Line(lw, ls))
        if rw:
            right.append(Line(rw, rs))
    return left, right


def _prose(lines: Sequence[Line]) -> bool:
    """Running text: pieces of many words, few of them figures."""
    words = [w.text for l in lines for w in l.words]
    if not words:
        return False
    digits = sum(any(ch.isdigit() for ch in w) for w in words)
    return len(words) / len(lines) >= PROSE_WORDS and digits <= 0.25 * len(words)


def _aligned(left: Sequence[Line], right: Sequence[Line]) -> bool:
    """Most lines of one side share their baseline with a line of the other (a table's stub
    and its figures do; two independent columns in different sizes or spacing do not)."""
    lb = [l.bottom for l in left]
    shared = sum(any(abs(r.bottom - b) < 1.0 for b in lb) for r in right)
    return shared >= 0.7 * min(len(left), len(right))


def _second_stub(band: Sequence[Line], gutter: tuple[float, float]) -> bool:
    """Rows that end in a figure on the left of the gutter and open with a word on its right,
    most of the band over: the right side has a stub column of its own, so two tables stand
    side by side (one table's inner columns hold figures)."""
    mid = (gutter[0] + gutter[1]) / 2
    both = 0
    restub = 0
    for line in band:
        lw = [w for w in line.words if w.x1 <= mid]
        rw = [w for w in line.words if w.x0 >= mid]
        if not lw or not rw:
            continue
        both += 1
        if is_figure(lw[-1].text) and _is_label_word(rw[0].text):
            restub += 1
    return both >= MIN_BAND_LINES and restub >= 0.7 * both


_RANGE_LABEL = re.compile(r"^\d{1,4}\s*[–-]\s*\d{1,4}$")


def _is_label_word(text: str) -> bool:
    """A row label: a word, or a range such as an age band ("16–19")."""
    return text[:1].isalpha() or bool(_RANGE_LABEL.match(text))


def _caption_labels(lines: Sequence[Line]) -> set[str]:
    """The labels of the captions on this side ("3.3"), above or below its table."""
    return {c.label for c in (parse_caption(l.text) for l in lines) if c is not None}
