"""Tables in a PDF: ruled ones from their rules, borderless ones from how their words line up.

Ruled tables are pdfplumber's lines strategy run on our own rules (`pdf_page.rule_edges`:
lines, stroked outlines, thin filled rectangles; shading is no rule), read into cells here
(`grid_to_table`). Everything else is found in named stages kept on a `TableFinder`:

1. `lines_to_regions`: runs of lines with column gaps (or two figures side by side), in the
   table's own size, extended upwards over header lines; captions, source and note lines,
   dot-leader lines and a table of contents stay out, a unit row under the header is read
   as the table's unit note;
2. `region_to_table`: the header (lines above the rule under it, or bold, or without figures)
   and the body, read by `pdf_borderless`: columns where the lines have ink, rows from text
   lines joined only on evidence, spanning and wrapped header labels.

`join_continued` then makes one table of a table broken by a page break, dropping a header
row that the continuation page repeats. Headers are resolved by `text_tables.cells_from_grid`,
the same function the text reader uses, so both readers agree cell for cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Iterable, Mapping, Optional, Sequence, Union

from nlp.sv.captions import is_caption as _is_caption
from nlp.sv.captions import is_source_or_note

from .pdf_footnotes import join_hyphenated, line_text_with_refs
from .pdf_blocks import BULLET_MARK, DOT_LEADER
from .pdf_borderless import is_figure, body_rows, broken_inside_word, column_bounds, column_edges, cut_line, header_rows, is_table_line, line_atoms, row_cells
from .pdf_page import Grid, Line, Rule, Word
from .records import BBox
from .text_tables import count_header_rows, is_value, is_year

TABLE_STRATEGIES = ("ruled", "borderless")
PROSE_LINE_WORDS = 8  # a header label is never this long; a line of a paragraph is
# A line that only states the unit of a table's figures. Bare "Antal" or "Procent" are left
# out: above a table they are as often its one header cell.
_UNIT_LINE = re.compile(r"^(?:(?:belopp|värden|uppgifter|summor)\s+i\s+|i\s+)?"
                        r"(?:tkr|mkr|mnkr|kr|kronor|tusental(?:s)? kronor|miljoner kronor|miljarder kronor)\.?$", re.I)


@dataclass(frozen=True)
class TableSettings:
    """How tables are found. Two named presets, RULED and BORDERLESS, are used together.

    Tolerances are in points; the `_em` values are multiples of the line's font size, so
    one preset fits 8 pt tables and 11 pt tables alike.
    """

    strategy: str = "borderless"
    # ruled: passed to pdfplumber's lines strategy
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    edge_min_length: float = 3.0
    intersection_tolerance: float = 3.0
    # borderless
    column_gap_em: float = 0.8  # white space that separates two columns (a space is ~0.3 em)
    row_gap_em: float = 0.4  # a line without column gaps this close below a table line stays in its region (a wrapped cell, a group label)
    max_line_gap_em: float = 2.4  # lines further apart than this are not one table
    size_tolerance: float = 1.0  # points a table line's size may differ from the table's
    min_rows: int = 2  # lines with column gaps needed to call a region a table
    header_rule_share: float = 0.5  # a rule at least this share of the table's width ends the header

    def __post_init__(self) -> None:
        if self.strategy not in TABLE_STRATEGIES:
            raise ValueError(f"strategy must be one of {TABLE_STRATEGIES}, not {self.strategy!r}")
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value < 0:
                raise ValueError(f"{f.name} must not be negative, not {value!r}")
        if self.min_rows < 1:
            raise ValueError(f"min_rows must be at least 1, not {self.min_rows!r}")
        if not 0 < self.header_rule_share <= 1:
            raise ValueError(f"header_rule_share must be in (0, 1], not {self.header_rule_share!r}")

    @classmethod
    def resolve(cls, value: Union[None, dict, "TableSettings"], default: Optional["TableSettings"] = None) -> "TableSettings":
        """Settings from None (the default), a dict of overrides, or an instance."""
        base = default or BORDERLESS
        if value is None:
            return base
        if isinstance(value, cls):
            return value
        if isinstance(value, dict):
            unknown = set(value) - {f.name for f in fields(cls)}
            if unknown:
                raise ValueError(f"unknown table setting(s): {', '.join(sorted(unknown))}")
            return cls(**{**{f.name: getattr(base, f.name) for f in fields(cls)}, **value})
        raise ValueError(f"table settings must be None, a dict or TableSettings, not {type(value).__name__}")

    def pdfplumber_settings(self) -> dict:
        """The ruled preset as pdfplumber's `table_settings`."""
        return {
            "vertical_strategy": "lines",
            "horizontal_strategy": "lines",
            "snap_tolerance": self.snap_tolerance,
            "join_tolerance": self.join_tolerance,
            "edge_min_length": self.edge_min_length,
            "intersection_tolerance": self.intersection_tolerance,
        }


