"""A borderless table region -> a grid of cells: columns from alignment, rows from text lines.

Statistical tables are set single-spaced (rows 0.2-0.35 em apart), with column gaps that
may be narrower than a word space is wide in justified text, and with group labels or notes
that run across columns. So neither a gap threshold between lines nor the union of word
extents finds their structure. Here:

1. `line_atoms`: each line's words joined into the pieces no column boundary can cut: words
   one space apart, and the digit groups of one number ("12" "587" -> "12 587");
2. `column_bounds`: columns are the x-ranges that the atoms of the body's multi-atom lines
   cover, split where no such line has ink (a projection profile); a group label or a long
   note on a line of its own never merges two columns;
3. `body_rows`: every text line is a row; a line joins the row above (a wrapped cell) only on
   evidence: it fills no new column and holds no figure, and its text continues the cell
   above (a hyphen, a lower-case start, or lines closer than the table's rows are),
   or it completes a number the narrow cell above broke ("12" / "587");
4. `header_rows`: header lines that span several columns are rows of their own; lines whose
   labels each sit over one column are the wrapped lines of one row.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from collections import Counter
from typing import Iterable, Mapping, Optional, Sequence

from nlp.sv.stop_words import STOP_WORDS

from .pdf_footnotes import join_hyphenated, line_text_with_refs
from .pdf_page import Line, Word

# gaps as multiples of the font size. A word space is 0.22-0.33 em in text fonts.
WORD_GAP_EM = 0.45  # between two words of one cell
NUMBER_GAP_EM = 0.36  # between a figure and a word, or two digit groups of one figure
FIGURE_GAP_EM = 0.4  # two figures at least this far apart stand in two columns
_FIGURE = re.compile(r"^[−\-–+<>±]?\(?\d[\d.,]*\)?%?$|^\.\.$|^…$|^[–—-]$")
_LEAD_GROUP = re.compile(r"^[−\-–+]?\d{1,3}$")
_THOUSANDS_GROUP = re.compile(r"^\d{3}(?:[,.]\d+)?%?$")


def is_figure(text: str) -> bool:
    """A cell text that is a figure or a statistics symbol for missing ("..", "–")."""
    return bool(_FIGURE.match(text.strip()))


@dataclass
class Atom:
    words: list[Word]

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def numeric(self) -> bool:
        return is_figure(self.text.replace(" ", ""))


def line_atoms(line: Line) -> list[Atom]:
    """The line's words joined into atoms (see the module docstring, stage 1)."""
    atoms: list[Atom] = []
    for w in line.words:
        if atoms and _same_atom(atoms[-1], w):
            atoms[-1].words.append(w)
        else:
            atoms.append(Atom([w]))
    return atoms


def _same_atom(atom: Atom, w: Word) -> bool:
    last = atom.words[-1]
    em = min(last.size, w.size)
    gap = w.x0 - last.x1
    left_fig, right_fig = is_figure(last.text), is_figure(w.text)
    if left_fig and right_fig:
        # "12 587": only a three-digit group continues a figure, and only while no decimals came
        whole = "".join(x.text for x in atom.words)
        return (gap <= NUMBER_GAP_EM * em and _THOUSANDS_GROUP.match(w.text) is not None
                and _LEAD_GROUP.match(atom.words[0].text) is not None
                and all(_THOUSANDS_GROUP.match(x.text) and "," not in x.text for x in atom.words[1:])
                and len(whole) < 16)
    if left_fig or right_fig:
        return gap <= NUMBER_GAP_EM * em
    return gap <= WORD_GAP_EM * em


def is_table_line(line: Line) -> bool:
    """Two figures side by side with more than a word space between them ("12,5  13,1"), as
    running text never prints them."""
    atoms = line_atoms(line)
    return any(a.numeric and b.numeric and b.x0 - a.x1 >= FIGURE_GAP_EM * min(a.words[-1].size, b.words[0].size)
               for a, b in zip(atoms, atoms[1:]))


# ---------------------------------------------------------------------------------------
# Columns


