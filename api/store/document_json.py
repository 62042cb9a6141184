"""The public JSON shape of one document: `rapportkoll show DOC --format json` and GET /documents/{id}.

A contract shared by the CLI and the HTTP API, so it lives in neither: add keys, never rename.
"""
from __future__ import annotations

from dataclasses import asdict

from ingest.records import Document


def document_json(doc: Document) -> dict:
    """The public shape of `rapportkoll show DOC --format json` (a contract; add keys, never rename)."""
    meta = asdict(doc.metadata)
    return {
        "id": doc.id,
        "source_file": doc.source_file,
        "format": doc.format,
        "content_hash": doc.content_hash,
        "page_count": doc.page_count,
        "line_count": doc.line_count,
        "metadata": meta,
        "blocks": [{"id": b.id, "kind": b.kind, "section": list(b.section), "text": b.text, "page": b.page,
                    "page_label": b.page_label, "line_start": b.line_start, "line_end": b.line_end,
                    "bbox": list(b.bbox) if b.bbox else None,
                    "footnote_refs": [{"number": r.number, "offset": r.offset} for r in b.footnote_refs]} for b in doc.blocks],
        "footnotes": [{"id": f.id, "number": f.number, "text": f.text, "page": f.page, "page_label": f.page_label,
                       "line": f.line, "marker_refs": list(f.marker_refs)} for f in doc.footnotes],
        "tables": [{"id": t.id, "number": t.number, "label": t.label, "continued": t.continued, "caption": t.caption, "page": t.page, "pages": list(t.pages),
                    "page_label": t.page_label, "line_start": t.line_start, "line_end": t.line_end, "section": list(t.section),
                    "source_note": t.source_note, "unit_note": t.unit_note, "header_rows": t.header_rows, "rows": t.rows,
                    "cells": [{"id": c.id, "bbox": list(c.bbox) if c.bbox else None, "row": c.row, "col": c.col, "text": c.text, "row_headers": list(c.row_headers),
                               "col_headers": list(c.col_headers), "is_header": c.is_header, "page": c.page, "line": c.line}
                              for c in t.cells]}
                   for t in doc.tables],
    }


__all__ = ["document_json"]