RULED = TableSettings(strategy="ruled")
BORDERLESS = TableSettings(strategy="borderless")


@dataclass
class CellDraft:
    text: str = ""
    bbox: Optional[BBox] = None
    refs: list[int] = field(default_factory=list)  # footnote numbers whose markers sit here
    bold: bool = False
    page: Optional[int] = None
    ink_x0: Optional[float] = None  # where the cell's text starts: an indented row label is part of the row above


@dataclass
class TableDraft:
    """A table as found on one page (or joined over several), before it becomes a record."""

    page: int
    bbox: BBox
    rows: list[list[CellDraft]]
    header_rows: int
    style: str  # ruled | borderless
    columns: list[tuple[float, float]] = field(default_factory=list)  # x-extent per column
    pages: list[int] = field(default_factory=list)
    unit_note: str = ""
    lines: list[Line] = field(default_factory=list)  # the page lines it was read from
    # too few rows to stand alone: kept only as the continuation of a table on the page before
    fragment: bool = False

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def texts(self) -> list[list[str]]:
        return [[c.text for c in r] for r in self.rows]


@dataclass
class TableFinder:
    """Every stage's result for one page, kept so a debug command can show each."""

    regions: list[list[Line]] = field(default_factory=list)
    rows: list[list[list[Line]]] = field(default_factory=list)
    columns: list[list[tuple[float, float]]] = field(default_factory=list)
    tables: list[TableDraft] = field(default_factory=list)
    used: list[Line] = field(default_factory=list)  # lines that belong to a table (not blocks)


# ---------------------------------------------------------------------------------------
# Ruled tables


def grid_to_table(grid: Grid, lines: Sequence[Line], page: int,
                  lexicon: Optional[Mapping[str, int]] = None) -> tuple[TableDraft, list[Line]]:
    """Cell text for every box of a ruled grid, from our own words (markers kept apart)."""
    x0, top, x1, bottom = grid.bbox
    inside = [l for l in lines if top - 1 <= (l.top + l.bottom) / 2 <= bottom + 1]
    rows: list[list[CellDraft]] = []
    fullest = max(grid.rows, key=lambda r: sum(b is not None for b in r))
    for grid_row in grid.rows:
        row = []
        for box in split_unruled_boxes(grid_row, fullest, inside):
            if box is None:
                row.append(CellDraft())
                continue
            row.append(_cell_from_box(box, inside, lexicon))
        rows.append(row)
    for row in rows:
        for cell in row:
            cell.page = page
    header = _bold_header_rows(rows)
    if header == 0:
        header = count_header_rows([[c.text for c in r] for r in rows])
    # column bounds from the fullest row: merged header cells would widen them
    columns = [(b[0], b[2]) if b is not None else (0.0, 0.0) for b in fullest]
    table = TableDraft(page, grid.bbox, rows, header, "ruled", columns, [page], lines=list(inside),
                       fragment=len(rows) < 2)
    return table, inside


