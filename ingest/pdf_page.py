"""One PDF page as plain, typed data: words, lines, rules and ruled grids.

This is the only stage that touches pdfplumber objects (`read_page`); everything after it
works on these frozen records, so pdfplumber never leaks out of `ingest/` and the later
stages are pure functions that tests can feed by hand. `PageText.crop(bbox)` plays the role
of pdfplumber's `page.crop()`: cut the running header away, and nothing downstream needs
to know it was there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Optional, Sequence

from .records import BBox

# Words whose font size is below this share of their line's size are superscripts
# (footnote markers); 0.8 separates 6 pt markers from 9-10 pt text with room to spare.
SUPERSCRIPT_RATIO = 0.8


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    """Words sharing a baseline, left to right; `supers` are the raised, smaller words on it.

    Derived values are cached: later stages ask for them over and over.
    """

    words: tuple[Word, ...]
    supers: tuple[Word, ...] = ()

    @cached_property
    def x0(self) -> float:
        return min(w.x0 for w in self.all_words)

    @cached_property
    def x1(self) -> float:
        return max(w.x1 for w in self.all_words)

    @cached_property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @cached_property
    def bbox(self) -> BBox:
        return (self.x0, self.top, self.x1, self.bottom)

    @cached_property
    def all_words(self) -> tuple[Word, ...]:
        return tuple(sorted(self.words + self.supers, key=lambda w: w.x0))

    @cached_property
    def size(self) -> float:
        """The size most of the line's characters are set in."""
        weights: dict[float, int] = {}
        for w in self.words:
            weights[round(w.size, 1)] = weights.get(round(w.size, 1), 0) + len(w.text)
        return max(weights, key=weights.get)

    @cached_property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    @cached_property
    def text(self) -> str:
        """The words joined as printed, superscripts left out."""
        return join_words(self.words)

    def segments(self, min_gap: float, with_supers: bool = False) -> list[tuple[Word, ...]]:
        """Runs of words separated by more than `min_gap` points of white space (superscripts
        count as filling their space when `with_supers`)."""
        out: list[list[Word]] = []
        for w in (self.all_words if with_supers else self.words):
            if out and w.x0 - out[-1][-1].x1 <= min_gap:
                out[-1].append(w)
            else:
                out.append([w])
        return [tuple(s) for s in out]


