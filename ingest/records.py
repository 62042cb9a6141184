"""The records ingestion produces: data only, no behaviour beyond derived views.

Every later stage reads these. They are frozen so a stage cannot change what an earlier
stage saw; tuples instead of lists for the same reason.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass
from typing import Optional

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points

BLOCK_KINDS = ("heading", "paragraph", "list_item", "footnote", "caption", "toc", "source_note")


@dataclass(frozen=True)
class DocumentMetadata:
    title: str = ""
    publishers: tuple[str, ...] = ()
    published: Optional[str] = None  # ISO date, or year-month when that is all we know
    reporting_year: Optional[int] = None
    years: Optional[str] = None  # the years reported on, "2019" or "2013-2022"
    # the span a whole report covers when it says so ("Projektperiod: 2024-03-01 – 2026-08-31" -> "2024-2026"):
    # the period of its figures that name no year of their own
    reporting_period: Optional[str] = None
    kind: Optional[str] = None  # återrapport, underlagsrapport, regeringsuppdrag, rapport
    diarienummer: tuple[str, ...] = ()
    from_manifest: bool = False


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote marker inside a block's text; the marker itself is not in `text`."""

    number: int
    offset: int  # character offset in the block text where the marker stood


@dataclass(frozen=True)
class Block:
    id: str  # "{doc}:b{order}"
    doc: str
    order: int
    kind: str  # one of BLOCK_KINDS
    section: tuple[str, ...]  # heading path above the block, outermost first
    text: str  # as printed, footnote markers removed, hyphenated line breaks joined
    page: Optional[int] = None  # 1-based PDF page index
    page_label: Optional[str] = None  # the printed page number ("7" from "Sida 7")
    line_start: Optional[int] = None  # 1-based line range in a text source
    line_end: Optional[int] = None
    bbox: Optional[BBox] = None
    footnote_refs: tuple[FootnoteRef, ...] = ()
    # offsets in `text` where a new source line begins (after the first), so a figure at
    # offset i sits on line `line_start + bisect_right(line_breaks, i)`
    line_breaks: tuple[int, ...] = ()

    def line_at(self, offset: int) -> Optional[int]:
        """The source line (text sources) holding the character at `offset`."""
        if self.line_start is None:
            return None
        return self.line_start + bisect_right(self.line_breaks, offset)


@dataclass(frozen=True)
class TableCell:
    table: str  # Table.id
    row: int  # 0-based, header rows first
    col: int
    text: str  # as printed, "8 662", "9,7%", "-5 000"
    row_headers: tuple[str, ...] = ()  # the stub cells of this row ("2019", "Kvinnor")
    col_headers: tuple[str, ...] = ()  # header cells above, outermost first ("Ja, kvinnor")
    is_header: bool = False
    page: Optional[int] = None
    line: Optional[int] = None  # line in a text source
    bbox: Optional[BBox] = None

    @property
    def id(self) -> str:
        return f"{self.table}:r{self.row}c{self.col}"


@dataclass(frozen=True)
class Table:
    id: str  # "{doc}:t{index}"
    doc: str
    index: int  # order in the document, 0-based
    number: Optional[int]  # "Tabell 6" -> 6; None when the label is not a plain number ("Tabell B1")
    caption: str
    cells: tuple[TableCell, ...]
    header_rows: int = 1
    source_note: str = ""  # "Källa: MiDAS"
    unit_note: str = ""  # "Belopp i tkr"
    section: tuple[str, ...] = ()
    page: Optional[int] = None  # where it starts
    pages: tuple[int, ...] = ()
    page_label: Optional[str] = None
    line_start: Optional[int] = None
    line_end: Optional[int] = None
    label: str = ""  # the caption's label as printed: "6", "3.2", "B1", "A:1"
    continued: bool = False  # the caption says "(forts.)": the rest of an earlier table

    @property
    def n_rows(self) -> int:
        return 1 + max((c.row for c in self.cells), default=-1)

    @property
    def n_cols(self) -> int:
        return 1 + max((c.col for c in self.cells), default=-1)

    @property
    def rows(self) -> list[list[str]]:
        """Cell text as printed, row by row, header rows first."""
        grid = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            grid[c.row][c.col] = c.text
        return grid


@dataclass(frozen=True)
class Footnote:
    id: str  # "{doc}:fn{number}"
    doc: str
    number: int
    text: str
    page: Optional[int] = None
    page_label: Optional[str] = None
    line: Optional[int] = None
    marker_refs: tuple[str, ...] = ()  # ids of blocks or cells where the marker sits


@dataclass(frozen=True)
class Document:
    id: str
    source_file: str  # the file name as ingested
    content_hash: str  # sha256 of the file bytes
    format: str  # "pdf" or "text"
    metadata: DocumentMetadata
    page_count: Optional[int] = None
    line_count: Optional[int] = None
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    path: str = ""  # where it was read from; not part of the identity

    def footnote(self, number: int) -> Optional[Footnote]:
        return next((f for f in self.footnotes if f.number == number), None)


@dataclass(frozen=True)
class IngestFailure:
    """A file that could not be ingested. A value, not an exception, so a batch can finish."""

    path: str
    reason: str  # a key of ingest.failures.FAILURES
    message: str


def to_dict(record) -> dict:
    """A record as plain JSON-ready data."""
    return asdict(record)


__all__ = [
    "BBox",
    "BLOCK_KINDS",
    "Block",
    "Document",
    "DocumentMetadata",
    "Footnote",
    "FootnoteRef",
    "IngestFailure",
    "Table",
    "TableCell",
    "to_dict",
]