def split_unruled_boxes(grid_row: Sequence[Optional[BBox]], fullest: Sequence[Optional[BBox]],
                        lines: Sequence[Line]) -> list[Optional[BBox]]:
    """The row's boxes, with a box that spans several columns only because their rules were not drawn
    cut back into the columns of the fullest row. Word and LibreOffice draw the inner rules of some rows
    and not of others (banded rows, borders set per cell), so "Män 18 001 37,3" reads as one merged cell.
    A box is cut when every word in it stands inside one column of the fullest row and words fill two
    columns or more, a figure among them; a merged heading ("Sjukpenning" over two columns) keeps its box."""
    out: list[Optional[BBox]] = list(grid_row)
    for i, box in enumerate(grid_row):
        if box is None:
            continue
        cols = [(j, b) for j, b in enumerate(fullest) if b is not None and b[0] >= box[0] - 1 and b[2] <= box[2] + 1]
        if len(cols) < 2 or len(cols) != sum(1 for b in grid_row[i:i + len(cols)] if b is None) + 1:
            continue
        words = [w for l in lines if box[1] - 1 <= (l.top + l.bottom) / 2 <= box[3] + 1
                 for w in l.words if box[0] - 1 <= (w.x0 + w.x1) / 2 <= box[2] + 1]
        homes = [next((j for j, b in cols if b[0] - 1 <= w.x0 and w.x1 <= b[2] + 1), None) for w in words]
        figure_beside = any(any(ch.isdigit() for ch in w.text) for w, h in zip(words, homes) if h != cols[0][0])
        # (a header row has no figure: there every column right of the first must hold words of its own)
        filled_header = not figure_beside and {j for j, _ in cols[1:]} <= set(homes)
        if not words or None in homes or len(set(homes)) < 2 or not (figure_beside or filled_header):
            continue
        for j, b in cols:
            if j < len(out):
                out[j] = (b[0], box[1], b[2], box[3])
    return out


def _cell_from_box(box: BBox, lines: Sequence[Line], lexicon: Optional[Mapping[str, int]] = None) -> CellDraft:
    x0, top, x1, bottom = box
    text = ""
    refs: list[int] = []
    prev_words: Sequence[Word] = ()
    # the rightmost ink in the box stands for its right edge (the padding is unknown)
    inked = [w.x1 for l in lines if top - 1 <= (l.top + l.bottom) / 2 <= bottom + 1
             for w in l.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1]
    edge = max(inked) if inked else None
    starts = [w.x0 for l in lines if top - 1 <= (l.top + l.bottom) / 2 <= bottom + 1
              for w in l.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1]
    bold = True
    found = False
    for line in lines:
        if not top - 1 <= (line.top + line.bottom) / 2 <= bottom + 1:
            continue
        words = [w for w in line.words if x0 - 1 <= (w.x0 + w.x1) / 2 <= x1 + 1]
        if not words:
            continue
        found = True
        bold = bold and all(w.bold for w in words)
        piece, piece_refs = line_text_with_refs(line, words)
        refs.extend(n for n, _ in piece_refs)
        if text and broken_inside_word(prev_words, words, edge, lexicon):
            text += piece
        else:
            text = join_hyphenated(text, piece) if text else piece
        prev_words = words
    return CellDraft(text, box, refs, bold and found, ink_x0=min(starts) if starts else None)


def _bold_header_rows(rows: Sequence[Sequence[CellDraft]]) -> int:
    """Leading rows whose every filled cell is bold (not all rows: then bold means nothing), and that hold no
    figures: a bold total row right under the header ("Samtliga | 11 400 | 8 322") is the first row of data."""
    n = 0
    for row in rows:
        filled = [c for c in row if c.text]
        figures = any(is_value(c.text) and not is_year(c.text) for c in row[1:] if c.text)
        if filled and all(c.bold for c in filled) and not figures:
            n += 1
        else:
            break
    return n if n < len(rows) else 0


# ---------------------------------------------------------------------------------------
# Borderless tables


def is_caption(text: str) -> bool:
    return _is_caption(text)


def is_source(text: str) -> bool:
    """A source or note line printed with a table ("Källa: SUS", "Anm.: .. = uppgift saknas")."""
    return is_source_or_note(text)


def unit_line(text: str) -> Optional[str]:
    """'Belopp i tkr' when a whole line only gives the unit of a table, else None."""
    text = " ".join(text.split())
    return text if _UNIT_LINE.match(text) else None


def _excluded(line: Line) -> bool:
    text = line.text
    return is_caption(text) or is_source(text) or bool(DOT_LEADER.search(text)) or unit_line(text) is not None


