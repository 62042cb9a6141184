"""Small builders for synthetic facts, tables and documents, so each check's test reads as data.

`fact(...)` makes a Fact with sensible defaults (the printed form follows the value);
`table(...)` makes an ingest Table from rows of printed cells (first row header, first column
stub); `document(...)` wraps blocks, tables and footnotes with a publication date; `context(...)`
builds the CheckContext; `flat(findings)` (a fixture) is the list the tests compare exactly, as
frictionless-py's __spec__ tests compare a report's flattened errors.
"""
from __future__ import annotations

from typing import Iterable, Optional, Sequence

import pytest

from ingest.records import Block, Document, DocumentMetadata, Footnote, Table, TableCell
from nlp.checks import CheckContext
from nlp.records import Fact, Finding, Measure


def printed_of(value: float, unit: str) -> str:
    text = f"{value:,.{0 if float(value).is_integer() else 1}f}".replace(",", " ").replace(".", ",")
    return text + (" procent" if unit == "procent" else "")


def make_fact(
    value: float,
    measure: str = "kartlaggningar_antal",
    period: str = "2019",
    doc: str = "rapport-2019",
    kind: str = "body",
    printed: Optional[str] = None,
    unit: str = "antal",
    scale: float = 1.0,
    qualifier: str = "exact",
    breakdown: tuple = (),
    line: int = 10,
    quote: str = "",
    block: Optional[str] = None,
    cell: Optional[str] = None,
    id: Optional[str] = None,
) -> Fact:
    p = printed if printed is not None else printed_of(value / scale, unit)
    return Fact(
        id=id or f"{doc}:{kind}:{line}:{measure}:{period}:{p}:{breakdown}",
        doc=doc,
        source_file=f"{doc}.txt",
        measure=measure,
        measure_label=measure.replace("_", " "),
        period=period,
        breakdown=tuple(breakdown),
        value=float(value),
        printed=p,
        unit=unit,
        scale=scale,
        qualifier=qualifier,
        kind=kind,
        page=None,
        line=line,
        quote=quote or f"Siffran är {p}.",
        block=block,
        cell=cell,
    )


def make_table(
    doc: str,
    index: int,
    rows: Sequence[Sequence[str]],
    caption: str = "",
    unit_note: str = "",
    header_rows: int = 1,
    line: int = 100,
) -> Table:
    """Rows of printed cells; the first `header_rows` rows are headers, column 0 is the stub."""
    table_id = f"{doc}:t{index}"
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            header = r < header_rows or c == 0
            col_headers: tuple[str, ...] = ()
            if r >= header_rows:
                heads = []
                for h in range(header_rows):
                    # a group header spans the empty header cells to its right
                    cc = c
                    while cc > 0 and not rows[h][cc] and h < header_rows - 1:
                        cc -= 1
                    if rows[h][cc]:
                        heads.append(rows[h][cc])
                col_headers = tuple(heads)
            row_headers = (row[0],) if r >= header_rows and c > 0 and row[0] else ()
            cells.append(TableCell(table_id, r, c, text, row_headers, col_headers, header, None, line + r))
    return Table(table_id, doc, index, index + 1, caption, tuple(cells), header_rows=header_rows,
                 unit_note=unit_note, line_start=line, line_end=line + len(rows))


def make_document(
    doc: str,
    published: str,
    reporting_year: int,
    blocks: Iterable[Block] = (),
    tables: Iterable[Table] = (),
    footnotes: Iterable[Footnote] = (),
) -> Document:
    return Document(
        id=doc, source_file=f"{doc}.txt", content_hash="0" * 64, format="text",
        metadata=DocumentMetadata(title=doc, published=published, reporting_year=reporting_year),
        blocks=tuple(blocks), tables=tuple(tables), footnotes=tuple(footnotes),
    )


def make_block(doc: str, order: int, text: str, section: tuple[str, ...] = ("Resultat",), line: int = 10, kind: str = "paragraph") -> Block:
    return Block(f"{doc}:b{order}", doc, order, kind, section, text, line_start=line, line_end=line)


def facts_from_table(table: Table, measure: str = "kartlaggningar_antal", period: str = "2019",
                     unit: str = "antal", scale: float = 1.0) -> list[Fact]:
    """One fact per numeric body cell; shares ("54%") get unit procent."""
    out = []
    for c in table.cells:
        if c.is_header or not c.text:
            continue
        digits = c.text.rstrip("%").replace(" ", "").replace(",", ".").replace("−", "-")
        try:
            number = float(digits)
        except ValueError:
            continue
        u = "procent" if c.text.endswith("%") else unit
        s = 1.0 if u == "procent" else scale
        out.append(make_fact(number * s, measure=measure, period=period, doc=table.doc, kind="table", printed=c.text,
                             unit=u, scale=s, line=c.line or 0, cell=c.id, quote=" | ".join(c.row_headers + c.col_headers) + f": {c.text}",
                             id=c.id))
    return out


def make_context(measures: Iterable[Measure] = (), documents: Iterable[Document] = (), **tolerances) -> CheckContext:
    return CheckContext.build(measures=measures, documents=documents, tolerances=tolerances or None)


def flatten(findings: Iterable[Finding]) -> list[tuple[str, str, str, str]]:
    return [(f.type, f.severity, f.measure, f.period) for f in findings]


@pytest.fixture
def flat():
    return flatten


@pytest.fixture
def fact():
    return make_fact


@pytest.fixture
def table():
    return make_table


@pytest.fixture
def document():
    return make_document


@pytest.fixture
def block():
    return make_block


@pytest.fixture
def context():
    return make_context


@pytest.fixture
def table_facts():
    return facts_from_table

