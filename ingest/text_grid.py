"""Tables as pandoc writes them in plain text (also reStructuredText's and Emacs's grid tables), as
tab-separated rows, and the caption mark ": " taken off the caption under a table.

Grid tables draw every cell's border:

    +--------------------+-------------+
    | Slag av ärende     | Kostnad     |
    |                    | (tusen-     |
    |                    | tals kr)    |
    +====================+=============+
    | Ansökningar        | 12 400      |
    |   därav förnyade   | 3 100       |
    +--------------------+-------------+

The `+` joins of the border lines say where the columns are; a border with fewer joins stands over a
cell that spans columns (its text goes to the first of them, as a spanning header leaves the cells to
its right empty), and a border line that only runs under some cells (`|      +------+`) leaves a cell
spanning rows. The `+===+` line ends the header rows. Between two borders a cell's text may wrap over
several lines and hold several paragraphs: the lines are one row, joined per cell ("(tusen-" + "tals
kr)" -> "(tusentals kr)"). A converter may also leave out the borders between body rows (as above);
then lines that each hold figures are rows of their own, and a line without figures goes on with the
row above when it continues its label (lower case, a parenthesis, or a label ending in "och", ",", "-").

Simple tables (left) and multiline tables (right) mark their columns with a line of dash runs:

      Domstol    Inkomna   Avgjorda       -----------------------------
      ---------- --------- ---------      Grupp      Bidrag,   Ändring
      Tingsrätt  4 021     3 980                     tkr       (%)
      Hovrätten  612       598            ---------- --------- --------
                                          Under 30   1 412     +2,5
                                          år

                                          Övriga     822       −0,4
                                          -----------------------------

A simple table has one line per row and ends at a blank line or a closing dash line; a multiline
table opens and closes with one long dash line, stacks a cell's lines, and sets its rows apart with
blank lines. Each line is cut where the dash runs start, since cells may stand one space apart
("Mål inkomna Mål avgjorda").

Each row is written as one tab-separated line, on the line where the row starts, the way the rest of
the text reader takes a table row; the table's other lines are marked as part of it (ROW_CONTINUED),
its outer borders stand where blank lines would. `TableShape` keeps what the notation says beyond
the rows: how many rows are header rows and how far each row label is indented ("  därav förnyade").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence

from .text_tables import LABEL_GOES_ON, PART_LABEL, count_header_rows, is_value, is_year, join_wrapped

# a line the reader skips inside a table: the further lines of a row written out on an earlier line
ROW_CONTINUED = "\x00html-table-line"


@dataclass(frozen=True)
class TableShape:
    """What a table's notation says beyond its rows: the number of header rows, the indentation
    of each row's label (row index -> spaces), for the label nested under the row above it, and where
    a notation sets each cell on a line of its own (ingest.text_cells), the line (0-based) of each
    cell of each row (row index -> lines by column), and the caption the markup gives it (an HTML <caption>
    with no number: "Så ser det ut i länet"). No header count (None) leaves it to the rows."""

    header_rows: Optional[int]
    indents: dict[int, int] = field(default_factory=dict)
    cell_lines: dict[int, tuple[int, ...]] = field(default_factory=dict)
    caption: str = ""


# --- lines, rows and cells ---------------------------------------------------------------------


def _holds_values(cells: Sequence[str], header: bool = False) -> bool:
    """A line with a figure or a statistics symbol after its label; in a header only figures that are
    no years ("Kv2" over "2028" is one header)."""
    return any(is_value(c) and not (header and is_year(c)) for c in cells[1:])


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" ")) if text.strip() else 0


def _continues(above: Sequence[str], cells: Sequence[str], first: Sequence[str]) -> bool:
    """Whether a line goes on with the row above rather than opening a row of its own: its label is
    empty, or goes on the label above (lower case, a parenthesis, or the label above ends in a word
    that needs more), and is neither indented under that row's label nor a "varav" row."""
    label, last = cells[0].strip(), above[0].strip()
    if not label:
        return True
    if PART_LABEL.match(label) or _indent(cells[0]) > _indent(first[0]):
        return False
    return label[0].islower() or label[0] in "([" or bool(LABEL_GOES_ON.search(last))