def lines_to_regions(lines: Sequence[Line], settings: TableSettings, body_size: float) -> list[list[Line]]:
    """Runs of lines that look like one table (see the module docstring, stage 1)."""
    n = len(lines)
    excluded = _excluded_lines(lines)
    multi = [is_multi_column(l, settings) and not excluded[i] and not _heading_with_gap(l, body_size, settings)
             for i, l in enumerate(lines)]
    regions: list[list[Line]] = []
    i = 0
    while i < n:
        if not multi[i]:
            i += 1
            continue
        size = lines[i].size
        j = i
        while j + 1 < n:
            if not excluded[j + 1] and _joins(lines[j], lines[j + 1], lines[i:j + 1], size, settings, multi[j + 1]):
                j += 1
            elif j + 2 < n and unit_line(lines[j + 1].text) and multi[j + 2] \
                    and _joins(lines[j], lines[j + 2], lines[i:j + 1], size, settings, True):
                j += 2  # a unit row under the header ("Belopp i tkr"): the table goes on below it
            else:
                break
        s = i
        while s - 1 >= 0 and not excluded[s - 1] and _joins_above(lines[s - 1], lines[s], size, settings):
            s -= 1
        # at the top of a page even one row may continue a table from the page before
        if sum(multi[s:j + 1]) >= settings.min_rows or s == 0:
            regions.append([l for l in lines[s:j + 1] if unit_line(l.text) is None])
        i = j + 1
    return regions


def _heading_with_gap(line: Line, body_size: float, settings: TableSettings) -> bool:
    """A heading set larger than the body with a tab after its number ("3.1   Resultat"): two
    runs of words, and no figure after the first. A larger table row has figures."""
    if line.size < body_size * 1.08:
        return False
    segments = line.segments(settings.column_gap_em * line.size, with_supers=True)
    return len(segments) <= 2 and not any(a.numeric for s in segments[1:] for a in line_atoms(Line(tuple(s))))


def is_multi_column(line: Line, settings: TableSettings) -> bool:
    """Two or more runs of words with column gaps between them; a footnote marker fills the
    gap it stands in, so "2018).¹⁹ Med" is still running text. Or two figures side by side
    with more than a space between them ("12,5  13,1"): a narrow table, never prose."""
    segments = line.segments(settings.column_gap_em * line.size, with_supers=True)
    if len(segments) == 2 and len(segments[0]) == 1 and BULLET_MARK.match(segments[0][0].text):
        return False  # a list item: the bullet, a tab, the text
    return len(segments) >= 2 or is_table_line(line)


def _excluded_lines(lines: Sequence[Line]) -> list[bool]:
    """Lines that are never part of a table: captions and source notes (with their wrapped
    lines: same size and weight, no gap), unit lines and table-of-contents entries."""
    out: list[bool] = []
    wraps = False  # the line before opened or continued a caption or source note
    for i, line in enumerate(lines):
        text = line.text
        if is_caption(text) or is_source(text):
            out.append(True)
            wraps = True
            continue
        if wraps:
            prev = lines[i - 1]
            wraps = abs(prev.size - line.size) < 0.3 and prev.bold == line.bold and line.top - prev.bottom < 0.5 * line.size
        out.append(wraps or bool(DOT_LEADER.search(text)) or unit_line(text) is not None)
    return out


def _joins(prev: Line, line: Line, region: Sequence[Line], size: float, settings: TableSettings, multi: bool) -> bool:
    if line.top - prev.bottom > settings.max_line_gap_em * size or abs(line.size - size) > settings.size_tolerance:
        return False
    if _excluded(line):
        return False
    if multi:
        return True
    width = max(l.x1 for l in region) - min(l.x0 for l in region)
    tight = line.top - prev.bottom <= settings.row_gap_em * size
    return tight or (line.x1 - line.x0) <= 0.45 * width


def _joins_above(line: Line, below: Line, size: float, settings: TableSettings) -> bool:
    """A header line above the first line with column gaps: same size, close, not a caption,
    and no line of running text (one run of many words)."""
    # the header is set in the table's own size: the last line of a paragraph above is not
    if below.top - line.bottom > settings.max_line_gap_em * size or abs(line.size - size) > 0.3 * settings.size_tolerance:
        return False
    if len(line.words) >= PROSE_LINE_WORDS and not is_multi_column(line, settings):
        return False
    return not _excluded(line)


