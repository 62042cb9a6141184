"""A table as a grid of readings: every numeric cell with its unit, row label and column headers.

Cells come from the Document's Table when the context has it (every cell, with its headers)
and fall back to the facts' cell ids ("doc:t3:r2c1") when it does not. Units come from the
fact when one was extracted, else from the cell ("9,7%"), its headers ("Andel") or the table's
unit note ("Belopp i tkr"). What the layout promises about these cells is relations.py.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, Sequence

from ingest.records import Table, TableCell
from nlp.checks.base import cell_ref, fact_ref
from nlp.checks.context import CheckContext, Tolerances
from nlp.checks.precision import Reading, read
from nlp.checks.words import SHARE_LABELS, TOTAL_LABELS
from nlp.records import Fact, FindingFact
from nlp.sv.numerals import parse_swedish_number
from nlp.sv.periods import BARE_YEAR
from nlp.sv.units import unit_note_scale

_CELL_ID = re.compile(r"^(?P<table>.+):r(?P<row>\d+)c(?P<col>\d+)$")
_MARKUP = re.compile(r"</?\w+>|\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+$")

Pos = tuple[int, int]


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    text: str
    unit: str
    reading: Reading
    fact: Optional[Fact] = None
    cell: Optional[TableCell] = None
    scale: float = 1.0  # value / printed number ("tkr" -> 1000), to print computed values alike

    @property
    def value(self) -> float:
        return self.reading.value

    def printed(self, value: float) -> float:
        """A computed value in this cell's printed unit (thousands for a "tkr" table)."""
        return value / self.scale if self.scale else value


@dataclass(frozen=True)
class Grid:
    doc: str
    table_id: str
    table: Optional[Table]
    cells: dict[Pos, GridCell]
    row_labels: dict[int, str]
    col_labels: dict[int, tuple[str, ...]]  # header tokens, outermost first, "Ja, kvinnor" split at commas
    stub_rows: frozenset[int] = field(default_factory=frozenset)  # rows with a label and no figure
    # Columns with a header cell of their own. A column that only inherits its group's header
    # ("Q3" over four unlabelled columns) is a table the reader could not align; it makes no
    # promise about sums.
    labelled: Optional[frozenset[int]] = None
    transposed: bool = False  # read the other way (transposed()): the table's rows are these columns

    def has_label(self, col: int) -> bool:
        return self.labelled is None or col in self.labelled

    @property
    def rows(self) -> list[int]:
        return sorted({r for r, _ in self.cells})

    @property
    def cols(self) -> list[int]:
        return sorted({c for _, c in self.cells})

    def label(self) -> str:
        if self.table is not None and self.table.caption:
            return self.table.caption
        return self.table_id


# --- building -------------------------------------------------------------------------------

def clean(text: str) -> str:
    return _MARKUP.sub("", (text or "").strip()).strip()


def norm(label: str) -> str:
    return re.sub(r"[\s:*]+", " ", clean(label).lower()).strip(" ,")


def is_total(label: str) -> bool:
    return norm(label) in TOTAL_LABELS


def is_share_label(tokens: Iterable[str]) -> bool:
    low = " ".join(tokens).lower()
    return any(w in low for w in SHARE_LABELS)


