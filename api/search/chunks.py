"""Documents -> chunks that follow the report's own structure, never fixed token windows.

- A paragraph is one chunk (list items join the paragraph that introduces them); its
  section headings are prefixed to the text that is searched, so "Omställningsmöten" in a
  heading helps find the paragraph below it.
- A table is one chunk: caption, unit note, header and body rows as printed, source note.
- Each body row of a table is a chunk of its own, "caption | row header | column header:
  cell; ...", so a single figure is found by the caption's words and its own headers,
  without the other rows drowning it.
- A footnote is a chunk, searched together with the heading of the text that cites it.

Every chunk keeps its provenance (doc, file, section, page, line, block/table ids) from the
start, so a hit never has to be traced back to its report afterwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from ingest.records import Block, Document, Footnote, Table

from ..records import Passage

# ~220 Swedish words stay well under the model's 512 tokens (about 1.6 tokens a word).
MAX_WORDS = 220
# Headings above the text that go into the searched text: the innermost two levels say what
# a paragraph is about; the outer ones (the report title) are the same for every chunk.
HEADING_LEVELS = 2
TEXT_KINDS = ("paragraph", "list_item")
# Blocks that are not indexed on their own: headings ride along with their paragraphs, the
# table of contents repeats the headings, and source notes travel with their tables.
SKIPPED_KINDS = ("heading", "toc", "source_note")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-ZÅÄÖ0-9])")


@dataclass(frozen=True)
class Chunk:
    """A unit of search: what is shown (`text`) and what is matched (`search_text`)."""

    id: str
    doc: str
    source_file: str
    kind: str  # paragraph | table | table_row | footnote
    text: str
    search_text: str
    section: tuple[str, ...] = ()
    page: Optional[int] = None
    page_label: Optional[str] = None
    line: Optional[int] = None
    blocks: tuple[str, ...] = ()
    table: Optional[str] = None
    row: Optional[int] = None

    def to_passage(self, score: float = 0.0) -> Passage:
        return Passage(
            id=self.id, doc=self.doc, source_file=self.source_file, kind=self.kind, text=self.text,
            section=self.section, page=self.page, page_label=self.page_label, line=self.line,
            score=float(score), blocks=self.blocks, table=self.table, row=self.row,
        )


def heading_prefix(section: tuple[str, ...]) -> str:
    return " – ".join(section[-HEADING_LEVELS:])


def _with_heading(section: tuple[str, ...], text: str) -> str:
    prefix = heading_prefix(section)
    return f"{prefix}\n{text}" if prefix else text


def split_long_text(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Split at sentence ends into pieces of at most `max_words` (a longer sentence stays whole)."""
    if len(text.split()) <= max_words:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for sentence in SENTENCE_END.split(text):
        n = len(sentence.split())
        if current and count + n > max_words:
            pieces.append(" ".join(current))
            current, count = [], 0
        current.append(sentence)
        count += n
    if current:
        pieces.append(" ".join(current))
    return pieces


def caption_key(text: str) -> str:
    """A caption without case, punctuation or spacing: "Tabell 6, Antal ... 2012-2022." -> "tabell6antal...20122022"."""
    return re.sub(r"\W+", "", text.lower())


def _group_blocks(blocks: Iterable[Block], table_captions: set[str]) -> Iterator[list[Block]]:
    """Paragraphs in order, each followed by the list items it introduces (same section)."""
    group: list[Block] = []
    words = 0
    for block in blocks:
        if block.kind in SKIPPED_KINDS or not block.text.strip():
            continue
        if block.kind == "caption" and caption_key(block.text) in table_captions:
            continue  # the table chunk carries its own caption (a repeated caption line adds nothing)
        n = len(block.text.split())
        joins = (
            block.kind == "list_item"
            and group
            and group[-1].section == block.section
            and words + n <= MAX_WORDS
        )
        if joins:
            group.append(block)
            words += n
            continue
        if group:
            yield group
        group, words = [block], n
    if group:
        yield group


def blocks_to_chunks(doc: Document) -> Iterator[Chunk]:
    captions = {caption_key(t.caption) for t in doc.tables if t.caption}
    for group in _group_blocks(doc.blocks, captions):
        first = group[0]
        text = "\n".join(b.text for b in group)
        pieces = split_long_text(text)
        for i, piece in enumerate(pieces):
            yield Chunk(
                id=first.id if len(pieces) == 1 else f"{first.id}:{i}",
                doc=doc.id, source_file=doc.source_file, kind="paragraph", text=piece,
                search_text=_with_heading(first.section, piece), section=first.section,
                page=first.page, page_label=first.page_label, line=first.line_start,
                blocks=tuple(b.id for b in group),
            )


