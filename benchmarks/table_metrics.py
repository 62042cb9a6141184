"""Table-structure scores against exact truth grids: pure functions, no I/O.

The structure metric is the one of the ICDAR 2013 table competition (Göbel et al.): a
table is reduced to its *adjacency relations*, one per non-empty cell and direction, to
the nearest non-empty cell to its right in the same row and the nearest non-empty cell
below it in the same column, as (text, text, direction). Comparing the multisets of
relations of a truth table and of a predicted one gives precision, recall and F1 that do
not depend on how either grid numbers its rows and columns, and that punish exactly what
a reader of the table would notice: two rows run together, a column split in two, a
header cell that moved, a cell that lost its text.

Within a document, each truth table is matched to at most one predicted table on a page
it shares (greedy by shared relations, largest first). A predicted table nobody matched
adds all its relations as false positives: that is what a table of contents, a chart or
two-column prose read as a table costs. A truth table nobody matched adds all its
relations as misses.

Numeric cells are scored apart, since a figure is what a user of the knowledge base
cites: "found" counts truth numeric cells (a multiset) that the matched predicted table
also has, "extra" counts predicted numeric cells of the document that no truth table of
the document accounts for.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

RIGHT = "right"
DOWN = "down"

Grid = Sequence[Sequence[Optional[str]]]
Relation = tuple[str, str, str]  # (text, neighbour's text, RIGHT | DOWN)

# What a printed figure looks like in these reports: "8 662", "12345", "9,7", "-5", "0,62",
# "<5", "9,7 %", "+1,2". Checked on normalised text, so thin and no-break spaces are spaces
# and U+2212 is "-"; an en dash is a minus sign in Swedish typesetting as well.
_NUMBER = re.compile(r"^[<>≤≥~]?\s?[-–+]?\s?\d+(?: \d{3})*(?:[.,]\d+)?\s?%?$")

_SPACES = {"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200a": " "}


def normalise(text: Optional[str]) -> str:
    """Cell text as compared: spaces collapsed, NBSP/thin space -> space, U+2212 -> '-',
    soft hyphens dropped, casefolded. Extractors disagree on exactly these and nothing
    a reader would call a different cell."""
    if not text:
        return ""
    for odd, plain in _SPACES.items():
        text = text.replace(odd, plain)
    text = text.replace("\u2212", "-").replace("\u00ad", "")
    return " ".join(text.split()).casefold()


def is_numeric(text: str) -> bool:
    """A printed figure (on normalised text)."""
    return bool(text) and bool(_NUMBER.match(text))


def normalised_grid(grid: Grid) -> list[list[str]]:
    """Normalised texts, rows padded to the widest row (pdfplumber and camelot can be ragged)."""
    width = max((len(row) for row in grid), default=0)
    return [[normalise(c) for c in row] + [""] * (width - len(row)) for row in grid]


def relations(grid: Grid) -> Counter:
    """The adjacency relations of a grid, as a multiset."""
    cells = normalised_grid(grid)
    out: Counter = Counter()
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            if not text:
                continue
            right = next((t for t in row[c + 1:] if t), None)
            if right is not None:
                out[(text, right, RIGHT)] += 1
            below = next((cells[k][c] for k in range(r + 1, len(cells)) if cells[k][c]), None)
            if below is not None:
                out[(text, below, DOWN)] += 1
    return out


def numeric_cells(grid: Grid) -> Counter:
    """The grid's numeric cells (normalised text) as a multiset."""
    return Counter(t for row in normalised_grid(grid) for t in row if is_numeric(t))


# ----------------------------------------------------------------------------------------
# Counts and scores