def tokens_of(headers: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for h in headers:
        out.extend(t.strip() for t in clean(h).split(",") if t.strip())
    return tuple(out)


def grids(facts: Sequence[Fact], context: CheckContext) -> list[Grid]:
    """One grid per table that the facts come from (or, with documents, every table of their reports)."""
    by_cell = {f.cell: f for f in facts if f.cell}
    docs = sorted({f.doc for f in facts})
    out: list[Grid] = []
    covered: set[str] = set()
    for doc_id in docs:
        doc = context.document(doc_id)
        if doc is None:
            continue
        for table in doc.tables:
            out.append(grid_from_table(table, by_cell, context.tolerances))
            covered.add(table.id)
    loose: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        m = _CELL_ID.match(f.cell or "")
        if m and m.group("table") not in covered:
            loose[m.group("table")].append(f)
    for table_id, fs in sorted(loose.items()):
        out.append(grid_from_facts(table_id, fs, context.tolerances))
    return out


def grid_from_table(table: Table, by_cell: dict[str, Fact], tol: Tolerances) -> Grid:
    note = unit_note_scale(table.unit_note) if table.unit_note else None
    if note is None:
        from_caption = unit_note_scale(table.caption)
        note = from_caption if from_caption and from_caption[0] == "kronor" else None
    days = "dagar" in table.caption.lower()
    stub: dict[int, str] = {}
    heads: dict[int, tuple[str, ...]] = {}
    cells: dict[Pos, GridCell] = {}
    for c in table.cells:
        if c.is_header:
            if c.col == 0 and c.row >= table.header_rows and clean(c.text):
                stub.setdefault(c.row, clean(c.text))
            continue
        if c.row_headers:
            stub.setdefault(c.row, clean(c.row_headers[0]))
        heads.setdefault(c.col, tokens_of(c.col_headers))
        fact = by_cell.get(c.id)
        text = clean(c.text)
        number = parse_swedish_number(text)
        if number is None:
            continue
        share = text.endswith("%") or is_share_label(c.col_headers) or is_share_label(c.row_headers)
        if fact is not None:
            unit, value, scale = ("procent" if share else fact.unit), fact.value, fact.scale
        else:
            unit, scale = ("procent", 1.0) if share else ("dagar", 1.0) if days else (note or ("antal", 1.0))
            value = number * scale
        factor = value / number if number else scale
        cells[(c.row, c.col)] = GridCell(c.row, c.col, text, unit, read(value, text, unit, scale, "exact", tol), fact, c, factor)
    stub_rows = frozenset(r for r, label in stub.items() if not any((r, c) in cells for c in range(table.n_cols)))
    first_data = min((r for r, _ in cells), default=0)
    labelled = frozenset(c.col for c in table.cells if c.is_header and c.row < first_data and clean(c.text))
    return Grid(table.doc, table.id, table, cells, stub, heads, stub_rows, labelled)


def grid_from_facts(table_id: str, facts: Sequence[Fact], tol: Tolerances) -> Grid:
    """Without the Document: positions from the cell ids, labels from the breakdowns."""
    cells: dict[Pos, GridCell] = {}
    rows: dict[int, str] = {}
    for f in facts:
        m = _CELL_ID.match(f.cell or "")
        if not m:
            continue
        r, c = int(m.group("row")), int(m.group("col"))
        cells[(r, c)] = GridCell(r, c, f.printed, f.unit, read(f.value, f.printed, f.unit, f.scale, f.qualifier, tol), f, None, f.scale or 1.0)
    return Grid(facts[0].doc if facts else "", table_id, None, cells, rows, {})


def transposed(grid: Grid) -> Grid:
    """The same table read the other way: rows become columns. A table that prints its measures
    in rows ("Antal som uppnådde ...", "Andel som blev kvar ...") and its groups in columns
    makes the same promises across its rows as the usual table does across its columns."""
    cells = {(c, r): replace(cell, row=c, col=r) for (r, c), cell in grid.cells.items()}
    row_labels = {c: ", ".join(labels) for c, labels in grid.col_labels.items()}
    col_labels = {r: tokens_of([label]) for r, label in grid.row_labels.items()}
    return Grid(grid.doc, grid.table_id, grid.table, cells, row_labels, col_labels, frozenset(), None, not grid.transposed)


def share_columns(grid: Grid) -> list[int]:
    return [c for c in grid.cols if any(grid.cells[(r, c)].unit == "procent" for r in grid.rows if (r, c) in grid.cells)]


def year_of(grid: Grid, pos: Pos, reporting_year: Optional[int] = None) -> str:
    """The year a cell is about: its fact's period, else a year in its row or column label or
    the caption, else the report's own year."""
    cell = grid.cells.get(pos)
    if cell is not None and cell.fact is not None and cell.fact.period:
        return cell.fact.period
    for text in (grid.row_labels.get(pos[0], ""), " ".join(grid.col_labels.get(pos[1], ())), grid.label()):
        years = BARE_YEAR.findall(text)
        if len(years) == 1:
            return years[0]
    return str(reporting_year) if reporting_year else ""


def cell_year(grid: Grid, pos: Pos, context: CheckContext) -> str:
    doc = context.document(grid.doc)
    return year_of(grid, pos, doc.metadata.reporting_year if doc is not None else None)


def grid_ref(grid: Grid, pos: Pos, context: CheckContext) -> FindingFact:
    """The finding's record of a cell: its fact when one was extracted, else the cell itself."""
    cell = grid.cells[pos]
    if cell.fact is not None:
        return fact_ref(cell.fact, context)
    assert grid.table is not None and cell.cell is not None, "a cell without a fact comes from a Table"
    return cell_ref(grid.table, cell.cell, cell.value, context, cell_year(grid, pos, context))
