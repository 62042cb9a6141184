"""Plain text laid out with spaces, as `pdftotext -layout` writes a PDF: tables whose columns
are aligned with spaces, boxes of text set side by side, running page headers and footers.

The stages, each a pure function of the lines:

- `margin_lines`: running headers and footers (a line repeated with its page number, and the
  line that opens each page after such a footer); they are page furniture, not content.
- `line_fragments`: a line's pieces of ink, cut where two or more spaces stand; single spaces
  stay inside a piece, so "1 038" and "Antal ärenden (tusental)" each stay whole.
- `find_layouts`: blocks of consecutive lines whose pieces line up in columns. Each becomes an
  `AlignedTable` (header lines joined per column, wrapped row labels joined, indentation kept)
  or, where the columns hold running text, one paragraph per column (`TextColumns`).

Columns come from a projection: the character positions where the block's lines with several
pieces have ink. A column header stacked over several lines ("Förändring" / "2025–2026" / "(%)")
is one header of one column; a header over several columns ("Sjukersättning" over three years)
is a spanning header, a header row of its own.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional, Sequence

from nlp.sv.captions import is_caption, is_source_or_note

from .pdf_margins import page_label_of
from .text_tables import LABEL_GOES_ON, PART_LABEL, is_figure_range, is_value, is_year, join_wrapped

# Pieces of ink: words and digit groups joined by one space of any kind ("1 038", "1\u00a0038").
_FRAGMENT = re.compile(r"\S+(?:[^\S\t\n]\S+)*")


@dataclass(frozen=True)
class Fragment:
    """A piece of ink in one line: characters `start`..`end` (end exclusive)."""

    start: int
    end: int
    text: str

    @property
    def center(self) -> float:
        return (self.start + self.end) / 2


def line_fragments(line: str) -> list[Fragment]:
    """The pieces of a line, cut at runs of two or more spaces."""
    return [Fragment(m.start(), m.end(), m.group()) for m in _FRAGMENT.finditer(line.expandtabs())]


def _is_data_value(text: str) -> bool:
    """A value that is data, not a year or year span standing as a column header ("22–30" in a column of
    cost estimates is data)."""
    return (is_value(text) or is_figure_range(text)) and not is_year(text)


# --- running headers and footers ------------------------------------------------------------

def _page_number(line: str) -> Optional[tuple[str, int]]:
    """A margin line's text without its page number, and the number: "Årsredovisning 2026     41"
    -> ("Årsredovisning 2026", 41); "Sida 7 av 24" -> ("", 7). The number stands alone or is set
    apart from the text by two or more spaces, first or last."""
    pieces = line_fragments(line)
    if not pieces:
        return None
    for k in (len(pieces) - 1, 0):
        label = page_label_of(pieces[k].text)
        if label is not None and label.isdigit():
            rest = [f.text for j, f in enumerate(pieces) if j != k]
            return " ".join(" ".join(rest).split()), int(label)
    return None


def _standalone(lines: Sequence[str], i: int) -> bool:
    """Blank (or the document's edge) above and below line i."""
    above = i == 0 or not lines[i - 1].strip()
    below = i + 1 >= len(lines) or not lines[i + 1].strip()
    return above and below


def _page_break_block(lines: Sequence[str], i: int) -> bool:
    """Line i stands alone, or with one other short line between blank lines: a page's footer right
    above the next page's header, as `pdftotext -layout` writes them when no form feed parts the pages."""
    first = last = i
    while first > 0 and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return last - first <= 1 and all(len(lines[k].strip()) <= 100 for k in (first, last))


def margin_lines(lines: Sequence[str]) -> set[int]:
    """Indexes (0-based) of running page headers and footers.

    A footer (or header) with a page number is a short line standing alone (or with the next page's
    header right under it) that repeats, apart from its number, at least twice, with numbers that go
    up ("Årsredovisning 2026   41" ... "42 Årsredovisning 2026"). A running header without a number
    is a short line that repeats as the first line of the pages those numbered lines mark off (the
    line after each of them, right under it when no blank line parts the pages).
    """
    numbered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, line in enumerate(lines):
        if not line.strip() or len(line.strip()) > 100 or not _page_break_block(lines, i):
            continue
        found = _page_number(line)
        if found is not None:
            numbered[found[0].lower()].append((i, found[1]))
    out: set[int] = set()
    for key, hits in numbered.items():
        numbers = [n for _, n in hits]
        steps = [b - a for a, b in zip(numbers, numbers[1:])]
        if len(hits) < 2 or not all(d > 0 for d in steps):
            continue
        # a bare number is a page number only in a run of small steps ("2019", "2020" alone are
        # headings too); "Sida 7 av 30" says it is one
        explicit = all(page_label_of(lines[i].strip(), explicit_only=True) for i, _ in hits)
        if key or explicit or (len(hits) >= 3 and max(numbers) < 1000 and sum(d <= 2 for d in steps) >= len(steps) - 1):
            out.update(i for i, _ in hits)
    if not out:
        return out
    # the first line of each page: the line after a numbered margin line, and the document's first line
    openers: dict[str, list[int]] = defaultdict(list)
    starts = [-1] + sorted(out)
    for s in starts:
        j = s + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        # (its words must be short, not the spaces a layout sets between its left and right parts)
        if j < len(lines) and j not in out and len(" ".join(lines[j].split())) <= 80 and \
                (_standalone(lines, j) or j - 1 in out and (j + 1 >= len(lines) or not lines[j + 1].strip())):
            openers[" ".join(lines[j].split()).lower()].append(j)
    for key, idx in openers.items():
        if len(idx) >= 2 and not is_caption(key):
            # a numbered chapter heading that the later pages repeat as their header opens the chapter
            out.update(idx[1:] if re.match(r"^\d+(?:\.\d+)*\.?\s+\w", key) else idx)
    return out


# --- blocks of aligned lines ----------------------------------------------------------------

@dataclass
class AlignedTable:
    """A space-aligned table: rows of cell texts, the source line of each row and the lines
    folded into another row (wrapped labels, stacked header lines)."""

    start: int  # 0-based index of the block's first line
    end: int  # 0-based index of its last line
    rows: list[list[str]]
    row_lines: list[int]  # 0-based line of each row
    header_rows: int
    indents: list[Optional[int]] = field(default_factory=list)  # each row's stub indent, None for a header

    @property
    def folded(self) -> list[int]:
        return [i for i in range(self.start, self.end + 1) if i not in self.row_lines]


@dataclass
class TextColumns:
    """Boxes of running text set side by side ("11 236 / gemensamma kartläggningar / (10 741)"):
    each column, read top to bottom, is a paragraph; `columns` holds (line, text) pairs."""

    start: int
    end: int
    columns: list[list[tuple[int, str]]]


def find_layouts(lines: Sequence[str], skip: set[int] = frozenset()) -> dict[int, AlignedTable | TextColumns]:
    """Space-aligned tables and side-by-side text boxes, by the index of their first line.

    A block is a run of non-blank lines without tabs (lines in `skip`, the page margins, end it);
    leading caption lines and trailing source and note lines stay outside the table. Rows set
    one blank line apart (as `pdftotext -layout` writes widely spaced rows) are one block when
    their figures stand in the same columns.
    """
    out: dict[int, AlignedTable | TextColumns] = {}
    groups: list[list[int]] = []
    open_end = False  # the last group may take the next run (it was not cut by a note or prose)
    for run, cut_start, cut_end in _runs(lines, skip):
        if groups and open_end and not cut_start and run[0] == groups[-1][-1] + 2 and _joins(lines, groups[-1], run):
            groups[-1].extend(run)
        else:
            groups.append(list(run))
        open_end = not cut_end
    for idx in groups:
        if len(idx) >= 2:
            found = read_block(lines, idx)
            if found is not None:
                out[idx[0]] = found
    return out


def _runs(lines: Sequence[str], skip: set[int]):
    """Runs of non-blank lines without tabs, with captions above and notes and prose below cut
    off: (line indexes, cut at the start, cut at the end)."""
    i = 0
    while i < len(lines):
        if not lines[i].strip() or i in skip or "\t" in lines[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and lines[j + 1].strip() and j + 1 not in skip and "\t" not in lines[j + 1] \
                and not _breaks_run(lines[j + 1]) and not (_is_prose_line(lines[j]) or is_source_or_note(lines[j].strip())):
            j += 1
        start, end = i, j
        while start <= end and is_caption(lines[start].strip()):
            start += 1
        # text with no blank lines (one paragraph per line): a heading or a unit line ("Miljoner kronor") at
        # the left edge under the caption is not one of the table's rows
        # (the caption may close the run above, a long one reading as a sentence: "Tabell 4b. Pågående sjukfall ...")
        under_caption = start > i or (i > 0 and is_caption(lines[i - 1].strip()))
        while under_caption and start < end and _flush_left_single(lines[start]) and len(line_fragments(lines[start + 1])) >= 2:
            start += 1
        for k in range(start, end + 1):
            if is_source_or_note(lines[k].strip()):
                end = k - 1
                break
        # running text set close above or below the table, with no blank line between
        while start <= end and _is_prose_line(lines[start]):
            start += 1
        while end >= start and _is_prose_line(lines[end]):
            end -= 1
        if start <= end:
            yield list(range(start, end + 1)), start > i, end < j
        i = j + 1


def _breaks_run(line: str) -> bool:
    """A line of running text, a caption or a source line: in text set with no blank lines between
    paragraphs (a web page's or a word processor's plain text) it closes the run before it."""
    text = line.strip()
    return bool(text) and (_is_prose_line(line) or is_caption(text) or is_source_or_note(text))


def _flush_left_single(line: str) -> bool:
    pieces = line_fragments(line)
    return len(pieces) == 1 and pieces[0].start == 0


def _aligned(lines: Sequence[str], run: Sequence[int]) -> bool:
    """A run with a line of two or more pieces holding a figure or a year."""
    return any(len(f) >= 2 and any(is_value(x.text) or is_year(x.text) for x in f)
               for f in (line_fragments(lines[k]) for k in run))


def _joins(lines: Sequence[str], group: Sequence[int], run: Sequence[int]) -> bool:
    """Whether a run one blank line below a group of table lines goes on with that table: both
    are aligned and the run's figures stand where the group has ink; a lone short label (a group
    row, "Ålder") goes on with it too, when an aligned run follows (decided with that run)."""
    if not _aligned(lines, [k for k in group if len(line_fragments(lines[k])) >= 2]):
        return False
    pieces = [line_fragments(lines[k]) for k in run]
    if len(run) == 1 and len(pieces[0]) == 1:
        text = pieces[0][0].text
        return len(text) <= 60 and not re.match(r"^(?:\d+(?:\.\d+)*\s|#)", text) and not text.endswith((".", ":")) \
            and _next_run_aligned(lines, run[-1])
    if not _aligned(lines, run):
        return False
    ink = set()
    for k in group:
        f = line_fragments(lines[k])
        if len(f) >= 2:
            ink.update(p for x in f[1:] for p in range(x.start, x.end))
    values = [x for f in pieces for x in f[1:] if is_value(x.text)]
    return bool(values) and sum(any(p in ink for p in range(x.start, x.end)) for x in values) * 2 >= len(values)


def _next_run_aligned(lines: Sequence[str], k: int) -> bool:
    """The lines after one blank line below line k are aligned table lines."""
    j = k + 2
    if j >= len(lines) or lines[k + 1].strip() or not lines[j].strip():
        return False
    run = []
    while j < len(lines) and lines[j].strip():
        run.append(j)
        j += 1
    return _aligned(lines, run)


def read_block(lines: Sequence[str], idx: Sequence[int]) -> AlignedTable | TextColumns | None:
    """The table or text columns of the lines `idx` (ascending, blank lines left out), or None
    when they are not aligned."""
    frags = [line_fragments(lines[k]) for k in idx]
    multi = [k for k, f in enumerate(frags) if len(f) >= 2]
    with_values = [k for k in multi if any(_is_data_value(x.text) for x in frags[k][1:]) or
                   sum(_is_data_value(x.text) for x in frags[k]) >= 2]
    if len(with_values) < 1 or len(multi) < 2:
        return None
    if any(_is_prose_line(lines[k]) for k in idx):
        return None  # running text between the aligned lines: not a table
    n_header = _count_header_lines(frags)
    body = [frags[k] for k in range(n_header, len(frags)) if len(frags[k]) >= 2]
    # columns from the lines of figures only, where there are such: a word cell that runs over
    # into the next column ("uppgift saknas") would join two columns in the projection
    figures = [f for f in body if all(is_value(x.text) or is_figure_range(x.text) for x in f[1:])]
    columns = _columns(figures if len(figures) >= 2 else body)
    if len(columns) < 2:
        return None
    if _is_contents(frags, columns):
        return None
    if _is_text_columns(frags[n_header:], columns):
        return _text_columns(idx, frags, columns)
    return _table(idx, frags, n_header, columns)


def _is_prose_line(line: str) -> bool:
    """A line of running text: one long piece, a sentence or many words."""
    pieces = line_fragments(line)
    return len(pieces) == 1 and len(pieces[0].text) > 60 and \
        (pieces[0].text.endswith((".", "!", "?")) or len(pieces[0].text.split()) >= 10)


def _count_header_lines(frags: list[list[Fragment]]) -> int:
    """Leading lines that hold no figure other than years: the column headers. A line of one piece
    at the left edge right above the figures is a row label (a group), not a header."""
    left = min(f[0].start for f in frags if f)
    n = 0
    for f in frags:
        if any(_is_data_value(x.text) for x in f):
            break
        n += 1
    while n > 0 and len(frags[n - 1]) == 1 and frags[n - 1][0].start <= left + 1 and n < len(frags):
        n -= 1  # "Kvinnor" above its rows
    return n


def _columns(rows: list[list[Fragment]]) -> list[tuple[int, int]]:
    """Column spans from a projection of the rows' ink: maximal runs of positions where some row
    has a piece."""
    if not rows:
        return []
    width = max(f.end for r in rows for f in r)
    ink = [False] * (width + 1)
    for r in rows:
        for f in r:
            for p in range(f.start, f.end):
                ink[p] = True
    spans: list[tuple[int, int]] = []
    p = 0
    while p < width:
        if ink[p]:
            q = p
            while q < width and ink[q]:
                q += 1
            spans.append((p, q))
            p = q
        else:
            p += 1
    return spans


def _overlap(f: Fragment, span: tuple[int, int]) -> int:
    return min(f.end, span[1]) - max(f.start, span[0])


def _column_of(f: Fragment, columns: list[tuple[int, int]]) -> int:
    """The column a piece stands in: the one it overlaps most, else the nearest."""
    best = max(range(len(columns)), key=lambda c: (_overlap(f, columns[c]), -abs(f.center - sum(columns[c]) / 2)))
    if _overlap(f, columns[best]) > 0:
        return best
    return min(range(len(columns)), key=lambda c: max(columns[c][0] - f.end, f.start - columns[c][1]))


def _covered(f: Fragment, columns: list[tuple[int, int]]) -> list[int]:
    return [c for c in range(len(columns)) if _overlap(f, columns[c]) > 0]


def _is_contents(frags: list[list[Fragment]], columns: list[tuple[int, int]]) -> bool:
    """A table of contents ("Inledning      6"): titles with one page number each, counting up."""
    if len(columns) != 2:
        return False
    pages = [f[-1].text for f in frags if len(f) == 2]
    if len(pages) < 3 or not all(re.fullmatch(r"\d{1,3}", p) for p in pages):
        return False
    numbers = [int(p) for p in pages]
    return all(b > a for a, b in zip(numbers, numbers[1:]))


def _is_text_columns(body: list[list[Fragment]], columns: list[tuple[int, int]]) -> bool:
    """Columns of running text rather than a table: at least two columns each hold a figure in
    one line and words in another, and the first column is no stub of labels."""
    mixed = 0
    first_values = 0
    for c in range(len(columns)):
        texts = [f.text for r in body for f in r if _column_of(f, columns) == c]
        words = [t for t in texts if not is_value(t) and len(re.findall(r"[^\W\d_]{2,}", t)) >= 1]
        if any(is_value(t) for t in texts) and words:
            mixed += 1
        if c == 0:
            first_values = sum(is_value(t) for t in texts)
    return mixed >= 2 and first_values >= 1


def _text_columns(idx: Sequence[int], frags: list[list[Fragment]], columns: list[tuple[int, int]]) -> TextColumns:
    cols: list[list[tuple[int, str]]] = [[] for _ in columns]
    for k, row in enumerate(frags):
        for f in row:
            cols[_column_of(f, columns)].append((idx[k], f.text))
    return TextColumns(start=idx[0], end=idx[-1], columns=[c for c in cols if c])


def _header_rows(frags: list[list[Fragment]], columns: list[tuple[int, int]]) -> list[list[str]]:
    """Header lines -> header rows. Pieces over one column are stacked into that column's header
    ("Förändring" + "2025–2026" + "(%)"); a line with a piece over several columns is a spanning
    row, each column under the piece nearest it."""
    n = len(columns)
    leaf = [""] * n
    spanning: list[list[str]] = []
    pitch = _pitch(columns)
    for k_line, row in enumerate(frags):
        groups = _left_aligned_groups(row, frags[k_line + 1], columns) if k_line + 1 < len(frags) else None
        if groups is not None:
            spanning.append(groups)  # "2024" over "Kvinnor Män Totalt", set flush left over its group
            continue
        # a piece over two or more columns that no other piece of its line heads
        wide = [f for f in row if len(set(_covered(f, columns)) - {_column_of(g, columns) for g in row if g is not f}) >= 2]
        if wide:
            cells = [""] * n
            pieces = sorted(row, key=lambda f: f.start)
            for c in range(1, n):
                center = sum(columns[c]) / 2
                for k, f in enumerate(pieces):
                    lo = (pieces[k - 1].end + f.start) / 2 if k else f.start - pitch
                    hi = (f.end + pieces[k + 1].start) / 2 if k + 1 < len(pieces) else f.end + pitch
                    if lo <= center <= hi:
                        cells[c] = f.text
                        break
            if any(f.start <= columns[0][1] and _column_of(f, columns) == 0 for f in row):
                cells[0] = next(f.text for f in row if _column_of(f, columns) == 0)
            spanning.append(cells)
            continue
        for f in row:
            c = _column_of(f, columns)
            leaf[c] = join_wrapped(leaf[c], f.text) if leaf[c] else f.text
    rows = spanning + ([leaf] if any(leaf) else [])
    return rows


def _left_aligned_groups(row: list[Fragment], below: list[Fragment], columns: list[tuple[int, int]]) -> Optional[list[str]]:
    """A header line whose pieces each start where a column starts and head an equal group of columns
    that the line below labels alike ("2024" and "2025", each flush left over "Kvinnor Män Totalt"):
    the spanning row, each column under the piece at or before it. None for any other line."""
    n = len(columns)
    heads = [(c, f.text) for f in row if (c := _column_of(f, columns)) > 0 and abs(f.start - columns[c][0]) <= 1]
    if len(heads) < 2 or len(heads) != len([f for f in row if _column_of(f, columns) > 0]):
        return None
    starts = [c for c, _ in heads] + [n]
    widths = {b - a for a, b in zip(starts, starts[1:])}
    if len(widths) != 1 or min(widths) < 2 or starts[0] != 1:
        return None
    width = widths.pop()
    leaf = [""] * n
    for f in below:
        leaf[_column_of(f, columns)] = f.text.lower()
    if any(leaf[c] != leaf[1 + (c - 1) % width] for c in range(1, n)) or not all(leaf[1:]):
        return None
    cells = [""] * n
    for c, text in heads:
        for k in range(c, c + width):
            cells[k] = text
    stub = [f.text for f in row if _column_of(f, columns) == 0]
    cells[0] = stub[0] if stub else ""
    return cells


def _pitch(columns: list[tuple[int, int]]) -> float:
    centers = [sum(c) / 2 for c in columns[1:]]
    gaps = sorted(b - a for a, b in zip(centers, centers[1:]))
    return gaps[len(gaps) // 2] if gaps else 10.0


def _table(idx: Sequence[int], frags: list[list[Fragment]], n_header: int, columns: list[tuple[int, int]]) -> AlignedTable:
    header = _header_rows(frags[:n_header], columns)
    n = len(columns)
    rows: list[list[str]] = [r for r in header]
    row_lines: list[int] = [idx[r] for r in range(len(header))]  # the other header lines are folded in
    indents: list[Optional[int]] = [None] * len(header)
    body: list[tuple[int, list[str], Optional[int]]] = []  # (line, cells, indent of the label)
    for k in range(n_header, len(frags)):
        cells = [""] * n
        indent: Optional[int] = None
        for f in frags[k]:
            c = 0 if len(frags[k]) == 1 and f.start < columns[0][1] else _column_of(f, columns)
            cells[c] = f"{cells[c]} {f.text}".strip() if cells[c] else f.text
            if c == 0 and indent is None:
                indent = f.start
        body.append((idx[k], cells, indent))
    body = _join_wrapped_labels(body)
    left = min((ind for _, _, ind in body if ind is not None), default=0)
    for line, cells, ind in body:
        rows.append(cells)
        row_lines.append(line)
        indents.append(None if ind is None else ind - left)
    return AlignedTable(start=idx[0], end=idx[-1], rows=rows, row_lines=row_lines, header_rows=len(header), indents=indents)


def _label_only(cells: list[str]) -> bool:
    return bool(cells[0]) and not any(c for c in cells[1:])


def _continues(label: str) -> bool:
    """A label piece that goes on a line that is a continuation: lower case or a parenthesis."""
    return bool(label) and (label[0].islower() or label[0] == "(")


def _join_wrapped_labels(body: list[tuple[int, list[str], Optional[int]]]) -> list[tuple[int, list[str], Optional[int]]]:
    """Row labels wrapped over two lines become one: a label line with no figures whose next line
    goes on it ("Handläggningstid första utbetalning," / "  dagar (medelvärde)  8,1 ..."), or a
    line with no figures that continues the row above ("Personer i insats  7 402" / "  (genomsnitt)").
    The row keeps the line of its figures. A label line above several indented rows is a group."""
    out: list[tuple[int, list[str], Optional[int]]] = []
    k = 0
    while k < len(body):
        line, cells, ind = body[k]
        nxt = body[k + 1] if k + 1 < len(body) else None
        if nxt is not None and _label_only(cells) and not _label_only(nxt[1]):
            n_line, n_cells, n_ind = nxt
            strong = bool(LABEL_GOES_ON.search(cells[0])) or not n_cells[0]
            weak = _continues(n_cells[0]) and (n_ind or 0) >= (ind or 0) and not PART_LABEL.match(n_cells[0])
            after = body[k + 2] if k + 2 < len(body) else None
            sibling = after is not None and not _label_only(after[1]) and after[2] == n_ind and (n_ind or 0) > (ind or 0)
            if strong or (weak and not sibling):
                label = join_wrapped(cells[0], n_cells[0]) if n_cells[0] else cells[0]
                out.append((n_line, [label] + n_cells[1:], ind))
                k += 2
                continue
        if out and _label_only(cells) and not _label_only(out[-1][1]) and out[-1][1][0] and \
                (_continues(cells[0]) or LABEL_GOES_ON.search(out[-1][1][0])) and \
                (nxt is None or not (_continues(nxt[1][0]) and nxt[2] == ind and not _label_only(nxt[1]))):
            p_line, p_cells, p_ind = out[-1]
            out[-1] = (p_line, [join_wrapped(p_cells[0], cells[0])] + p_cells[1:], p_ind)
            k += 1
            continue
        out.append((line, cells, ind))
        k += 1
    return out


__all__ = ["AlignedTable", "Fragment", "TextColumns", "find_layouts", "is_value", "line_fragments", "margin_lines",
           "read_block"]