def header_line_count(region: Sequence[Line], rules: Sequence[Rule], settings: TableSettings) -> Optional[int]:
    """Lines above the rule under the header, else leading all-bold lines; None if neither.

    Word processors also rule under spanning header cells, so of the rules with header
    lines above them the lowest that still has no line of data above it is the header's."""
    x0 = min(l.x0 for l in region)
    x1 = max(l.x1 for l in region)
    width = x1 - x0
    found = None
    for rule in joined_rules(r for r in rules if r.horizontal):
        if (min(rule.x1, x1) - max(rule.x0, x0)) < settings.header_rule_share * width:
            continue
        above = [l for l in region if l.bottom <= rule.top + 1]
        if not 0 < len(above) < len(region):
            continue
        if found is not None:
            new = above[found:]
            # a row of data, or only a group label in the stub ("Sjukpenning"), is the body
            if any(_data_line(l) for l in above) or all(len(line_atoms(l)) == 1 and l.x0 - x0 < 2.0 for l in new):
                break
        found = len(above)
    if found is not None:
        return found
    n = 0
    for line in region:
        if line.bold:
            n += 1
        else:
            break
    return n if 0 < n < len(region) else None


def _data_line(line: Line) -> bool:
    """A line with a figure that is not a year (years label header columns)."""
    return any(a.numeric and not is_year(a.text) for a in line_atoms(line))


def joined_rules(rules: Iterable[Rule], tolerance: float = 2.0) -> list[Rule]:
    """Horizontal rules top to bottom, the pieces of one stroke joined: a word processor draws
    a rule under a header as one border per cell."""
    out: list[Rule] = []
    for r in sorted(rules, key=lambda r: (round(r.top), r.x0)):
        last = out[-1] if out else None
        if last is not None and abs(r.top - last.top) <= tolerance / 2 and r.x0 - last.x1 <= tolerance:
            out[-1] = Rule(last.x0, min(last.top, r.top), max(last.x1, r.x1), max(last.bottom, r.bottom))
        else:
            out.append(r)
    return sorted(out, key=lambda r: r.top)


def region_to_table(region: Sequence[Line], rules: Sequence[Rule], page: int,
                    settings: TableSettings, finder: Optional[TableFinder] = None,
                    extents: Optional[Sequence[tuple[float, float]]] = None,
                    lexicon: Optional[Mapping[str, int]] = None) -> Optional[TableDraft]:
    """Stages 2 to 4 for one region (see `pdf_borderless`); None when it does not hold at
    least two columns.

    `extents` are columns already known (from the part of the table on the page before):
    they are merged with this region's own, so both parts get the same columns.
    """
    header_lines = header_line_count(region, rules, settings)
    if header_lines is None:
        # without a rule or bold type the header is found from the cells: columns from the
        # lines from the first figure on, so a spanning label above cannot merge two
        first = next((k for k, l in enumerate(region) if any(a.numeric for a in line_atoms(l))), 0)
        cols = column_bounds(region[first:], extents or ())
        if len(cols) < 2:
            return None
        rows = body_rows([cut_line(l, cols) for l in region])
        texts = [[cell[0] for cell in row_cells(r, len(cols))] for r in rows]
        n = count_header_rows(texts)
        header_lines = sum(len(r.lines) for r in rows[:n])
    head, body = list(region[:header_lines]), list(region[header_lines:])
    cols = column_bounds(body, extents or ())
    if len(cols) < 2:
        return None
    rows = header_rows(head, cols) + body_rows([cut_line(l, cols) for l in body])
    n_head = len(header_rows(head, cols))
    edges = column_edges(rows, len(cols))
    grid = [[CellDraft(text, bbox, refs, bold, page, ink_x0=bbox[0] if bbox else None)
             for text, refs, bbox, bold in row_cells(r, len(cols), edges, lexicon)]
            for r in rows]
    bbox = (min(l.x0 for l in region), min(l.top for l in region), max(l.x1 for l in region),
            max(l.bottom for l in region))
    table = TableDraft(page, bbox, grid, n_head, "borderless", list(cols), [page], lines=list(region))
    if finder is not None:
        finder.rows.append([[lc.line for lc in r.lines] for r in rows])
        finder.columns.append(list(cols))
    return table


_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")


def is_table_of_contents(rows: Sequence[Sequence[str]]) -> bool:
    """Entries with their page numbers: each row is titles (a section number may open it)
    and ends in a page number, the page numbers never going down. Set with tabs and no dot
    leaders it has a table's columns, but no table reads like this."""
    pages = []
    for row in rows:
        filled = [c for c in row if c.strip()]
        if not filled:
            continue
        if len(filled) < 2 or not _PAGE_NUMBER.match(filled[-1].strip()):
            return False
        titles = filled[:-1]
        if _SECTION_NUMBER.match(titles[0].strip()):
            titles = titles[1:]
        if not titles or any(is_figure(t) for t in titles):
            return False
        pages.append(int(filled[-1]))
    return len(pages) >= 3 and all(a <= b for a, b in zip(pages, pages[1:]))