def column_bounds(lines: Sequence[Line], known: Sequence[tuple[float, float]] = ()) -> list[tuple[float, float]]:
    """Columns as x-ranges: where the atoms of multi-atom lines have ink, split at x-ranges no
    such line covers (stage 2). `known` columns (from a table's part on the page before)
    count as covered too, so both parts get the same columns."""
    spans = [(a.x0, a.x1) for l in lines for a in _atoms_if_multi(l)] + [tuple(k) for k in known]
    spans.sort()
    out: list[list[float]] = []
    for x0, x1 in spans:
        if out and x0 <= out[-1][1]:
            out[-1][1] = max(out[-1][1], x1)
        else:
            out.append([x0, x1])
    return _symbol_columns_joined(lines, [(a, b) for a, b in out])


# What official statistics print for a missing or nil figure: set left or centred in a column of
# right-aligned numbers, it must not become a column of its own.
_MISSING_SYMBOL = re.compile(r"^(?:[–—-]|\.\.|…|x|\.)$")


def _symbol_columns_joined(lines: Sequence[Line], columns: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Join a column that holds only missing-value symbols ("–", "..") to the figure column beside
    it, where no line has ink in both."""
    def texts(col: tuple[float, float]) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for k, line in enumerate(lines):
            for a in _atoms_if_multi(line):
                if col[0] <= (a.x0 + a.x1) / 2 <= col[1]:
                    out.setdefault(k, []).append(a.text)
        return out

    i = 0
    while i < len(columns):
        own = texts(columns[i])
        if own and all(_MISSING_SYMBOL.match(t) for ts in own.values() for t in ts):
            for j in (i + 1, i - 1):
                if 0 <= j < len(columns):
                    other = texts(columns[j])
                    if other and not set(other) & set(own) and any(is_figure(t) for ts in other.values() for t in ts):
                        lo, hi = sorted((i, j))
                        columns[lo:hi + 1] = [(columns[lo][0], columns[hi][1])]
                        i = -1  # start over: the columns moved
                        break
        i += 1
    return columns


def _atoms_if_multi(line: Line) -> list[Atom]:
    atoms = line_atoms(line)
    return atoms if len(atoms) >= 2 else []


def column_of(x0: float, x1: float, columns: Sequence[tuple[float, float]], first: bool = False) -> int:
    """The column a piece of text [x0, x1] belongs to: the one it overlaps most (the first it
    overlaps when `first`, as for a spanning header label), else the nearest."""
    overlaps = [min(x1, b) - max(x0, a) for a, b in columns]
    hit = [k for k, o in enumerate(overlaps) if o > 0]
    if hit:
        return hit[0] if first else max(hit, key=lambda k: overlaps[k])
    mid = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda k: min(abs(mid - columns[k][0]), abs(mid - columns[k][1])))


def spanned_columns(x0: float, x1: float, columns: Sequence[tuple[float, float]]) -> list[int]:
    """Columns that [x0, x1] overlaps by more than a sliver of either."""
    out = []
    for k, (a, b) in enumerate(columns):
        o = min(x1, b) - max(x0, a)
        if o > 0.25 * min(b - a, x1 - x0) and o > 1.0:
            out.append(k)
    return out


# ---------------------------------------------------------------------------------------
# Rows


@dataclass
class LineCells:
    """One text line cut into its columns."""

    line: Line
    cells: dict[int, list[Word]] = field(default_factory=dict)

    def text(self, col: int) -> str:
        return " ".join(w.text for w in self.cells.get(col, []))

    @property
    def filled(self) -> set[int]:
        return set(self.cells)

    @property
    def has_figure(self) -> bool:
        return any(is_figure(self.text(c).replace(" ", "")) for c in self.cells)


def cut_line(line: Line, columns: Sequence[tuple[float, float]]) -> LineCells:
    out = LineCells(line)
    for atom in line_atoms(line):
        out.cells.setdefault(column_of(atom.x0, atom.x1, columns), []).extend(atom.words)
    return out


@dataclass
class RowDraft:
    """A table row: per column, the (line, words) pieces that make its cell, top to bottom."""

    parts: dict[int, list[tuple[Line, list[Word]]]] = field(default_factory=dict)
    lines: list[LineCells] = field(default_factory=list)

    def add(self, lc: LineCells, front: bool = False) -> None:
        for c, words in lc.cells.items():
            pieces = self.parts.setdefault(c, [])
            if front:
                pieces.insert(0, (lc.line, words))
            else:
                pieces.append((lc.line, words))
        if front:
            self.lines.insert(0, lc)
        else:
            self.lines.append(lc)

    def text(self, col: int) -> str:
        text = ""
        for _, words in self.parts.get(col, []):
            piece = " ".join(w.text for w in words)
            text = join_hyphenated(text, piece) if text else piece
        return text

    @property
    def filled(self) -> set[int]:
        return set(self.parts)


def row_gap(lines: Sequence[LineCells]) -> Optional[float]:
    """The typical white space above a line of figures (a new row), if the table shows one;
    the lines of one wrapped cell sit closer than that in a table set with row padding."""
    gaps = [b.line.top - a.line.bottom for a, b in zip(lines, lines[1:]) if b.has_figure]
    return statistics.median(gaps) if gaps else None


def _tight(a: Line, b: Line, gap: Optional[float]) -> bool:
    return gap is not None and gap > 0.15 * b.size and b.top - a.bottom < 0.6 * gap


def body_rows(lines: Sequence[LineCells]) -> list[RowDraft]:
    """Every line a row, but for the lines that finish a cell of the row above or start one
    of the row below (stage 3)."""
    row_space = row_gap(lines)
    rows: list[RowDraft] = []
    pending: Optional[RowDraft] = None  # text-only lines that may open the next row's cells
    for i, lc in enumerate(lines):
        if pending is not None and _continues_above(pending, lc, row_space):
            pending.add(lc)
            continue
        if pending is None and rows and _continues_above(rows[-1], lc, row_space):
            rows[-1].add(lc)
            continue
        if pending is not None:
            if lc.has_figure and _opens_below(pending, lc, row_space):
                pending.add(lc)
                rows.append(pending)
                pending = None
                continue
            rows.append(pending)
            pending = None
        row = RowDraft()
        row.add(lc)
        if not lc.has_figure and i + 1 < len(lines):
            pending = row
            continue
        rows.append(row)
    if pending is not None:
        rows.append(pending)
    return rows


def _continues_above(row: RowDraft, lc: LineCells, row_space: Optional[float]) -> bool:
    if not lc.filled or not lc.filled <= row.filled:
        return False
    if lc.has_figure:
        return _completes_numbers(row, lc)
    tight = _tight(row.lines[-1].line, lc.line, row_space)
    for c in lc.filled:
        above, text = row.text(c), lc.text(c)
        if is_figure(above.replace(" ", "")):
            return False  # words under a figure are a new row's label, not the figure's end
        if not (tight or above.endswith("-") or text[:1].islower()):
            return False
    return True


def _completes_numbers(row: RowDraft, lc: LineCells) -> bool:
    """"12" above "587" in the same narrow cell, the line having nothing else."""
    if 0 in lc.filled and len(lc.filled) > 1:
        return False
    for c in lc.filled:
        text = lc.text(c)
        above = row.text(c)
        if not (_THOUSANDS_GROUP.match(text) and _LEAD_GROUP.match(above.split(" ")[-1] if above else "")
                and re.fullmatch(r"[−\-–+]?\d{1,3}(?: \d{3})*", above or "")):
            return False
    return True


def _opens_below(first: RowDraft, lc: LineCells, row_space: Optional[float]) -> bool:
    """Text-only lines that are the first lines of the next row's cells (set bottom-aligned or
    hyphenated), rather than a group label standing on its own row."""
    if not first.filled <= lc.filled:
        return False
    tight = _tight(first.lines[-1].line, lc.line, row_space)
    for c in first.filled:
        above, below = first.text(c), lc.text(c)
        if is_figure(below.replace(" ", "")):
            return False
        if not (tight or above.endswith("-") or below[:1].islower()):
            return False
    return True


def header_rows(lines: Sequence[Line], columns: Sequence[tuple[float, float]]) -> list[RowDraft]:
    """Header lines into rows (stage 4): a line with a label over several columns is a row of
    its own (with the label in the first column it covers); lines whose labels each sit over
    one column are the wrapped lines of one row."""
    rows: list[RowDraft] = []
    kinds: list[bool] = []  # per row: spanning or not
    for line in lines:
        lc = LineCells(line)
        spanning = False
        for atom in line_atoms(line):
            cols = spanned_columns(atom.x0, atom.x1, columns)
            spanning = spanning or len(cols) > 1
            c = cols[0] if len(cols) > 1 else column_of(atom.x0, atom.x1, columns)
            lc.cells.setdefault(c, []).extend(atom.words)
        if rows and _wraps(rows[-1], lc):
            rows[-1].add(lc)
            continue
        row = RowDraft()
        row.add(lc)
        rows.append(row)
        kinds.append(spanning)
    return rows


def _wraps(row: RowDraft, lc: LineCells) -> bool:
    """A header line continues the row above when it fills only some of the columns the row
    fills (the long labels wrapped, the short ones did not), or when every label they share
    reads on (a hyphen, a comma, a lower-case start). A line of new labels over every column
    ("2025 2026" under "Antal") is a row of its own."""
    above = row.filled
    shared = lc.filled & above
    if not shared or not (lc.filled <= above or above <= lc.filled):
        return False
    if lc.filled < above:
        return True
    return all(_reads_on(row.text(c), lc.text(c)) for c in shared)


def _reads_on(above: str, text: str) -> bool:
    if is_figure(text.replace(" ", "")):
        return False
    # a unit in parentheses under a label ("Tilldelat" / "(mnkr)") belongs to it
    return above.endswith(("-", ",", "/")) or text[:1].islower() or text.startswith("(")


def word_counts(words: Iterable[Word]) -> Counter[str]:
    """How often each word occurs in a document, lower case, punctuation stripped: the
    document's own lexicon for telling a word broken in two from two words."""
    return Counter(w.text.strip(_PUNCT).lower() for w in words)