def _group_rows(lines: list[tuple[list[str], frozenset]], split: bool) -> list[list[int]]:
    """The lines of one block between two borders -> its rows, as lists of indexes into `lines`
    (each a line's cells and the column borders it draws). One row, its cells wrapping over the
    lines, unless `split` (the body of a table with no borders between its rows) and two or more
    lines hold figures: then each line with figures opens a row of its own, and a line without
    figures goes on with the row above when it continues its label. A line that draws other
    borders opens a row."""
    rows: list[list[int]] = []
    several = split and sum(_holds_values(cells) for cells, _ in lines) >= 2
    for k, (cells, cuts) in enumerate(lines):
        if not rows or lines[rows[-1][0]][1] != cuts:
            rows.append([k])
        elif not several or not any(c.strip() for c in cells) or _share_under_count(cells):
            rows[-1].append(k)  # a wrapped cell, a blank line between a cell's paragraphs, "(45,2 %)" under "141"
        elif _holds_values(cells) and any(_holds_values(lines[j][0]) for j in rows[-1]):
            rows.append([k])
        elif _continues(lines[rows[-1][-1]][0], cells, lines[rows[-1][0]][0]):
            rows[-1].append(k)  # a label wrapped onto this line, or over the line with its figures
        else:
            rows.append([k])  # a group row ("Ålder"), a label without figures
    return rows


def _share_under_count(cells: Sequence[str]) -> bool:
    """A line with no label whose figures are all in parentheses: the shares under the counts above
    ("141" over "(45,2 %)"), one cell with them."""
    filled = [c.strip() for c in cells[1:] if c.strip()]
    return not cells[0].strip() and bool(filled) and all(c.startswith("(") and is_value(c) for c in filled)


def _row_cells(row: Sequence[Sequence[str]], width: int) -> list[str]:
    """The cells of a row from the cells of its lines, each cell's lines joined."""
    out = [""] * width
    for cells in row:
        for c, text in enumerate(cells[:width]):
            out[c] = join_wrapped(out[c], " ".join(text.split()))
    return out


@dataclass
class _Found:
    """A table found in the lines: its first and last line, each row's lines and cells, the number of
    rows its notation marks as header (-1: none marked), each row label's indent, and whether its
    first and last lines are borders (no rows)."""

    first: int
    last: int
    rows: list[list[int]]
    cells: list[list[str]]
    header_rows: int
    indents: list[int]
    opening: bool
    closing: bool


def _write(out: list[str], found: _Found, shapes: Optional[dict[int, TableShape]]) -> None:
    """A table's rows written as tab lines over its lines (see the module's doc), and its shape kept."""
    for k in range(found.first, found.last + 1):
        out[k] = ROW_CONTINUED
    if found.opening:
        out[found.first] = ""  # the top border: where the table starts, like a blank line
    if found.closing:
        out[found.last] = ""
    if all(len(cells) == 1 for cells in found.cells):
        for row, cells in zip(found.rows, found.cells):
            out[row[0]] = cells[0]  # one column: a box round a text, read as the text it holds
        return
    for row, cells in zip(found.rows, found.cells):
        out[row[0]] = "\t".join(cells)
    counted = count_header_rows(found.cells)
    n_header = max(found.header_rows, counted) if found.header_rows >= 0 else counted
    if shapes is not None:
        body = found.indents[n_header:]
        low = min(body, default=0)
        shapes[found.rows[0][0]] = TableShape(n_header, {n_header + r: ind - low for r, ind in enumerate(body)})


# --- grid tables -----------------------------------------------------------------------------

_FULL_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_ROW_LINE = re.compile(r"^\s*\|.*\|\s*$")
_EDGE = re.compile(r"[+|]")


def _partial_border(line: str) -> bool:
    """A border under some cells only ("|      +------+------+"): the cells it leaves open span rows."""
    s = line.rstrip()
    if "+" not in s or not re.match(r"^\s*[+|]", s) or not s.endswith(("+", "|")):
        return False
    edges = [m.start() for m in _EDGE.finditer(s)]
    segments = [(a, b, s[a + 1:b]) for a, b in zip(edges, edges[1:])]
    ruled = [(a, b) for a, b, seg in segments if re.fullmatch(r"[-=:]+", seg)]
    return bool(ruled) and all(s[a] == "+" or s[b] == "+" for a, b in ruled) and \
        all(re.fullmatch(r"[-=:]+", seg) or (s[a] == "|" and s[b] in "|+") or (s[b] == "|" and s[a] in "|+")
            for a, b, seg in segments)


def _is_border(line: str) -> bool:
    return bool(_FULL_BORDER.match(line)) or _partial_border(line)


