"""The text versions in corpus/ (.txt, .md) and web pages (.html) -> the same Document as a PDF gives.

Formats seen (see shared/corpus/README.md): plain paragraphs, one per line or wrapped over
several lines; `#` headings or numbered lines ("4. Den gemensamma ..."); tables as runs of
tab-separated lines; footnotes as lines starting with `<sup>N</sup>` or superscript digits;
`---` rules; tables of contents with dot leaders; `<b>` and `**` emphasis. Text converted with
`pdftotext -layout` sets its tables in columns aligned with spaces and keeps the pages' running
headers and footers: ingest.text_layout reads those tables and finds those margins. pandoc's plain
text draws grid tables (`+---+` borders) or marks the columns of simple and multiline tables with
dash rules: ingest.text_grid reads those; Markdown pipe tables, HTML tables and ";"-delimited
lines are read by ingest.text_tab_rows. A word processor's export (LibreOffice's plain text of a Word
document) writes each table cell on a line of its own: ingest.text_cells reads those.

The reader works in named stages: `lines_to_runs` groups lines into runs (paragraph, table,
footnote, rule; ingest.text_runs), `toc_titles` learns headings from the table of contents, and
`runs_to_records` turns runs into Blocks, Tables and Footnotes with their section path
(ingest.text_records; the tables' captions, notes and units from ingest.text_table_records).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional

from .html_lines import html_to_lines, is_html
from .records import Document, DocumentMetadata
from .text_records import runs_to_records
from .text_runs import lines_to_runs


def read_text(path: Path, doc_id: str, metadata: DocumentMetadata, content_hash: str, text: Optional[str] = None) -> Document:
    """Read a .txt/.md/.html report into a Document."""
    if text is None:
        text = Path(path).read_text(encoding="utf-8")
    block_starts: set[int] = set()
    if Path(path).suffix.lower() in (".html", ".htm") and is_html(text):
        lines, block_starts = html_to_lines(text)  # a web page: its markup as the notation read below, line for line
    else:
        lines = text.splitlines()
    runs = lines_to_runs(lines, block_starts)
    blocks, tables, footnotes = runs_to_records(doc_id, runs)
    return Document(id=doc_id, source_file=Path(path).name, content_hash=content_hash, format="text",
                    metadata=metadata, line_count=len(lines), blocks=tuple(blocks), tables=tuple(tables),
                    footnotes=tuple(footnotes), path=str(path))


def iter_lines(doc: Document) -> Iterable[str]:
    """Plain text of a document in reading order (for inference and debugging)."""
    for b in doc.blocks:
        yield b.text