@dataclass
class Counts:
    """True positives, false positives and misses; they add up across tables and documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        # nothing predicted and nothing to predict is perfect; nothing predicted while
        # there was something is not a free 1.0 (the recall already says 0, but a
        # precision of 1.0 beside it would read as "careful")
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(truth: Counter, predicted: Counter) -> Counts:
    """Multiset comparison: shared items are hits, the rest misses or false positives."""
    shared = sum((truth & predicted).values())
    return Counts(tp=shared, fp=sum(predicted.values()) - shared, fn=sum(truth.values()) - shared)


# ----------------------------------------------------------------------------------------
# Tables in a document


@dataclass(frozen=True)
class TableGrid:
    """A table as an extractor (or the truth) gives it: the pages it is on and its grid."""

    pages: tuple[int, ...]
    rows: tuple[tuple[str, ...], ...]
    id: str = ""

    @staticmethod
    def of(pages: Sequence[int], rows: Grid, id: str = "") -> "TableGrid":
        return TableGrid(tuple(pages), tuple(tuple(c or "" for c in row) for row in rows), id)


@dataclass
class TableScore:
    """One truth table against the predicted table it was matched to (or none)."""

    truth: int  # index into the truth list
    predicted: Optional[int]  # index into the predicted list, None when unmatched
    relations: Counts
    numeric_total: int
    numeric_found: int
    # figures of the matched predicted table and those of them its truth table lacks: the
    # per-table view of "extra", for reports by table hazard
    numeric_predicted: int = 0
    numeric_extra: int = 0
    missed_relations: Counter = field(default_factory=Counter)
    extra_relations: Counter = field(default_factory=Counter)
    missed_numbers: Counter = field(default_factory=Counter)


@dataclass
class DocumentScore:
    tables: list[TableScore]
    unmatched_predicted: list[int]  # indices of predicted tables no truth table took
    unmatched_relations: Counts  # their relations, all false positives
    unmatched_numeric: int  # figures in those tables
    numeric_predicted: int  # numeric cells in all predicted tables
    numeric_extra: int  # of those, not accounted for by any truth table
    extra_numbers: Counter = field(default_factory=Counter)

    @property
    def relations(self) -> Counts:
        total = self.unmatched_relations
        for t in self.tables:
            total = total + t.relations
        return total

    @property
    def numeric_total(self) -> int:
        return sum(t.numeric_total for t in self.tables)

    @property
    def numeric_found(self) -> int:
        return sum(t.numeric_found for t in self.tables)


def share_pages(a: TableGrid, b: TableGrid) -> bool:
    return bool(set(a.pages) & set(b.pages))


def match_tables(truth: Sequence[TableGrid], predicted: Sequence[TableGrid]) -> dict[int, int]:
    """truth index -> predicted index, one-to-one, greedy by shared relations.

    Only pairs on a common page with at least one shared relation are candidates: a pair
    sharing nothing scores the same matched or not, and leaving it unmatched keeps the
    report honest ("no table came back"). Ties go to the earlier tables, so the result
    does not depend on dictionary order.
    """
    truth_rel = [relations(t.rows) for t in truth]
    pred_rel = [relations(p.rows) for p in predicted]
    candidates = []
    for i, t in enumerate(truth):
        for j, p in enumerate(predicted):
            if share_pages(t, p):
                overlap = sum((truth_rel[i] & pred_rel[j]).values())
                if overlap:
                    candidates.append((-overlap, i, j))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def score_document(truth: Sequence[TableGrid], predicted: Sequence[TableGrid]) -> DocumentScore:
    """Relations and numeric cells of every truth table against its matched predicted table."""
    pairs = match_tables(truth, predicted)
    tables = []
    for i, t in enumerate(truth):
        j = pairs.get(i)
        want, got = relations(t.rows), relations(predicted[j].rows) if j is not None else Counter()
        want_num = numeric_cells(t.rows)
        got_num = numeric_cells(predicted[j].rows) if j is not None else Counter()
        tables.append(TableScore(
            truth=i, predicted=j, relations=compare(want, got),
            numeric_total=sum(want_num.values()), numeric_found=sum((want_num & got_num).values()),
            numeric_predicted=sum(got_num.values()), numeric_extra=sum((got_num - want_num).values()),
            missed_relations=want - got, extra_relations=got - want, missed_numbers=want_num - got_num,
        ))
    unmatched = [j for j in range(len(predicted)) if j not in set(pairs.values())]
    unmatched_rel = Counts()
    unmatched_num = 0
    for j in unmatched:
        unmatched_rel = unmatched_rel + compare(Counter(), relations(predicted[j].rows))
        unmatched_num += sum(numeric_cells(predicted[j].rows).values())
    all_truth_num = sum((numeric_cells(t.rows) for t in truth), Counter())
    all_pred_num = sum((numeric_cells(p.rows) for p in predicted), Counter())
    extra = all_pred_num - all_truth_num
    return DocumentScore(
        tables=tables, unmatched_predicted=unmatched, unmatched_relations=unmatched_rel, unmatched_numeric=unmatched_num,
        numeric_predicted=sum(all_pred_num.values()), numeric_extra=sum(extra.values()), extra_numbers=extra,
    )


def row_texts(grid: Grid) -> Counter:
    """Each row as the tuple of its non-empty normalised cells, as a multiset: a row missing
    from a predicted table (merged, split, lost at a page break) shows up in the difference."""
    return Counter(tuple(t for t in row if t) for row in normalised_grid(grid) if any(row))


def neighbours(grid: Grid, text: str, direction: str) -> list[str]:
    """What the grid has next to `text` (normalised) in one direction: for reporting a
    missed relation as "expected X, got Y"; "(end)" where the cell has no neighbour."""
    out = []
    for (a, b, d), n in relations(grid).items():
        if a == text and d == direction:
            out += [b] * n
    cells = normalised_grid(grid)
    present = sum(row.count(text) for row in cells)
    return out + ["(end)"] * (present - len(out)) if present > len(out) else out


def words_found(sample: str, grid: Grid) -> float:
    """Share of a text sample's words that a grid's cells hold: how much of a region that is
    not a table (a chart's labels, a bullet list, a TOC) an extractor took as one."""
    want = normalise(sample).split()
    if not want:
        return 0.0
    have = Counter(w for row in normalised_grid(grid) for cell in row for w in cell.split())
    return sum((Counter(want) & have).values()) / len(want)