def _grid_line_cells(line: str, cuts: Sequence[int]) -> tuple[list[str], frozenset]:
    """A row line cut at the column borders it draws: the cell texts by column (a cell spanning
    columns in the first of them, with the padding space after the border taken off) and the borders."""
    drawn = [c for c in cuts if c < len(line) and line[c] == "|"]
    cells = [""] * (len(cuts) - 1)
    for a, b in zip(drawn, drawn[1:]):
        text = line[a + 1:b]
        cells[cuts.index(a)] = text[1:] if text.startswith(" ") else text
    return cells, frozenset(drawn)


def _grid_table(lines: Sequence[str], i: int) -> Optional[_Found]:
    """The grid table whose top border is line i, or None. It runs over the border and row lines
    below; a last row left without its bottom border (the file ends) still counts."""
    end = i
    while end + 1 < len(lines) and (_is_border(lines[end + 1]) or _ROW_LINE.match(lines[end + 1])):
        end += 1
    borders = [k for k in range(i, end + 1) if _is_border(lines[k])]
    cuts = sorted({p for k in borders for p, ch in enumerate(lines[k].rstrip()) if ch == "+"})
    if end == i or len(cuts) < 2:
        return None
    head_end = next((k for k in borders if "=" in lines[k]), None)
    blocks: list[list[int]] = [[]]  # the row lines between two borders
    for k in range(i + 1, end + 1):
        if k in borders:
            blocks.append([])
        else:
            blocks[-1].append(k)
    blocks = [b for b in blocks if b]
    cells_of = {k: _grid_line_cells(lines[k], cuts) for b in blocks for k in b}
    in_header = [head_end is not None and b[0] < head_end for b in blocks]
    # borders between rows of figures say where each row ends; a body with none has a row per line of figures
    split = sum(1 for b, head in zip(blocks, in_header) if not head and any(_holds_values(cells_of[k][0]) for k in b)) <= 1
    found = _Found(i, end, [], [], -1, [], True, end in borders)
    for block, head in zip(blocks, in_header):
        if head_end is not None and not head and found.header_rows < 0:
            found.header_rows = len(found.rows)
        line_cells = [cells_of[k] for k in block]
        for group in _group_rows(line_cells, split=split and not head):
            found.rows.append([block[g] for g in group])
            found.cells.append(_row_cells([line_cells[g][0] for g in group], len(cuts) - 1))
            found.indents.append(_indent(line_cells[group[0]][0][0]))
    return found if found.rows else None


def grid_rows_to_tabs(lines: list[str], shapes: Optional[dict[int, TableShape]] = None) -> list[str]:
    """Each row of every grid table in `lines` as one tab-separated line (see the module's doc). The
    shape of each table goes into `shapes`, by the index of its first row's line."""
    out = list(lines)
    i = 0
    while i < len(out):
        found = _grid_table(lines, i) if _FULL_BORDER.match(out[i]) else None
        if found is None:
            i += 1
            continue
        _write(out, found, shapes)
        i = found.last + 1
    return out


# --- simple and multiline tables -------------------------------------------------------------

_DASH_RULE = re.compile(r"^\s*-{2,}(?: +-{2,})+\s*$")  # the column rule: a dash run over each column
_DASH_BORDER = re.compile(r"^\s*-{3,}\s*$")  # a multiline table's line above and below it
_MAX_HEADER_LINES = 6


def _dash_runs(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"-+", line)]


def _dash_cells(line: str, runs: Sequence[tuple[int, int]]) -> list[str]:
    """A line cut into the columns the dash runs mark, each from its run's start to the next run's
    start; a word the cut would split goes to the column where it starts, unless that is inside the
    run before (then to that column)."""
    cuts = [0]
    for (_, end_before), (start, _) in zip(runs, runs[1:]):
        cut = start
        if cut < len(line) and line[cut - 1] != " " and line[cut] != " ":
            left = line.rfind(" ", 0, cut) + 1
            cut = left if left >= end_before else (line.find(" ", cut) if " " in line[cut:] else len(line))
        cuts.append(max(cut, cuts[-1]))
    cuts.append(max(len(line), cuts[-1]))
    return [line[a:b] for a, b in zip(cuts, cuts[1:])]