def find_tables(lines: Sequence[Line], grids: Sequence[Grid], rules: Sequence[Rule], page: int,
                body_size: float, settings: TableSettings = BORDERLESS,
                lexicon: Optional[Mapping[str, int]] = None) -> TableFinder:
    """Ruled grids first; then borderless tables among the lines no grid took."""
    finder = TableFinder()
    taken: set[int] = set()
    frames = [g.bbox for g in grids if max(len(r) for r in g.rows) < 2]
    for grid in grids:
        if max(len(r) for r in grid.rows) < 2:
            continue
        table, inside = grid_to_table(grid, lines, page, lexicon)
        if not any(c.text for row in table.rows for c in row):
            continue  # rules with no text in them: a frame or a chart's grid lines
        finder.tables.append(table)
        taken.update(id(l) for l in inside)
        finder.used.extend(inside)
    rest = [l for l in lines if id(l) not in taken]
    # A frame drawn round lines (a table whose inner rules were not drawn: a page's last rows of a Word table,
    # a box of key figures) keeps them apart from the text outside it: the regions are found on each side.
    framed = [[l for l in rest if _in_frame(l, f)] for f in frames]
    outside = [l for l in rest if not any(_in_frame(l, f) for f in frames)]
    regions = [r for part in [*framed, outside] if part for r in lines_to_regions(part, settings, body_size)]
    for region in sorted(regions, key=lambda r: r[0].top):
        finder.regions.append(region)
        table = region_to_table(region, rules, page, settings, finder, lexicon=lexicon)
        if table is not None and is_table_of_contents(table.texts()):
            continue  # its lines stay running text, where blocks take them as "toc" entries
        if table is not None:
            table.fragment = sum(is_multi_column(l, settings) for l in region) < settings.min_rows
            finder.tables.append(table)
            finder.used.extend(region)
    finder.tables.sort(key=lambda t: t.bbox[1])
    return finder


# ---------------------------------------------------------------------------------------
# Tables over a page break


def _in_frame(line: Line, frame: BBox) -> bool:
    return frame[0] - 1 <= line.x0 and line.x1 <= frame[2] + 1 and frame[1] - 1 <= (line.top + line.bottom) / 2 <= frame[3] + 1


def same_columns(a: TableDraft, b: TableDraft, tolerance: float = 6.0) -> bool:
    """Two fragments with the same number of columns standing at the same x positions."""
    if a.n_cols != b.n_cols or not a.columns or not b.columns:
        return False
    if a.style != b.style:
        # a part whose rules were not drawn (the last rows of a Word table on the next page): its text stands
        # inside the ruled part's columns
        ruled, plain = (a, b) if a.style == "ruled" else (b, a)
        return all(r[0] - tolerance <= p[0] and p[1] <= r[1] + tolerance for r, p in zip(ruled.columns, plain.columns))
    if a.style == "ruled":
        return all(abs(x[0] - y[0]) <= tolerance and abs(x[1] - y[1]) <= tolerance for x, y in zip(a.columns, b.columns))
    # borderless extents depend on the words present: compare right edges of numeric columns
    # and the left edge of the stub
    return abs(a.columns[0][0] - b.columns[0][0]) <= tolerance and \
        sum(abs(x[1] - y[1]) <= tolerance for x, y in zip(a.columns[1:], b.columns[1:])) >= (a.n_cols - 1) / 2


def join_continued(first: TableDraft, nxt: TableDraft) -> TableDraft:
    """`first` with the rows of its continuation; a repeated header is dropped, not a row."""
    head = first.texts()[:first.header_rows]
    rows = nxt.rows
    k = nxt.header_rows
    if k and [[c.text for c in r] for r in rows[:k]] == head[:k]:
        rows = rows[k:]
    elif first.header_rows and [[c.text for c in r] for r in rows[:first.header_rows]] == head:
        rows = rows[first.header_rows:]
    bbox = first.bbox
    return TableDraft(first.page, bbox, first.rows + [list(r) for r in rows], first.header_rows, first.style,
                      first.columns, first.pages + [p for p in nxt.pages if p not in first.pages], first.unit_note)