def _row_text(cells: list[str]) -> str:
    return " | ".join(c for c in cells)


def table_text(table: Table) -> str:
    """The whole table as printed: caption, unit note, rows (header rows first), source."""
    lines = [table.caption] if table.caption else []
    if table.unit_note and table.unit_note.lower() not in table.caption.lower():
        lines.append(table.unit_note)
    for row in table.rows:
        if any(c.strip() for c in row):
            lines.append(_row_text(row))
    if table.source_note:
        lines.append(table.source_note)
    return "\n".join(lines)


def table_to_chunk(doc: Document, table: Table) -> Chunk:
    text = table_text(table)
    return Chunk(
        id=table.id, doc=doc.id, source_file=doc.source_file, kind="table", text=text,
        search_text=_with_heading(table.section, text), section=table.section, page=table.page,
        page_label=table.page_label, line=table.line_start, table=table.id,
    )


def row_text(table: Table, row: int) -> Optional[str]:
    """"caption | row header | column header: cell; ..." for one body row, None if it has no figures."""
    cells = sorted((c for c in table.cells if c.row == row and not c.is_header and c.text.strip()),
                   key=lambda c: c.col)
    if not cells:
        return None
    row_label = " / ".join(cells[0].row_headers)
    if not row_label:  # a table without a header column: the first cell names the row
        row_label = next((c.text for c in table.cells if c.row == row and c.col == 0), "")
    parts = []
    for c in cells:
        header = ", ".join(h for h in c.col_headers if h)
        if not header and c.text == row_label:
            continue
        parts.append(f"{header}: {c.text}" if header else c.text)
    if table.unit_note and table.unit_note.lower() not in table.caption.lower():
        parts.append(table.unit_note)
    head = " | ".join(p for p in (table.caption, row_label) if p)
    return f"{head} | {'; '.join(parts)}" if parts else None


def table_rows_to_chunks(doc: Document, table: Table) -> Iterator[Chunk]:
    for row in range(table.header_rows, table.n_rows):
        text = row_text(table, row)
        if text is None:
            continue
        line = next((c.line for c in table.cells if c.row == row and c.line is not None), table.line_start)
        page = next((c.page for c in table.cells if c.row == row and c.page is not None), table.page)
        yield Chunk(
            id=f"{table.id}:r{row}", doc=doc.id, source_file=doc.source_file, kind="table_row",
            text=text, search_text=_with_heading(table.section, text), section=table.section,
            page=page, page_label=table.page_label if page == table.page else None, line=line,
            table=table.id, row=row,
        )


def footnote_to_chunk(doc: Document, footnote: Footnote, sections: dict[str, tuple[str, ...]]) -> Chunk:
    section = next((sections[r] for r in footnote.marker_refs if r in sections), ())
    text = f"{footnote.number} {footnote.text}"
    return Chunk(
        id=footnote.id, doc=doc.id, source_file=doc.source_file, kind="footnote", text=text,
        search_text=_with_heading(section, text), section=section, page=footnote.page,
        page_label=footnote.page_label, line=footnote.line,
    )


def document_to_chunks(doc: Document) -> list[Chunk]:
    """All chunks of one report, in reading order within each kind."""
    chunks = list(blocks_to_chunks(doc))
    for table in doc.tables:
        chunks.append(table_to_chunk(doc, table))
        chunks.extend(table_rows_to_chunks(doc, table))
    sections = {b.id: b.section for b in doc.blocks}
    sections.update({t.id: t.section for t in doc.tables})
    for table in doc.tables:
        sections.update({c.id: table.section for c in table.cells})
    chunks.extend(footnote_to_chunk(doc, f, sections) for f in doc.footnotes if f.text.strip())
    return chunks


def documents_to_chunks(docs: Iterable[Document]) -> list[Chunk]:
    return [chunk for doc in docs for chunk in document_to_chunks(doc)]


__all__ = [
    "Chunk",
    "MAX_WORDS",
    "document_to_chunks",
    "documents_to_chunks",
    "row_text",
    "split_long_text",
    "table_text",
]