_PUNCT = ".,;:!?()[]\"'«»”“%"


def broken_inside_word(prev: Sequence[Word], nxt: Sequence[Word], edge: Optional[float],
                       lexicon: Optional[Mapping[str, int]] = None) -> bool:
    """True when a cell's line was broken inside a word for want of width, with no hyphen
    ("Aktivitetsersättn" / "ing"): the line is one word that reaches the cell's right edge and
    the next opens in lower case. The document decides the rest: the joined word occurs in
    it elsewhere, or the second piece does not occur in it as a word of its own (a piece of
    three letters or more that is no stop word)."""
    if edge is None or len(prev) != 1 or not nxt:
        return False
    word, first = prev[-1].text, nxt[0].text
    if not (word.isalpha() and word[-1].islower() and prev[-1].x1 >= edge - 1.0
            and first.isalpha() and first[0].islower()):
        return False
    lexicon = lexicon or {}
    if lexicon.get((word + first).lower(), 0) > 0:
        return True
    if lexicon.get(first.lower(), 0) > 1 or first in STOP_WORDS:
        return False
    return len(first) >= 3


def row_cells(row: RowDraft, n_cols: int, edges: Optional[Sequence[float]] = None,
              lexicon: Optional[Mapping[str, int]] = None):
    """(text, refs, bbox, bold) per column of one row; `edges` are the columns' right edges
    (the rightmost ink of each), which tell a word broken for want of width."""
    out = []
    for c in range(n_cols):
        text = ""
        refs: list[int] = []
        boxes = []
        bold = True
        prev_words: Sequence[Word] = ()
        for line, words in row.parts.get(c, []):
            piece, piece_refs = line_text_with_refs(line, words)
            refs.extend(num for num, _ in piece_refs)
            if text and broken_inside_word(prev_words, words, edges[c] if edges else None, lexicon):
                text += piece
            else:
                text = join_hyphenated(text, piece) if text else piece
            prev_words = words
            boxes.append((min(w.x0 for w in words), line.top, max(w.x1 for w in words), line.bottom))
            bold = bold and all(w.bold for w in words)
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                max(b[3] for b in boxes)) if boxes else None
        out.append((text, refs, bbox, bold and bool(boxes)))
    return out


def column_edges(rows: Sequence[RowDraft], n_cols: int) -> list[float]:
    """The rightmost ink of each column over all rows."""
    edges = [0.0] * n_cols
    for row in rows:
        for c, pieces in row.parts.items():
            for _, words in pieces:
                edges[c] = max(edges[c], max(w.x1 for w in words))
    return edges
