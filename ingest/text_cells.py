"""Tables written one cell to a line -> tab-separated rows.

LibreOffice's plain-text export of a Word document (`soffice --convert-to "txt:Text (encoded):UTF8"`)
writes every table cell as a line of its own, row after row, with no separator between the cells or
the rows. A cell merged across columns gives one line; the continuation of a cell merged down gives an
empty line:

    Tabell 1. Kartläggningar efter region och kön, 2029 och 2030
    Region                   <- merged down over two header rows
    2029                     <- merged across three columns
    2030
                             <- the continuation of "Region"
    Kvinnor
    Män
    Totalt
    Kvinnor
    Män
    Totalt
    Norr
    310
    ...

Nothing but the text says where a row ends, so the structure comes from its pattern: a caption line
("Tabell 1. ...") or a heading, then the header cells, then rows of one label line followed by the
same number of value lines (figures, "–", "..", or empty); a second label column may come between
(a förmån merged down over its kön rows: an empty line in the rows under it). The period of that label/value pattern
gives the column count; the header cells must then fit it: one header row of that many cells, two full
rows, or a row of fewer cells over a full one, each of its cells above a merged-down (empty) cell or
spanning the cells below it evenly (a year over "Kvinnor / Män / Totalt"; the group under each such
label must be the same). A spanning header is written as a spanning cell prints in the other notations:
its label in the first of its columns and empty cells to its right.

To stay clear of prose the reader asks much: two or more rows with figures, header cells that fit,
lines that are short, unindented and no sentences; a table without a caption above it needs at least
two value columns and a heading or a paragraph's end right above its header. A list of short lines, a
bulleted list or "label / figure" lines under a heading stay prose.

Each row is written as one tab-separated line on its first line and the table's other lines are
marked as part of it (ROW_CONTINUED), as ingest.text_grid does; `TableShape` keeps its header rows and
the line each cell stands on, so a figure's provenance is its own line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import product
from typing import Optional, Sequence

from nlp.sv.captions import is_source_or_note, is_table_caption

from .text_grid import ROW_CONTINUED, TableShape
from .text_markup import match_footnote_line
from .text_tab_rows import SENTENCE_END
from .text_tables import count_header_rows, is_value, is_year

MAX_COLUMNS = 16  # the label column and up to 15 value columns
MAX_CELL = 100  # a longer line is a paragraph, not a cell
MIN_ROWS = 2  # rows with figures a table needs
# a line of three words or more that ends a sentence ("Se tabell 2 nedan.") or opens a list ("Under året:") is
# prose; a label may end in an abbreviation ("Övriga insatser m.m.")
_WORDS = re.compile(r"\S+\s+\S+\s+\S+")
_LIST_MARK = re.compile(r"^(?:[-•◦▪·*–]\s|#|<(?!sup>)|>)")


@dataclass(frozen=True)
class CellTable:
    """A table found in one-cell-per-line text: the index of its first header line, of its first body
    line and of its last line, its column count, and its header and body rows, each as the index of
    the line of each cell (a spanning label's for the columns it spans) and the cells' texts."""

    first: int
    body: int
    last: int
    width: int
    header: list[tuple[list[int], list[str]]]
    rows: list[tuple[list[int], list[str]]]


def is_cell_line(line: str) -> bool:
    """A line that may be one table cell: empty (a merged-down cell's continuation), or short, without tabs,
    pipes, indentation or runs of spaces, and neither a caption, a source or note line, a footnote, a list
    item nor a sentence."""
    if not line.strip():
        return True
    text = line.rstrip()
    if len(text) > MAX_CELL or text != text.lstrip() or "\t" in text or "|" in text or "  " in text or ROW_CONTINUED in text:
        return False
    if is_value(text):
        return True
    return not (_WORDS.match(text) and (SENTENCE_END.search(text) or text.endswith(":")) or _LIST_MARK.match(text) or is_table_caption(text) or is_source_or_note(text)
                or match_footnote_line(text))


@dataclass(frozen=True)
class _Marks:
    """What each line may be, worked out once: a cell, a value (figure or symbol), empty, a row label."""

    cell: list[bool]
    value: list[bool]
    empty: list[bool]
    label: list[bool]

    @classmethod
    def of(cls, lines: Sequence[str]) -> "_Marks":
        cell = [is_cell_line(line) for line in lines]
        value = [c and is_value(line.strip()) for c, line in zip(cell, lines)]
        # a unit in a cell of its own right after a figure ("71,2" then "%"): Word's way of lining up figures
        value = [v or (c and k > 0 and value[k - 1] and is_unit_cell(line)) for k, (v, c, line) in enumerate(zip(value, cell, lines))]
        empty = [not line.strip() for line in lines]
        # a row label: text that is no figure, or a year (years down the label column)
        label = [c and not e and (not v or is_year(line.strip())) for c, v, e, line in zip(cell, value, empty, lines)]
        return cls(cell, value, empty, label)


def _row_at(lines: Sequence[str], marks: _Marks, k: int, width: int, stub: int, first: bool) -> Optional[list[int]]:
    """The line of each cell of the row that starts at line k, or None when no row of `width` cells with
    `stub` label columns starts there. With two label columns the outer label may be empty (the label
    above merged down over this row) or stand for both (merged across: "Samtliga", one line fewer)."""
    n = len(lines)
    if stub == 1:
        if not marks.label[k]:
            return None
        at = list(range(k, k + width))
    elif k + 1 < n and marks.label[k + 1] and not marks.value[k + 1] and (marks.label[k] and not marks.value[k]
                                                                          or marks.empty[k] and not first):
        at = list(range(k, k + width))
    elif marks.label[k] and not marks.value[k]:
        at = [k] + list(range(k, k + width - 1))
    else:
        return None
    if at[-1] >= n or not all(marks.value[j] or marks.empty[j] for j in at[stub:]):
        return None
    return at


def _body_rows(lines: Sequence[str], marks: _Marks, start: int, width: int, stub: int = 1) -> list[tuple[list[int], list[str]]]:
    """The rows of `width` cells from line `start` on: each `stub` label lines (see `_row_at`) and then lines
    of values or empty cells. A row with no figure is a group row ("Ålder"), kept only between rows with
    figures. Years as labels must run one way ("2026, 2027, ..."), so a column of figures is not read as
    labels; two label columns need two rows or more that fill both."""
    rows: list[tuple[list[int], list[str]]] = []
    years: list[int] = []
    k = start
    while k < len(lines):
        at = _row_at(lines, marks, k, width, stub, not rows)
        if at is None:
            break
        if marks.value[k]:
            year = int(lines[k].strip())
            if years and (year == years[-1] or len(years) >= 2 and (year > years[-1]) != (years[-1] > years[-2])):
                break
            years.append(year)
        cells = [lines[j].strip() if c == 0 or j != at[c - 1] else "" for c, j in enumerate(at)]
        rows.append((at, cells))
        k = at[-1] + 1
    while rows and not any(rows[-1][1][stub:]):
        rows.pop()  # a label with empty cells at the end: the next paragraph's heading, not a group row
    if sum(1 for _, cells in rows if any(cells[stub:])) < MIN_ROWS:
        return []
    if stub > 1 and sum(1 for at, _ in rows if at[0] != at[1]) < MIN_ROWS:
        return []
    return rows


def _spread(upper: Sequence[str], lower: Sequence[str]) -> Optional[list[int]]:
    """A header row of fewer cells than the columns over the full row below it: for each column, which
    of the upper cells heads it, or None when they do not fit. The first cell heads the label column,
    each cell above an empty one (merged down) heads that column alone, and the others share the runs of
    filled cells below evenly, each group under them the same."""
    width = len(lower)
    if not upper or len(upper) >= width:
        return None
    runs: list[list[int]] = []  # runs of filled cells below, between the merged-down ones
    slots: list[object] = []  # in column order: a column index (merged down) or a run
    for c in range(1, width):
        if not lower[c].strip():
            slots.append(c)
        elif slots and isinstance(slots[-1], list):
            slots[-1].append(c)
        else:
            slots.append([c])
            runs.append(slots[-1])
    spare = len(upper) - 1 - (len(slots) - len(runs))  # the labels over runs
    if spare < len(runs) or not runs and spare:
        return None
    for counts in product(range(1, spare + 1), repeat=len(runs)):
        if sum(counts) != spare or any(len(run) % n for run, n in zip(runs, counts)):
            continue
        if any(n > 1 and any(lower[run[j]].strip().lower() != lower[run[j % (len(run) // n)]].strip().lower()
                             for j in range(len(run))) for run, n in zip(runs, counts)):
            continue  # the columns under each label are not the same kind: no telling which it spans
        heads = [0] * width
        label = 0
        sizes = iter(counts)
        for slot in slots:
            if isinstance(slot, int):
                label += 1
                heads[slot] = label
                continue
            n = next(sizes)
            for j, c in enumerate(slot):
                heads[c] = label + 1 + j // (len(slot) // n)
            label += n
        return heads
    return None


def header_rows(cells: Sequence[str], width: int) -> Optional[list[tuple[list[int], list[str]]]]:
    """The header lines of a table of `width` columns as rows, or None when they fit no header: one row of
    `width` cells, two such rows, or a shorter row over a full one (see `_spread`). Each row as the offset
    of each cell's line and the cells' texts, a spanning label in the first of its columns and empty cells
    to its right, as a spanning cell prints."""
    cells = [c.strip() for c in cells]
    n = len(cells)
    if n == width or n == 2 * width:
        return [(list(range(r, r + width)), cells[r:r + width]) for r in range(0, n, width)]
    if not width < n < 2 * width:
        return None
    upper, lower = cells[:n - width], cells[n - width:]
    heads = _spread(upper, lower)
    if heads is None:
        return None
    spread = [upper[h] if c == 0 or heads[c - 1] != h else "" for c, h in enumerate(heads)]
    return [(heads, spread), (list(range(len(upper), n)), lower)]


# A cell that holds only a unit: the figure's unit in the cell to its left (see `_merge_unit_columns`)
_UNIT_CELL = re.compile(r"^(?:%|procent|st|tkr|mnkr|mkr|kr|kronor|dagar)$", re.IGNORECASE)


def is_unit_cell(line: str) -> bool:
    return bool(_UNIT_CELL.match(line.strip()))


def _unit_columns(rows: Sequence[tuple[list[int], list[str]]], width: int, stub: int) -> list[int]:
    """The value columns whose every filled cell is a unit alone ("%" beside each share), under a header
    merged over the figure and its unit ("Andel av utfallet" over "71,2 | %")."""
    return [c for c in range(stub + 1, width)
            if any(cells[c] for _, cells in rows) and all(not cells[c] or is_unit_cell(cells[c]) for _, cells in rows)]


def _merge_unit_columns(rows: list[tuple[list[int], list[str]]], units: Sequence[int]) -> list[tuple[list[int], list[str]]]:
    """Each unit cell joined to the figure on its left ("71,2 %"), which keeps its own line."""
    out = []
    for at, cells in rows:
        cells = list(cells)
        for c in units:
            if cells[c - 1] and cells[c]:
                cells[c - 1] = f"{cells[c - 1]} {cells[c]}"
        out.append(([j for c, j in enumerate(at) if c not in units], [x for c, x in enumerate(cells) if c not in units]))
    return out


def _table_at(lines: Sequence[str], marks: _Marks, start: int, min_values: int) -> Optional[CellTable]:
    """The table whose header starts at line `start` with `min_values` value columns or more, or None: the
    label columns (one or two), column count and header length that read the most lines as rows (on a tie
    one label column, the fewest columns and the shortest header, so a first row of figures is no header)."""
    best: Optional[CellTable] = None
    cells = 0  # how many lines from `start` on may be cells
    while start + cells < len(lines) and marks.cell[start + cells] and cells < 2 * MAX_COLUMNS:
        cells += 1
    for stub in (1, 2):
        for width in range(stub + min_values, MAX_COLUMNS + 1):
            for length in range(max(1, width - 2), min(2 * width, cells) + 1):
                body = start + length
                rows = _body_rows(lines, marks, body, width, stub)
                if not rows:
                    continue
                units = _unit_columns(rows, width, stub)
                if length < width - len(units):
                    continue
                header = header_rows(lines[start:body], width - len(units))
                if header is None:
                    continue
                last = rows[-1][0][-1]
                if best is None or last > best.last:
                    best = CellTable(start, body, last, width - len(units), [([start + k for k in at], row) for at, row in header],
                                     _merge_unit_columns(rows, units) if units else rows)
    return best


def find_cell_tables(lines: Sequence[str]) -> list[CellTable]:
    """The one-cell-per-line tables in `lines`: under a table caption (a unit line may stand between), or,
    with two value columns or more, under a heading or right after a paragraph."""
    found: list[CellTable] = []
    marks = _Marks.of(lines)
    i = 0
    while i < len(lines):
        table = None
        line = lines[i].strip()
        if line and is_table_caption(line) and "\t" not in lines[i]:
            table = _table_at(lines, marks, i + 1, 1) or _table_at(lines, marks, i + 2, 1)
        elif marks.cell[i] and (i == 0 or not marks.cell[i - 1]):
            table = _table_at(lines, marks, i, 2) or (_table_at(lines, marks, i + 1, 2) if line else None)
        if table is None:
            i += 1
            continue
        found.append(table)
        i = table.last + 1
    return found


def cell_lines_to_tabs(lines: list[str], shapes: Optional[dict[int, TableShape]] = None) -> list[str]:
    """Each row of every one-cell-per-line table in `lines` as one tab-separated line (see the module's doc).
    The shape of each table goes into `shapes`, by the index of its first line: its header rows and the
    line each cell stands on."""
    out = list(lines)
    for table in find_cell_tables(lines):
        for k in range(table.first, table.last + 1):
            out[k] = ROW_CONTINUED
        rows = table.header + table.rows
        for at, cells in rows:
            out[min(at)] = "\t".join(cells)
        if shapes is not None:
            counted = count_header_rows([cells for _, cells in rows])
            shapes[table.first] = TableShape(max(len(table.header), counted),
                                             cell_lines={r: tuple(at) for r, (at, _) in enumerate(rows)})
    return out


__all__ = ["CellTable", "cell_lines_to_tabs", "find_cell_tables", "header_rows", "is_cell_line"]