def join_words(words: Sequence[Word]) -> str:
    """Words of one line as text: a space where there is a gap, none where pdfplumber split
    a word only because its font changed ("Totalt" in bold, ":" in roman)."""
    parts: list[str] = []
    prev: Optional[Word] = None
    for w in words:
        if prev is not None and w.x0 - prev.x1 > 0.12 * min(w.size, prev.size):
            parts.append(" ")
        parts.append(w.text)
        prev = w
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Rule:
    """A horizontal or vertical stroke (a line, or a rect thin enough to be one)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= (self.x1 - self.x0)


@dataclass(frozen=True)
class Grid:
    """A ruled table as pdfplumber's lines strategy found it: one bbox per cell, None where
    a merged cell covers the position."""

    bbox: BBox
    rows: tuple[tuple[Optional[BBox], ...], ...]


@dataclass(frozen=True)
class PageText:
    index: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    rules: tuple[Rule, ...] = ()
    grids: tuple[Grid, ...] = ()
    image_count: int = 0
    char_count: int = 0
    bbox: BBox = field(default=(0.0, 0.0, 0.0, 0.0))
    shapes: tuple[BBox, ...] = ()  # filled rectangles and curves, at least 2 pt both ways (bars, swatches, shading)
    polylines: tuple[BBox, ...] = ()  # stroked curves through four points or more (a line chart's series)

    def crop(self, bbox: BBox) -> "PageText":
        """The part of the page inside `bbox` (words by their middle, rules and grids whole)."""
        x0, top, x1, bottom = bbox
        words = tuple(w for w in self.words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= w.middle <= bottom)
        rules = tuple(r for r in self.rules if r.top >= top - 1 and r.bottom <= bottom + 1)
        grids = tuple(g for g in self.grids if g.bbox[1] >= top - 1 and g.bbox[3] <= bottom + 1)
        shapes = tuple(b for b in self.shapes if top - 1 <= (b[1] + b[3]) / 2 <= bottom + 1)
        polylines = tuple(b for b in self.polylines if top - 1 <= (b[1] + b[3]) / 2 <= bottom + 1)
        return PageText(self.index, self.width, self.height, words, rules, grids, self.image_count,
                        self.char_count, bbox, shapes, polylines)


def read_page(page, index: int, x_tolerance: float, y_tolerance: float, table_settings: Optional[dict]) -> PageText:
    """Pull words, rules and ruled grids out of a pdfplumber page.

    `extra_attrs=["size", "fontname"]` makes pdfplumber end a word where the size changes,
    so a superscript marker never glues onto the number before it ("2018" + "19"). A low
    `x_tolerance` keeps a narrow thousands gap ("8 662") as two words.
    """
    raw = page.extract_words(x_tolerance=x_tolerance, y_tolerance=y_tolerance, keep_blank_chars=False,
                             extra_attrs=["size", "fontname"])
    words = tuple(
        Word(w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"]), float(w["size"]),
             "bold" in w["fontname"].lower() or "black" in w["fontname"].lower())
        for w in raw if w.get("upright", True)
    )
    edges = rule_edges(page)
    rules = [Rule(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])) for e in edges]
    grids: list[Grid] = []
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if table_settings is not None and vertical and len(horizontal) >= 2:
        settings = {k: v for k, v in table_settings.items() if not k.endswith("_strategy")}
        settings.update(vertical_strategy="explicit", horizontal_strategy="explicit",
                        explicit_vertical_lines=vertical, explicit_horizontal_lines=horizontal)
        for t in page.find_tables(settings):
            rows = tuple(tuple(tuple(c) if c is not None else None for c in row.cells) for row in t.rows)
            if rows and max(len(r) for r in rows) >= 2:
                grids.append(Grid(tuple(t.bbox), rows))
        # a box drawn round text with no inner rules: one cell, kept as a frame (see ingest.pdf_tables.find_tables)
        grids.extend(Grid(box, ((box,),)) for box in frames(vertical, horizontal)
                     if not any(g.bbox[0] - 2 <= box[0] and box[2] <= g.bbox[2] + 2 and g.bbox[1] - 2 <= box[1]
                                and box[3] <= g.bbox[3] + 2 for g in grids))
    shapes = tuple((float(o["x0"]), float(o["top"]), float(o["x1"]), float(o["bottom"]))
                   for o in list(page.rects) + list(page.curves)
                   if o.get("fill") and o["x1"] - o["x0"] >= 2.0 and o["bottom"] - o["top"] >= 2.0)
    polylines = tuple((float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]))
                      for c in page.curves if c.get("stroke") and not c.get("fill") and len(c.get("pts") or ()) >= 4)
    return PageText(index=index, width=float(page.width), height=float(page.height), words=words,
                    rules=tuple(rules), grids=tuple(grids), image_count=len(page.images),
                    char_count=len(page.chars), bbox=(0.0, 0.0, float(page.width), float(page.height)),
                    shapes=shapes, polylines=polylines)


def frames(vertical: Sequence[dict], horizontal: Sequence[dict], tolerance: float = 2.0) -> list[BBox]:
    """Boxes drawn as two vertical rules of the same height closed by a horizontal rule at their top and at
    their bottom."""
    out: list[BBox] = []
    vs = sorted(vertical, key=lambda e: e["x0"])
    for i, left in enumerate(vs):
        for right in vs[i + 1:]:
            if abs(left["top"] - right["top"]) > tolerance or abs(left["bottom"] - right["bottom"]) > tolerance \
                    or right["x0"] - left["x0"] < 20:
                continue
            top, bottom = max(left["top"], right["top"]), min(left["bottom"], right["bottom"])

            def closed(y: float) -> bool:
                return any(abs(h["top"] - y) <= tolerance and h["x0"] <= left["x0"] + tolerance
                           and h["x1"] >= right["x0"] - tolerance for h in horizontal)
            if closed(top) and closed(bottom):
                out.append((float(left["x0"]), float(top), float(right["x0"]), float(bottom)))
                break
    return out


# a filled shape thinner than this is a drawn line; a wider one is shading (a row's or a
# header's background), and its edges are no rules
RULE_THICKNESS = 2.0


def rule_edges(page) -> list[dict]:
    """pdfplumber's edges that are rules: lines, the outlines of stroked rectangles and curves,
    and filled rectangles thin enough to be lines. The edges of a shaded background are not:
    zebra rows or a dark header would otherwise make a grid of one cell per row."""
    out = [e for e in page.edges if e.get("object_type") == "line" or e.get("stroke")]
    for r in page.rects:
        if r.get("stroke") or not r.get("fill"):
            continue
        w, h = r["x1"] - r["x0"], r["bottom"] - r["top"]
        if h <= RULE_THICKNESS and w > h:
            y = (r["top"] + r["bottom"]) / 2
            out.append({**r, "top": y, "bottom": y, "y0": page.height - y, "y1": page.height - y, "height": 0,
                        "orientation": "h", "object_type": "rect_edge"})
        elif w <= RULE_THICKNESS and h > w:
            x = (r["x0"] + r["x1"]) / 2
            out.append({**r, "x0": x, "x1": x, "width": 0, "orientation": "v", "object_type": "rect_edge"})
    return out


def words_to_lines(words: Sequence[Word]) -> list[Line]:
    """Group words into lines by baseline, top to bottom; attach superscripts to their line.

    Words are clustered by their bottom edge (the baseline plus the descent, the same for one
    font size). A cluster made only of small words that overlaps a line of bigger text is a
    row of superscripts and joins that line.
    """
    if not words:
        return []
    ordered = sorted(words, key=lambda w: (w.bottom, w.x0))
    clusters: list[list[Word]] = []
    for w in ordered:
        if clusters:
            last = clusters[-1]
            ref = last[0]
            tol = 0.3 * min(ref.size, w.size)
            if abs(w.bottom - ref.bottom) <= tol:
                last.append(w)
                continue
        clusters.append([w])
    lines = [Line(tuple(sorted(c, key=lambda w: w.x0))) for c in clusters]
    return sorted(_attach_superscript_lines(lines), key=lambda l: (l.top, l.x0))


def _attach_superscript_lines(lines: list[Line]) -> list[Line]:
    """Move each cluster of small raised words into the neighbouring line it belongs to."""
    absorbed: set[int] = set()
    extra: dict[int, list[Word]] = {}
    for i, line in enumerate(lines):
        size = line.size
        for j in (i + 1, i - 1):
            if not 0 <= j < len(lines) or j in absorbed:
                continue
            host = lines[j]
            if host.size * SUPERSCRIPT_RATIO <= size:
                continue
            # every word must sit raised in the host's band, next to the host's words
            if all(host.top - 0.5 * host.size <= w.top and w.bottom < host.bottom - 0.1 * host.size
                   and host.x0 - 2 * host.size <= w.x0 <= host.x1 + host.size for w in line.words):
                extra.setdefault(j, []).extend(line.words)
                absorbed.add(i)
                break
    out: list[Line] = []
    for i, line in enumerate(lines):
        if i in absorbed:
            continue
        if i in extra:
            line = Line(line.words, tuple(sorted(extra[i], key=lambda w: w.x0)))
        out.append(line)
    return out