def _fits(line: str, runs: Sequence[tuple[int, int]]) -> bool:
    """A line that may be one of a table's with these columns: no tab, no ink far left or right of them."""
    text = line.rstrip()
    return bool(text.strip()) and "\t" not in text and _indent(text) >= runs[0][0] - 2 and len(text) <= runs[-1][1] + 4


def _spans(line: str, runs: Sequence[tuple[int, int]]) -> bool:
    """A multiline table's border: one dash run as wide as the column rule."""
    if not _DASH_BORDER.match(line):
        return False
    (a, b), = _dash_runs(line)
    return abs(a - runs[0][0]) <= 2 and abs(b - runs[-1][1]) <= 2


def _dash_table(lines: Sequence[str], r: int, is_caption: Callable[[str], bool]) -> Optional[_Found]:
    """The simple or multiline table whose column rule is line r, or None."""
    runs = _dash_runs(lines[r])
    top = r
    while top > 0 and r - top < _MAX_HEADER_LINES and _fits(lines[top - 1], runs) and not _DASH_RULE.match(lines[top - 1]) \
            and not _DASH_BORDER.match(lines[top - 1]) and not is_caption(lines[top - 1].strip()):
        top -= 1
    head = list(range(top, r))
    bordered = top > 0 and _spans(lines[top - 1], runs)

    def in_table(k: int) -> bool:
        return _fits(lines[k], runs) and not _DASH_RULE.match(lines[k]) and not _DASH_BORDER.match(lines[k])

    # a multiline table runs to its bottom border, its rows set apart by blank lines
    end = r + 1
    while end < len(lines) and (in_table(end) or not lines[end].strip() and end + 1 < len(lines) and in_table(end + 1)):
        end += 1
    multiline = (bordered or not head) and end < len(lines) and _spans(lines[end], runs)
    if not multiline:
        # a simple table runs to a blank line, or to the column rule again or a long dash line
        end = r + 1
        while end < len(lines) and in_table(end):
            end += 1
    bottom = end < len(lines) and (_spans(lines[end], runs) or lines[end].strip() == lines[r].strip())
    if (bordered and not multiline) or (not head and not bottom) or end == r + 1:
        return None  # a dash line over rows that do not end with one; rules round no rows
    rows: list[list[int]] = [head] if head else []  # a header wrapped over lines is one row
    if multiline:
        block: list[int] = []
        for k in [*range(r + 1, end), None]:
            if k is not None and lines[k].strip():
                block.append(k)
            elif block:
                rows.append(block)
                block = []
    else:
        rows += [[k] for k in range(r + 1, end)]
    cells_of = {k: _dash_cells(lines[k], runs) for row in rows for k in row}
    cells = [_row_cells([cells_of[k] for k in row], len(runs)) for row in rows]
    if not any(_holds_values(c) for c in cells):
        return None
    first = top - 1 if bordered else (head[0] if head else r)
    last = end if bottom else end - 1
    indents = [_indent(cells_of[row[0]][0]) for row in rows]
    return _Found(first, last, rows, cells, 1 if head else 0, indents, opening=bordered or not head, closing=bottom)


def dash_rows_to_tabs(lines: list[str], is_caption: Callable[[str], bool],
                      shapes: Optional[dict[int, TableShape]] = None) -> list[str]:
    """Each row of every simple and multiline table in `lines` as one tab-separated line (see the
    module's doc); `is_caption` says which line is a caption (above the header, not part of it). The
    shape of each table goes into `shapes`, by the index of its first row's line."""
    out = list(lines)
    r = 0
    while r < len(out):
        found = _dash_table(out, r, is_caption) if _DASH_RULE.match(out[r]) else None
        if found is None:
            r += 1
            continue
        _write(out, found, shapes)
        r = found.last + 1
    return out


# pandoc's caption of a table, under it: ": Tabell 6. ..." (plain) or "Table: Tabell 6. ..." (Markdown)
_CAPTION_MARK = re.compile(r"^(\s*)(?::|Table:)\s+(?=\S)")


def caption_marks_removed(lines: list[str], is_caption) -> list[str]:
    """Table captions as pandoc marks them, with the mark taken off so they read as the captions they are
    (`is_caption` says which text is one); any other line that opens with a colon stays as it is."""
    return [m.group(1) + line[m.end():] if (m := _CAPTION_MARK.match(line)) and is_caption(line[m.end():].strip())
            else line for line in lines]


__all__ = ["ROW_CONTINUED", "TableShape", "caption_marks_removed", "dash_rows_to_tabs", "grid_rows_to_tabs"]
